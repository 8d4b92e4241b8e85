"""Date of an event's main happening, resolved against its report's publication date.

Policy (GUIDELINE.md "Dates", checked on tests/data/dates.dev.json and the seeds gold):

- Candidates come from our own precompiled regexes (weekdays, relative words,
  month-day, day-month, month-year, prepositional months and years, ISO dates),
  tried only just before trigger words. dateparser reads the calendar ones
  (normalise.py); relative ones are plain arithmetic on `published` (resolve.py),
  since their readings below are policy. Never the clock. Bare numbers are never
  dates: a month, weekday or relative word is required, and a lone year needs a
  preposition ("in 2014").
- Weekday: the most recent on or before publication; "last <weekday>": within the
  seven days before it; "last week": the Wednesday of the previous calendar week;
  yesterday / last night / overnight: the day before; today / this morning: the
  day itself; "over the weekend": the Saturday just past; fixed feast days
  ("Christmas Day", "New Year's Eve") like a month-day; "N days/weeks ago":
  plain subtraction ("a year ago" keeps the day with year precision). Months
  ("in early April", "earlier this month", "last month") give month precision
  (first of the month), years year precision (1 January); "so far this year"
  and "the past week" are spans, not dates.
- A month-day without a year takes the year that puts it nearest on or before
  publication, except that one at most two weeks ahead is read as a plan; a
  month without a year one or two months ahead is a plan too ("in March" of a
  February report).
- An expression is a plan (never dates the event) when it is intrinsically future
  (tomorrow, next ..., a date after publication), when its clause holds a future
  verb or modal (will, would, won't, 'll, scheduled, expected, set to, plans to,
  is due ...; a closed "(aside)" does not end the clause), when a bound or start
  introduces it (by, until, before, starting, effective, "deadline of") or
  "deadline"/"expiry" follows it.
- It is background when its clause holds since / following / which / who, when
  since/from/after introduces it, or when it sits in an inserted participle
  clause (", signed in July,"). A lone year is background unless it is in the
  sentence's leading clause ("In 2014, ..." dates; "The brigade, formed in
  2014, ..." and "Crimea, which Russia annexed in 2014" do not); so is "last
  year" ("..., the kind it sent last year").
- In a sentence the first expression that is neither plan nor background wins,
  those outside quotation marks first; a month or year is refined by a later day
  inside it ("In March, troops left Bucha on March 30").
- In an event only the first sentence is read: later sentences are quotes and
  context whose dates are mostly background ("Kirby stated last week that ...").
  On the seeds gold, also reading the next one or two sentences never fixed a
  date and broke one or two. The exception is a dateless headline (short, no
  comma, retold by the next sentence): the story under it is read too. With no
  usable expression the event takes the publication date, and nothing is ever
  dated after publication.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..types import EventDate, Precision
from . import evidence
from .datelines import dateline_date, leading_dateline
from .mentions import DateMention, find_dates

__all__ = ["DateMention", "dateline_date", "event_date", "find_dates", "main_mention"]

# A first sentence this short without a comma or a date reads as a headline.
HEADLINE_WORDS = 14
# Words of five letters or more, compared by their first letters ("detained"/"detention").
_WORD_RE = re.compile(r"[A-Za-z]{5,}")
STEM = 6


def main_mention(mentions: Sequence[DateMention]) -> DateMention | None:
    """The expression that dates a sentence's main happening, if any."""
    usable = [m for m in mentions if m.dates_event]
    if not usable:
        return None
    ranked = [m for m in usable if not m.quoted] or usable
    first = ranked[0]
    if first.precision != Precision.DAY:
        # "In March, troops left Bucha on March 30": the day is the sharper reading.
        for later in ranked[1:]:
            same_year = later.date.year == first.date.year
            inside = same_year and (
                first.precision == Precision.YEAR or later.date.month == first.date.month
            )
            if later.precision == Precision.DAY and inside:
                return later
    return first


def _stems(sentence: str) -> set[str]:
    return {w[:STEM].lower() for w in _WORD_RE.findall(sentence)}


def _is_headline(first: str, second: str) -> bool:
    """A short line without a comma that the next sentence retells: a headline over its
    story ("Russia launches second attack on Kharkiv." "Russia launched drones at ...")."""
    return (
        "," not in first
        and len(first.split()) <= HEADLINE_WORDS
        and not _stems(first).isdisjoint(_stems(second))
    )


def _offsets(sentences: Sequence[str]) -> list[int]:
    """Where each sentence starts in the event's text, " ".join(sentences)."""
    starts, at = [], 0
    for sentence in sentences:
        starts.append(at)
        at += len(sentence) + 1
    return starts


def event_date(
    sentences: Sequence[str], published: dt.date, *, anchor: dt.date | None = None
) -> EventDate:
    """The date of an event's main happening, resolved against the publication date, or
    against `anchor`, the date of the feed item's own dateline when it has one."""
    if isinstance(published, dt.datetime):
        published = published.date()
    sentences = list(sentences)
    skip = 0  # characters of the first sentence taken by its dateline
    if anchor is None and sentences and (line := leading_dateline(sentences[0], published)):
        anchor, skip = line.date, line.end
    base = anchor if anchor is not None and anchor <= published else published
    base_word = evidence.PUBLICATION if base == published and skip == 0 else evidence.DATELINE
    starts = _offsets(sentences)
    set_aside: list[DateMention] = []
    for index, sentence in enumerate(sentences[:2]):
        mentions = [m for m in find_dates(sentence, base) if index or m.start >= skip]
        chosen = main_mention(mentions)
        if chosen is not None and chosen.date <= base:
            rivals = any(
                m.dates_event and m.precision == Precision.DAY and m.date != chosen.date
                for m in mentions
            )
            why = evidence.from_mention(
                chosen, starts[index], base, base_word, second_sentence=index > 0, rivals=rivals
            )
            return EventDate(chosen.date, chosen.precision, why)
        set_aside += mentions
        # Only the first sentence dates the event, or the story under a dateless headline.
        if index or mentions or len(sentences) < 2 or not _is_headline(*sentences[:2]):
            break
    return EventDate(base, Precision.DAY, evidence.fallback(base, base_word, set_aside))
