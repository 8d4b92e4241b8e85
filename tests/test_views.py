import datetime as dt

import pytest
from django.urls import reverse

from tests.conftest import make_event
from timeline.models import Actor, Event, Region, Topic
from timeline.selectors.columns import columns_current

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def region(slug):
    return Region.objects.get(slug=slug)


def topic(slug):
    return Topic.objects.get(slug=slug)


@pytest.fixture
def events():
    """Four events across places, topics and months."""
    russia = Actor.objects.get(slug="russia")
    return {
        "kharkiv": make_event(
            title="Shelling in Kharkiv",
            date=dt.date(2022, 5, 17),
            regions=[region("kharkiv")],
            topics=[topic("battlefield")],
            actors=[russia],
        ),
        "kherson": make_event(
            title="Kherson retaken",
            date=dt.date(2022, 11, 11),
            regions=[region("kherson")],
            topics=[topic("battlefield")],
        ),
        "talks": make_event(
            title="Talks in Istanbul",
            date=dt.date(2022, 3, 29),
            topics=[topic("talks")],
            actors=[russia],
            text="Delegations met in Istanbul for peace talks.",
        ),
        "old": make_event(title="Sanctions package", date=dt.date(2022, 2, 26)),
    }


def titles(response):
    html = response.content.decode()
    return [t for t in ("Shelling in Kharkiv", "Kherson retaken", "Talks in Istanbul",
                        "Sanctions package") if f">{t}</a>" in html]  # fmt: skip


def test_index_lists_events_newest_first_grouped_by_date(client):
    make_event(date=dt.date(2022, 3, 1), title="Older event")
    make_event(date=dt.date(2022, 3, 30), title="Newer event")
    make_event(date=dt.date(2022, 3, 30), title="Same day event")
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Newer event") < html.index("Older event")
    assert html.count('class="day"') == 2
    assert "Wednesday 30 March 2022" in html
    assert "3 events" in html


def test_oldest_first_reverses_the_order(client, events):
    html = client.get("/?sort=oldest").content.decode()
    assert html.index("Sanctions package") < html.index("Kherson retaken")


def test_event_shows_tags_as_filter_links_source_and_permalink(client, events):
    html = client.get("/?topic=battlefield").content.decode()
    event = events["kharkiv"]
    assert 'href="/?region=kharkiv&amp;topic=battlefield"' in html  # adds to the current view
    assert "Test Wire" in html
    assert event.get_absolute_url() in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=battlefield", ["Kherson retaken", "Shelling in Kharkiv"]),
        (
            "topic=battlefield&topic=talks",
            ["Kherson retaken", "Shelling in Kharkiv", "Talks in Istanbul"],
        ),
        ("actor=russia&topic=battlefield", ["Shelling in Kharkiv"]),
        ("region=kharkiv-oblast", ["Shelling in Kharkiv"]),  # a region includes its towns
        ("region=ukraine", ["Shelling in Kharkiv", "Kherson retaken"]),
        ("from=2022-03-01&to=2022-05-31", ["Shelling in Kharkiv", "Talks in Istanbul"]),
        ("q=istanbul", ["Talks in Istanbul"]),
        ("q=peace+delegations", ["Talks in Istanbul"]),
    ],
)
def test_filters_narrow_the_list(client, events, query, expected):
    response = client.get(f"/?{query}", follow=True)
    assert sorted(titles(response)) == sorted(expected)


def test_summary_and_title_say_what_is_shown(client, events):
    html = client.get("/?from=2022-11-01&region=kherson&to=2022-11-30&topic=battlefield")
    html = html.content.decode()
    assert "<title>1 event · Kherson · Battlefield · Nov 2022 · Conflict timeline</title>" in html
    assert 'aria-live="polite"' in html


def test_facet_counts_reflect_the_other_filters(client, events):
    view = client.get("/?actor=russia").context["view"]
    topics = {t.slug: t.count for t in view.facets.topics}
    assert topics["battlefield"] == 1 and topics["talks"] == 1 and topics["sanctions"] == 0
    # A facet counts its own values without its own selection: choosing a topic keeps the others.
    view = client.get("/?topic=talks").context["view"]
    assert {t.slug: t.count for t in view.facets.topics}["battlefield"] == 2


