import datetime as dt

import pytest

from tests.conftest import report_text
from timeline import services
from timeline.models import Event, Report
from timeline.services import ReportImportError, content_hash, report_import, reports_import_files

pytestmark = pytest.mark.django_db


def test_seeds_import_once(seeds_dir):
    first = list(reports_import_files(paths=[seeds_dir]))
    assert [o.status for o in first] == ["imported"] * 5
    assert all(o.events > 0 for o in first)
    counts = (Report.objects.count(), Event.objects.count())
    assert counts[1] == sum(o.events for o in first)

    again = list(reports_import_files(paths=[seeds_dir]))
    assert [o.status for o in again] == ["duplicate"] * 5
    assert (Report.objects.count(), Event.objects.count()) == counts


def test_report_fields_come_from_front_matter():
    text = report_text(title="Shelling in Kharkiv", url="https://example.org/k", language="en")
    outcome = report_import(text=text, file_name="k.txt")
    report = Report.objects.get(pk=outcome.report_id)
    assert report.title == "Shelling in Kharkiv"
    assert report.source == "Test Wire"
    assert report.url == "https://example.org/k"
    assert report.published == dt.datetime(2022, 5, 18, tzinfo=dt.UTC)
    assert report.raw_text == text
    assert report.file_name == "k.txt"
    assert report.content_hash == content_hash(text)


def test_missing_title_is_derived_from_the_text():
    outcome = report_import(text=report_text(title=None))
    assert Report.objects.get(pk=outcome.report_id).title


def test_same_text_with_other_line_endings_is_a_duplicate():
    text = report_text()
    report_import(text=text)
    outcome = report_import(text=text.replace("\n", "\r\n"))
    assert outcome.status == "duplicate"
    assert Report.objects.count() == 1


def test_events_are_dated_against_publication_and_tagged():
    outcome = report_import(text=report_text("Russian forces shelled Kharkiv on Tuesday."))
    event = Event.objects.get(report_id=outcome.report_id)
    assert event.date == dt.date(2022, 5, 17)  # the Tuesday before a Wednesday report
    assert event.precision == "day"
    assert event.status == Event.Status.UNREVIEWED
    assert "Kharkiv" in {r.name for r in event.regions.all()}
    assert "Russia" in {a.name for a in event.actors.all()}
    assert "battlefield" in {t.slug for t in event.topics.all()}


def test_published_argument_dates_a_report_without_front_matter():
    when = dt.datetime(2022, 3, 2, tzinfo=dt.UTC)
    outcome = report_import(text="Russian troops shelled Kharkiv overnight.", published=when)
    assert Report.objects.get(pk=outcome.report_id).published == when


def test_front_matter_date_wins_over_the_published_argument():
    when = dt.datetime(2022, 3, 2, tzinfo=dt.UTC)
    outcome = report_import(text=report_text(), published=when)
    assert Report.objects.get(pk=outcome.report_id).published.date() == dt.date(2022, 5, 18)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Russian troops shelled Kharkiv.", "no publication date"),
        (report_text(published="2999-01-01"), "in the future"),
        (report_text(published="18 May 2022"), "not an ISO 8601 date"),
        ("---\npublished: 2022-05-18\n---\n\n", "no text"),
        ("---\npublished: 2022-05-18\nBody, never closed", "never closed"),
    ],
    ids=["no-date", "future", "bad-date", "no-body", "unclosed"],
)
def test_bad_reports_are_refused_and_nothing_is_stored(text, message):
    with pytest.raises(ReportImportError, match=message):
        report_import(text=text)
    assert not Report.objects.exists()


def test_a_failure_while_storing_leaves_nothing_half_written(monkeypatch):
    real_store = services._store_events

    def store_then_fail(report, extraction):
        real_store(report, extraction)
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_store_events", store_then_fail)
    with pytest.raises(RuntimeError):
        report_import(text=report_text())
    assert not Report.objects.exists()
    assert not Event.objects.exists()


def test_a_batch_continues_past_a_broken_report(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(report_text("Russian troops shelled Kharkiv."))
    (tmp_path / "b.txt").write_text(report_text("Boom in Odesa."))
    (tmp_path / "c.txt").write_text(report_text("Ukraine struck the Crimean bridge."))
    real_extract = services.ReportExtractor.extract

    def extract(self, body, published, **options):
        if "Boom" in body:
            raise ValueError("bug in a stage")
        return real_extract(self, body, published, **options)

    monkeypatch.setattr(services.ReportExtractor, "extract", extract)
    outcomes = list(reports_import_files(paths=[tmp_path]))
    assert [o.status for o in outcomes] == ["imported", "failed", "imported"]
    assert "internal error" in outcomes[1].message
    assert Report.objects.count() == 2


def test_discovered_people_are_stored_for_an_editor_to_confirm():
    from timeline.models import Actor

    text = report_text("Governor Taras Hnatenkovych said shelling hit Kharkiv overnight.")
    outcome = report_import(text=text)
    person = Actor.objects.get(name="Taras Hnatenkovych")
    assert person.kind == Actor.Kind.PERSON
    assert person.confirmed is False
    assert Event.objects.get(report_id=outcome.report_id).actors.filter(pk=person.pk).exists()
