"""Events as plain data: the JSON shape the scorer reads, and CSV rows for spreadsheets."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .models import Event

CSV_COLUMNS = [
    "id", "date", "precision", "title", "text", "status", "url",
    "report_file", "report_title", "report_source", "report_published",
    "regions", "actors", "people", "topics",
]  # fmt: skip
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def event_as_dict(event: Event) -> dict[str, Any]:
    """One event in the export shape (tags must be prefetched)."""
    report = event.report
    return {
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
        data = event_as_dict(event)
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
