"""The tallies the database's triggers keep always equal a fresh count, whatever wrote."""

from collections import Counter

import pytest
from django.db import connection
from django.db.models import Count
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.test_scale import plain_counts
from timeline.backups import backup_restore, backup_write
from timeline.corpus import corpus_generate
from timeline.curation import event_hide, event_merge, event_restore, event_split
from timeline.models import Actor, Event, EventPlace, Region, Report, Tally, TallyPair, Topic
from timeline.places import places_rebuild
from timeline.selectors.counting import facet_counts
from timeline.selectors.density import events_per_day
from timeline.selectors.selection import timeline_selection
from timeline.services import reports_import_files
from timeline.tallies import tallies_rebuild, tallies_usable

pytestmark = pytest.mark.django_db


def tallies_counted():
    """Every tally and pair counted from scratch, event by event, in Python."""
    counted = Counter()
    visible = Event.objects.exclude(status__in=["hidden", "merged"])
    for event in visible.prefetch_related("places", "actors", "topics"):
        day = int(event.date.strftime("%Y%m%d"))
        counted[("day", 0, day)] += 1
        tags = {
            "region": {p.region_id for p in event.places.all()},
            "actor": {a.pk for a in event.actors.all()},
            "topic": {t.pk for t in event.topics.all()},
        }
        for facet, keys in tags.items():
            for key in keys:
                counted[(facet, key, 0)] += 1
                counted[(facet, key, day)] += 1
                for other, other_keys in tags.items():
                    if other != facet:
                        for other_key in other_keys:
                            counted[(facet, key, other, other_key)] += 1
    return dict(counted)


def tallies_kept():
    kept = {
        (f, k, d): n
        for f, k, d, n in Tally.objects.exclude(events=0).values_list(
            "facet", "key", "day", "events"
        )
    }
    pairs = TallyPair.objects.exclude(events=0)
    for f, k, of, ok, n in pairs.values_list("facet", "key", "other_facet", "other_key", "events"):
        kept[(f, k, of, ok)] = n
    return kept


def assert_tallies_right():
    assert tallies_kept() == tallies_counted()


@pytest.fixture
def corpus():
    corpus_generate(events=300, seed=3)


def test_bulk_generation_and_imports_are_tallied(corpus, seeds_dir):
    assert_tallies_right()
    assert all(o.status == "imported" for o in reports_import_files(paths=[seeds_dir]))
    assert_tallies_right()


def test_hiding_merging_splitting_and_restoring_are_tallied(corpus):
    first, second, third = Event.objects.filter(regions__isnull=False).distinct()[:3]
    event_hide(event=first)
    assert_tallies_right()
    event_merge(events=[second, third], title_from=second, date_from=third)
    assert_tallies_right()
    event_restore(event=first)
    assert_tallies_right()
    survivor = Event.objects.get(pk=second.pk)
    survivor.text = "First sentence here. Second sentence there."
    survivor.save()
    event_split(event=survivor, at=1)
    assert_tallies_right()


def test_retagging_redating_and_deleting_are_tallied(corpus):
    event = Event.objects.filter(regions__isnull=False).first()
    event.regions.set(Region.objects.filter(slug__in=["kherson", "odesa"]))
    places_rebuild()
    event.actors.add(*Actor.objects.all()[:3])
    event.topics.clear()
    event.date = event.date.replace(year=event.date.year - 1)
    event.save()
    assert_tallies_right()
    Report.objects.filter(pk__in=Report.objects.order_by("pk")[:3].values("pk")).delete()
    assert_tallies_right()
    Event.objects.filter(pk__lt=event.pk).update(status=Event.Status.HIDDEN)  # bulk, no signals
    assert_tallies_right()


def test_raw_sql_writes_are_tallied_too(corpus):
    event = Event.objects.filter(topics__isnull=False).first()
    topic = Topic.objects.exclude(events=event).first()
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO timeline_event_topics (event_id, topic_id) VALUES (%s, %s)",
            [event.pk, topic.pk],
        )
        cursor.execute("UPDATE timeline_event SET status = 'merged' WHERE id = %s", [event.pk])
        lviv = Region.objects.get(slug="lviv")
        place = EventPlace.objects.exclude(event__places__region=lviv).first()
        cursor.execute(
            "UPDATE timeline_eventplace SET region_id = %s WHERE id = %s", [lviv.pk, place.pk]
        )
    assert_tallies_right()


def test_links_written_before_their_event_still_balance(corpus):
    """A restore may load links before the event they belong to."""
    event = Event.objects.filter(places__isnull=False).first()
    links = list(EventPlace.objects.filter(event=event).values_list("region_id", flat=True))
    with connection.cursor() as cursor:  # the event gone, its place rows left behind
        cursor.execute("DELETE FROM timeline_event_actors WHERE event_id = %s", [event.pk])
        cursor.execute("DELETE FROM timeline_event_topics WHERE event_id = %s", [event.pk])
        cursor.execute("DELETE FROM timeline_event_regions WHERE event_id = %s", [event.pk])
        cursor.execute("DELETE FROM timeline_event WHERE id = %s", [event.pk])
    assert links and EventPlace.objects.filter(event_id=event.pk).count() == len(links)
    EventPlace.objects.filter(event_id=event.pk).delete()
    assert_tallies_right()
    # ...and back again, links first
    EventPlace.objects.bulk_create(EventPlace(event_id=event.pk, region_id=r) for r in links)
    event.save(force_insert=True)
    assert_tallies_right()


