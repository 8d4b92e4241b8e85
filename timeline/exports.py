"""Events as plain data: the JSON shape the scorer reads, CSV rows for spreadsheets,
and Knight Lab TimelineJS slides; each also as pieces for a streamed HTTP response."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from django.utils.html import escape, format_html

from .models import Event

CSV_COLUMNS = [
    "id", "date", "precision", "title", "text", "status", "url",
    "report_file", "report_title", "report_source", "report_published",
    "regions", "actors", "people", "topics",
]  # fmt: skip
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def event_as_dict(event: Event, *, evidence: bool = True) -> dict[str, Any]:
    """One event in the export shape (tags, and evidence where wanted, must be prefetched)."""
    report = event.report
    data = {
        "id": event.pk,
        "date": event.date.isoformat(),
        "precision": event.precision,
        "title": event.title,
        "text": event.text,
        "status": event.status,
        "url": report.url,
        "permalink": event.get_absolute_url(),
        "report": {
            "file": report.file_name,
            "title": report.title,
            "source": report.source,
            "published": report.published.isoformat(),
        },
        "regions": [r.name for r in event.regions.all()],
        "actors": [{"name": a.name, "kind": a.kind} for a in event.actors.all()],
        "topics": [t.slug for t in event.topics.all()],
    }
    if evidence:
        # An event an editor wrote or one imported before evidence was kept has none.
        found = getattr(event, "evidence", None)
        data["evidence"] = found.data if found is not None else None
    return data


def write_json(events: Iterable[Event], stream: IO[str]) -> int:
    """Write `{"events": [...]}` without holding every event in memory; return the count."""
    count = 0
    stream.write('{"events": [')
    for event in events:
        stream.write(",\n" if count else "\n")
        stream.write(json.dumps(event_as_dict(event), ensure_ascii=False))
        count += 1
    stream.write("\n]}\n")
    return count


def csv_rows(events: Iterable[Event]) -> Iterator[list[str]]:
    """The header, then one row per event with its tags joined by '; '."""
    yield CSV_COLUMNS
    for event in events:
        data = event_as_dict(event, evidence=False)
        actors = [a["name"] for a in data["actors"] if a["kind"] != "person"]
        people = [a["name"] for a in data["actors"] if a["kind"] == "person"]
        row = [
            data["id"], data["date"], data["precision"], data["title"], data["text"],
            data["status"], data["url"], data["report"]["file"], data["report"]["title"],
            data["report"]["source"], data["report"]["published"], "; ".join(data["regions"]),
            "; ".join(actors), "; ".join(people), "; ".join(data["topics"]),
        ]  # fmt: skip
        yield [csv_safe(str(cell)) for cell in row]


def csv_safe(value: str) -> str:
    """Neutralise a cell a spreadsheet would run as a formula."""
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value


def write_csv(events: Iterable[Event], stream: IO[str]) -> int:
    """Write the CSV export to a text stream; return the number of events."""
    writer = csv.writer(stream)
    count = -1
    for count, row in enumerate(csv_rows(events)):  # noqa: B007
        writer.writerow(row)
    return max(count, 0)


class _Echo:
    """A file-like object whose write hands the line back, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(events: Iterable[Event], *, rows_per_chunk: int = 200) -> Iterator[str]:
    """The CSV export in pieces of a few hundred rows, for a streamed response."""
    writer = csv.writer(_Echo())
    lines: list[str] = []
    for row in csv_rows(events):
        lines.append(writer.writerow(row))
        if len(lines) >= rows_per_chunk:
            yield "".join(lines)
            lines = []
    if lines:
        yield "".join(lines)


def json_chunks(events: Iterable[Event], *, head: dict[str, Any]) -> Iterator[str]:
    """`{**head, "events": [...]}` one event at a time: the export shape plus `head`'s keys."""
    yield "{" + "".join(f"{json.dumps(k)}: {_json(v)}, " for k, v in head.items()) + '"events": ['
    for count, event in enumerate(events):
        yield (",\n" if count else "\n") + _json(event_as_dict(event))
    yield "\n]}\n"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def timelinejs_slide(event: Event, *, absolute: Callable[[str], str]) -> dict[str, Any]:
    """One event as a TimelineJS slide; its fields are HTML there, so report text is escaped."""
    start = {"year": str(event.date.year)}
    if event.precision in (Event.Precision.DAY, Event.Precision.MONTH):
        start["month"] = str(event.date.month)
    if event.precision == Event.Precision.DAY:
        start["day"] = str(event.date.day)
    report = event.report
    if _is_web(report.url):
        cited = format_html('<a href="{}">{}</a>', report.url, report.title)
    else:
        cited = format_html("<cite>{}</cite>", report.title)
    outlet = format_html("{}, ", report.source) if report.source else ""
    text = format_html(
        '<p>{}</p><p>{}{} · <a href="{}">Permalink</a></p>',
        event.text,
        outlet,
        cited,
        absolute(event.get_absolute_url()),
    )
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": escape(event.title), "text": text},
        "unique_id": f"event-{event.pk}",
    }
    topics = list(event.topics.all())
    if topics:
        slide["group"] = escape(topics[0].name)
    return slide


def timelinejs_document(
    events: Iterable[Event], *, headline: str, url: str, absolute: Callable[[str], str]
) -> dict[str, Any]:
    """A whole TimelineJS timeline: a title slide naming the view, then one slide per event."""
    return {
        "title": {
            "text": {
                "headline": escape(headline),
                "text": format_html('<p><a href="{}">View the full timeline</a></p>', url),
            }
        },
        "events": [timelinejs_slide(event, absolute=absolute) for event in events],
    }


def _is_web(url: str) -> bool:
    return url.lower().startswith(("https://", "http://"))
