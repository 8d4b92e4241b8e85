"""One filtered view without its page furniture: what exports, feeds and the embed read.

The query string is parsed exactly as `timeline_load` parses it, so `/events.csv?...`,
`/feed.atom?...` and `/embed/?...` always hold the events `/?...` lists.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from ..filters import TimelineFilters
from ..models import Event, EventQuerySet
from .events import events_filtered, events_ordered
from .taxonomy import actor_names_by_slug, region_tree, topics_all
from .timeline import describe, timeline_filters

EXPORT_CHUNK = 500  # rows per query while streaming; keeps memory flat on any export


@dataclass(frozen=True)
class TimelineSelection:
    filters: TimelineFilters
    events: EventQuerySet  # visible events matching the filters, unordered
    names: dict[str, dict[str, str]]

    def describe(self, count: int) -> str:
        """The filter in words with a count, as the timeline's title says it."""
        return describe(self.filters, count, self.names)

    @property
    def words(self) -> str:
        """The filter in words without a count ('Kherson · Battlefield'), for feed titles."""
        # describe() always leads with the count: what follows it is the filter.
        return describe(self.filters, 0, self.names).partition(" · ")[2] or "All events"

    @property
    def query(self) -> str:
        """The canonical query string of the whole filtered set (no page)."""
        return self.filters.query(page=False)

    @property
    def feed_query(self) -> str:
        """The canonical query string of a feed: always newest first, so no sort either."""
        return replace(self.filters, sort="newest").query(page=False)


def timeline_selection(query: Mapping[str, list[str]]) -> TimelineSelection:
    """The filtered events of a query string, read as the timeline reads it."""
    tree = region_tree()
    topics = topics_all()
    actor_names = actor_names_by_slug({v.strip().lower() for v in query.get("actor", ())[:50]})
    filters = timeline_filters(query, tree, {t.slug for t in topics}, actor_names)
    names = {
        "region": {s: tree.by_slug[s].name for s in filters.region},
        "actor": actor_names,
        "topic": {t.slug: t.name for t in topics},
    }
    return TimelineSelection(
        filters=filters, events=events_filtered(filters, tree=tree), names=names
    )


def selection_iter(selection: TimelineSelection) -> Iterator[Event]:
    """Every event of the selection in its sort order, tags loaded, read in chunks."""
    ordered = events_ordered(selection.events, selection.filters.sort).with_tags()
    return ordered.iterator(chunk_size=EXPORT_CHUNK)


def selection_latest(selection: TimelineSelection, *, limit: int) -> list[Event]:
    """The most recent events of the selection, whatever its sort order."""
    return list(events_ordered(selection.events, "newest").with_tags()[:limit])