def test_a_restore_counts_afresh(corpus, tmp_path):
    path = tmp_path / "backup.jsonl.gz"
    backup_write(path)
    Event.objects.filter(pk__in=Event.objects.order_by("pk")[:50].values("pk")).delete()
    backup_restore(path)
    assert_tallies_right()


def test_rebuild_repairs_a_damaged_tally(corpus):
    Tally.objects.filter(facet="region").update(events=7)
    Tally.objects.filter(facet="day").delete()
    tallies_rebuild()
    assert_tallies_right()


@pytest.mark.parametrize("query", [{}, {"topic": ["battlefield"]}])
def test_tallied_counts_equal_counted_ones(corpus, query):
    Event.objects.filter(pk__in=Event.objects.order_by("pk")[:10].values("pk")).update(
        status=Event.Status.HIDDEN
    )
    filters, taxonomy, expected = plain_counts(query)
    assert tallies_usable()
    assert facet_counts(filters, taxonomy) == expected


def test_reviewed_only_timelines_count_instead(corpus):
    Event.objects.filter(pk__in=Event.objects.order_by("pk")[:100].values("pk")).update(
        status=Event.Status.REVIEWED
    )
    with override_settings(TIMELINE_REVIEWED_ONLY=True):
        assert not tallies_usable()
        filters, taxonomy, expected = plain_counts({})
        assert facet_counts(filters, taxonomy) == expected


@pytest.mark.parametrize(
    "query",
    [{}, {"topic": ["battlefield"]}, {"region": ["ukraine"]}, {"region": ["kharkiv-oblast"]}],
)
def test_tallied_histograms_equal_counted_ones(corpus, query):
    Event.objects.filter(pk__in=Event.objects.order_by("pk")[:10].values("pk")).update(
        status=Event.Status.HIDDEN
    )
    selection = timeline_selection(query)
    with CaptureQueriesContext(connection) as queries:
        tallied = events_per_day(selection.events, selection.filters, selection.taxonomy)
    assert "timeline_tally" in queries[-1]["sql"]
    counted = selection.events.order_by("date").values_list("date").annotate(n=Count("pk"))
    assert tallied == list(counted) != []


def test_histograms_of_combined_filters_are_counted(corpus):
    selection = timeline_selection({"topic": ["battlefield", "talks"]})
    with CaptureQueriesContext(connection) as queries:
        days = events_per_day(selection.events, selection.filters, selection.taxonomy)
    assert "timeline_tally" not in queries[-1]["sql"]
    assert sum(n for _, n in days) == selection.events.count()


def test_a_paused_bulk_write_is_counted_once_by_tallies_add(corpus):
    from django.db import transaction

    from timeline.tallies import tallies_add, tallies_paused

    with transaction.atomic(), tallies_paused():
        corpus_generate(events=40, seed=9)  # pauses and adds by itself, nested
        report = Report.objects.first()
        event = Event.objects.create(report=report, date="2023-03-03", title="t", position=99)
        event.topics.add(Topic.objects.first())
        assert tallies_kept() != tallies_counted()  # not counted while paused...
        tallies_add([event.pk])
    assert_tallies_right()  # ...and counted once after


@pytest.mark.parametrize(
    "query",
    [
        {"region": ["ukraine"]},
        {"actor": ["russia"]},
        {"topic": ["talks"], "region": ["kharkiv-oblast"]},
        {"topic": ["talks"], "sort": ["oldest"]},
    ],
)
def test_pair_tallied_counts_equal_counted_ones(corpus, query):
    Event.objects.filter(pk__in=Event.objects.order_by("-pk")[:10].values("pk")).update(
        status=Event.Status.MERGED
    )
    filters, taxonomy, expected = plain_counts(query)
    with CaptureQueriesContext(connection) as queries:
        assert facet_counts(filters, taxonomy) == expected
    assert "timeline_tallypair" in queries[-1]["sql"]


def test_reextraction_is_tallied(seeds_dir):
    from timeline.services import reports_reextract

    assert all(o.status == "imported" for o in reports_import_files(paths=[seeds_dir]))
    first = Event.objects.order_by("pk").first()
    first.title, first.edited = "Kept by an editor", True
    first.save()
    Event.objects.filter(pk=Event.objects.order_by("-pk").first().pk).delete()  # comes back
    Event.objects.filter(pk__in=Event.objects.order_by("pk")[5:8].values("pk")).update(
        text="Something the pipeline never said."  # these are replaced
    )
    outcomes = list(reports_reextract())
    assert outcomes and sum(o.added for o in outcomes) >= 1
    assert_tallies_right()


def test_emptying_the_tables_in_any_order_leaves_no_negative_counts(corpus):
    """A test database is flushed table by table, tallies first or last."""
    Tally.objects.all().delete()
    TallyPair.objects.all().delete()
    Report.objects.all().delete()  # events, links and places, counted away from nothing
    assert not Tally.objects.filter(events__lt=0).exists()
    assert not TallyPair.objects.filter(events__lt=0).exists()
