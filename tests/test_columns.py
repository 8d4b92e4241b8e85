"""The in-memory columns answer exactly what SQL answers, and never for stale data."""

import time

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.test_scale import plain_counts
from tests.test_security import deploy_check
from timeline.cache import data_changed
from timeline.corpus import corpus_generate
from timeline.filters import parse_filters
from timeline.models import Event
from timeline.selectors import columns as columns_module
from timeline.selectors.columns import columns_build, columns_current, columns_refresh
from timeline.selectors.counting import facet_counts
from timeline.selectors.density import events_per_day
from timeline.selectors.events import events_filtered, events_ordered
from timeline.selectors.taxonomy import taxonomy_for

QUERIES = [
    {},
    {"topic": ["battlefield"]},
    {"topic": ["talks", "sanctions"], "region": ["ukraine"]},
    {"actor": ["russia", "ukraine"], "topic": ["battlefield"], "region": ["kharkiv-oblast"]},
    {"q": ["officials"]},
    {"q": ["grain"], "topic": ["battlefield"]},
    {"q": ["no-such-word"]},
    {"q": ["officials"], "from": ["2023-01-01"], "region": ["ukraine"]},
    {"from": ["2023-06-01"], "to": ["2024-06-30"], "actor": ["russia"]},
    {"to": ["2022-03-01"]},
    {"from": ["2030-01-01"]},
]


@pytest.fixture
def corpus(db):
    corpus_generate(events=400, seed=5)
    first = Event.objects.order_by("pk").values("pk")
    Event.objects.filter(pk__in=first[:20]).update(status=Event.Status.HIDDEN)
    Event.objects.filter(pk__in=first[20:25]).update(status=Event.Status.MERGED)


def in_sql(query):
    taxonomy = taxonomy_for(query)
    filters = parse_filters(query, known=taxonomy.known())
    events = events_filtered(filters, taxonomy)
    return filters, taxonomy, events


def assert_columns_answer_as_sql(query, sorts=("newest", "oldest")):
    """Facet counts, events per day and the order of the events, both ways."""
    filters, taxonomy, events = in_sql(query)
    columns = columns_build()
    masks = columns.masks(filters, taxonomy)
    chosen = columns.chosen(masks)
    assert columns.facet_counts(masks) == facet_counts(filters, taxonomy)
    assert columns.per_day(chosen) == sorted(events_per_day(events, filters, taxonomy))
    for sort in sorts:
        expected = list(events_ordered(events, sort).values_list("pk", flat=True))
        assert columns.ordered_ids(chosen, sort).tolist() == expected
    return columns.facet_counts(masks)


@pytest.mark.parametrize("query", QUERIES)
def test_counts_days_and_order_equal_what_sql_finds(corpus, query):
    counts = assert_columns_answer_as_sql(query)
    assert counts == plain_counts(query)[2]


def test_the_corpus_exercises_the_comparison(corpus):
    columns = columns_build()
    shown = Event.objects.visible().count()
    assert columns.size == shown == 375  # hidden and merged events are left out
    filters, taxonomy, _ = in_sql(QUERIES[3])
    chosen = columns.chosen(columns.masks(filters, taxonomy))
    assert 0 < chosen.sum() < 100  # three filters narrow, and still match


def view_of(client, url):
    caches["default"].clear()  # render it, do not serve the page cached by the other way
    view = client.get(url, follow=True).context["view"]
    return {
        "count": view.count,
        "page": [event.pk for event in view.page.object_list],
        "facets": [(v.slug, v.count) for v, _depth in view.facets.region_rows]
        + [(v.slug, v.count) for group in view.facets.actors for v in group.values]
        + [(v.slug, v.count) for v in view.facets.topics],
        "bars": [(bar.start, bar.count) for bar in view.density.bars] if view.density else [],
    }


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?topic=battlefield&sort=oldest&page=2",
        "/?actor=russia&actor=ukraine&region=kharkiv-oblast&topic=battlefield",
        "/?q=grain&page=99",
    ],
)
def test_the_timeline_reads_the_same_from_columns_and_sql(client, corpus, settings, url):
    settings.TIMELINE_COLUMNS = "off"
    from_sql = view_of(client, url)
    settings.TIMELINE_COLUMNS = "inline"
    from_columns = view_of(client, url)
    assert columns_current() is not None
    assert from_columns == from_sql
    assert from_sql["count"] > 0


def test_columns_follow_every_write(corpus):
    before = columns_current()
    assert columns_current() is before  # the same data: the same columns
    event = Event.objects.visible().order_by("pk").first()
    event.status = Event.Status.HIDDEN
    event.save()
    after = columns_current()
    assert after is not before
    assert after.size == before.size - 1
    assert event.pk not in after.ids.tolist()


def test_reviewed_only_columns_hold_reviewed_events(corpus, settings):
    settings.TIMELINE_REVIEWED_ONLY = True
    reviewed = list(Event.objects.order_by("pk").values_list("pk", flat=True)[30:40])
    Event.objects.filter(pk__in=reviewed).update(status=Event.Status.REVIEWED)
    assert sorted(columns_build().ids.tolist()) == reviewed