def test_region_tree_rolls_counts_up_to_the_country(client, events):
    view = client.get("/").context["view"]
    (ukraine,) = [r for r in view.facets.regions if r.slug == "ukraine"]
    assert ukraine.count == 2
    oblasts = {r.slug: r for r in ukraine.children}
    assert oblasts["kharkiv-oblast"].count == 1
    assert [c.slug for c in oblasts["kharkiv-oblast"].children] == ["kharkiv"]


def test_active_filters_are_removable_chips(client, events):
    view = client.get("/?q=talks&topic=talks").context["view"]
    assert {(c.label, c.remove_query) for c in view.chips} == {
        ("Talks and diplomacy", "?q=talks"),
        ("“talks”", "?topic=talks"),
    }


def test_density_chart_bars_narrow_the_dates(client, events):
    view = client.get("/").context["view"]
    assert view.density.unit == "month"
    assert sum(bar.count for bar in view.density.bars) == 4
    may = next(bar for bar in view.density.bars if bar.start == dt.date(2022, 5, 1))
    assert may.query == "?from=2022-05-01&to=2022-05-31"
    assert 'aria-label="1 event in May 2022"' in client.get("/").content.decode()


def test_a_non_canonical_query_redirects_to_the_canonical_one(client, events):
    response = client.get("/?topic=talks&q=&from=&sort=newest&region=Kharkiv&page=1")
    assert response.status_code == 302
    assert response.url == "/?region=kharkiv&topic=talks"


