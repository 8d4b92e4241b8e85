"""Backing the database up into one file, and restoring it from one, history included.

A backup is Django's serialisation of every row (reports, events, tags, every version in
their history, users, groups and the admin's log), primary keys kept, so a restored
database is the same database. Left out, and why:

- content types and permissions: `migrate` creates them; the backup names them by
  their natural keys (app, model, codename), so they match whatever ids they have;
- sessions and login attempts: a restore logs everyone out, and lockouts are not data;
- derived rows (the place index, the tallies, the page-cache version): rebuilt after a
  restore.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings

from .cache import data_changed
from .places import places_rebuild
from .tallies import tallies_rebuild

NOT_BACKED_UP = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "axes",
    "timeline.eventplace",  # derived from events' regions: places_rebuild()
    "timeline.tally",  # counted by triggers: tallies_rebuild()
    "timeline.tallypair",
    "timeline.tallypause",
    "timeline.timelinestate",  # the page-cache version: only ever moves on
]
EMPTIED_TOO = {  # by a restore, besides the data
    "sessions",
    "timeline.eventplace",
    "timeline.tally",
    "timeline.tallypair",
}
COMPRESSIONS = {".gz", ".bz2", ".xz", ".lzma"}


class BackupError(ValueError):
    """A backup that cannot be written or restored, with the reason in words."""


def backup_format(path: Path) -> str:
    """Check a backup file's name: JSON Lines (times to the microsecond), maybe compressed."""
    suffixes = path.suffixes[-2:]
    if suffixes and suffixes[-1] in COMPRESSIONS:
        suffixes = suffixes[:-1]
    if suffixes[-1:] != [".jsonl"]:
        raise BackupError(
            f"a backup is JSON Lines: name it .jsonl, or .jsonl.gz, .jsonl.xz or .jsonl.bz2 "
            f"to compress it, not {path.name}"
        )
    return "jsonl"


def backup_write(path: Path) -> None:
    """Write every backed-up row to `path`, as one consistent snapshot, all or nothing."""
    format = backup_format(path)
    if not path.parent.is_dir():
        raise BackupError(f"cannot write {path}: there is no folder {path.parent}")
    # Written aside (same suffixes, so the same compression) and renamed when complete.
    partial = path.with_name(f".partial-{os.getpid()}-{path.name}")
    try:
        with _snapshot():
            call_command(
                "dumpdata",
                format=format,
                exclude=NOT_BACKED_UP,
                use_natural_foreign_keys=True,
                use_base_manager=True,  # every row, whatever a default manager hides
                output=str(partial),
                verbosity=0,
            )
        os.replace(partial, path)
    except OSError as exc:
        raise BackupError(f"cannot write {path}: {exc.strerror}") from None
    except CommandError as exc:  # dumpdata's, around whatever went wrong
        raise BackupError(f"cannot write {path}: {exc}") from None
    finally:
        partial.unlink(missing_ok=True)


@transaction.atomic
def backup_restore(path: Path) -> None:
    """Replace every backed-up row with the backup's: in one transaction, all or nothing."""
    backup_format(path)
    if not path.is_file():
        raise BackupError(f"no such file: {path}")
    _empty(_restored_tables())
    # Setting an event's tags would record a version: the backup brings its history along.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", str(path), verbosity=0)
    places_rebuild()
    tallies_rebuild()  # TRUNCATE fires no delete triggers: count afresh
    data_changed()


def _empty(tables: list[str]) -> None:
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:  # TRUNCATE refuses while this transaction has checks pending
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for statement in connection.ops.sql_flush(no_style(), tables):
            cursor.execute(statement)
        if postgres:  # loaddata relies on checks at commit: rows may refer forward
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def _restored_tables() -> list[str]:
    excluded = set(NOT_BACKED_UP) - EMPTIED_TOO
    tables = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label in excluded or meta.label_lower in excluded:
            continue
        if meta.managed and not meta.proxy:
            tables.append(meta.db_table)
    return tables


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent view of the database for the whole dump, without stopping writers."""
    if connection.in_atomic_block:
        yield  # inside a transaction already (a test's): that is the snapshot
        return
    if connection.vendor == "sqlite":
        # A deferred read transaction: in WAL mode its snapshot is taken at the first read
        # and writers go on meanwhile. (atomic() would take the write lock: the settings
        # ask for IMMEDIATE transactions.)
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield
