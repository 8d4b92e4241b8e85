"""Keeping `EventPlace` (each event with every place it is in, ancestors included) true.

It is derived data: the tagged regions of an event plus their parents up the tree.
`places_sync` redoes it for some events (after tagging), `places_add` stores it for new
events whose tags the caller already holds, `places_rebuild` for all of them (after the
region tree itself changed).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from .models import Event, EventPlace, Region

CHUNK = 500
MAX_DEPTH = 10  # the tree is country > oblast > town; deeper means a loop


def _with_ancestors(region_id: int, parents: dict[int, int | None]) -> list[int]:
    chain = [region_id]
    while (parent := parents.get(chain[-1])) is not None and len(chain) < MAX_DEPTH:
        if parent in chain:
            break
        chain.append(parent)
    return chain


@transaction.atomic
def places_sync(event_ids: Iterable[int]) -> None:
    """Recompute the places of these events from their region tags."""
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        return
    parents = _parents()
    links = Event.regions.through.objects
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        EventPlace.objects.filter(event_id__in=chunk).delete()
        tags = links.filter(event_id__in=chunk).values_list("event_id", "region_id")
        _places_insert(tags, parents)


def places_add(tags: Iterable[tuple[int, int]]) -> None:
    """Store the places of (event, region tag) pairs, for events that have none stored yet."""
    _places_insert(tags, _parents())


def _parents() -> dict[int, int | None]:
    return dict(Region.objects.values_list("id", "parent_id"))


def _places_insert(tags: Iterable[tuple[int, int]], parents: dict[int, int | None]) -> None:
    rows = {
        (event_id, place)
        for event_id, region_id in tags
        for place in _with_ancestors(region_id, parents)
    }
    # Plain rows, not model instances: a bulk import writes about four per event.
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {EventPlace._meta.db_table} (event_id, region_id) VALUES (%s, %s)",
            sorted(rows),
        )


@transaction.atomic
def places_rebuild() -> int:
    """Recompute every event's places in the database, one tree level at a time."""
    places = EventPlace._meta.db_table
    links = Event.regions.through._meta.db_table
    regions = Region._meta.db_table
    EventPlace.objects.all().delete()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {places} (event_id, region_id) SELECT event_id, region_id FROM {links}"
        )
        total = cursor.rowcount
        for _ in range(MAX_DEPTH):
            cursor.execute(
                f"INSERT INTO {places} (event_id, region_id) "
                f"SELECT p.event_id, r.parent_id FROM {places} p "
                f"JOIN {regions} r ON r.id = p.region_id WHERE r.parent_id IS NOT NULL "
                "ON CONFLICT DO NOTHING"
            )
            if cursor.rowcount <= 0:
                break
            total += cursor.rowcount
    return total
