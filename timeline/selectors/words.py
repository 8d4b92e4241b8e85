"""A filtered view in words: the summary line, the page title and the removable chips."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils.dateformat import format as date_format

from ..filters import FACETS, TimelineFilters


@dataclass(frozen=True)
class Chip:
    label: str
    kind: str
    remove_query: str


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


def filter_chips(filters: TimelineFilters, names: dict[str, dict[str, str]]) -> list[Chip]:
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
