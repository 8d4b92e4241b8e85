"""Adding reports in the admin by pasting or uploading, and re-extracting them."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.conftest import report_text
from timeline import services
from timeline.models import Event, Report

pytestmark = pytest.mark.django_db

ADD = reverse("admin:timeline_report_add")
BODY = (
    "Russian forces shelled Kharkiv on Tuesday, killing two people.\n\n"
    "Ukraine's foreign minister Dmytro Kuleba met NATO officials in Brussels on Monday."
)


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def details(published: str = "2022-05-18 12:00", **kw) -> dict:
    day, _, time = published.partition(" ")
    return {
        "title": "Live: war in Ukraine",
        "source": "Test Wire",
        "url": "https://example.org/live",
        "published_0": day,
        "published_1": time,
        "text": "",
        **kw,
    }


def form_errors(response) -> str:
    assert response.status_code == 200
    form = response.context["adminform"].form
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def test_pasting_a_report_extracts_it_and_shows_its_events(editor_client):
    response = editor_client.post(ADD, details(text=BODY.replace("\n", "\r\n")))
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_report_change", args=[report.pk])
    assert (report.title, report.source, report.url) == (
        "Live: war in Ukraine",
        "Test Wire",
        "https://example.org/live",
    )
    assert report.events.count() == 2
    assert report.history.get().history_user.username == "editor"
    page = editor_client.get(response["Location"])
    html = page.content.decode()
    assert "Report added: 2 events extracted." in html
    for event in report.events.all():
        assert reverse("admin:timeline_event_change", args=[event.pk]) in html


def test_uploading_a_file_with_front_matter(editor_client):
    text = report_text(BODY, title="From the file", published="2022-05-20")
    upload = SimpleUploadedFile("live.txt", text.encode("utf-16"))
    response = editor_client.post(ADD, details(title="", published="", file=upload))
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.title, report.file_name) == ("From the file", "live.txt")
    assert report.published.date().isoformat() == "2022-05-20"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"", "empty"),
        (b"   \n\n  ", "empty"),
        (b"\xff\xfe\x00\xd8", "UTF-16"),
    ],
)
def test_a_bad_file_is_a_form_error(editor_client, content, error):
    upload = SimpleUploadedFile("bad.txt", content)
    response = editor_client.post(ADD, details(file=upload))
    assert error in form_errors(response)
    assert not Report.objects.exists()


def test_a_file_too_large_is_a_form_error(editor_client, monkeypatch):
    monkeypatch.setattr("timeline.admin.reports.MAX_REPORT_BYTES", 1_048_576)
    upload = SimpleUploadedFile("huge.txt", b"a" * 1_048_577)
    assert "larger than 1 MB" in form_errors(editor_client.post(ADD, details(file=upload)))


def test_a_pipeline_failure_is_a_form_error(editor_client, monkeypatch):
    def broken(self, body, published, **options):
        raise ValueError("bug in a stage")

    monkeypatch.setattr(services.ReportExtractor, "extract", broken)
    assert "extraction failed" in form_errors(editor_client.post(ADD, details(text=BODY)))
    assert not Report.objects.exists()


def test_any_decodable_bytes_never_give_a_server_error(editor_client):
    noise = bytes(b for b in range(32, 256) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)) * 20
    response = editor_client.post(ADD, details(file=SimpleUploadedFile("noise.txt", noise)))
    assert response.status_code in (200, 302)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (details(), "Paste the report's text or upload a file"),
        (details(published="", text=BODY), "the text does not say it"),
        (details(published="2999-01-01 12:00", text=BODY), "in the future"),
        (details(text="Advertisement\n\nShare this article"), "No events found"),
        (details(text="---\ntitle: never closed\nBody."), "never closed"),
        (details(text=BODY, published="yesterday"), "Enter a valid date"),
    ],
)
def test_bad_input_is_a_form_error(editor_client, data, error):
    assert error in form_errors(editor_client.post(ADD, data))
    assert not Report.objects.exists()


def test_text_and_file_together_is_a_form_error(editor_client):
    upload = SimpleUploadedFile("live.txt", BODY.encode())
    response = editor_client.post(ADD, details(text=BODY, file=upload))
    assert "not both" in form_errors(response)


def test_a_text_imported_before_is_a_form_error_linking_to_it(editor_client):
    editor_client.post(ADD, details(text=BODY))
    report = Report.objects.get()
    response = editor_client.post(ADD, details(text=BODY, title="Again"))
    assert "imported before" in form_errors(response)
    assert reverse("admin:timeline_report_change", args=[report.pk]) in response.content.decode()
    assert Report.objects.count() == 1


def test_the_change_form_keeps_the_text_as_received(editor_client):
    editor_client.post(ADD, details(text=BODY))
    report = Report.objects.get()
    url = reverse("admin:timeline_report_change", args=[report.pk])
    data = {
        "title": "Better title",
        "source": "Wire",
        "url": "",
        "published_0": "2022-05-18",
        "published_1": "12:00",
        "language": "en",
        "raw_text": "tampered",
        "events-TOTAL_FORMS": 0,
        "events-INITIAL_FORMS": 0,
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    report.refresh_from_db()
    assert report.title == "Better title" and report.raw_text == BODY


def test_reextract_action_reports_counts_and_spares_curated_events(editor_client):
    editor_client.post(ADD, details(text=BODY))
    report = Report.objects.get()
    report.events.filter(position=0).update(status=Event.Status.HIDDEN)
    report.events.filter(position=1).update(quote="An event an older pipeline invented.")
    response = editor_client.post(
        reverse("admin:timeline_report_changelist"),
        {"action": "reextract", "_selected_action": [report.pk]},
        follow=True,
    )
    message = [str(m) for m in response.context["messages"]][-1]
    assert message.startswith("Re-extracted 1 report: 1 added, 0 updated, 1 kept, 1 removed")
    assert report.events.get(position=0).status == Event.Status.HIDDEN
    assert report.events.count() == 2


def test_reextract_action_tells_which_report_failed(editor_client, monkeypatch):
    editor_client.post(ADD, details(text=BODY))

    def broken(self, body, published, **options):
        raise ValueError("bug in a stage")

    monkeypatch.setattr(services.ReportExtractor, "extract", broken)
    response = editor_client.post(
        reverse("admin:timeline_report_changelist"),
        {"action": "reextract", "_selected_action": [Report.objects.get().pk]},
        follow=True,
    )
    message = [str(m) for m in response.context["messages"]][-1]
    assert "failed for Live: war in Ukraine" in message
    assert Report.objects.get().events.count() == 2
