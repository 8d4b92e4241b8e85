"""Re-extraction updates what the machine made and never touches what an editor decided."""

import datetime as dt

import pytest

from tests.conftest import report_text
from timeline import services
from timeline.cache import data_state
from timeline.models import Event, Region, Report
from timeline.services import report_import, report_reextract, reports_reextract

pytestmark = pytest.mark.django_db

BODY = (
    "Russian forces shelled Kharkiv on Tuesday, killing two people.\n\n"
    "Ukraine's foreign minister Dmytro Kuleba met NATO officials in Brussels on Monday."
)


@pytest.fixture
def report():
    outcome = report_import(text=report_text(BODY))
    return Report.objects.get(pk=outcome.report_id)


def reextract(report):
    return report_reextract(report, extractor=services.ReportExtractor(services.gazetteer_load()))


def counts(outcome):
    return {
        name: getattr(outcome, name)
        for name in ("added", "updated", "unchanged", "kept", "removed")
    }


def test_an_unchanged_pipeline_changes_nothing(report):
    ids = set(report.events.values_list("pk", flat=True))
    outcome = reextract(report)
    assert counts(outcome) == {"added": 0, "updated": 0, "unchanged": 2, "kept": 0, "removed": 0}
    assert set(report.events.values_list("pk", flat=True)) == ids


def test_untouched_events_follow_the_pipeline(report):
    event = report.events.get(position=0)
    event.date = dt.date(2000, 1, 1)
    event.save()
    event.regions.clear()
    outcome = reextract(report)
    assert outcome.updated == 1
    event.refresh_from_db()
    assert event.date == dt.date(2022, 5, 17)
    assert event.regions.filter(slug="kharkiv").exists()


def test_taxonomy_changes_reach_untouched_events(report):
    Region.objects.filter(slug="kharkiv").delete()
    Region.objects.create(slug="kharkiv", name="Kharkiv", kind=Region.Kind.CITY)
    assert reextract(report).updated == 1
    assert report.events.get(position=0).regions.filter(slug="kharkiv").exists()


def test_an_edited_event_is_kept_as_the_editor_left_it(report):
    event = report.events.get(position=0)
    event.text = "Editor's wording."
    event.date = dt.date(2022, 5, 16)
    event.edited = True
    event.save()
    outcome = reextract(report)
    assert counts(outcome) == {"added": 0, "updated": 0, "unchanged": 1, "kept": 1, "removed": 0}
    event.refresh_from_db()
    assert (event.text, event.date) == ("Editor's wording.", dt.date(2022, 5, 16))
    assert report.events.count() == 2


@pytest.mark.parametrize("status", [Event.Status.HIDDEN, Event.Status.REVIEWED])
def test_a_decided_event_is_neither_overwritten_nor_resurrected(report, status):
    report.events.filter(position=0).update(status=status, title="Chosen headline")
    outcome = reextract(report)
    assert outcome.kept == 1 and outcome.added == 0
    decided = report.events.get(position=0)
    assert (decided.status, decided.title) == (status, "Chosen headline")
    assert report.events.count() == 2


def test_events_the_pipeline_no_longer_finds_are_removed_and_new_ones_added(report):
    report.events.filter(position=1).update(quote="An event an older pipeline invented.")
    outcome = reextract(report)
    assert (outcome.added, outcome.removed) == (1, 1)
    assert report.events.count() == 2
    assert not Event.objects.filter(quote__startswith="An event an older").exists()


def test_a_report_the_pipeline_fails_on_keeps_its_events(report, monkeypatch):
    def broken(self, body, published, **options):
        raise ValueError("bug in a stage")

    monkeypatch.setattr(services.ReportExtractor, "extract", broken)
    (outcome,) = reports_reextract()
    assert outcome.failed and "bug in a stage" in outcome.message
    assert report.events.count() == 2


def test_a_reextraction_that_only_adds_moves_the_data_version(report, client):
    Event.objects.filter(report=report, position=1).delete()
    assert "1 event" in client.get("/").content.decode()  # cached under this version
    before = data_state()
    assert counts(reextract(report))["added"] == 1
    after = data_state()
    assert after[0] > before[0] and after[1] > before[1]
    assert "2 events" in client.get("/").content.decode()
