"""The visible events as columns of integers in memory, to count any filters fast.

SQL counts a combination of filters by joining link tables, so its cost follows the
size of the intersection: at a million events, the places of the 80,000 that share a
topic and an actor took 0.5-0.8 s on PostgreSQL, and the facets of a common search word
over a second. Here each link table is two arrays (event row, tag id), so one facet's
counts over any set of events are a gather and a `bincount` over the table, the
histogram one over the dates, and a page a slice of the timeline order: tens of
milliseconds whatever the filters.

Columns describe one data version (`TimelineState`). A request uses them only while
that version is current; otherwise it counts in SQL as before while a thread builds
the new columns (`columns_current`), so they can be late but never wrong.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import logging
import threading
import time
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import connection, transaction
from django.db.models.expressions import RawSQL

from ..cache import DataState, data_state
from ..filters import FACETS, TimelineFilters
from ..models import Event
from ..search import matching_condition, matching_ids
from .events import tag_links
from .taxonomy import Taxonomy

logger = logging.getLogger(__name__)
EPOCH = dt.date(1970, 1, 1)
_DAYS = {  # a date column as days since 1970-01-01
    "postgresql": "(date - DATE '1970-01-01')",
    "sqlite": "CAST(julianday(date) - 2440587.5 AS INTEGER)",
}

_FETCH_ROWS = 50_000  # rows per fetch where the rows come as tuples (SQLite)


@dataclass(frozen=True)
class Links:
    """One link table: the event row and tag id of every link, sorted by tag."""

    rows: np.ndarray  # int32
    tags: np.ndarray  # int32, ascending
    totals: dict[int, int]  # {tag id: events} over all rows, counted once

    @classmethod
    def of(cls, rows: np.ndarray, tags: np.ndarray) -> Links:
        by_tag = np.argsort(tags, kind="stable")
        return cls(rows=rows[by_tag], tags=tags[by_tag], totals=_nonzero(np.bincount(tags)))

    def rows_of(self, tags: set[int]) -> np.ndarray:
        """The event rows linked to any of these tags (a row may repeat)."""
        bounds = [np.searchsorted(self.tags, (tag, tag + 1)) for tag in sorted(tags)]
        return np.concatenate([self.rows[lo:hi] for lo, hi in bounds] or [self.rows[:0]])

    def counts(self, chosen: np.ndarray | None) -> dict[int, int]:
        """{tag id: events} over the rows `chosen` marks (all rows for None)."""
        if chosen is None:
            return dict(self.totals)
        return _nonzero(np.bincount(self.tags[chosen[self.rows]]))


def _nonzero(totals: np.ndarray) -> dict[int, int]:
    """{index: value} of an array's nonzero values."""
    present = np.flatnonzero(totals)
    return dict(zip(present.tolist(), totals[present].tolist(), strict=True))


