"""Curating events in the admin: edit, review, merge, split, revert, then re-extract."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from tests.conftest import make_event, report_text
from timeline import services
from timeline.models import Event, Region, Report, Topic

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:timeline_event_changelist")
BODY = (
    "Russian forces shelled Kharkiv on Tuesday, killing two people. "
    "It was the heaviest attack on the city in weeks.\n\n"
    "Ukraine's foreign minister Dmytro Kuleba met NATO officials in Brussels on Monday."
)


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def report() -> Report:
    return Report.objects.get(pk=services.report_import(text=report_text(BODY)).report_id)


def change_url(event: Event) -> str:
    return reverse("admin:timeline_event_change", args=[event.pk])


def form_data(event: Event, **changes) -> dict:
    data = {
        "title": event.title,
        "date": event.date.isoformat(),
        "precision": event.precision,
        "text": event.text,
        "status": event.status,
        "regions": [r.pk for r in event.regions.all()],
        "actors": [a.pk for a in event.actors.all()],
        "topics": [t.pk for t in event.topics.all()],
        "report": event.report_id,
        "position": event.position,
        "sources": [s.pk for s in event.sources.all()],
    }
    return {**data, **changes}


def reextract(report: Report) -> services.ReextractOutcome:
    return services.report_reextract(
        report, extractor=services.ReportExtractor(services.gazetteer_load())
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_change_form_shows_the_event_highlighted_in_its_report(editor_client):
    report = Report.objects.get(
        pk=services.report_import(
            text=report_text("<b>Live</b> updates.\n\nRussian forces shelled Kharkiv on Tuesday.")
        ).report_id
    )
    event = report.events.get(text__contains="Kharkiv")
    html = editor_client.get(change_url(event)).content.decode()
    assert "<mark>Russian forces shelled Kharkiv on Tuesday.</mark>" in html
    assert "&lt;b&gt;Live&lt;/b&gt; updates." in html
    assert "<b>Live</b>" not in html
    assert reverse("admin:timeline_event_split", args=[event.pk]) in html


def test_saving_the_form_marks_the_event_edited_and_records_one_version(editor_client, report):
    event = report.events.get(position=0)
    talks = Topic.objects.get(slug="talks")
    data = form_data(event, title="Editor's headline", topics=[talks.pk], regions=[])
    response = editor_client.post(change_url(event), data)
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title, event.edited) == ("Editor's headline", True)
    assert list(event.topics.all()) == [talks] and not event.regions.exists()
    history = list(event.history.order_by("history_date"))
    assert [h.history_type for h in history] == ["+", "~"]
    assert history[1].history_user.username == "editor"
    assert "Title" in history[1].history_change_reason
    assert [t.topic_id for t in history[1].topics.all()] == [talks.pk]
    assert reextract(report).kept == 1
    assert report.events.get(pk=event.pk).title == "Editor's headline"


def test_an_editor_adds_an_event_by_hand(editor_client, report):
    data = form_data(report.events.get(position=0), title="Added by hand", position="")
    response = editor_client.post(reverse("admin:timeline_event_add"), data)
    assert response.status_code == 302
    added = Event.objects.get(title="Added by hand")
    assert added.edited and added.position == 2
    assert [h.history_type for h in added.history.all()] == ["+"]


def test_merged_is_not_a_status_to_pick_by_hand(editor_client):
    event = make_event()
    response = editor_client.post(change_url(event), form_data(event, status="merged"))
    assert response.status_code == 200
    assert "status" in response.context["adminform"].form.errors


def test_reverting_to_a_version_restores_fields_and_tags(editor_client, report):
    event = report.events.get(position=0)
    regions = set(event.regions.all())
    editor_client.post(change_url(event), form_data(event, title="Wrong", regions=[]))
    original = event.history.earliest("history_date")
    url = reverse("admin:timeline_event_simple_history", args=[event.pk, original.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert set(form.initial["regions"]) == {r.pk for r in regions}
    data = form_data(original.instance, regions=[r.pk for r in regions])
    assert editor_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.title == original.title and set(event.regions.all()) == regions
    assert event.edited  # a revert is an editor's decision too
    assert event.history.count() == 3


@pytest.mark.parametrize(
    ("action", "before", "after"),
    [
        ("mark_reviewed", "unreviewed", "reviewed"),
        ("hide", "reviewed", "hidden"),
        ("restore", "hidden", "reviewed"),
    ],
)
def test_bulk_status_actions(editor_client, action, before, after):
    events = [make_event(status=before) for _ in range(2)]
    untouched = make_event(status="merged", merged_into=events[0])
    ids = [e.pk for e in events]
    ids_with_merged = ids if action == "restore" else [*ids, untouched.pk]
    response = editor_client.post(
        CHANGELIST, {"action": action, "_selected_action": ids_with_merged}, follow=True
    )
    assert set(Event.objects.filter(pk__in=ids).values_list("status", flat=True)) == {after}
    assert messages_of(response)[0].startswith("2 events")
    if action != "restore":
        assert "1 event left as it was" in messages_of(response)[0]
        assert Event.objects.get(pk=untouched.pk).status == "merged"


def test_merge_asks_for_the_headline_and_date_then_merges(editor_client, report):
    first, second = report.events.order_by("position")
    ids = [first.pk, second.pk]
    page = editor_client.post(CHANGELIST, {"action": "merge", "_selected_action": ids})
    assert page.status_code == 200
    assert "admin/timeline/event/merge.html" in [t.name for t in page.templates]
    html = page.content.decode()
    assert escape(first.title) in html and escape(second.title) in html
    response = editor_client.post(
        CHANGELIST,
        {
            "action": "merge",
            "_selected_action": ids,
            "post": "yes",
            "title_from": second.pk,
            "date_from": first.pk,
        },
        follow=True,
    )
    assert "2 events merged into" in messages_of(response)[0]
    survivor = Event.objects.get(pk=second.pk)
    assert (survivor.title, survivor.date) == (second.title, first.date)
    assert Event.objects.get(pk=first.pk).merged_into == survivor
    outcome = reextract(report)
    assert (outcome.added, outcome.kept, outcome.removed) == (0, 2, 0)
    assert list(Event.objects.visible()) == [survivor]


@pytest.mark.parametrize("statuses", [["unreviewed"], ["unreviewed", "merged"]])
def test_merge_refuses_a_lone_or_merged_event(editor_client, statuses):
    target = make_event()
    events = [make_event(status=s, merged_into=target if s == "merged" else None) for s in statuses]
    response = editor_client.post(
        CHANGELIST,
        {"action": "merge", "_selected_action": [e.pk for e in events]},
        follow=True,
    )
    assert "Select two or more events" in messages_of(response)[0]
    assert not Event.objects.filter(status="merged").exclude(pk__in=[e.pk for e in events]).exists()


def test_split_at_a_chosen_sentence(editor_client, report):
    event = report.events.get(position=0)
    url = reverse("admin:timeline_event_split", args=[event.pk])
    page = editor_client.get(url)
    assert page.status_code == 200
    assert "It was the heaviest attack on the city in weeks." in page.content.decode()
    response = editor_client.post(url, {"at": 1})
    new = Event.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == change_url(new)
    assert new.text == "It was the heaviest attack on the city in weeks."
    event.refresh_from_db()
    assert event.text == "Russian forces shelled Kharkiv on Tuesday, killing two people."
    assert set(new.regions.all()) == {Region.objects.get(slug="kharkiv")}
    outcome = reextract(report)
    assert (outcome.added, outcome.kept, outcome.removed) == (0, 2, 0)


@pytest.mark.parametrize("at", ["0", "5", "x", ""])
def test_split_with_a_bad_boundary_shows_the_form_again(editor_client, report, at):
    event = report.events.get(position=0)
    url = reverse("admin:timeline_event_split", args=[event.pk])
    response = editor_client.post(url, {"at": at})
    assert response.status_code == 200 and response.context["form"].errors
    assert report.events.count() == 2


def test_a_one_sentence_event_has_nothing_to_split(editor_client):
    event = make_event()
    page = editor_client.get(reverse("admin:timeline_event_split", args=[event.pk]))
    assert "nothing to split" in page.content.decode()


def test_split_of_an_unknown_event_is_not_found(editor_client):
    assert editor_client.get(reverse("admin:timeline_event_split", args=[999])).status_code == 404


def test_the_event_list_filters(editor_client):
    make_event(
        title="In Kharkiv", date=dt.date(2022, 3, 1), regions=[Region.objects.get(slug="kharkiv")]
    )
    make_event(title="Elsewhere", status="hidden")
    regional = editor_client.get(
        CHANGELIST, {"regions__id__exact": Region.objects.get(slug="kharkiv").pk}
    )
    assert (
        "In Kharkiv" in regional.content.decode() and "Elsewhere" not in regional.content.decode()
    )
    hidden = editor_client.get(CHANGELIST, {"status__exact": "hidden"}).content.decode()
    assert "Elsewhere" in hidden and "In Kharkiv" not in hidden
    searched = editor_client.get(CHANGELIST, {"q": "Kharkiv"}).content.decode()
    assert "In Kharkiv" in searched
