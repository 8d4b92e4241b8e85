"""Editing regions, actors and topics in the admin, and re-tagging events with them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.conftest import report_text
from timeline import services
from timeline.models import Actor, Event, Region, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def topic_data(topic: Topic, **changes) -> dict:
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "description": topic.description,
        "patterns": topic.patterns,
        "position": topic.position,
    }
    return {**data, **changes}


@pytest.mark.parametrize(
    ("pattern", "error"),
    [("(unclosed", "invalid regex"), ("2.5:a*", "matches empty text"), (r"(a)\1", "back-ref")],
)
def test_a_topic_pattern_that_does_not_compile_is_a_form_error(editor_client, pattern, error):
    topic = Topic.objects.get(slug="talks")
    url = reverse("admin:timeline_topic_change", args=[topic.pk])
    response = editor_client.post(url, topic_data(topic, patterns=f"\\bceasefire\\b\n{pattern}"))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["patterns"]
    assert len(errors) == 1 and pattern in errors[0] and error in errors[0]
    assert Topic.objects.get(pk=topic.pk).patterns == topic.patterns


def test_valid_topic_patterns_are_saved_with_history(editor_client):
    topic = Topic.objects.get(slug="talks")
    url = reverse("admin:timeline_topic_change", args=[topic.pk])
    patterns = "\\bceasefire\\b\n-\\bceasefire violations?\\b\n2:\\bpeace talks\\b"
    assert editor_client.post(url, topic_data(topic, patterns=patterns)).status_code == 302
    topic.refresh_from_db()
    assert topic.patterns == patterns
    assert topic.history.get().history_user.username == "editor"


def test_aliases_are_edited_one_per_line(editor_client):
    region = Region.objects.get(slug="kharkiv")
    url = reverse("admin:timeline_region_change", args=[region.pk])
    page = editor_client.get(url).content.decode()
    assert "\n".join(region.aliases) in page
    data = {
        "name": region.name,
        "slug": region.slug,
        "kind": region.kind,
        "parent": region.parent_id or "",
        "aliases": "Kharkov\n\n  Charkiw  \n",
        "confirmed": "on",
        "latitude": "49.99",
        "longitude": "36.23",
    }
    assert editor_client.post(url, data).status_code == 302
    region.refresh_from_db()
    assert (region.aliases, region.latitude) == (["Kharkov", "Charkiw"], 49.99)


@pytest.mark.parametrize("model", ["region", "actor", "topic"])
def test_retag_action_tags_untouched_events_and_says_how_many_changed(editor_client, model):
    report_id = services.report_import(
        text=report_text("Russian forces shelled Kharkiv.")
    ).report_id
    untouched = Event.objects.get(report_id=report_id)
    decided = Event.objects.create(
        report_id=report_id,
        date=untouched.date,
        title="Decided",
        text="Kharkiv.",
        position=1,
        status=Event.Status.REVIEWED,
    )
    Event.regions.through.objects.all().delete()
    target = {"region": Region, "actor": Actor, "topic": Topic}[model].objects.first()
    response = editor_client.post(
        reverse(f"admin:timeline_{model}_changelist"),
        {"action": "retag_events", "_selected_action": [target.pk]},
        follow=True,
    )
    message = [str(m) for m in response.context["messages"]][-1]
    assert message.startswith("Re-tagged: 1 of 1 untouched events changed")
    assert untouched.regions.filter(slug="kharkiv").exists()
    assert not decided.regions.exists()
