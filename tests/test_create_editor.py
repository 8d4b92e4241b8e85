"""`manage.py create_editor`: a staff user in the Editors group, and nothing more."""

import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-newsroom-passphrase"


def create(*args, **kw) -> str:
    out = io.StringIO()
    call_command("create_editor", *args, stdout=out, **kw)
    return out.getvalue()


def test_creates_a_staff_editor_with_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("TIMELINE_EDITOR_PASSWORD", PASSWORD)
    assert "Editor 'olena' created" in create("olena", "--email", "olena@example.org")
    user = get_user_model().objects.get(username="olena")
    assert (user.is_staff, user.is_superuser, user.email) == (True, False, "olena@example.org")
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert authenticate(username="olena", password=PASSWORD) == user
    assert user.has_perm("timeline.change_event") and not user.has_perm("auth.change_user")


def test_asks_for_the_password_twice(monkeypatch):
    monkeypatch.delenv("TIMELINE_EDITOR_PASSWORD", raising=False)
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    create("olena")
    assert authenticate(username="olena", password=PASSWORD) is not None


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        ([PASSWORD, "something else"], "do not match"),
        ([""], "empty"),
        (["short", "short"], "too short"),
        ([EOFError()], "TIMELINE_EDITOR_PASSWORD"),
    ],
)
def test_refuses_a_missing_or_weak_password(monkeypatch, answers, error):
    monkeypatch.delenv("TIMELINE_EDITOR_PASSWORD", raising=False)
    replies = iter(answers)

    def getpass(prompt):
        reply = next(replies)
        if isinstance(reply, Exception):
            raise reply
        return reply

    monkeypatch.setattr("getpass.getpass", getpass)
    with pytest.raises(CommandError, match=error):
        create("olena")
    assert not get_user_model().objects.exists()


def test_refuses_an_empty_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("TIMELINE_EDITOR_PASSWORD", "")
    with pytest.raises(CommandError, match="empty"):
        create("olena")


def test_refuses_an_existing_user(monkeypatch, django_user_model):
    django_user_model.objects.create_user("olena")
    monkeypatch.setenv("TIMELINE_EDITOR_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="exists already"):
        create("olena")


def test_needs_the_editors_group(monkeypatch):
    from django.contrib.auth.models import Group

    Group.objects.filter(name="Editors").delete()
    monkeypatch.setenv("TIMELINE_EDITOR_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match="migrate"):
        create("olena")
