"""Everything one timeline view shows, read from the query string in a bounded number of queries."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.core.paginator import Page

from ..filters import TimelineFilters
from ..tallies import tallies_usable
from .columns import columns_current
from .counting import facet_counts, single_tag
from .density import Density, event_density, events_per_day
from .events import WALK_FROM_MATCHES, event_page, event_page_of_ids, events_by_date
from .facets import Facets, event_facets
from .selection import TimelineSelection, timeline_selection
from .words import Chip, describe, filter_chips


@dataclass
class TimelineView:
    filters: TimelineFilters
    page: Page
    days: list[tuple]
    facets: Facets
    density: Density | None
    description: str  # "14 events · Kherson · battlefield · Nov 2022"
    chips: list[Chip]
    ignored: tuple[str, ...]

    @property
    def count(self) -> int:
        return self.page.paginator.count

    @property
    def next_query(self) -> str:
        if not self.page.has_next():
            return ""
        return replace(self.filters, page=self.page.next_page_number()).query()

    @property
    def sort_toggle_query(self) -> str:
        other = "newest" if self.filters.sort == "oldest" else "oldest"
        return replace(self.filters, sort=other, page=1).query()

    def page_query(self, number: int) -> str:
        return replace(self.filters, page=number).query()

    @property
    def page_links(self) -> list[tuple[int | None, str]]:
        """(number, query) for a compact pager; None marks a gap."""
        paginator = self.page.paginator
        links = []
        for number in paginator.get_elided_page_range(self.page.number, on_each_side=2):
            is_gap = number == paginator.ELLIPSIS
            links.append((None, "") if is_gap else (number, self.page_query(number)))
        return links


def timeline_load(query: Mapping[str, list[str]]) -> TimelineView:
    """The whole view for a query string: page of events, facets, chart and words."""
    return timeline_view(timeline_selection(query))


def timeline_view(selection: TimelineSelection) -> TimelineView:
    """The whole view of a parsed selection."""
    filters = selection.filters
    counts, per_day, page = _counted(selection)
    ignored = filters.ignored
    if page.number != filters.page:
        ignored += (f"page {filters.page} (there are {page.paginator.num_pages})",)
        filters = replace(filters, page=page.number)
    names = selection.names
    return TimelineView(
        filters=filters,
        page=page,
        days=events_by_date(page.object_list),
        facets=event_facets(filters, selection.taxonomy, counts),
        density=event_density(per_day, filters),
        description=describe(filters, page.paginator.count, names),
        chips=filter_chips(filters, names),
        ignored=ignored,
    )


def _counted(selection: TimelineSelection) -> tuple[dict, list, Page]:
    """Facet counts, events per day and the page. The tallies answer the whole timeline
    and a single tag fastest; any other filters are counted over the in-memory columns
    of the current data when this process has them, else in SQL."""
    filters, taxonomy = selection.filters, selection.taxonomy
    tallied = tallies_usable() and (not filters.active or single_tag(filters, taxonomy))
    columns = None if tallied else columns_current()
    if columns is not None:
        masks = columns.masks(filters, taxonomy)
        chosen = columns.chosen(masks)
        ids = columns.ordered_ids(chosen, filters.sort)
        page = event_page_of_ids(ids, number=filters.page)
        return columns.facet_counts(masks), columns.per_day(chosen), page
    counts = facet_counts(filters, taxonomy)
    per_day = events_per_day(selection.events, filters, taxonomy)
    total = sum(n for _day, n in per_day)
    events = selection.events_walked if total >= WALK_FROM_MATCHES else selection.events
    page = event_page(events, number=filters.page, sort=filters.sort, count=total)
    return counts, per_day, page
