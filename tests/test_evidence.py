"""The extraction's evidence is stored with each event, refreshed only for untouched events,
and carried by the JSON exports."""

import json

import pytest
from django.core.management import call_command

from tests.conftest import report_text
from timeline import services
from timeline.models import Event, EventEvidence, Report
from timeline.services import report_import, report_reextract

pytestmark = pytest.mark.django_db

BODY = (
    "Russian forces shelled Kharkiv on Tuesday, killing two people.\n\n"
    "Ukraine's foreign minister Dmytro Kuleba met NATO officials in Brussels."
)


@pytest.fixture
def report():
    outcome = report_import(text=report_text(BODY))
    return Report.objects.get(pk=outcome.report_id)


def reextract(report):
    return report_reextract(report, extractor=services.ReportExtractor(services.gazetteer_load()))


def test_every_extracted_event_keeps_its_evidence(report):
    shelled, met = report.events.order_by("position")
    date = shelled.evidence.data["date"]
    assert shelled.text[date["start"] : date["end"]] == date["text"] == "Tuesday"
    assert 0 < date["confidence"] <= 1 and date["rule"]
    assert met.evidence.data["date"]["text"] is None  # dated by the publication date
    tags = {(t["kind"], t["name"]) for t in shelled.evidence.data["tags"]}
    assert ("region", "Kharkiv") in tags
    assert "battlefield" in [t["slug"] for t in shelled.evidence.data["topics"]]
    assert 0 < shelled.evidence.data["segmentation"]["confidence"] <= 1


def test_reextraction_refreshes_the_evidence_of_untouched_events_only(report):
    shelled, met = report.events.order_by("position")
    Event.objects.filter(pk=met.pk).update(status=Event.Status.REVIEWED)
    EventEvidence.objects.filter(event__report=report).update(data={"stale": True})
    reextract(report)
    assert EventEvidence.objects.get(event=shelled).data["date"]["text"] == "Tuesday"
    assert EventEvidence.objects.get(event=met).data == {"stale": True}


def test_the_json_export_carries_the_evidence(report, tmp_path):
    target = tmp_path / "events.json"
    call_command("export_events", "--format", "json", "--output", str(target))
    events = json.loads(target.read_text())["events"]
    assert len(events) == 2
    assert all(e["evidence"]["date"]["rule"] for e in events)


def test_the_csv_export_reads_no_evidence(report, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        response = client.get("/events.csv")
        b"".join(response.streaming_content)


def test_the_event_form_shows_why_the_machine_chose_its_date_and_tags(report, admin_client):
    shelled = report.events.get(position=0)
    page = admin_client.get(f"/admin/timeline/event/{shelled.pk}/change/").content.decode()
    assert "Why the machine chose this" in page
    assert "<mark>Tuesday</mark>" in page
    assert "<b>Kharkiv</b>" in page and "topic <b>battlefield</b>" in page
