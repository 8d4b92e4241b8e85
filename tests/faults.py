"""For the fault tests: a migrated SQLite file, many report files, and `manage.py` runs.

These tests need a real database file shared by several processes or threads (the test
database is in memory), so they run `manage.py` on one in a subprocess.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import ROOT, SEEDS

on_sqlite_only = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="SQLite-specific (WAL, file locking); runs in the SQLite pass of the suite",
)


def env_for(db: Path) -> dict[str, str]:
    """The environment of a `manage.py` run on the SQLite file `db`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": f"sqlite:///{db}",
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "testserver",
        "PYTHONUNBUFFERED": "1",
    }


def manage(db: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env_for(db),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


_template: list[Path] = []


def migrated_template(tmp_path_factory) -> Path:
    """A freshly migrated database file (with the shipped gazetteer), made once, to copy."""
    if not _template:
        db = tmp_path_factory.mktemp("template") / "db.sqlite3"
        result = manage(db, "migrate", "--noinput")
        assert result.returncode == 0, result.stderr
        _template.append(db)
    return _template[0]


def fresh_db(tmp_path_factory, folder: Path) -> Path:
    """A copy of the migrated template in `folder`."""
    db = folder / "db.sqlite3"
    shutil.copyfile(migrated_template(tmp_path_factory), db)
    return db


def report_copies(folder: Path, count: int) -> list[Path]:
    """`count` distinct report files made from the seeds (each with a line of its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    paths = []
    for n in range(count):
        seed = seeds[n % len(seeds)]
        path = folder / f"{n:04d}-{seed.name}"
        path.write_text(
            seed.read_text(encoding="utf-8")
            + f"\nUpdate {n}: Russian forces shelled Kharkiv on Tuesday, officials said.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def hammer(reports: str, seconds: str = "60") -> None:
    """Import `reports` while threads browse and edit; print what went wrong, as JSON.

    Run as `python -c "from tests.faults import hammer; hammer(folder)"` with env_for(db).
    """
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client

    from timeline import curation
    from timeline.models import Event
    from timeline.services import reports_import_files

    counts = {"imported": 0, "reads": 0, "edits": 0, "admin_saves": 0, "stale": 0}
    errors: list[str] = []
    done = threading.Event()
    deadline = time.monotonic() + float(seconds)
    admin = get_user_model().objects.create_superuser("hammer", password="unused-password")

    def loop(work) -> None:
        # Until the import is over, and at least a few real rounds each however quick it
        # was: a round that found no event yet to work on does not count.
        rounds = 0
        try:
            while time.monotonic() < deadline and not (done.is_set() and rounds >= 3):
                try:
                    if work() is not False:
                        rounds += 1
                except Exception as exc:  # every failure is the finding
                    rounds += 1
                    errors.append(f"{work.__name__}: {exc!r}")
        finally:
            connection.close()

    def importer() -> None:
        try:
            for outcome in reports_import_files(paths=[reports]):
                if outcome.failed:
                    errors.append(f"import {outcome.name}: {outcome.message}")
                else:
                    counts["imported"] += 1
        except Exception as exc:
            errors.append(f"importer: {exc!r}")
        finally:
            done.set()
            connection.close()

    def read() -> None:
        client = Client()
        for url in ["/", "/?q=Kharkiv", "/events.json?region=kharkiv", "/feed.atom"]:
            response = client.get(url)
            if response.status_code not in (200, 302):
                errors.append(f"GET {url}: {response.status_code}")
            counts["reads"] += 1

    def edit() -> None:
        time.sleep(0.02)  # a busy editor, not a tight loop holding the write lock
        # Read, then write, in one transaction: what an editor's action does.
        with transaction.atomic():
            ids = list(Event.objects.values_list("pk", flat=True)[:200])
            if not ids:
                return False
            event = Event.objects.get(pk=random.choice(ids))
            event.title = f"Edited {time.monotonic():.6f}"
            curation.event_edit(event=event)
            curation.event_edit_done(event=event, user=admin, reason="hammer")
        counts["edits"] += 1

    editor = Client()
    editor.force_login(admin)

    def admin_save() -> None:
        event = Event.objects.order_by("?").first()
        while event is None and time.monotonic() < deadline:
            time.sleep(0.05)  # the import has stored nothing yet
            event = Event.objects.order_by("?").first()
        if event is None:
            return False
        url = f"/admin/timeline/event/{event.pk}/change/"
        page = editor.get(url).content.decode()
        opened = re.search(r'name="opened_version" value="([^"]*)"', page).group(1)
        event.refresh_from_db()
        data = {
            "title": f"Saved {time.monotonic():.6f}",
            "date": event.date.isoformat(),
            "precision": event.precision,
            "text": event.text,
            "status": "reviewed",
            "report": event.report_id,
            "position": event.position,
            "opened_version": opened,
            **{f: [t.pk for t in getattr(event, f).all()] for f in ("regions", "actors")},
            "topics": [t.pk for t in event.topics.all()],
        }
        response = editor.post(url, data)
        if response.status_code == 302:
            counts["admin_saves"] += 1
        elif b"Someone else changed this event" in response.content:
            counts["stale"] += 1  # the other editor won: told, not overwritten
        else:
            errors.append(f"admin save: {response.status_code}")

    threads = [threading.Thread(target=importer)]
    threads += [threading.Thread(target=loop, args=(work,)) for work in (read, read, edit)]
    threads += [threading.Thread(target=loop, args=(admin_save,))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(json.dumps({**counts, "errors": errors}))
