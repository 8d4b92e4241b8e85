import io
import json

import pytest
from django.core.management import CommandError, call_command

from timeline.corpus import corpus_generate
from timeline.models import Event, EventPlace, Report
from timeline.places import places_rebuild

pytestmark = pytest.mark.django_db


def test_a_corpus_has_the_shape_of_real_reporting():
    outcome = corpus_generate(events=500, seed=3)
    assert outcome.events == Event.objects.count() == 500
    sizes = [r.events.count() for r in Report.objects.all()]
    assert all(1 <= n <= 40 for n in sizes) and sum(n >= 5 for n in sizes) >= len(sizes) - 1
    assert all(1 <= e.topics.count() <= 3 for e in Event.objects.all()[:50])
    assert EventPlace.objects.exists()  # the place index follows bulk inserts
    assert Event.objects.dates("date", "year").count() >= 2  # spread over years


def test_generated_events_are_stored_as_the_orm_would_store_them():
    corpus_generate(events=120, seed=4)
    event = Event.objects.order_by("?").first()
    assert event.status == Event.Status.UNREVIEWED and not event.edited
    assert event.title and event.text == event.quote and event.created and event.updated
    positions = list(event.report.events.order_by("position").values_list("position", flat=True))
    assert positions == list(range(len(positions)))
    # Places written from the tags in hand match a recount from the stored links.
    written = set(EventPlace.objects.values_list("event_id", "region_id"))
    places_rebuild()
    assert set(EventPlace.objects.values_list("event_id", "region_id")) == written


def test_the_same_seed_gives_the_same_dates():
    corpus_generate(events=60, seed=9)
    first = list(Event.objects.order_by("pk").values_list("date", flat=True))
    Event.objects.all().delete()
    corpus_generate(events=60, seed=9)
    assert list(Event.objects.order_by("pk").values_list("date", flat=True)) == first


def test_generate_corpus_and_bench_commands_print_numbers():
    out = io.StringIO()
    call_command("generate_corpus", "--events", "200", stdout=out, stderr=io.StringIO())
    assert "200 events" in out.getvalue()
    out = io.StringIO()
    call_command("bench", "--repeat", "1", "--skip-extraction", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith('{"events":200')
    assert any("timeline page, 3 filters" in line for line in lines)
    assert lines[0].startswith("columns: 200 events in memory")  # built before timing
    assert json.loads(lines[-1])["columns"]["build_s"] >= 0


def test_bench_says_when_every_count_is_made_in_sql(settings):
    corpus_generate(events=40, seed=1)
    settings.TIMELINE_COLUMNS = "off"
    out = io.StringIO()
    call_command("bench", "--repeat", "1", "--skip-extraction", "--only", "3 filters", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "columns: off (TIMELINE_COLUMNS=off), every count in SQL"
    assert json.loads(lines[-1])["columns"] is None


def test_a_corpus_of_nothing_is_refused():
    with pytest.raises(CommandError):
        call_command("generate_corpus", "--events", "0", stdout=io.StringIO())