def test_an_empty_timeline_has_empty_columns(db):
    columns = columns_build()
    filters, taxonomy, _ = in_sql({"topic": ["battlefield"]})
    masks = columns.masks(filters, taxonomy)
    assert columns.size == 0
    assert columns.facet_counts(masks) == {"region": {}, "actor": {}, "topic": {}}
    assert columns.per_day(columns.chosen(masks)) == []
    assert columns.ordered_ids(None, "newest").tolist() == []


def test_off_means_sql_only(corpus, settings):
    settings.TIMELINE_COLUMNS = "off"
    assert columns_current() is None


def wait_for_columns(timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (columns := columns_current()) is not None:
            return columns
        time.sleep(0.05)
    return None


# The building thread reads committed data; serialized_rollback restores the taxonomy.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_thread_builds_the_columns_while_sql_answers(client, settings):
    corpus_generate(events=60, seed=2)
    settings.TIMELINE_COLUMNS = "background"
    assert columns_current() is None  # not built yet: the request counts in SQL
    assert client.get("/?topic=battlefield").status_code == 200
    columns = wait_for_columns()
    assert columns is not None
    assert columns.size == Event.objects.visible().count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failed_build_leaves_the_timeline_counting_in_sql(client, settings, monkeypatch, caplog):
    corpus_generate(events=30, seed=3)
    settings.TIMELINE_COLUMNS = "background"

    def broken():
        raise RuntimeError("out of memory")

    monkeypatch.setattr(columns_module, "columns_build", broken)
    assert columns_current() is None
    for _ in range(200):  # the thread logs its failure and lets the next request retry
        if not columns_module._building:
            break
        time.sleep(0.05)
    assert "building the timeline's columns failed" in caplog.text
    response = client.get("/")
    assert response.status_code == 200
    assert response.context["view"].count == Event.objects.visible().count()


def test_an_unknown_columns_mode_stops_the_app_with_a_clear_error():
    result = deploy_check(HTTPS="1", TIMELINE_COLUMNS="sometimes")
    assert result.returncode != 0
    assert "TIMELINE_COLUMNS is 'sometimes': use background, inline or off" in result.stderr


@pytest.mark.parametrize(
    ("url", "counted_in_columns"),
    [
        ("/", False),  # the tallies answer the whole timeline
        ("/?topic=battlefield", False),  # and a single tag
        ("/?actor=russia&topic=battlefield", True),
        ("/?q=grain", True),
        ("/?from=2023-01-01&topic=battlefield", True),
    ],
)
def test_combinations_are_counted_in_the_columns(client, corpus, url, counted_in_columns):
    assert client.get(url).status_code == 200
    assert (columns_module._held is not None) == counted_in_columns


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_builds_pause_while_writes_keep_coming(settings, monkeypatch):
    corpus_generate(events=30, seed=4)
    settings.TIMELINE_COLUMNS = "background"
    assert wait_for_columns() is not None
    assert columns_module._next_build_at > 0  # a pause follows every build
    monkeypatch.setattr(columns_module, "_next_build_at", time.monotonic() + 3600)
    Event.objects.filter(pk=Event.objects.first().pk).update(title="Edited")
    data_changed()
    assert columns_current() is None  # stale, and not rebuilt yet: SQL answers
    assert not columns_module._building


def test_columns_read_while_a_write_lands_are_never_used(corpus, monkeypatch):
    read = columns_module._int_rows
    reads = []

    def read_then_write(*args, **kwargs):
        if len(reads) == 1:  # the events are read, their links not yet
            event = Event.objects.visible().order_by("pk").first()
            event.status = Event.Status.HIDDEN
            event.save()
        reads.append(args)
        return read(*args, **kwargs)

    monkeypatch.setattr(columns_module, "_int_rows", read_then_write)
    torn = columns_refresh()
    monkeypatch.undo()
    current = columns_current()
    assert current is not torn  # its data version is behind: read again
    assert current.size == torn.size - 1


TOPICS = ["battlefield", "talks", "sanctions", "humanitarian", "no-such-topic"]
REGIONS = ["ukraine", "kharkiv-oblast", "kyiv", "russia", "odesa-oblast"]
ACTORS = ["russia", "ukraine", "nato", "united-nations"]
DAYS = ["2022-02-24", "2022-09-01", "2023-03-15", "2024-01-01", "2025-06-30"]
random_queries = st.fixed_dictionaries(
    {},
    optional={
        "topic": st.lists(st.sampled_from(TOPICS), min_size=1, max_size=2),
        "region": st.lists(st.sampled_from(REGIONS), min_size=1, max_size=2),
        "actor": st.lists(st.sampled_from(ACTORS), min_size=1, max_size=2),
        "from": st.lists(st.sampled_from(DAYS), min_size=1, max_size=1),
        "to": st.lists(st.sampled_from(DAYS), min_size=1, max_size=1),
        "q": st.lists(st.sampled_from(["grain", "officials drones", "talks"]), max_size=1),
        "sort": st.lists(st.sampled_from(["oldest", "newest"]), min_size=1, max_size=1),
    },
)


@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=random_queries)
def test_any_filters_count_the_same_in_columns_and_sql(corpus, query):
    assert_columns_answer_as_sql(query, sorts=query.get("sort", ["newest"]))
