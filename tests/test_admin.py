"""Who may use the admin, and that every page of it renders for an editor."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.conftest import make_event
from timeline import curation
from timeline.models import Actor, Event, Region, Topic

pytestmark = pytest.mark.django_db

MODELS = ["report", "event", "region", "actor", "topic"]
PAGES = ["changelist", "add", "change", "delete", "history", "version"]


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def objects(editor):
    """One object of each model, each with a version in its history."""
    event = make_event(regions=[Region.objects.get(slug="kharkiv")])
    curation.event_review(event=event, user=editor)
    found = {"event": event, "report": event.report}
    for name, model, slug in [
        ("region", Region, "kharkiv"),
        ("actor", Actor, "russia"),
        ("topic", Topic, "battlefield"),
    ]:
        found[name] = model.objects.get(slug=slug)
        found[name].save()  # a first version in its history
    return found


def page_url(model: str, page: str, obj=None) -> str:
    if page in ("changelist", "add"):
        return reverse(f"admin:timeline_{model}_{page}")
    if page == "version":
        version = obj.history.latest("history_date")
        return reverse(f"admin:timeline_{model}_simple_history", args=[obj.pk, version.pk])
    return reverse(f"admin:timeline_{model}_{page}", args=[obj.pk])


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("model", MODELS)
def test_every_page_renders_for_an_editor(client, editor, objects, model, page):
    client.force_login(editor)
    response = client.get(page_url(model, page, objects[model]))
    assert response.status_code == 200


def test_the_editors_group_has_exactly_the_timeline_permissions():
    codenames = set(
        Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    )
    expected = {f"{a}_{m}" for m in MODELS for a in ("add", "change", "delete", "view")}
    assert codenames == expected | {f"view_historical{m}" for m in MODELS}
    assert not Permission.objects.filter(
        group__name="Editors", content_type__app_label="auth"
    ).exists()


def admin_urls(event: Event) -> list[str]:
    return [
        reverse("admin:index"),
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_change", args=[event.pk]),
        reverse("admin:timeline_event_history", args=[event.pk]),
        reverse("admin:timeline_event_split", args=[event.pk]),
        reverse("admin:timeline_report_add"),
    ]


@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_only_staff_reach_the_admin(client, django_user_model, who):
    event = make_event()
    if who == "not staff":
        client.force_login(django_user_model.objects.create_user("reader"))
    for url in admin_urls(event):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("who", ["anonymous", "not staff"])
def test_only_staff_run_admin_actions(client, django_user_model, who):
    event = make_event()
    if who == "not staff":
        client.force_login(django_user_model.objects.create_user("reader"))
    changelist = reverse("admin:timeline_event_changelist")
    response = client.post(changelist, {"action": "hide", "_selected_action": [event.pk]})
    assert response.status_code == 302
    split = reverse("admin:timeline_event_split", args=[event.pk])
    assert client.post(split, {"at": 1}).status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.UNREVIEWED
    assert Event.objects.count() == 1


def test_an_editor_cannot_manage_users_or_groups(client, editor):
    client.force_login(editor)
    for url in [reverse("admin:auth_user_changelist"), reverse("admin:auth_group_changelist")]:
        assert client.get(url).status_code == 403
    index = client.get(reverse("admin:index")).content.decode()
    assert "/admin/timeline/event/" in index
    assert "/admin/auth/user/" not in index


def test_a_superuser_reaches_everything(client, admin_user):
    client.force_login(admin_user)
    event = make_event()
    for url in [
        *admin_urls(event),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_group_changelist"),
    ]:
        assert client.get(url).status_code == 200, url


def test_the_event_list_queries_are_bounded(client, editor, django_assert_max_num_queries):
    kharkiv, battlefield = Region.objects.get(slug="kharkiv"), Topic.objects.get(slug="battlefield")
    for n in range(30):
        make_event(title=f"Event {n}", regions=[kharkiv], topics=[battlefield])
    client.force_login(editor)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("admin:timeline_event_changelist"))
    assert response.content.decode().count("Battlefield</td>") == 30
