"""Reading the tallies (visible events per tag, per tag and day, per day) triggers keep.

The triggers live in migration 0011. They count what the public timeline shows unless
TIMELINE_REVIEWED_ONLY narrows it to reviewed events, and only SQLite and PostgreSQL
have them: in either other case `tallies_usable()` says so and the timeline counts.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count

from .models import Event, EventPlace, Tally

Key = tuple[str, int, int]  # (facet, tag id or 0, YYYYMMDD or 0)


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


def _day(date: dt.date) -> int:
    return date.year * 10000 + date.month * 100 + date.day


def tallies_counted() -> dict[Key, int]:
    """Every tally counted from scratch, the slow way (what the triggers must keep)."""
    visible = Event.objects.exclude(status__in=[Event.Status.HIDDEN, Event.Status.MERGED])
    counted: dict[Key, int] = {}
    for day, n in visible.values_list("date").annotate(n=Count("pk")).order_by():
        counted[("day", 0, _day(day))] = n
    links = {
        "region": EventPlace.objects,
        "actor": Event.actors.through.objects,
        "topic": Event.topics.through.objects,
    }
    for facet, manager in links.items():
        rows = (
            manager.filter(event__in=visible)
            .values_list(f"{facet}_id", "event__date")
            .annotate(n=Count("*"))
            .order_by()
        )
        for tag, day, n in rows:
            counted[(facet, tag, _day(day))] = n
            counted[(facet, tag, 0)] = counted.get((facet, tag, 0), 0) + n
    return counted


def tallies_kept() -> dict[Key, int]:
    """The tallies as the triggers left them, zero rows left out."""
    rows = Tally.objects.exclude(events=0).values_list("facet", "key", "day", "events")
    return {(facet, key, day): events for facet, key, day, events in rows}


@transaction.atomic
def tallies_rebuild() -> None:
    """Count every tally afresh (after a restore, or to repair one by hand)."""
    Tally.objects.all().delete()
    Tally.objects.bulk_create(
        (Tally(facet=f, key=k, day=d, events=n) for (f, k, d), n in tallies_counted().items()),
        batch_size=2000,
    )
