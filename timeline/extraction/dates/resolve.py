"""Calendar arithmetic relative to a publication date (never the clock)."""

from __future__ import annotations

import datetime as dt

# An unmarked month-day at most this far after publication is a plan ("talks on
# June 15" in a June 11 report), not the same day of the previous year.
NEAR_FUTURE_DAYS = 14
# A month without a year at most this many months ahead is a plan, likewise.
NEAR_FUTURE_MONTHS = 2

_DAY = dt.timedelta(days=1)


def on_or_before(published: dt.date, weekday: int) -> dt.date:
    """The most recent `weekday` (0 = Monday) on or before publication."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def strictly_before(published: dt.date, weekday: int) -> dt.date:
    """The `weekday` within the seven days before publication ("last Thursday")."""
    return published - dt.timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)


def on_or_after(published: dt.date, weekday: int) -> dt.date:
    """The next `weekday` on or after publication (only for plans)."""
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def monday(day: dt.date) -> dt.date:
    """The Monday of the calendar week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def previous_week(published: dt.date) -> dt.date:
    """The middle (Wednesday) of the calendar week before publication."""
    return monday(published) - dt.timedelta(days=5)


def last_weekend(published: dt.date) -> dt.date:
    """The Saturday of the last weekend that ended before publication's week."""
    return monday(published) - dt.timedelta(days=2)


def earlier_this_week(published: dt.date) -> dt.date:
    """A day before publication within its week (the day itself on a Monday)."""
    return published - _DAY if published.weekday() else published


def shift_months(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` after (negative: before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_back(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier, clamped to the end of a shorter month."""
    first = shift_months(day, -months)
    last = shift_months(first, 1) - _DAY
    return first.replace(day=min(day.day, last.day))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_day(
    published: dt.date, month: int, day: int, year: int | None
) -> tuple[dt.date, bool] | None:
    """A month-day (and optional year) as (date, is_future); None if no such day."""
    if year is not None:
        found = _safe_date(year, month, day)
        return None if found is None else (found, found > published)
    found = _safe_date(published.year, month, day)
    if found is not None and found <= published:
        return found, False
    if found is not None and (found - published).days <= NEAR_FUTURE_DAYS:
        return found, True
    earlier = _safe_date(published.year - 1, month, day)
    if earlier is None:  # 29 February of a leap publication year, seen from later
        return None if found is None else (found, True)
    return earlier, False


def month_start(published: dt.date, month: int, year: int | None) -> tuple[dt.date, bool]:
    """The first of a month as (date, is_future): one of the next few months is a plan
    ("the qualifiers in March" in a February report), any other the last such month."""
    if year is None:
        ahead = (month - published.month) % 12
        year = published.year if month <= published.month else published.year - 1
        if 0 < ahead <= NEAR_FUTURE_MONTHS:
            year = published.year + (month < published.month)
    found = dt.date(year, month, 1)
    return found, found > published


def year_start(year: int, published: dt.date) -> tuple[dt.date, bool]:
    """The first of January of `year` as (date, is_future)."""
    return dt.date(year, 1, 1), year > published.year