@dataclass(frozen=True)
class EventColumns:
    state: DataState  # of the data they were read from
    ids: np.ndarray  # event id per row; rows are in oldest-first timeline order
    days: np.ndarray  # the event's date as days since 1970-01-01, per row
    newest: np.ndarray  # the rows in newest-first timeline order
    row_of: np.ndarray  # event id -> row, -1 for an event not shown
    links: dict[str, Links]
    all_days: list[tuple[dt.date, int]]  # `per_day` of every row, counted once

    @property
    def size(self) -> int:
        return len(self.ids)

    @property
    def nbytes(self) -> int:
        arrays = [self.ids, self.days, self.newest, self.row_of]
        arrays += [a for links in self.links.values() for a in (links.rows, links.tags)]
        return sum(a.nbytes for a in arrays)

    def rows_of_ids(self, ids: np.ndarray) -> np.ndarray:
        """The rows of these event ids, leaving out events not shown."""
        ids = ids[(ids >= 0) & (ids < len(self.row_of))]
        rows = self.row_of[ids]
        return rows[rows >= 0]

    def masks(self, filters: TimelineFilters, taxonomy: Taxonomy) -> dict[str, np.ndarray]:
        """One boolean mask over the rows per active filter: each facet, dates, text."""
        masks = {}
        for facet in FACETS:
            if getattr(filters, facet):
                masks[facet] = self._mask(
                    self.links[facet].rows_of(taxonomy.ids(facet, getattr(filters, facet)))
                )
        if filters.date_from or filters.date_to:
            first = (filters.date_from - EPOCH).days if filters.date_from else -(2**31)
            last = (filters.date_to - EPOCH).days if filters.date_to else 2**31 - 1
            masks["dates"] = (self.days >= first) & (self.days <= last)
        if filters.q.split():
            masks["q"] = self._mask(self.rows_of_ids(_matching_ids(filters.q)))
        return masks

    def _mask(self, rows: np.ndarray) -> np.ndarray:
        mask = np.zeros(self.size, dtype=bool)
        mask[rows] = True
        return mask

    @staticmethod
    def chosen(masks: dict[str, np.ndarray], *, skip: str = "") -> np.ndarray | None:
        """The rows every mask but `skip`'s allows; None when nothing narrows them."""
        chosen = None
        for name, mask in masks.items():
            if name != skip:
                chosen = mask if chosen is None else chosen & mask
        return chosen

    def facet_counts(self, masks: dict[str, np.ndarray]) -> dict[str, dict[int, int]]:
        """{facet: {tag id: events}}, each facet under every filter but its own."""
        return {f: self.links[f].counts(self.chosen(masks, skip=f)) for f in FACETS}

    def per_day(self, chosen: np.ndarray | None) -> list[tuple[dt.date, int]]:
        """(date, events) for every date with events, oldest first."""
        return list(self.all_days) if chosen is None else _per_day(self.days[chosen])

    def ordered_ids(self, chosen: np.ndarray | None, sort: str) -> np.ndarray:
        """The chosen events' ids in timeline order."""
        if sort == "oldest":
            rows = np.arange(self.size) if chosen is None else np.flatnonzero(chosen)
        else:
            rows = self.newest if chosen is None else self.newest[chosen[self.newest]]
        return self.ids[rows]


def _per_day(days: np.ndarray) -> list[tuple[dt.date, int]]:
    if not len(days):
        return []
    first = int(days.min())
    return [
        (EPOCH + dt.timedelta(days=first + offset), n)
        for offset, n in _nonzero(np.bincount(days - first)).items()
    ]


def _matching_ids(text: str) -> np.ndarray:
    """Ids of the events holding every word of `text`, from the full-text index."""
    found = matching_ids(text)
    if found is None:  # no full-text index on this database: slow, but right
        matching = Event.objects.filter(matching_condition(text)).values("pk")
        sql, params = matching.query.sql_with_params()
    else:
        sql, params = found.sql, found.params
    return _int_rows(sql, params, width=1)[:, 0].astype(np.int64)


def _int_rows(sql: str, params, *, width: int) -> np.ndarray:
    """The rows of a query of `width` integer columns, as an int32 array (n, width).

    Ids, dates as days, positions and tag ids all fit 32 bits. The rows never exist as
    Python tuples all at once: a million events' links would take gigabytes so.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One bytea of big-endian int4s instead of a million tuples: about 4x faster.
            names = ", ".join(f"c{i}" for i in range(width))
            packed = " || ".join(f"int4send(r.c{i}::int4)" for i in range(width))
            cursor.execute(
                f"SELECT string_agg({packed}, ''::bytea) FROM ({sql}) AS r({names})", params
            )
            packed_rows = cursor.fetchone()[0] or b""
            return np.frombuffer(packed_rows, dtype=">i4").astype(np.int32).reshape(-1, width)
        cursor.execute(sql, params)
        chunks = [np.empty((0, width), dtype=np.int32)]
        while rows := cursor.fetchmany(_FETCH_ROWS):
            chunks.append(np.array(rows, dtype=np.int32).reshape(-1, width))
    return np.concatenate(chunks)


def columns_build() -> EventColumns:
    """Read the visible events and their links into columns."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with transaction.atomic():  # one snapshot for every read below, and no lock
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            return _columns_read()
    # SQLite's transactions here take the write lock (IMMEDIATE, see settings), which
    # would hold imports up: each read stands alone instead. The data state is read
    # first, so a write landing mid-build moves the version past these columns, and
    # they are never used.
    return _columns_read()


