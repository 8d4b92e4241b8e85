"""One filtered view without its page furniture: what the timeline, exports, feeds and
the embed all read, so `/events.csv?...` always holds the events `/?...` lists."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from ..filters import TimelineFilters, parse_filters
from ..models import Event, EventQuerySet
from .events import events_filtered, events_ordered
from .taxonomy import Taxonomy, taxonomy_for
from .words import describe

EXPORT_CHUNK = 500  # rows per query while streaming; keeps memory flat on any export


@dataclass(frozen=True)
class TimelineSelection:
    filters: TimelineFilters
    events: EventQuerySet  # visible events matching the filters, unordered
    taxonomy: Taxonomy

    @property
    def events_walked(self) -> EventQuerySet:
        """The same events, for a page of a large match (see `events_filtered`)."""
        return events_filtered(self.filters, self.taxonomy, walk=True)

    @property
    def names(self) -> dict[str, dict[str, str]]:
        return self.taxonomy.names()

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
    """The filtered events of a query string; unknown slugs are dropped and noted."""
    taxonomy = taxonomy_for(query)
    filters = parse_filters(query, known=taxonomy.known())
    return TimelineSelection(
        filters=filters, events=events_filtered(filters, taxonomy), taxonomy=taxonomy
    )


def selection_iter(selection: TimelineSelection, *, evidence: bool = False) -> Iterator[Event]:
    """Every event of the selection in its sort order, tags (and evidence) loaded, in chunks."""
    ordered = events_ordered(selection.events, selection.filters.sort)
    ordered = ordered.with_evidence() if evidence else ordered.with_tags()
    return ordered.iterator(chunk_size=EXPORT_CHUNK)


def selection_latest(selection: TimelineSelection, *, limit: int) -> list[Event]:
    """The most recent events of the selection, whatever its sort order."""
    return list(events_ordered(selection.events, "newest").with_tags()[:limit])
