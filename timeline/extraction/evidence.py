"""Why the machine chose an event's date, tags and topics, as plain JSON for storage.

The shape is what the exports carry and the editors' desk shows:

    {"date": {"text": "on Tuesday", "start": 41, "end": 51, "rule": "...", "confidence": 0.9},
     "tags": [{"kind": "region", "slug": "kharkiv", "name": "Kharkiv", "text": "Kharkiv",
               "confidence": 0.95}],
     "topics": [{"slug": "battlefield", "signals": ["shelled"], "confidence": 0.8}],
     "segmentation": {"confidence": 0.7}}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from .types import DateEvidence, EntityTags, EventDate, TopicEvidence


def _round(value: float) -> float:
    return round(min(max(float(value), 0.0), 1.0), 2)


def day_words(day: dt.date) -> str:
    """A day as an editor reads it: "Wed 7 Jun 2023"."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def date_rule_fallback(published: dt.date) -> DateEvidence:
    """The evidence of an event dated by its report's publication date."""
    rule = f"no date expression: the publication date ({day_words(published)})"
    return DateEvidence(None, None, None, rule, 0.6)


def evidence_json(
    when: EventDate,
    tags: EntityTags,
    topics: Sequence[TopicEvidence],
    segmentation: float,
    published: dt.date,
    name_of: Callable[[str], str | None],
) -> dict:
    """The JSON-ready evidence of one extracted event."""
    date = when.evidence or date_rule_fallback(published)
    by_tag = {(e.kind == "region", e.slug): e for e in tags.evidence}
    tag_rows = []
    for kind, slugs in (("region", tags.regions), ("actor", tags.actors)):
        for slug in slugs:
            found = by_tag.get((kind == "region", slug))
            tag_rows.append(
                {
                    "kind": found.kind if found else kind,
                    "slug": slug,
                    "name": name_of(slug) or slug,
                    "text": found.text if found else None,
                    "confidence": _round(found.confidence) if found else None,
                }
            )
    return {
        "date": {
            "text": date.text,
            "start": date.start,
            "end": date.end,
            "rule": date.rule,
            "confidence": _round(date.confidence),
        },
        "tags": tag_rows,
        "topics": [
            {"slug": t.slug, "signals": list(t.signals), "confidence": _round(t.confidence)}
            for t in topics
        ],
        "segmentation": {"confidence": _round(segmentation)},
    }
