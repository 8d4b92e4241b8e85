"""Datelines of rolling feeds: an item headed by its own date is dated against that date.

A feed ("October 12, 2023" then the item, "October 10, 2023" then the next) tells each
item's "on Tuesday" from the item's day, not the page's. The dateline either heads the
event's own text ("October 12, 2023 - The governor says ...") or stands on a line of
its own above it; `dateline_date` reads such a line, for the stage that keeps it.
"""

from __future__ import annotations

import datetime as dt
import re

from .mentions import DateMention, find_dates

# The kinds of expression that name one calendar day.
_CALENDAR_DAY = frozenset({"iso", "md", "dm"})
# What a dateline line may hold besides its date: a weekday, a time, a zone, "Updated".
_DATELINE_REST_RE = re.compile(
    r"(?i)\b(?:updated|posted|published|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|at|am|pm|a\.m\.|p\.m\.|gmt|utc|bst"
    r"|cet|cest|eet|eest|msk|et|edt|est|pt|local\s+time|kyiv\s+time)\b|\d{1,2}[:.]\d{2}|\W"
)
_STARTS_LIKE_A_DATE_RE = re.compile(r"\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
# After a dateline heading the text: a dash or colon, or (after a written year) straight
# into a capitalised word.
_DASH_OR_COLON_RE = re.compile(r"^\s*[:—–-]\s*(?=[A-Z“\"])")
_CAPITAL_RE = re.compile(r"^\s+(?=[A-Z“\"])")


def _day_mention(text: str, published: dt.date) -> DateMention | None:
    """The first calendar day of `text` ("Thursday, 12 October": the 12 October)."""
    days = (m for m in find_dates(text, published) if m.kind in _CALENDAR_DAY)
    found = next(days, None)
    return found if found is not None and found.date <= published else None


def dateline_date(line: str, published: dt.date) -> dt.date | None:
    """The day a line holding only a date names ("October 12, 2023", "Tue 10 Oct, 09:15
    GMT"), on or before publication; None for any other line."""
    if len(line) > 60:
        return None
    found = _day_mention(line, published)
    if found is None:
        return None
    rest = line[: found.start] + " " + line[found.end :]
    return found.date if not _DATELINE_REST_RE.sub("", rest) else None


def leading_dateline(text: str, published: dt.date) -> DateMention | None:
    """A calendar day that opens an event's text as its dateline ("October 12, 2023 The
    governor says ..."), not as part of its first clause ("October 12 was ...")."""
    if not _STARTS_LIKE_A_DATE_RE.match(text):
        return None
    found = _day_mention(text[:40], published)
    if found is None or found.start != 0:
        return None
    after = text[found.end :]
    marked = _DASH_OR_COLON_RE.match(after) or (found.year_written and _CAPITAL_RE.match(after))
    return found if marked else None
