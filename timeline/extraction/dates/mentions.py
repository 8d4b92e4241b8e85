"""Date expressions of one sentence, resolved and flagged as happening, plan or background."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..types import Precision
from . import normalise
from . import patterns as p
from . import resolve as r

_TRAILING_PREP_RE = re.compile(r"(?i)\s+(?:on|in|the)\s*$")
_BACKGROUND_PREPS = frozenset({"since", "from", "after"})
_BOUND_PREPS = frozenset({"until", "till", "by", "before", "through", "to"})


@dataclass(frozen=True)
class DateMention:
    """One date expression: its resolved date and how it relates to the event."""

    date: dt.date
    precision: str
    start: int
    end: int
    text: str
    future: bool = False  # a plan, deadline or bound: never dates the event
    background: bool = False  # an older happening the sentence refers back to
    quoted: bool = False  # inside quotation marks
    kind: str = ""  # the pattern that found it: "wd", "md", "period", ... (patterns.py)
    year_written: bool = False  # a calendar date that names its year

    @property
    def dates_event(self) -> bool:
        """Whether this expression may date the sentence's main happening."""
        return not (self.future or self.background)


# (date, precision, intrinsically future) or None for an expression that names no date.
_Resolved = tuple[dt.date, str, bool] | None


def _weekday(name: str) -> int:
    return p.WEEKDAYS.index(name.lower())


def _written(m: re.Match[str], kind: str) -> str:
    """The calendar expression of a match as dateparser reads it: "Sept 14 2022", "April"."""
    if kind == "iso":
        return m["iso"]
    if kind == "yr":
        return m["yr_y"]
    parts = [m[f"{kind}_m"].rstrip("."), m[f"{kind}_d"] if kind in ("md", "dm") else None]
    return " ".join(part for part in (*parts, m[f"{kind}_y"]) if part)


def _resolve_calendar(m: re.Match[str], kind: str, pub: dt.date) -> _Resolved:
    read = normalise.read_calendar(_written(m, kind), pub)
    if read is None:
        return None
    if kind == "iso":
        return read, Precision.DAY, read > pub
    written_year = read.year if kind == "yr" or m[f"{kind}_y"] else None
    if kind in ("md", "dm"):
        found = r.month_day(pub, read.month, read.day, written_year)
        return None if found is None else (found[0], Precision.DAY, found[1])
    if kind in ("mo", "my"):
        start, future = r.month_start(pub, read.month, written_year)
        return start, Precision.MONTH, future
    start, future = r.year_start(read.year, pub)
    return start, Precision.YEAR, future


def _resolve_period(quantifier: str, unit: str, pub: dt.date) -> _Resolved:
    q = " ".join(quantifier.lower().split())
    if q in ("next", "later this", "this coming"):
        return pub, Precision.DAY, True
    if q == "past":  # "the past week" is a span ending now, not a date
        return None
    if unit == "week":
        if q == "last":
            return r.previous_week(pub), Precision.DAY, False
        return (r.earlier_this_week(pub), Precision.DAY, False) if q == "earlier this" else None
    if unit == "weekend":
        if q == "last":
            return r.last_weekend(pub), Precision.DAY, False
        saturday = r.monday(pub) + dt.timedelta(days=5)
        if saturday <= pub:
            return saturday, Precision.DAY, False
        # Early in the week "this weekend" is the one just past; later it is the next.
        return (r.last_weekend(pub), Precision.DAY, False) if pub.weekday() < 2 else None
    if q == "this":  # "so far this year" measures a span up to now: no date of its own
        return None
    if unit == "month":
        return r.shift_months(pub, -1 if q == "last" else 0), Precision.MONTH, False
    return dt.date(pub.year - (q == "last"), 1, 1), Precision.YEAR, False


_WORD_OFFSETS = {
    "the day before yesterday": -2, "yesterday": -1, "overnight": -1, "last night": -1,
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "tomorrow": 1, "the day after tomorrow": 2,
}  # fmt: skip


def _resolve_relative(m: re.Match[str], kind: str, pub: dt.date) -> _Resolved:
    if kind == "wd":
        return r.on_or_before(pub, _weekday(m["wd_d"])), Precision.DAY, False
    if kind == "nightwd":
        return r.on_or_before(pub, _weekday(m["night_d"])), Precision.DAY, False
    if kind == "lastwd":
        return r.strictly_before(pub, _weekday(m["lastwd_d"])), Precision.DAY, False
    if kind == "nextwd":
        return r.on_or_after(pub, _weekday(m[0].split()[-1])), Precision.DAY, True
    if kind == "weekend":  # the Saturday just past (the day itself on a Saturday)
        return r.on_or_before(pub, 5), Precision.DAY, False
    if kind == "holiday":
        name = " ".join(m["holiday_n"].lower().replace("’", "'").replace("years", "year's").split())
        found = r.month_day(pub, *p.HOLIDAYS[name], None)
        return None if found is None else (found[0], Precision.DAY, found[1])
    if kind == "word":
        offset = _WORD_OFFSETS[" ".join(m["word_w"].lower().split())]
        return pub + dt.timedelta(days=offset), Precision.DAY, offset > 0
    if kind == "ago":
        count = m["ago_n"].lower()
        n = p.NUMBER_WORDS[count] if count in p.NUMBER_WORDS else int(count)
        unit = m["ago_u"].lower()
        if unit in ("day", "week"):
            return pub - dt.timedelta(days=n * (7 if unit == "week" else 1)), Precision.DAY, False
        # "a year ago" is mostly an anniversary: keep the day, coarsen the precision.
        months = n if unit == "month" else 12 * n
        same_day = r.months_back(pub, months)
        return same_day, Precision.MONTH if unit == "month" else Precision.YEAR, False
    return _resolve_period(m["period_q"], m["period_u"].lower(), pub)


