"""`manage.py backup` and `restore`: every row of every model back as it was, history too."""

import gzip
import io

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.core import serializers
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.conftest import SEEDS, report_text
from timeline import curation, services
from timeline.backups import NOT_BACKED_UP
from timeline.cache import data_version
from timeline.models import Actor, Event, EventPlace, Region, Report, Topic

pytestmark = pytest.mark.django_db


def backed_up_models() -> list:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label not in NOT_BACKED_UP
        and model._meta.label_lower not in NOT_BACKED_UP
    ]


def everything() -> dict[str, list]:
    """Every backed-up row, field by field (content types and permissions by name).

    A many-to-many link is its pair of ends: its own id is not data (the backup holds the
    links with the rows they join, and a restore numbers them afresh).
    """
    rows = {}
    for model in backed_up_models():
        serialized = serializers.serialize(
            "python", model._base_manager.order_by("pk"), use_natural_foreign_keys=True
        )
        if model._meta.auto_created:
            serialized = sorted(tuple(sorted(row["fields"].items())) for row in serialized)
        rows[model._meta.label_lower] = serialized
    return rows


@pytest.fixture
def curated(client, django_user_model):
    """A database that has lived: imports, an editor's edits, merges, splits, users, logs."""
    list(services.reports_import_files(paths=[SEEDS]))
    editor = django_user_model.objects.create_user("olena", password="x", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(Permission.objects.get(codename="view_logentry"))
    django_user_model.objects.create_superuser("root", password="y")
    client.force_login(editor)

    first, second, third, fourth = Event.objects.order_by("pk")[:4]
    curation.event_review(event=first, user=editor)
    curation.event_hide(event=second, user=editor)
    curation.event_merge(events=[third, fourth], title_from=third, date_from=fourth, user=editor)
    long = next(e for e in Event.objects.order_by("pk") if len(curation.text_sentences(e.text)) > 1)
    curation.event_split(event=long, at=1, user=editor)
    edited = Event.objects.filter(status=Event.Status.UNREVIEWED).order_by("pk").first()
    url = reverse("admin:timeline_event_change", args=[edited.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data |= {"title": "Edited by hand", "sources": [Report.objects.last().pk]}
    assert client.post(url, data).status_code == 302
    kharkiv = Region.objects.get(slug="kharkiv")
    kharkiv.name = "Kharkiv (city)"
    kharkiv.save()
    Actor.objects.get(slug="russia").save()
    Topic.objects.create(slug="energy-grid", name="Energy grid", patterns="power station")
    report = Report.objects.first()
    report.title = "Retitled"
    report.save()
    return editor


def test_a_restore_brings_back_every_row_of_every_model(curated, tmp_path, client):
    before = everything()
    for label in [
        "auth.user",
        "auth.group",
        "auth.group_permissions",
        "auth.user_groups",
        "auth.user_user_permissions",
        "admin.logentry",
        *[f"timeline.{m}" for m in ("report", "region", "actor", "topic", "event")],
        *[f"timeline.event_{f}" for f in ("regions", "actors", "topics", "sources")],
        *[f"timeline.historical{m}" for m in ("report", "region", "actor", "topic", "event")],
        *[f"timeline.historicalevent_{f}" for f in ("regions", "actors", "topics", "sources")],
    ]:
        assert before[label], f"nothing in {label}: the test would prove nothing for it"
    places = set(EventPlace.objects.values_list("event_id", "region_id"))
    version = data_version()
    backup = tmp_path / "timeline.jsonl.gz"
    call_command("backup", str(backup), stdout=io.StringIO())

    # Disaster: events deleted, a user gone, the taxonomy changed, someone logged in.
    Event.objects.all().delete()
    curated.delete()
    Topic.objects.filter(slug="energy-grid").delete()
    Region.objects.create(slug="atlantis", name="Atlantis", kind="town")
    client.get("/admin/")

    out = io.StringIO()
    call_command("restore", str(backup), interactive=False, stdout=out)

    assert f"restored from {backup}" in out.getvalue()
    after = everything()
    for label, rows in before.items():
        assert after[label] == rows, label
    assert set(EventPlace.objects.values_list("event_id", "region_id")) == places
    assert data_version() > version  # no page cached before the restore is served after it
    assert not apps.get_model("sessions", "Session").objects.exists()  # everyone logged out


def test_a_restored_database_takes_new_rows(curated, tmp_path):
    backup = tmp_path / "timeline.jsonl.xz"
    call_command("backup", str(backup), stdout=io.StringIO())
    call_command("restore", str(backup), interactive=False, stdout=io.StringIO())
    outcome = services.report_import(text=report_text("Ukraine struck Melitopol on Sunday."))
    assert outcome.status == "imported"
    assert Report.objects.get(pk=outcome.report_id).events.exists()
    assert LogEntry.objects.exists()


def test_a_damaged_backup_changes_nothing(curated, tmp_path):
    backup = tmp_path / "timeline.jsonl.gz"
    call_command("backup", str(backup), stdout=io.StringIO())
    whole = gzip.decompress(backup.read_bytes())
    backup.write_bytes(gzip.compress(whole[: len(whole) // 2]))  # cut mid-way
    before = everything()
    with pytest.raises(CommandError, match="nothing changed"):
        call_command("restore", str(backup), interactive=False, stdout=io.StringIO())
    assert everything() == before


@pytest.mark.parametrize(
    ("name", "message"),
    [("backup.json", "a backup is JSON Lines"), ("missing.jsonl", "no such file")],
)
def test_restore_refuses_what_it_cannot_read(tmp_path, name, message):
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(tmp_path / name), interactive=False)


def test_restore_asks_first(tmp_path, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="cancelled"):
        call_command("restore", str(tmp_path / "timeline.jsonl"))


def test_a_backup_that_cannot_be_written_leaves_no_file(tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("backup", str(tmp_path / "missing" / "timeline.jsonl"))
    assert list(tmp_path.iterdir()) == []
