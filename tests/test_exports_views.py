import csv
import datetime as dt
import io
import json
import re

import feedparser
import pytest
from django.http import StreamingHttpResponse

from tests.conftest import make_event
from timeline.exports import CSV_COLUMNS
from timeline.models import Actor, Event, Region, Topic

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/events.json",
    "/events.csv",
    "/events.timelinejs.json",
    "/feed.atom",
    "/feed.rss",
    "/embed/",
]


@pytest.fixture
def events():
    """Five events across places, topics, actors and months (one of them hidden)."""
    kharkiv, kherson = Region.objects.get(slug="kharkiv"), Region.objects.get(slug="kherson")
    battlefield, talks = Topic.objects.get(slug="battlefield"), Topic.objects.get(slug="talks")
    russia = Actor.objects.get(slug="russia")
    return [
        make_event(
            title="Shelling in Kharkiv",
            date=dt.date(2022, 5, 17),
            regions=[kharkiv],
            topics=[battlefield],
            actors=[russia],
        ),
        make_event(
            title="Kherson retaken",
            date=dt.date(2022, 11, 11),
            regions=[kherson],
            topics=[battlefield],
        ),
        make_event(
            title="Talks in Istanbul",
            date=dt.date(2022, 3, 29),
            topics=[talks],
            actors=[russia],
            text="Delegations met in Istanbul for peace talks.",
        ),
        make_event(title="Sanctions package", date=dt.date(2022, 2, 1), precision="month"),
        make_event(title="Hidden one", topics=[battlefield], status=Event.Status.HIDDEN),
    ]


def body(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def ids_html(client, query):
    view = client.get(f"/{query}", follow=True).context["view"]
    return [e.pk for e in view.page.object_list]


def ids_json(client, query):
    return [e["id"] for e in json.loads(body(client.get(f"/events.json{query}")))["events"]]


def ids_csv(client, query):
    rows = csv.DictReader(io.StringIO(body(client.get(f"/events.csv{query}"))))
    return [int(row["id"]) for row in rows]


def ids_timelinejs(client, query):
    slides = client.get(f"/events.timelinejs.json{query}").json()["events"]
    return [int(s["unique_id"].removeprefix("event-")) for s in slides]


def ids_feed(path):
    def read(client, query):
        feed = feedparser.parse(body(client.get(f"{path}{query}")))
        return [int(re.search(r"/events/(\d+)/$", entry.link)[1]) for entry in feed.entries]

    return read


READERS = {
    "json": ids_json,
    "csv": ids_csv,
    "timelinejs": ids_timelinejs,
    "atom": ids_feed("/feed.atom"),
    "rss": ids_feed("/feed.rss"),
}


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?topic=battlefield",
        "?actor=russia&topic=battlefield",
        "?region=ukraine",
        "?from=2022-03-01&to=2022-05-31",
        "?q=istanbul",
        "?sort=oldest&topic=battlefield&topic=talks",
        "?region=atlantis&topic=battlefield",  # unknown values are ignored everywhere alike
    ],
)
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_format_holds_the_events_the_page_lists(client, events, query, reader):
    assert sorted(READERS[reader](client, query)) == sorted(ids_html(client, query))


@pytest.mark.parametrize("reader", ["json", "csv", "timelinejs"])
def test_exports_follow_the_sort_order(client, events, reader):
    assert READERS[reader](client, "?sort=oldest") == ids_html(client, "?sort=oldest")
    assert READERS[reader](client, "") == ids_html(client, "")


def test_exports_hold_every_event_not_just_one_page(client):
    for n in range(55):
        make_event(title=f"Event {n}", date=dt.date(2022, 1, 1) + dt.timedelta(days=n))
    assert len(ids_json(client, "?page=2")) == 55
    assert len(ids_csv(client, "?page=2")) == 55
    assert len(ids_timelinejs(client, "")) == 55


def test_json_is_the_export_shape_with_the_filter_and_total(client, events):
    data = json.loads(body(client.get("/events.json?topic=battlefield&region=kherson&page=1")))
    assert data["total"] == 1 == len(data["events"])
    assert data["filter"]["description"] == "1 event · Kherson · Battlefield"
    assert data["filter"]["query"] == "?region=kherson&topic=battlefield"
    assert data["filter"]["url"] == "http://testserver/?region=kherson&topic=battlefield"
    (event,) = data["events"]
    assert set(event) == {
        "id", "date", "precision", "title", "text", "status", "url", "permalink",
        "report", "regions", "actors", "topics", "evidence",
    }  # fmt: skip
    assert event["title"] == "Kherson retaken" and event["topics"] == ["battlefield"]
    assert event["evidence"] is None  # made by hand, not extracted


def test_json_names_what_it_ignored(client, events):
    data = json.loads(body(client.get("/events.json?region=atlantis&from=banana")))
    assert data["filter"]["ignored"] == [
        "unknown region “atlantis”",
        "from date “banana” (use YYYY-MM-DD)",
    ]
    assert data["total"] == 4


def test_csv_is_streamed_utf8_with_a_header_and_joined_tags(client, events):
    response = client.get("/events.csv?actor=russia&topic=battlefield")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = list(csv.reader(io.StringIO(body(response))))
    assert header == CSV_COLUMNS
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["title"] == "Shelling in Kharkiv"
    assert row["regions"] == "Kharkiv" and row["topics"] == "battlefield"
    assert row["actors"] == "Russia"


