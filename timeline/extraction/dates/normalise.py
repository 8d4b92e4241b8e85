"""Calendar expressions our patterns found, read by dateparser against the publication date.

The patterns decide where a date is and what it means for the event (plan, background,
main happening); dateparser only reads the written date itself ("Sept 14, 2022", "30
December", "2023-04-30", "April 2022"), so that another language's month names are its
work, not ours. Relative words (weekdays, "last week", "yesterday") stay with the
hand-written arithmetic in resolve.py: GUIDELINE's readings (a weekday on or before
publication, "last week" as the previous calendar week) are policy, not parsing.

Always called with RELATIVE_BASE at the publication date, never the clock. Year-less
readings keep the publication year ("current_period"); resolve.month_day then applies
our own policy for the year (nearest before publication, a fortnight ahead is a plan).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from dateparser.date import DateDataParser

LANGUAGES = ["en"]
# One parser per publication date; a report's expressions share it.
_PARSERS_KEPT = 64
# Expressions repeat within and across reports of a day ("Feb. 24", "2014").
_READINGS_KEPT = 8192


@lru_cache(maxsize=_PARSERS_KEPT)
def _parser(published: dt.date) -> DateDataParser:
    return DateDataParser(
        languages=LANGUAGES,
        settings={
            "RELATIVE_BASE": dt.datetime(published.year, published.month, published.day),
            "PREFER_DATES_FROM": "current_period",
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["absolute-time"],
        },
    )


@lru_cache(maxsize=_READINGS_KEPT)
def read_calendar(expression: str, published: dt.date) -> dt.date | None:
    """The date a written calendar expression names (first of the month or year when it
    names no day), or None when it names none ("June 31")."""
    reading = _parser(published).get_date_data(expression)
    if reading.date_obj is None:
        return None
    day = reading.date_obj.date()
    if reading.period == "year":
        return day.replace(month=1, day=1)
    return day.replace(day=1) if reading.period == "month" else day
