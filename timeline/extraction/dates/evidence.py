"""Why an event has its date, in words for an editor, and how sure the rule is."""

from __future__ import annotations

import datetime as dt

from ..types import DateEvidence, Precision
from .mentions import DateMention
from .patterns import WEEKDAYS

# How sure each kind of reading is, before the discounts below. A written full date is
# near certain; a weekday or "yesterday" is exact once the base date is right; a
# month-day's year is inferred; "last week" and months name a span, not a day.
FULL_DATE = 0.95
RELATIVE_DAY = 0.9
YEAR_INFERRED = 0.85
SPAN = 0.75
# Publication-date fallbacks: nothing was said, or what was said was set aside.
NO_EXPRESSION = 0.6
ALL_SET_ASIDE = 0.5
# Discounts: the date came from the sentence under a headline, or it was chosen among
# other candidates of its sentence that would have dated the event differently.
FROM_SECOND_SENTENCE = 0.9
AMONG_CANDIDATES = 0.85

# What the relative readings count from: the report, or a feed item's own dateline.
PUBLICATION = "publication"
DATELINE = "the item's dateline"

_WORD_RULES = {
    -2: "two days before {base}", -1: "the day before {base}", 0: "the day of {base}",
}  # fmt: skip


_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_name(day: dt.date) -> str:
    return _MONTH_NAMES[day.month - 1]


def day_name(day: dt.date) -> str:
    """'Wed 7 Jun 2023' (without strftime, which is slow and follows the locale)."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def _reading(m: DateMention, base: dt.date, base_word: str) -> tuple[str, float]:
    """The rule behind one mention's date and its confidence."""
    on_base = f"({day_name(base)})"
    weekday = WEEKDAYS[m.date.weekday()].capitalize()
    if m.precision == Precision.MONTH:
        return f"a month without a day: {month_name(m.date)} {m.date.year}", SPAN
    if m.precision == Precision.YEAR:
        return f"a year without a month: {m.date.year}", SPAN
    if m.kind in ("iso", "md", "dm") and m.year_written:
        return f"a full date: {day_name(m.date)}", FULL_DATE
    if m.kind == "holiday":
        feast = f"{m.date.day} {month_name(m.date)}"
        return f"{feast}, the nearest on or before {base_word}: {day_name(m.date)}", YEAR_INFERRED
    if m.kind in ("md", "dm"):
        nearest = f"no year given, so the nearest on or before {base_word}"
        return f"{nearest}: {day_name(m.date)}", YEAR_INFERRED
    if m.kind in ("wd", "nightwd"):
        if m.date == base:
            return f"the day of {base_word} {on_base}", RELATIVE_DAY
        return f"the {weekday} before {base_word} {on_base}", RELATIVE_DAY
    if m.kind == "lastwd":
        return f"the {weekday} of the seven days before {base_word} {on_base}", RELATIVE_DAY
    if m.kind == "weekend" or (m.kind == "period" and m.text.lower().endswith("weekend")):
        return f"the Saturday of the weekend just past: {day_name(m.date)}", RELATIVE_DAY
    if m.kind == "period" and m.text.lower().startswith("last"):
        return f"the calendar week before {base_word}, its Wednesday: {day_name(m.date)}", SPAN
    if m.kind == "period":
        return f"earlier in the week of {base_word}: {day_name(m.date)}", SPAN
    offset = (m.date - base).days
    if offset in _WORD_RULES:
        return f"{_WORD_RULES[offset].format(base=base_word)} {on_base}", RELATIVE_DAY
    return f"{-offset} days before {base_word} {on_base}", RELATIVE_DAY


def from_mention(
    m: DateMention,
    offset: int,
    base: dt.date,
    base_word: str,
    *,
    second_sentence: bool = False,
    rivals: bool = False,
) -> DateEvidence:
    """Evidence for a date read from `m`, which sits `offset` characters into the event."""
    rule, confidence = _reading(m, base, base_word)
    if second_sentence:
        rule += "; read under a headline"
        confidence *= FROM_SECOND_SENTENCE
    if rivals:
        rule += "; chosen among other dates of its sentence"
        confidence *= AMONG_CANDIDATES
    return DateEvidence(
        m.text, offset + m.start, offset + m.end, f"{m.text}: {rule}", round(confidence, 2)
    )


def fallback(base: dt.date, base_word: str, set_aside: list[DateMention]) -> DateEvidence:
    """Evidence for an event dated by its base date (publication or the item's dateline)."""
    base_date = "the publication date" if base_word == PUBLICATION else base_word
    if set_aside:
        kinds = sorted({"plans" if m.future else "background" for m in set_aside})
        said = ", ".join(repr(m.text) for m in set_aside[:3])
        rule = f"only {' and '.join(kinds)} ({said}): {base_date} ({day_name(base)})"
        return DateEvidence(None, None, None, rule, ALL_SET_ASIDE)
    rule = f"no date expression: {base_date} ({day_name(base)})"
    return DateEvidence(None, None, None, rule, NO_EXPRESSION)
