"""Everything one timeline view shows, read from the query string in a bounded number of queries."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.core.paginator import Page
from django.utils.dateformat import format as date_format

from ..filters import FACETS, TimelineFilters, parse_filters
from .density import Density, event_density
from .events import event_page, events_by_date, events_filtered
from .facets import Facets, event_facets
from .taxonomy import RegionTree, actor_names_by_slug, region_tree, topics_all


@dataclass(frozen=True)
class Chip:
    label: str
    kind: str
    remove_query: str


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


def timeline_filters(
    query: Mapping[str, list[str]], tree: RegionTree, topic_slugs, actor_names
) -> TimelineFilters:
    """The query string as valid filters; unknown slugs are dropped and noted."""
    known = {"region": tree.by_slug.keys(), "topic": topic_slugs, "actor": actor_names.keys()}
    return parse_filters(query, known=known)


def timeline_load(query: Mapping[str, list[str]]) -> TimelineView:
    """The whole view for a query string: page of events, facets, chart and words."""
    tree = region_tree()
    topics = topics_all()
    # A URL is no bulk lookup: only its first few actor values are looked up.
    actor_names = actor_names_by_slug({v.strip().lower() for v in query.get("actor", ())[:50]})
    filters = timeline_filters(query, tree, {t.slug for t in topics}, actor_names)
    events = events_filtered(filters, tree=tree)
    page = event_page(events, number=filters.page, sort=filters.sort)
    ignored = filters.ignored
    if page.number != filters.page:
        ignored += (f"page {filters.page} (there are {page.paginator.num_pages})",)
        filters = replace(filters, page=page.number)
    names = {
        "region": {s: tree.by_slug[s].name for s in filters.region},
        "actor": actor_names,
        "topic": {t.slug: t.name for t in topics},
    }
    return TimelineView(
        filters=filters,
        page=page,
        days=events_by_date(page.object_list),
        facets=event_facets(filters, tree=tree, topics=topics),
        density=event_density(events, filters),
        description=describe(filters, page.paginator.count, names),
        chips=_chips(filters, names),
        ignored=ignored,
    )


def date_range_words(start: dt.date | None, end: dt.date | None) -> str:
    """A date range as a reader would say it: 'Nov 2022', '2022', '3 Mar – 9 Mar 2022'."""
    if start and end:
        if start == end:
            return date_format(start, "j M Y")
        if start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
            if (start.year, start.month) == (end.year, end.month):
                return date_format(start, "M Y")
            if start.month == 1 and end.month == 12 and start.year == end.year:
                return str(start.year)
        return f"{date_format(start, 'j M Y')} – {date_format(end, 'j M Y')}"
    if start:
        return f"since {date_format(start, 'j M Y')}"
    if end:
        return f"until {date_format(end, 'j M Y')}"
    return ""


def describe(filters: TimelineFilters, count: int, names: dict[str, dict[str, str]]) -> str:
    parts = [f"{count:,} event{'' if count == 1 else 's'}"]
    for facet in FACETS:
        values = [names[facet].get(slug, slug) for slug in getattr(filters, facet)]
        if values:
            parts.append(" or ".join(values))
    if filters.date_from or filters.date_to:
        parts.append(date_range_words(filters.date_from, filters.date_to))
    if filters.q:
        parts.append(f"“{filters.q}”")
    return " · ".join(parts)


def _chips(filters: TimelineFilters, names: dict[str, dict[str, str]]) -> list[Chip]:
    chips = [
        Chip(names[facet].get(slug, slug), facet, filters.without_value(facet, slug).query())
        for facet in FACETS
        for slug in getattr(filters, facet)
    ]
    if filters.date_from or filters.date_to:
        without_dates = filters.without_value("from").without_value("to")
        chips.append(
            Chip(
                date_range_words(filters.date_from, filters.date_to), "date", without_dates.query()
            )
        )
    if filters.q:
        chips.append(Chip(f"“{filters.q}”", "q", filters.without_value("q").query()))
    return chips