def test_htmx_request_gets_the_partial_with_the_canonical_url_pushed(client, events):
    response = client.get("/?topic=talks&q=", **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert 'id="facets" hx-swap-oob="true"' in html
    assert html.startswith("<title>1 event · Talks and diplomacy")
    assert response["HX-Push-Url"] == "/?topic=talks"
    assert "HX-Request" in response["Vary"]


def test_history_restore_gets_the_full_page(client, events):
    response = client.get("/?topic=talks", HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert "<html" in response.content.decode()


def test_load_more_returns_only_the_next_events(client):
    for n in range(55):
        make_event(title=f"Event {n}", date=dt.date(2022, 1, 1) + dt.timedelta(days=n))
    first = client.get("/").content.decode()
    assert first.count("<article") == 50
    assert 'hx-get="/?page=2"' in first
    assert 'href="/?page=2"' in first  # plain page links for no-JS and crawlers
    more = client.get("/?page=2", HTTP_HX_TRIGGER="load-more", **HTMX).content.decode()
    assert more.count("<article") == 5
    assert 'id="facets"' not in more and "load-more" not in more


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ("region=atlantis", "unknown region “atlantis”"),
        ("actor=nobody", "unknown actor “nobody”"),
        ("topic=%3Cscript%3E", "unknown topic “&lt;script&gt;”"),
        ("from=banana", "from date “banana”"),
        ("to=9999-99-99", "to date “9999-99-99”"),
        ("from=0000-00-00", "from date “0000-00-00”"),
        ("page=-3", "page “-3”"),
        ("page=999", "page 999 (there are 1)"),
        ("sort=sideways", "sort “sideways”"),
        ("q=" + "x" * 300, "search text beyond 200 characters"),
    ],
)
def test_bad_query_values_are_dropped_and_named(client, events, query, note):
    response = client.get(f"/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert note in html
    assert "were not understood" in html
    assert "<script>" not in html.split("</head>")[1].replace("<script src", "")


@pytest.mark.parametrize("junk", ["region=" * 500, "%ff%fe=%ff", "topic=a&topic=a&topic=a"])
def test_junk_never_breaks_the_page(client, events, junk):
    assert client.get(f"/?{junk}").status_code in (200, 302)
    assert client.get(f"/?{junk}", **HTMX).status_code == 200


def test_hidden_events_are_not_shown(client):
    make_event(title="Visible one")
    make_event(title="Hidden one", status=Event.Status.HIDDEN)
    html = client.get("/").content.decode()
    assert "Visible one" in html
    assert "Hidden one" not in html


def test_month_precision_is_shown_as_a_month(client):
    make_event(date=dt.date(2022, 9, 1), precision="month")
    assert "September 2022" in client.get("/").content.decode()


def test_text_is_escaped(client):
    make_event(text="<script>alert(1)</script>", title="<b>bold</b>")
    html = client.get("/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html


@pytest.mark.parametrize("columns", ["off", "inline"])  # counted in SQL, or in memory
@pytest.mark.parametrize("query", ["", "?actor=russia&q=shell&region=ukraine&topic=battlefield"])
def test_queries_are_bounded_whatever_the_page_size(
    client, events, query, columns, settings, django_assert_max_num_queries
):
    settings.TIMELINE_COLUMNS = columns
    russia = Actor.objects.get(slug="russia")
    for n in range(60):
        make_event(
            title=f"Shelling {n}",
            regions=[region("kharkiv")],
            actors=[russia],
            topics=[topic("battlefield")],
        )
    columns_current()  # in memory: built beforehand, as the background thread would have
    with django_assert_max_num_queries(10):
        response = client.get(f"/{query}")
    assert response.content.decode().count("<article") == 50


def test_empty_timeline_explains_how_to_import(client):
    assert "import_reports" in client.get("/").content.decode()


def test_permalink_shows_source_context_related_events_and_a_way_back(client):
    kharkiv = region("kharkiv")
    report_text = "---\npublished: 2022-05-18\n---\nFirst paragraph.\n\nShells hit Kharkiv.\n"
    event = make_event(title="Shells hit Kharkiv", text="Shells hit Kharkiv.", regions=[kharkiv])
    event.report.raw_text = report_text
    event.report.save()
    near = make_event(title="More shelling", date=dt.date(2022, 5, 20), regions=[kharkiv])
    make_event(title="Far away in time", date=dt.date(2023, 5, 20), regions=[kharkiv])
    response = client.get(reverse("timeline:event_detail", args=[event.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Shells hit Kharkiv.</mark>" in html
    assert "First paragraph." in html
    assert near.get_absolute_url() in html and "Far away in time" not in html
    assert 'href="/?region=kharkiv"' in html
    assert 'rel="canonical"' in html


def test_hidden_event_permalink_is_not_found(client):
    event = make_event(status=Event.Status.HIDDEN)
    assert client.get(event.get_absolute_url()).status_code == 404


def test_the_page_works_without_javascript(client, events):
    html = client.get("/").content.decode()
    assert '<form id="filters"' in html and 'method="get"' in html
    assert 'type="submit"' in html
    assert 'name="topic" value="talks"' in html and 'name="region" value="kharkiv"' in html


def test_a_merged_event_permalink_leads_to_the_event_it_became(client):
    survivor = make_event(title="Survivor")
    merged = make_event(title="Merged away", status=Event.Status.MERGED, merged_into=survivor)
    response = client.get(merged.get_absolute_url())
    assert response.status_code == 301
    assert response.url == survivor.get_absolute_url()


def test_nul_bytes_in_the_search_never_reach_the_database(client, events):
    assert client.get("/?q=a%00b").status_code in (200, 302)
    assert client.get("/?q=a%00b", **HTMX).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "topic=battlefield",
        "region=ukraine",
        "actor=russia&topic=battlefield",
        "topic=battlefield&topic=talks",
    ],
)
def test_the_count_read_off_a_facet_is_the_true_count(client, events, query):
    view = client.get(f"/?{query}").context["view"]
    assert view.count == len(titles(client.get(f"/?{query}")))


def test_head_requests_are_answered(client, events):
    assert client.head("/").status_code == 200
    assert client.head(events["kharkiv"].get_absolute_url()).status_code == 200
    assert client.post("/").status_code == 405
