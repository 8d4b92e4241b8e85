"""Writes editors make: review, hide, restore, merge, split, edit, and re-tagging.

Every change an editor makes is recorded as one version in the event's history (fields
and tags together, with who and why), so any state can be looked at and restored.
Machine imports store events in bulk without history; the first time an editor touches
such an event, its state as imported is recorded first, so that it can be restored too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import Truncator

from .extraction.sentences import split_sentences
from .extraction.tagging import EntityTagger
from .extraction.titles import make_title
from .extraction.topics import TopicClassifier
from .models import Actor, Event, Region, Topic, event_history
from .selectors import gazetteer_load
from .services import collapse_whitespace

TAG_FIELDS = ("regions", "actors", "topics")
_REASON_LENGTH = 100  # simple-history's history_change_reason column
_TAG_MODELS = {"regions": Region, "actors": Actor, "topics": Topic}


class CurationError(ValueError):
    """A curation that cannot be done, with the reason in words for the editor."""


@dataclass(frozen=True)
class RetagOutcome:
    checked: int = 0  # events no editor has touched
    changed: int = 0


def event_edit(*, event: Event) -> None:
    """Save an editor's change to an event's fields; `event_edit_done` records it.

    The admin saves a form's fields first and its tags after: the version is recorded
    once both are saved. The event becomes edited, so re-extraction leaves it alone.
    """
    created = event.pk is None
    if not created:
        _record_baseline(event)
    event.edited = True
    if event.status != Event.Status.MERGED:
        event.merged_into = None
    if event.position is None:
        event.position = event.report.events.count()
    event.skip_history_when_saving = True
    event.save()


def event_edit_done(*, event: Event, user=None, reason: str = "", created: bool = False) -> None:
    """Record an event saved with `event_edit`, tags included, as one version."""
    if hasattr(event, "skip_history_when_saving"):
        del event.skip_history_when_saving
    _record(event, user=user, reason=reason, history_type="+" if created else "~")


def event_review(*, event: Event, user=None) -> bool:
    """Mark an unreviewed or hidden event reviewed; whether it changed."""
    allowed = {Event.Status.UNREVIEWED, Event.Status.HIDDEN}
    return _status_set(event, Event.Status.REVIEWED, allowed, user=user, reason="Reviewed")


def event_hide(*, event: Event, user=None) -> bool:
    """Hide an event from the timeline (a merged event stays merged); whether it changed."""
    allowed = {Event.Status.UNREVIEWED, Event.Status.REVIEWED}
    return _status_set(event, Event.Status.HIDDEN, allowed, user=user, reason="Hidden")


def event_restore(*, event: Event, user=None) -> bool:
    """Bring a hidden or merged event back onto the timeline, as reviewed: an editor has
    looked at it and decided it belongs there. Whether it changed."""
    allowed = {Event.Status.HIDDEN, Event.Status.MERGED}
    return _status_set(event, Event.Status.REVIEWED, allowed, user=user, reason="Restored")


@transaction.atomic
def event_merge(
    *, events: Sequence[Event], title_from: Event, date_from: Event, user=None
) -> Event:
    """Merge events telling one happening into the one whose headline is kept.

    The survivor takes the chosen date, the texts of all in date order, every tag and
    every source; the others are kept as MERGED, pointing at it, so they leave the
    timeline but not the database (and re-extraction never adds them again).
    """
    events = list({e.pk: e for e in events}.values())
    if len(events) < 2:
        raise CurationError("Select at least two events to merge.")
    merged = [e for e in events if e.status == Event.Status.MERGED]
    if merged:
        raise CurationError(f"{_ids(merged)} already merged into another event; restore it first.")
    pks = {e.pk for e in events}
    if title_from.pk not in pks or date_from.pk not in pks:
        raise CurationError("The headline and the date must come from the selected events.")
    survivor = next(e for e in events if e.pk == title_from.pk)
    others = [e for e in events if e.pk != survivor.pk]
    ordered = sorted(
        events, key=lambda e: (e.date, e.report.published, e.report_id, e.position, e.pk)
    )
    sources = {e.report_id for e in others}
    for event in events:
        sources.update(event.sources.values_list("pk", flat=True))
    sources.discard(survivor.report_id)
    with _one_version(survivor, user=user, reason=f"Merged with {_ids(others)}"):
        survivor.text = "\n\n".join(e.text.strip() for e in ordered)
        survivor.date, survivor.precision = date_from.date, date_from.precision
        survivor.edited = True
        survivor.save()
        for field in TAG_FIELDS:
            through = getattr(Event, field).through
            wanted = through.objects.filter(event__in=events).values_list(
                f"{field.removesuffix('s')}_id", flat=True
            )
            getattr(survivor, field).add(*set(wanted))
        survivor.sources.add(*sources)
    absorbed = list(Event.objects.filter(merged_into__in=others))
    for event in [*others, *absorbed]:
        with _one_version(event, user=user, reason=f"Merged into #{survivor.pk}"):
            event.status = Event.Status.MERGED
            event.merged_into = survivor
            event.save(update_fields=["status", "merged_into", "updated"])
    return survivor


def text_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) of each sentence of an event's text, paragraph by paragraph."""
    found: list[tuple[int, str]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        position = paragraph.start()
        for sentence in split_sentences(paragraph.group()):
            start = text.index(sentence, position)
            found.append((start, sentence))
            position = start + len(sentence)
    return found


@transaction.atomic
def event_split(*, event: Event, at: int, user=None) -> Event:
    """Split an event before its sentence number `at` (0-based); returns the new event.

    The event keeps the sentences before, the new one gets the rest with a headline of
    its own; both are edited, and the new one copies the date, status, tags and sources.
    """
    if event.status == Event.Status.MERGED:
        raise CurationError("A merged event cannot be split; restore it first.")
    sentences = text_sentences(event.text)
    if not 0 < at < len(sentences):
        raise CurationError(f"Choose a sentence between 2 and {len(sentences)} to split at.")
    first_text, second_text = _cut(event.text, sentences[at][0])
    # Split the quote alike while the text is still the extracted one; otherwise the first
    # part keeps it whole, so re-extraction still recognises every sentence as curated.
    first_quote, second_quote = event.quote, ""
    quoted = text_sentences(event.quote)
    if collapse_whitespace(event.quote) == collapse_whitespace(event.text) and len(quoted) == len(
        sentences
    ):
        first_quote, second_quote = _cut(event.quote, quoted[at][0])
    title = make_title([s for _, s in sentences[at:]]) or second_text
    new = Event(
        report=event.report,
        date=event.date,
        precision=event.precision,
        title=title[:300],
        text=second_text,
        quote=second_quote,
        position=event.position,
        status=event.status,
        edited=True,
    )
    with _one_version(new, user=user, reason=f"Split from #{event.pk}", created=True):
        new.save()
        for field in (*TAG_FIELDS, "sources"):
            getattr(new, field).set(getattr(event, field).all())
    with _one_version(event, user=user, reason=f"Split: the rest is now #{new.pk}"):
        event.text, event.quote, event.edited = first_text, first_quote, True
        event.save(update_fields=["text", "quote", "edited", "updated"])
    return new


@transaction.atomic
def events_retag(*, user=None) -> RetagOutcome:
    """Tag every event no editor has touched with the current regions, actors and topics."""
    gazetteer = gazetteer_load()
    tagger = EntityTagger(gazetteer)
    classifier = TopicClassifier(gazetteer.topics)
    ids = {
        field: dict(model.objects.values_list("slug", "pk")) for field, model in _TAG_MODELS.items()
    }
    report_ids = (
        Event.objects.filter(edited=False, status=Event.Status.UNREVIEWED)
        .order_by("report_id")
        .values_list("report_id", flat=True)
        .distinct()
    )
    checked = changed = 0
    for report_id in report_ids:
        # The whole report is tagged: names seen in one event resolve surnames in another.
        events = list(
            Event.objects.filter(report_id=report_id)
            .order_by("position", "pk")
            .prefetch_related(*TAG_FIELDS)
        )
        found = tagger.tag_report([split_sentences(e.text) for e in events])
        for event, tags in zip(events, found, strict=True):
            if event.curated:
                continue
            checked += 1
            slugs = {
                "regions": tags.regions,
                "actors": tags.actors,
                "topics": classifier.classify(event.text),
            }
            wanted = {f: {ids[f][s] for s in slugs[f] if s in ids[f]} for f in TAG_FIELDS}
            current = {f: {tag.pk for tag in getattr(event, f).all()} for f in TAG_FIELDS}
            if wanted == current:
                continue
            changed += 1
            with _one_version(event, user=user, reason="Re-tagged with the current taxonomy"):
                for field in TAG_FIELDS:
                    if wanted[field] != current[field]:
                        getattr(event, field).set(wanted[field])
    return RetagOutcome(checked=checked, changed=changed)


def _status_set(event: Event, status: str, allowed: set[str], *, user, reason: str) -> bool:
    if event.status not in allowed:
        return False
    with transaction.atomic(), _one_version(event, user=user, reason=reason):
        event.status = status
        event.merged_into = None
        event.save(update_fields=["status", "merged_into", "updated"])
    return True


@contextmanager
def _one_version(event: Event, *, user, reason: str, created: bool = False) -> Iterator[None]:
    """Saves of the event and its tags inside the block make one version in its history."""
    if not created:
        _record_baseline(event)
    event.skip_history_when_saving = True
    try:
        yield
    finally:
        del event.skip_history_when_saving
    _record(event, user=user, reason=reason, history_type="+" if created else "~")


def _record(event: Event, *, user, reason: str, history_type: str) -> None:
    if user is not None:
        event._history_user = user  # otherwise the request's user, via the middleware
    event._change_reason = Truncator(reason).chars(_REASON_LENGTH)
    event_history.create_historical_record(event, history_type)


def _record_baseline(event: Event) -> None:
    """Record the event as stored, if it has no history yet (imports store in bulk)."""
    if Event.history.filter(id=event.pk).exists():
        return
    stored = Event.objects.get(pk=event.pk)
    stored._history_date = stored.created
    stored._history_user = None
    stored._change_reason = "As imported"
    event_history.create_historical_record(stored, "+")


def _cut(text: str, offset: int) -> tuple[str, str]:
    return text[:offset].rstrip(), text[offset:].strip()


def _ids(events: Sequence[Event]) -> str:
    return ", ".join(f"#{e.pk}" for e in events)