def _columns_read() -> EventColumns:
    state = data_state()
    days = RawSQL(_DAYS.get(connection.vendor, _DAYS["sqlite"]), ())
    events = Event.objects.visible().annotate(day=days).order_by()
    rows = events.values_list("pk", "day", "report_id", "position")
    table = _int_rows(*rows.query.sql_with_params(), width=4)
    ids, days_of, reports, positions = table.T
    order = np.lexsort((ids, positions, reports, days_of))  # the last key sorts first
    ids, days_of = ids[order], days_of[order]
    del table, reports, positions, order
    row_of = np.full(int(ids.max(initial=-1)) + 1, -1, dtype=np.int32)
    row_of[ids] = np.arange(len(ids), dtype=np.int32)
    newest = np.argsort(-days_of, kind="stable").astype(np.int32)
    links = {}
    for facet in FACETS:
        model = tag_links(facet)
        pairs = model.objects.values_list("event_id", f"{facet}_id").order_by()
        linked = _int_rows(*pairs.query.sql_with_params(), width=2)
        event_ids, tags = linked[:, 0], linked[:, 1]
        inside = event_ids < len(row_of)
        rows = np.full(len(event_ids), -1, dtype=np.int32)
        rows[inside] = row_of[event_ids[inside]]
        shown = rows >= 0
        links[facet] = Links.of(rows[shown], tags[shown])
        del linked, event_ids, tags, rows, shown  # before the next table is read
    return EventColumns(
        state=state,
        ids=ids,
        days=days_of,
        newest=newest,
        row_of=row_of,
        links=links,
        all_days=_per_day(days_of),
    )


# While writes keep coming (an import), every build is stale by the time it ends: wait
# this many times the last build's duration before the next one, so rebuilding takes at
# most a tenth of a core and readers keep the rest (counting in SQL meanwhile).
REBUILD_PAUSE_FACTOR = 10

# The columns of this process, whether a thread is building newer ones, and when the
# next build may start (time.monotonic()).
_lock = threading.Lock()
_held: EventColumns | None = None
_building = False
_next_build_at = 0.0


def columns_current() -> EventColumns | None:
    """The columns of the data as it is now, or None while they are being built.

    TIMELINE_COLUMNS: "background" (a thread builds them; meanwhile requests count in
    SQL), "inline" (the request builds them: tests, and single-user setups), "off".
    """
    mode = getattr(settings, "TIMELINE_COLUMNS", "background")
    if mode == "off":
        return None
    held, state = _held, data_state()
    if held is not None and held.state == state:
        return held
    if mode == "inline":
        built = columns_refresh()
        return built if built.state == state else None
    _build_in_background()
    return None


def columns_forget() -> None:
    """Drop this process's columns (tests: a rolled-back test reuses data versions)."""
    global _held, _next_build_at
    _held, _next_build_at = None, 0.0


def columns_refresh() -> EventColumns:
    """Build this process's columns of the data as it is now, and keep them."""
    global _held
    _held = columns_build()
    _memory_release()
    return _held


def _memory_release() -> None:
    """Hand the build's freed buffers back to the system. A big bytes object raises
    glibc's threshold for mapping memory apart, so later arrays come from the heap and
    stay resident once freed: at 1M events a worker kept 325 MB after one build and
    413 MB after two, against 205 MB with this."""
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:  # not glibc: nothing to trim
        return
    libc.malloc_trim(0)


def _build_in_background() -> None:
    global _building
    with _lock:
        if _building or time.monotonic() < _next_build_at:
            return
        _building = True
    threading.Thread(target=_build_and_keep, name="timeline-columns", daemon=True).start()


def _build_and_keep() -> None:
    global _building, _next_build_at
    started = time.monotonic()
    try:
        columns_refresh()
    except Exception:  # the timeline goes on counting in SQL; a later request retries
        logger.exception("building the timeline's columns failed")
    finally:
        connection.close()  # this thread's own connection
        with _lock:
            _building = False
            _next_build_at = time.monotonic() + REBUILD_PAUSE_FACTOR * (time.monotonic() - started)
