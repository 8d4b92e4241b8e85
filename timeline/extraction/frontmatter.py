"""Split a report file into its front-matter fields and its raw body."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

_KEY_VALUE = re.compile(r"^\s*([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$")
_FENCE = "---"


class FrontMatterError(ValueError):
    """The front matter is malformed or its publication date is unusable."""


@dataclass(frozen=True)
class ParsedReport:
    body: str
    published: dt.datetime | None = None
    title: str = ""
    source: str = ""
    url: str = ""
    language: str = ""
    extra: dict[str, str] = field(default_factory=dict)


def parse_published(value: str) -> dt.datetime:
    """An ISO 8601 date or datetime as an aware datetime (UTC when no offset is given)."""
    text = value.strip().strip("'\"")
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        moment = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise FrontMatterError(f"published: {value!r} is not an ISO 8601 date") from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def parse_report(text: str) -> ParsedReport:
    """Front matter (if any) and body of a report's text."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        return ParsedReport(body=text)
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() == _FENCE)
    except StopIteration:
        raise FrontMatterError("front matter opened with '---' is never closed") from None
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:end], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_VALUE.match(line)
        if not match:
            raise FrontMatterError(f"front matter line {number} is not 'key: value': {line!r}")
        fields[match[1].lower()] = match[2]
    published = fields.pop("published", "")
    known = {key: fields.pop(key, "") for key in ("title", "source", "url", "language")}
    return ParsedReport(
        body="".join(lines[end + 1 :]),
        published=parse_published(published) if published else None,
        extra=fields,
        **known,
    )
