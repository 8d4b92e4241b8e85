"""Text search over events through the database's full-text index: FTS5 on SQLite
(migration 0006), a GIN-indexed table of each event's words on PostgreSQL (0013)."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

MAX_WORDS = 10

# The words are stripped of positions, so the query must not need them (no phrases).
_POSTGRES = (
    "SELECT event_id FROM timeline_event_words WHERE words @@ plainto_tsquery('english', %s)"
)
_SQLITE = "SELECT rowid FROM timeline_event_fts WHERE timeline_event_fts MATCH %s"


def fts5_query(words: list[str]) -> str:
    """Every word as a quoted prefix term: all must match, and no word is FTS syntax."""
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def matching_ids(text: str) -> RawSQL | None:
    """The ids of events holding every word of `text`, straight from the full-text index
    (None where there is none, or no word to look for)."""
    words = text.split()[:MAX_WORDS]
    if not words:
        return None
    if connection.vendor == "postgresql":
        return RawSQL(_POSTGRES, [" ".join(words)])
    if connection.vendor == "sqlite":
        return RawSQL(_SQLITE, [fts5_query(words)])
    return None


def matching_condition(text: str, field: str = "pk") -> Q:
    """A condition on `field` (an event id) for events holding every word of `text`."""
    words = text.split()[:MAX_WORDS]
    if not words:
        return Q()
    ids = matching_ids(text)
    if ids is not None:
        return Q(**{f"{field}__in": ids})
    condition = Q()  # any other database: slow, but right
    for word in words:
        condition &= Q(title__icontains=word) | Q(text__icontains=word)
    return condition
