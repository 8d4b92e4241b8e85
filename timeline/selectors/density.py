"""Events per week or month over the filtered set, laid out as SVG bars by the server."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count
from django.utils.dateformat import format as date_format

from ..filters import TimelineFilters
from ..models import EventQuerySet
from ..tallies import tallied_days, tallies_usable
from .counting import single_tag
from .taxonomy import Taxonomy

CHART_WIDTH = 720
CHART_HEIGHT = 96
WEEKLY_UP_TO_DAYS = 26 * 7  # beyond half a year, weekly bars get too thin to click
MONTHLY_UP_TO_MONTHS = 120  # beyond ten years, a bar per year


@dataclass(frozen=True)
class Bar:
    start: dt.date
    end: dt.date
    count: int
    label: str
    query: str
    x: float
    width: float
    height: float

    @property
    def y(self) -> float:
        return CHART_HEIGHT - self.height


@dataclass(frozen=True)
class Density:
    unit: str  # "week", "month" or "year"
    bars: list[Bar]
    peak: int
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT

    @property
    def first(self) -> dt.date:
        return self.bars[0].start

    @property
    def last(self) -> dt.date:
        return self.bars[-1].end


def _bucket_start(day: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return day - dt.timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next_start(start: dt.date, unit: str) -> dt.date:
    if unit == "week":
        return start + dt.timedelta(days=7)
    if unit == "month":
        return (start + dt.timedelta(days=32)).replace(day=1)
    return start.replace(year=start.year + 1)


def _label(start: dt.date, end: dt.date, unit: str, count: int) -> str:
    events = f"{count} event{'' if count == 1 else 's'}"
    if unit == "week":
        return f"{events}, week of {date_format(start, 'j M Y')}"
    return f"{events} in {date_format(start, 'F Y' if unit == 'month' else 'Y')}"


def events_per_day(
    events: EventQuerySet, filters: TimelineFilters, taxonomy: Taxonomy
) -> list[tuple[dt.date, int]]:
    """(date, events) for every date with events. The tallies know it for the whole
    timeline and for a single tag; anything else is one grouped scan.

    Its sum is also the number of matching events, so the timeline needs no COUNT.
    """
    if tallies_usable():
        if not filters.active:
            return tallied_days()
        tag = single_tag(filters, taxonomy)
        if tag is not None:
            return tallied_days(*tag)
    return list(events.order_by().values_list("date").annotate(n=Count("pk")))


def event_density(per_day: list[tuple[dt.date, int]], filters: TimelineFilters) -> Density | None:
    """Bars of events per period; each bar's link narrows the dates to its period."""
    if not per_day:
        return None
    first, last = min(d for d, _ in per_day), max(d for d, _ in per_day)
    months = (last.year - first.year) * 12 + last.month - first.month
    if (last - first).days <= WEEKLY_UP_TO_DAYS:
        unit = "week"
    elif months <= MONTHLY_UP_TO_MONTHS:
        unit = "month"
    else:
        unit = "year"
    counts: dict[dt.date, int] = {}
    for day, n in per_day:
        start = _bucket_start(day, unit)
        counts[start] = counts.get(start, 0) + n
    starts, start = [], _bucket_start(first, unit)
    while start <= last:
        starts.append(start)
        start = _next_start(start, unit)
    peak = max(counts.values())
    slot = CHART_WIDTH / len(starts)
    bars = []
    for index, start in enumerate(starts):
        end = _next_start(start, unit) - dt.timedelta(days=1)
        count = counts.get(start, 0)
        narrowed = filters.with_value("from", start.isoformat()).with_value("to", end.isoformat())
        bars.append(
            Bar(
                start=start,
                end=end,
                count=count,
                label=_label(start, end, unit, count),
                query=narrowed.query(),
                x=round(index * slot + slot * 0.1, 2),
                width=round(max(slot * 0.8, 1), 2),
                height=round((count / peak) * (CHART_HEIGHT - 4), 2) if count else 0,
            )
        )
    return Density(unit=unit, bars=bars, peak=peak)
