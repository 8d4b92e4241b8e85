"""Reading the tallies (visible events per tag and per day) that triggers keep.

The triggers live in migration 0011. They count what the public timeline shows unless
TIMELINE_REVIEWED_ONLY narrows it to reviewed events, and only SQLite and PostgreSQL
have them: in either other case `tallies_usable()` says so and the timeline counts.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count

from .models import Event, EventPlace, Tally

FACETS = ("region", "actor", "topic")


def tallies_usable() -> bool:
    return connection.vendor in ("sqlite", "postgresql") and not getattr(
        settings, "TIMELINE_REVIEWED_ONLY", False
    )


def tallies_read(facets: tuple[str, ...]) -> dict[str, dict[int, int]]:
    """{facet: {tag id: visible events}} for these facets, in one indexed read."""
    found: dict[str, dict[int, int]] = {facet: {} for facet in facets}
    rows = Tally.objects.filter(facet__in=facets, events__gt=0).values_list(
        "facet", "key", "events"
    )
    for facet, key, events in rows:
        found[facet][key] = events
    return found


def tallied_days() -> list[tuple[dt.date, int]]:
    """(date, visible events) for every date with any, oldest first."""
    rows = Tally.objects.filter(facet="day", events__gt=0).order_by("key")
    return [
        (dt.date(key // 10000, key // 100 % 100, key % 100), events)
        for key, events in rows.values_list("key", "events")
    ]


def tallies_counted() -> dict[str, dict[int, int]]:
    """The tallies counted from scratch, the slow way (what the triggers must keep)."""
    visible = Event.objects.exclude(status__in=[Event.Status.HIDDEN, Event.Status.MERGED])
    counted: dict[str, dict[int, int]] = defaultdict(dict)
    links = {
        "region": EventPlace.objects,
        "actor": Event.actors.through.objects,
        "topic": Event.topics.through.objects,
    }
    for facet, manager in links.items():
        rows = (
            manager.filter(event__in=visible)
            .values_list(f"{facet}_id")
            .annotate(n=Count("*"))
            .order_by()
        )
        counted[facet] = dict(rows)
    days = visible.values_list("date").annotate(n=Count("pk")).order_by()
    counted["day"] = {int(day.strftime("%Y%m%d")): n for day, n in days}
    return dict(counted)


def tallies_kept() -> dict[str, dict[int, int]]:
    """The tallies as the triggers left them, zero rows left out."""
    kept: dict[str, dict[int, int]] = {facet: {} for facet in (*FACETS, "day")}
    for facet, key, events in Tally.objects.exclude(events=0).values_list("facet", "key", "events"):
        kept[facet][key] = events
    return kept


@transaction.atomic
def tallies_rebuild() -> None:
    """Count every tally afresh (after a restore, or to repair one by hand)."""
    Tally.objects.all().delete()
    Tally.objects.bulk_create(
        Tally(facet=facet, key=key, events=events)
        for facet, counts in tallies_counted().items()
        for key, events in counts.items()
    )