def _clause_before(sentence: str, start: int) -> tuple[str, bool]:
    """The words of the clause before `start` and whether it is the sentence's first clause."""
    before = sentence[:start]
    if "(" in before:
        before = p.PARENTHESIS_RE.sub(lambda aside: " " * len(aside[0]), before)
    cut = 0
    for cut_match in p.BOUNDARY_RE.finditer(before):
        cut = cut_match.end()
    return before[cut:], cut == 0 or not before[:cut].strip(' “"')


def _prep(m: re.Match[str], kind: str) -> str:
    if kind in ("mo", "yr") and m[f"{kind}_pre"]:
        return m[f"{kind}_pre"].split()[0].lower()
    return ""


def _skip(m: re.Match[str], kind: str, sentence: str) -> bool:
    """Matches that look like dates but are names or spans."""
    before = sentence[: m.start()]
    if kind in ("wd", "nightwd") and p.NOT_WEEKDAY_RE.search(before):
        return True
    return kind in ("period", "lastwd") and bool(p.SPAN_BEFORE_RE.search(before))


def _flags(
    m: re.Match[str], kind: str, precision: str, sentence: str, future: bool
) -> tuple[bool, bool]:
    """(future, background) of one expression from the words around it."""
    clause, first_clause = _clause_before(sentence, m.start())
    words = [w.lower().replace("’", "'") for w in p.WORD_RE.findall(clause)[-p.WINDOW_WORDS :]]
    prep = _prep(m, kind)
    future = (
        future
        or prep in _BOUND_PREPS
        or any(w in p.FUTURE_WORDS for w in words)
        or bool(p.FUTURE_PHRASE_RE.search(clause.replace("’", "'")))
        or bool(p.BOUND_RE.search(_TRAILING_PREP_RE.sub(" ", sentence[: m.start()])))
        or bool(p.FUTURE_AFTER_RE.match(sentence[m.end() :]))
    )
    background = (
        prep in _BACKGROUND_PREPS
        or any(w in p.BACKGROUND_WORDS for w in words)
        or (kind in ("md", "my") and bool(p.ATTRIBUTIVE_BEFORE_RE.search(clause)))
        or (
            not first_clause
            and bool(p.PARTICIPLE_CLAUSE_RE.match(clause + m[0]))
            and bool(p.CLAUSE_CLOSES_RE.match(sentence[m.end() :]))
        )
    )
    # A year outside the leading clause is nearly always background ("formed in 2014",
    # "the rockets it sent last year").
    if precision == Precision.YEAR and kind in ("yr", "period") and not first_clause:
        background = True
    return future, background


def _forward(m: re.Match[str], kind: str, day: dt.date, pub: dt.date) -> dt.date:
    """A plan's own date: the next such weekday or month-day rather than the last one."""
    if kind == "wd":
        return r.on_or_after(pub, _weekday(m["wd_d"]))
    if kind in ("md", "dm", "mo") and not m[f"{kind}_y"] and day < pub:
        try:
            return day.replace(year=day.year + 1)
        except ValueError:  # 29 February
            return day
    return day


def _quoted_spans(sentence: str) -> list[tuple[int, int]]:
    if "“" not in sentence and '"' not in sentence and "”" not in sentence:
        return []
    spans = [q.span() for q in p.QUOTE_RE.finditer(sentence)]
    # A sentence that closes a quote opened in an earlier one starts inside it.
    close = sentence.find("”")
    if close != -1 and "“" not in sentence[:close]:
        spans.append((0, close))
    return spans


def _candidate_starts(sentence: str) -> list[int]:
    """Word starts where a date expression may begin: a few words before each trigger."""
    tokens = [(t.start(), t[0]) for t in p.TOKEN_RE.finditer(sentence)]
    starts: set[int] = set()
    for i, (_, token) in enumerate(tokens):
        if token in p.TRIGGERS:
            starts.update(tokens[k][0] for k in range(max(0, i - p.LOOKBACK_TOKENS), i + 1))
    return sorted(starts)


def find_dates(sentence: str, published: dt.date) -> list[DateMention]:
    """Every date expression of one sentence, in order, resolved against `published`."""
    if isinstance(published, dt.datetime):
        published = published.date()
    if p.TRIGGERS.isdisjoint(p.TOKEN_RE.findall(sentence)):
        return []
    quotes = _quoted_spans(sentence)
    found: list[DateMention] = []
    cursor = 0
    for start in _candidate_starts(sentence):
        m = p.DATE_RE.match(sentence, start) if start >= cursor else None
        if m is None:
            continue
        cursor = m.end()
        kind = m.lastgroup or ""
        if _skip(m, kind, sentence):
            continue
        if kind in ("iso", "md", "dm", "mo", "my", "yr"):
            resolved = _resolve_calendar(m, kind, published)
        else:
            resolved = _resolve_relative(m, kind, published)
        if resolved is None:
            continue
        day, precision, future = resolved
        future, background = _flags(m, kind, precision, sentence, future or day > published)
        if future:
            day = _forward(m, kind, day, published)
        quoted = any(a <= m.start() < b for a, b in quotes)
        found.append(
            DateMention(
                day,
                precision,
                m.start(),
                m.end(),
                m[0].strip(),
                future,
                background,
                quoted,
                kind,
                bool(m.groupdict().get(f"{kind}_y")),
            )
        )
    return found