def test_csv_streams_in_chunks_from_an_iterator(client):
    report = make_event().report
    Event.objects.bulk_create(
        Event(report=report, date=dt.date(2022, 5, 18), title=f"Event {n}", text="t", position=n)
        for n in range(1, 450)
    )
    response = client.get("/events.csv")
    chunks = list(response.streaming_content)
    assert len(chunks) == 3  # 200 rows (header included) a chunk
    assert b"".join(chunks).decode().count("\r\n") == 451


@pytest.mark.parametrize("title", ['=HYPERLINK("http://x")', "+7 dead", "-1", "@SUM(A1)"])
def test_csv_neutralises_formula_injection(client, title):
    make_event(title=title, text=title)
    header, row = list(csv.reader(io.StringIO(body(client.get("/events.csv")))))
    data = dict(zip(header, row, strict=True))
    assert data["title"] == "'" + title
    assert data["text"] == "'" + title


def test_csv_keeps_non_ascii_text(client):
    make_event(title="Обстріл Харкова", text="Київ — «тиша»")
    text = body(client.get("/events.csv"))
    assert "Обстріл Харкова" in text and "Київ — «тиша»" in text


def test_timelinejs_slides_respect_the_date_precision(client, events):
    data = client.get("/events.timelinejs.json").json()
    slides = {s["text"]["headline"]: s for s in data["events"]}
    assert slides["Shelling in Kharkiv"]["start_date"] == {
        "year": "2022",
        "month": "5",
        "day": "17",
    }
    assert slides["Sanctions package"]["start_date"] == {"year": "2022", "month": "2"}
    assert slides["Shelling in Kharkiv"]["group"] == "Battlefield"
    assert "group" not in slides["Sanctions package"]
    assert data["title"]["text"]["headline"] == "4 events"
    permalink = f"http://testserver/events/{events[0].pk}/"
    assert permalink in slides["Shelling in Kharkiv"]["text"]["text"]


def test_year_precision_gives_only_the_year(client):
    make_event(date=dt.date(2021, 1, 1), precision="year")
    (slide,) = client.get("/events.timelinejs.json").json()["events"]
    assert slide["start_date"] == {"year": "2021"}


def test_report_text_is_escaped_where_it_is_html_and_kept_where_it_is_data(client):
    make_event(title="<b>bold</b>", text="<script>alert(1)</script>")
    (slide,) = client.get("/events.timelinejs.json").json()["events"]
    assert slide["text"]["headline"] == "&lt;b&gt;bold&lt;/b&gt;"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in slide["text"]["text"]
    assert "<script>" not in slide["text"]["text"]
    (event,) = json.loads(body(client.get("/events.json")))["events"]
    assert event["text"] == "<script>alert(1)</script>"  # data, served as application/json
    embed = client.get("/embed/").content.decode()
    assert "<script>alert(1)" not in embed and "&lt;script&gt;alert(1)" in embed


def test_exports_may_be_fetched_by_other_sites(client, events):
    for path in ("/events.json", "/events.csv", "/events.timelinejs.json", "/feed.atom"):
        assert client.get(path)["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("path", ENDPOINTS)
@pytest.mark.parametrize(
    "junk",
    [
        "region=" * 500,
        "%ff%fe=%ff",
        "topic=%3Cscript%3E&actor=%00",
        "from=0000-00-00&to=9999-99-99",
        "page=-3&sort=sideways",
        "page=99999999999999999999",
        "q=" + "x" * 5000,
        "actor=" + "&actor=".join(f"a{n}" for n in range(300)),
    ],
)
def test_bad_query_strings_never_break_an_endpoint(client, events, path, junk):
    response = client.get(f"{path}?{junk}")
    assert response.status_code == 200
    body(response)  # a streamed body is read to its end without an error


@pytest.mark.parametrize("path", ENDPOINTS)
def test_endpoints_answer_head_and_refuse_writes(client, path):
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405


@pytest.mark.parametrize("path", ["/events.json", "/events.csv", "/events.timelinejs.json"])
def test_exports_read_in_a_bounded_number_of_queries(
    client, events, path, django_assert_max_num_queries
):
    for n in range(30):
        make_event(title=f"Extra {n}", topics=list(Topic.objects.filter(slug="battlefield")))
    with django_assert_max_num_queries(10):
        body(client.get(f"{path}?actor=russia&topic=battlefield&topic=talks"))


def test_embed_lists_the_view_without_chrome_and_links_back(client, events):
    response = client.get("/embed/?topic=battlefield")
    html = body(response)
    assert "Shelling in Kharkiv" in html and "Kherson retaken" in html
    assert "Talks in Istanbul" not in html
    assert 'class="site-header"' not in html and "<form" not in html and "<script" not in html
    assert 'href="http://testserver/?topic=battlefield">View full timeline</a>' in html
    assert "2 events · Battlefield" in html


def test_embed_pages_stay_in_the_frame(client):
    for n in range(55):
        make_event(title=f"Event {n}", date=dt.date(2022, 1, 1) + dt.timedelta(days=n))
    html = body(client.get("/embed/?sort=oldest"))
    assert html.count("<article") == 50
    assert 'href="/embed/?page=2&amp;sort=oldest" target="_self"' in html
    second = body(client.get("/embed/?page=2&sort=oldest"))
    assert second.count("<article") == 5
    assert 'href="/embed/?sort=oldest" target="_self"' in second
    assert 'href="http://testserver/?page=2&amp;sort=oldest">View full timeline' in second


def test_the_json_export_is_streamed_too(client, events):
    response = client.get("/events.json?topic=battlefield")
    assert response.streaming
    assert json.loads(body(response))["total"] == 2
