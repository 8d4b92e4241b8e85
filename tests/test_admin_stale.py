"""Two editors on one event: the later save is refused, not a silent overwrite."""

import re

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests.conftest import make_event
from timeline import curation
from timeline.models import Event

pytestmark = pytest.mark.django_db

STALE = "Someone else changed this event since you opened it"


@pytest.fixture
def editors(django_user_model) -> tuple[Client, Client]:
    clients = []
    for name in ("olena", "taras"):
        user = django_user_model.objects.create_user(name, is_staff=True)
        user.groups.add(Group.objects.get(name="Editors"))
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients[0], clients[1]


def change_url(event: Event) -> str:
    return reverse("admin:timeline_event_change", args=[event.pk])


def open_form(client: Client, url: str) -> dict:
    """The change form's fields as a browser would send them back, unchanged."""
    form = client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data


def test_the_form_carries_the_version_the_editor_opened(editors):
    event = make_event()
    html = editors[0].get(change_url(event)).content.decode()
    field = re.search(r'<input type="hidden" name="opened_version" value="([^"]+)"', html)
    assert field and field[1] == event.updated.isoformat()


def test_a_save_over_someone_elses_newer_save_is_refused(editors):
    olena, taras = editors
    event = make_event(title="As imported")
    url = change_url(event)
    hers, his = open_form(olena, url), open_form(taras, url)

    assert olena.post(url, {**hers, "title": "Olena's headline"}).status_code == 302
    response = taras.post(url, {**his, "title": "Taras's headline"})

    assert response.status_code == 200
    assert STALE in response.content.decode()
    event.refresh_from_db()
    assert event.title == "Olena's headline"
    assert event.history.filter(title="Taras's headline").count() == 0
    # His form keeps his text, now knowing of hers: saving again is a deliberate choice.
    form = response.context["adminform"].form
    assert form["title"].value() == "Taras's headline"
    assert form["opened_version"].value() == event.updated.isoformat()
    again = taras.post(
        url, {**his, "title": "Taras's headline", "opened_version": event.updated.isoformat()}
    )
    assert again.status_code == 302
    event.refresh_from_db()
    assert event.title == "Taras's headline"


def test_an_action_in_between_makes_the_form_stale_too(editors):
    olena, _ = editors
    event = make_event()
    url = change_url(event)
    form = open_form(olena, url)
    curation.event_hide(event=event)  # someone hid it from the list meanwhile
    response = olena.post(url, {**form, "title": "Edited"})
    assert STALE in response.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.HIDDEN and event.title != "Edited"


def test_saving_twice_in_a_row_from_fresh_forms_is_fine(editors):
    olena, _ = editors
    event = make_event()
    url = change_url(event)
    for title in ("First", "Second"):
        assert olena.post(url, {**open_form(olena, url), "title": title}).status_code == 302
    event.refresh_from_db()
    assert event.title == "Second"


def test_a_tampered_version_is_refused(editors):
    olena, _ = editors
    event = make_event()
    url = change_url(event)
    response = olena.post(url, {**open_form(olena, url), "opened_version": "yesterday"})
    assert STALE in response.content.decode()


def test_reverting_to_an_old_version_is_checked_against_the_current_one(editors):
    olena, taras = editors
    event = make_event(title="First")
    url = change_url(event)
    olena.post(url, {**open_form(olena, url), "title": "Second"})
    first = event.history.earliest("history_date")
    revert = reverse("admin:timeline_event_simple_history", args=[event.pk, first.pk])
    form = open_form(olena, revert)
    taras.post(url, {**open_form(taras, url), "title": "Third"})

    assert STALE in olena.post(revert, form).content.decode()
    event.refresh_from_db()
    assert event.title == "Third"
    assert olena.post(revert, open_form(olena, revert)).status_code == 302
    event.refresh_from_db()
    assert event.title == "First"
