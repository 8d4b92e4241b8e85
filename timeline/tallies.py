"""Reading and bulk-writing the tallies that the database's triggers keep.

The triggers (`timeline.tally_sql`) count what the public timeline shows unless
TIMELINE_REVIEWED_ONLY narrows it to reviewed events, and only SQLite and PostgreSQL
have them: in either other case `tallies_usable()` says so and the timeline counts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction

from .models import Tally, TallyPair, TallyPause
from .tally_sql import tallies_add_statements


def tallies_usable() -> bool:
    return connection.vendor in ("sqlite", "postgresql") and not getattr(
        settings, "TIMELINE_REVIEWED_ONLY", False
    )


def tallied_days(facet: str = "day", tag: int = 0) -> list[tuple[dt.date, int]]:
    """(date, visible events) for every date with any, of one tag or of all events."""
    rows = Tally.objects.filter(facet=facet, key=tag, day__gt=0, events__gt=0).order_by("day")
    return [
        (dt.date(day // 10000, day // 100 % 100, day % 100), events)
        for day, events in rows.values_list("day", "events")
    ]


def tallied_totals(facet: str):
    """A queryset of (facet, tag id, visible events) for one facet's tags."""
    return (
        Tally.objects.filter(facet=facet, day=0, events__gt=0)
        .values_list("facet", "key", "events")
        .order_by()
    )


def tallied_pairs(facet: str, other_facet: str, other_key: int):
    """A queryset of (facet, tag id, visible events also tagged `other_key`)."""
    return (
        TallyPair.objects.filter(
            other_facet=other_facet, other_key=other_key, facet=facet, events__gt=0
        )
        .values_list("facet", "key", "events")
        .order_by()
    )


@contextmanager
def tallies_paused() -> Iterator[None]:
    """Within the caller's transaction, its own triggers stand aside: for bulk writers,
    which then call `tallies_add` once for all they wrote. Other transactions never see
    the pause row, so their writes go on being counted."""
    if not connection.in_atomic_block:
        raise RuntimeError("pause the tallies inside a transaction only")
    pause = TallyPause.objects.create()
    try:
        yield
    finally:
        pause.delete()


def tallies_add(event_ids: Iterable[int]) -> None:
    """Count these events (just written with the triggers paused) into the tallies."""
    ids = ",".join(str(int(pk)) for pk in event_ids)
    if not ids:
        return
    with connection.cursor() as cursor:
        for statement in tallies_add_statements(connection.vendor, f"e.id IN ({ids})"):
            cursor.execute(statement)


@transaction.atomic
def tallies_rebuild() -> None:
    """Count every tally afresh (after a restore, or to repair one by hand)."""
    TallyPair.objects.all().delete()
    Tally.objects.all().delete()
    with connection.cursor() as cursor:
        for statement in tallies_add_statements(connection.vendor, "1 = 1"):
            cursor.execute(statement)
