"""Every speed-up gives the answers the plain way gives (figures come from `bench`)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models import Q
from django.test import override_settings

from timeline.corpus import corpus_generate
from timeline.filters import parse_filters
from timeline.models import Event, Region
from timeline.search import matching_condition
from timeline.selectors.columns import columns_current
from timeline.selectors.counting import facet_counts
from timeline.selectors.events import event_page
from timeline.selectors.selection import timeline_selection
from timeline.selectors.taxonomy import taxonomy_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    corpus_generate(events=400, seed=5)
    Event.objects.filter(pk__in=Event.objects.order_by("pk")[:20].values("pk")).update(
        status=Event.Status.HIDDEN
    )


def plain_counts(query):
    """Facet counts the slow, obvious way: per event, in Python."""
    taxonomy = taxonomy_for(query)
    filters = parse_filters(query, known=taxonomy.known())
    tree = taxonomy.tree
    counts = {"region": {}, "actor": {}, "topic": {}}
    events = Event.objects.visible()
    if filters.q:  # the index's matches (its agreement with LIKE is tested below)
        events = events.filter(matching_condition(filters.q))
    if filters.date_from:
        events = events.filter(date__gte=filters.date_from)
    if filters.date_to:
        events = events.filter(date__lte=filters.date_to)
    for event in events.prefetch_related("regions", "actors", "topics"):
        tags = {
            "region": {a for r in event.regions.all() for a in [r.pk, *tree.ancestors(r.pk)]},
            "actor": {a.pk for a in event.actors.all()},
            "topic": {t.pk for t in event.topics.all()},
        }
        for facet in counts:
            others_ok = all(
                not getattr(filters, other)
                or tags[other] & taxonomy.ids(other, getattr(filters, other))
                for other in counts
                if other != facet
            )
            if others_ok:
                for tag in tags[facet]:
                    counts[facet][tag] = counts[facet].get(tag, 0) + 1
    return filters, taxonomy, counts


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"topic": ["battlefield"]},
        {"region": ["ukraine"], "topic": ["talks", "sanctions"]},
        {"q": ["officials"]},
        {"q": ["grain"], "topic": ["battlefield"]},
        {"q": ["officials"], "from": ["2023-01-01"], "region": ["ukraine"]},
        {"from": ["2023-06-01"], "to": ["2024-06-30"], "actor": ["russia"]},
    ],
)
def test_facet_counts_equal_counting_event_by_event(corpus, query):
    filters, taxonomy, expected = plain_counts(query)
    assert any(expected.values())  # the corpus has events to count
    assert facet_counts(filters, taxonomy) == expected


def test_cached_counts_equal_fresh_counts_after_writes(client, corpus):
    first = client.get("/?topic=battlefield").context["view"]
    event = Event.objects.visible().filter(topics__slug="battlefield").first()
    event.status = Event.Status.HIDDEN
    event.save()
    again = client.get("/?topic=battlefield")
    assert again.context["view"].count == first.count - 1
    caches["default"].clear()
    fresh = client.get("/?topic=battlefield").context["view"]
    assert [(t.slug, t.count) for t in fresh.facets.topics] == [
        (t.slug, t.count) for t in again.context["view"].facets.topics
    ]


@pytest.mark.parametrize("word", ["officials", "grain", "Kharkiv", "drones", "zzz-none"])
def test_full_text_search_equals_the_plain_filter(corpus, word):
    indexed = set(Event.objects.filter(matching_condition(word)).values_list("pk", flat=True))
    plain = set(
        Event.objects.filter(Q(title__icontains=word) | Q(text__icontains=word)).values_list(
            "pk", flat=True
        )
    )
    if connection.vendor == "postgresql":
        # PostgreSQL's English stemming also finds "drone" for "drones": a superset.
        assert plain <= indexed
    else:
        assert indexed == plain


@pytest.mark.parametrize("walk_from", [10**9, 1])  # fetch and sort / walk the index
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_pagination_never_skips_or_repeats_an_event(client, corpus, sort, walk_from, monkeypatch):
    monkeypatch.setattr("timeline.selectors.timeline.WALK_FROM_MATCHES", walk_from)
    seen = []
    page = 1
    while True:
        view = client.get("/", {"sort": sort, "page": page} if page > 1 or sort != "newest"
                          else {}, follow=True).context["view"]  # fmt: skip
        seen += [e.pk for _, events in view.days for e in events]
        if not view.page.has_next():
            break
        page += 1
    assert len(seen) == len(set(seen)) == Event.objects.visible().count()


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"topic": ["battlefield"]},
        {"region": ["ukraine"], "topic": ["talks", "sanctions"], "sort": ["oldest"]},
        {"q": ["officials"], "region": ["ukraine"]},
        {"from": ["2023-01-01"], "to": ["2024-06-30"], "topic": ["battlefield"]},
    ],
)
def test_walking_the_index_finds_the_same_pages(corpus, query):
    selection = timeline_selection(query)
    sort = selection.filters.sort
    number, pages = 1, []
    while True:
        plain = event_page(selection.events, number=number, sort=sort)
        walked = event_page(selection.events_walked, number=number, sort=sort)
        pages.append([e.pk for e in plain.object_list])
        assert [e.pk for e in walked.object_list] == pages[-1]
        if not plain.has_next():
            break
        number += 1
    assert sum(map(len, pages)) == selection.events.count() > 0


@pytest.mark.parametrize(
    "url",
    ["/", "/?region=ukraine&topic=battlefield", "/events.json?topic=battlefield", "/feed.atom",
     "/embed/?topic=talks"],
)  # fmt: skip
@pytest.mark.parametrize("columns", ["off", "inline"])  # counted in SQL, or in memory
def test_every_view_runs_a_constant_number_of_queries(
    client, corpus, url, columns, settings, django_assert_max_num_queries
):
    settings.TIMELINE_COLUMNS = columns
    columns_current()  # in memory: built beforehand, as the background thread would have
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_a_permalink_runs_a_constant_number_of_queries(
    client, corpus, django_assert_max_num_queries
):
    event = Event.objects.visible().filter(regions__isnull=False).first()
    with django_assert_max_num_queries(10):
        assert client.get(event.get_absolute_url()).status_code == 200


REDIS = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                     "LOCATION": "redis://127.0.0.1:6379/9"}}  # fmt: skip


def test_pages_cache_in_redis_too(client, corpus):
    with override_settings(CACHES=REDIS):
        caches["default"].clear()
        first = client.get("/?topic=battlefield").content
        assert client.get("/?topic=battlefield").content == first
        Region.objects.filter(slug="kharkiv").update(name="Kharkiv city")  # bypasses signals
        from timeline.cache import data_changed

        data_changed()
        assert b"Kharkiv city" in client.get("/?region=kharkiv").content
        caches["default"].clear()


@pytest.mark.django_db
def test_postgresql_runs_the_apps_queries_without_its_jit():
    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
