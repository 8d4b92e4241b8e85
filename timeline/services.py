"""Writes: importing reports and storing their extracted events."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.db import IntegrityError, transaction
from django.utils import timezone

from .cache import data_changed
from .extraction.frontmatter import FrontMatterError, parse_report
from .extraction.pipeline import Extraction, ReportExtractor
from .extraction.sentences import split_sentences
from .extraction.types import ExtractedEvent
from .models import Actor, Event, EventEvidence, Region, Report, Topic
from .places import places_sync
from .report_files import ReportFileError, read_report_file, report_paths
from .selectors import gazetteer_load

logger = logging.getLogger(__name__)
FUTURE_TOLERANCE = dt.timedelta(days=1)  # time zones put a fresh report slightly ahead


class ReportImportError(ValueError):
    """A report that cannot be imported, with the reason in words."""


@dataclass(frozen=True)
class ImportOutcome:
    name: str
    status: str  # "imported", "duplicate" or "failed"
    events: int = 0
    message: str = ""
    report_id: int | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


@dataclass(frozen=True)
class ReextractOutcome:
    name: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # curated by an editor, left alone
    removed: int = 0
    message: str = ""  # why it failed; the report's events are then untouched

    @property
    def failed(self) -> bool:
        return bool(self.message)


def content_hash(text: str) -> str:
    """The identity of a report's text: the same text in another line-ending style is equal."""
    normalised = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class DuplicateReportError(ReportImportError):
    """The report's text was imported before."""

    def __init__(self, report_id: int) -> None:
        super().__init__("already imported")
        self.report_id = report_id


@dataclass(frozen=True)
class ReportDraft:
    """A report parsed and extracted, not yet stored."""

    report: Report  # unsaved
    extraction: Extraction


def report_draft(
    *,
    text: str,
    file_name: str = "",
    published: dt.datetime | None = None,
    title: str = "",
    source: str = "",
    url: str = "",
    extractor: ReportExtractor | None = None,
) -> ReportDraft:
    """Parse and extract a report's text without storing anything.

    `published`, `title`, `source` and `url` are used where the text's front matter lacks
    them. Raises ReportImportError (DuplicateReportError for a text already imported).
    """
    report_check_new(text)
    return report_draft_unchecked(
        text=text,
        file_name=file_name,
        published=published,
        title=title,
        source=source,
        url=url,
        extractor=extractor or ReportExtractor(gazetteer_load()),
    )


def report_check_new(text: str) -> None:
    """DuplicateReportError if this text was imported before."""
    digest = content_hash(text)
    existing = Report.objects.filter(content_hash=digest).values_list("id", flat=True).first()
    if existing:
        raise DuplicateReportError(existing)


def report_draft_unchecked(
    *,
    text: str,
    file_name: str,
    published: dt.datetime | None,
    title: str = "",
    source: str = "",
    url: str = "",
    extractor: ReportExtractor,
) -> ReportDraft:
    """The draft of a report's text, without asking the database anything."""
    digest = content_hash(text)
    try:
        parsed = parse_report(text)
    except FrontMatterError as exc:
        raise ReportImportError(str(exc)) from None
    when = parsed.published or published
    if when is None:
        raise ReportImportError(
            "no publication date: add 'published: YYYY-MM-DD' front matter or pass --published"
        )
    if when > timezone.now() + FUTURE_TOLERANCE:
        raise ReportImportError(f"publication date {when.date()} is in the future")
    if not parsed.body.strip():
        raise ReportImportError("report has front matter but no text")
    extraction = extractor.extract(parsed.body, when.date(), title=parsed.title or title)
    if not extraction.events:
        raise ReportImportError("no events found in the text")
    report = Report(
        title=(parsed.title or title or extraction.events[0].title)[:500],
        source=parsed.source or source,
        url=parsed.url or url,
        published=when,
        language=parsed.language or "en",
        raw_text=text,
        file_name=file_name,
        content_hash=digest,
    )
    return ReportDraft(report=report, extraction=extraction)


@transaction.atomic
def report_save(*, draft: ReportDraft) -> Report:
    """Store a drafted report with its events (IntegrityError if its text was stored meanwhile)."""
    draft.report.save()
    _create_discovered(draft.extraction)
    _store_events(draft.report, draft.extraction.events)
    return draft.report


def report_import(
    *,
    text: str,
    file_name: str = "",
    published: dt.datetime | None = None,
    extractor: ReportExtractor | None = None,
) -> ImportOutcome:
    """Import one report's text: stored whole with its events, or not at all."""
    name = file_name or "report"
    try:
        draft = report_draft(
            text=text, file_name=file_name, published=published, extractor=extractor
        )
    except DuplicateReportError as exc:
        return ImportOutcome(name, "duplicate", message=str(exc), report_id=exc.report_id)
    try:
        report = report_save(draft=draft)
    except IntegrityError:
        # Another process imported the same text between our check and our insert.
        return ImportOutcome(name, "duplicate", message="already imported")
    return ImportOutcome(name, "imported", events=len(draft.extraction.events), report_id=report.pk)


def reports_import_files(
    *, paths: Iterable[str | Path], published: dt.datetime | None = None, jobs: int = 1
) -> Iterator[ImportOutcome]:
    """Import every report file under `paths`, one outcome per file; a bad file stops nothing.

    With `jobs` > 1 the extraction runs in that many worker processes (see
    `timeline.parallel`); the database is still written by this process alone.
    """
    if jobs > 1:
        from .parallel import reports_import_parallel

        yield from reports_import_parallel(paths=paths, published=published, jobs=jobs)
        return
    extractor = None
    for path in report_paths(paths):
        try:
            text = read_report_file(path)
            if extractor is None:  # built lazily: compiling the gazetteer is the slow part
                extractor = ReportExtractor(gazetteer_load())
            yield report_import(
                text=text, file_name=path.name, published=published, extractor=extractor
            )
        except (ReportFileError, ReportImportError) as exc:
            yield ImportOutcome(str(path), "failed", message=str(exc))
        except Exception as exc:  # one broken report must not stop a batch of thousands
            logger.exception("importing %s failed", path)
            yield ImportOutcome(str(path), "failed", message=f"internal error: {exc!r}")


def report_reextract(report: Report, *, extractor: ReportExtractor) -> ReextractOutcome:
    """Run the current pipeline over a stored report again, sparing every curated event.

    Events an editor touched (edited, reviewed, hidden, merged) stay exactly as they are,
    and extracted events overlapping them are not added again, so nothing hidden comes
    back. Untouched events are matched by their extracted text: updated when the pipeline
    now says something else, removed when it no longer finds them.
    """
    name = report.file_name or report.title
    parsed = parse_report(report.raw_text)
    extraction = extractor.extract(
        parsed.body, report.published.date(), title=parsed.title or report.title
    )
    with transaction.atomic():
        existing = list(report.events.prefetch_related("regions", "actors", "topics"))
        curated = [e for e in existing if e.curated]
        curated_sentences = set().union(*(_sentences(e.quote or e.text) for e in curated))
        untouched = {collapse_whitespace(e.quote): e for e in existing if not e.curated}
        _create_discovered(extraction)
        added: list[ExtractedEvent] = []
        updated = unchanged = 0
        for extracted in extraction.events:
            if _sentences(extracted.text) & curated_sentences:
                continue
            current = untouched.pop(collapse_whitespace(extracted.text), None)
            if current is None:
                added.append(extracted)
            elif _event_update(current, extracted):
                updated += 1
            else:
                unchanged += 1
        Event.objects.filter(pk__in=[e.pk for e in untouched.values()]).delete()
        _store_events(report, added)
    return ReextractOutcome(
        name,
        added=len(added),
        updated=updated,
        unchanged=unchanged,
        kept=len(curated),
        removed=len(untouched),
    )


def reports_reextract() -> Iterator[ReextractOutcome]:
    """Re-extract every stored report, one outcome per report; a failure stops nothing."""
    extractor = ReportExtractor(gazetteer_load())
    for report in Report.objects.order_by("published", "pk").iterator(chunk_size=100):
        try:
            yield report_reextract(report, extractor=extractor)
        except Exception as exc:  # a report the new pipeline chokes on keeps its events
            logger.exception("re-extracting report %s failed", report.pk)
            yield ReextractOutcome(report.file_name or report.title, message=repr(exc))


def collapse_whitespace(text: str) -> str:
    return " ".join(text.split())


def _sentences(text: str) -> set[str]:
    return set(split_sentences(collapse_whitespace(text)))


_TAG_FIELDS = (("regions", Region), ("actors", Actor), ("topics", Topic))


def _event_update(event: Event, extracted: ExtractedEvent) -> bool:
    """Bring an untouched event in line with a fresh extraction; whether anything changed."""
    fields = {
        "date": extracted.date,
        "precision": extracted.precision,
        "title": extracted.title[:300],
        "text": extracted.text,
        "position": extracted.position,
    }
    changed = [name for name, value in fields.items() if getattr(event, name) != value]
    for name in changed:
        setattr(event, name, fields[name])
    if changed:
        event.save(update_fields=[*changed, "updated"])
    # The evidence follows the extraction for an untouched event, but is not a change a
    # reader sees, so it neither counts as one nor moves `updated`.
    EventEvidence.objects.update_or_create(event=event, defaults={"data": extracted.evidence})
    tags_changed = False
    for field, model in _TAG_FIELDS:
        wanted = set(
            model.objects.filter(slug__in=getattr(extracted, field)).values_list("pk", flat=True)
        )
        if {tag.pk for tag in getattr(event, field).all()} != wanted:
            getattr(event, field).set(wanted)
            tags_changed = True
    return bool(changed) or tags_changed


def _store_events(report: Report, extracted_events: list[ExtractedEvent]) -> None:
    """Create events and their tags with a fixed number of queries."""
    if not extracted_events:
        return
    events = Event.objects.bulk_create(
        Event(
            report=report,
            date=e.date,
            precision=e.precision,
            title=e.title[:300],
            text=e.text,
            quote=e.text,
            position=e.position,
        )
        for e in extracted_events
    )
    EventEvidence.objects.bulk_create(
        EventEvidence(event=event, data=extracted.evidence)
        for event, extracted in zip(events, extracted_events, strict=True)
    )
    for field, model in _TAG_FIELDS:
        attribute = field.removesuffix("s")
        wanted = {slug for e in extracted_events for slug in getattr(e, field)}
        ids = dict(model.objects.filter(slug__in=wanted).values_list("slug", "id"))
        through = getattr(Event, field).through
        through.objects.bulk_create(
            through(event_id=event.pk, **{f"{attribute}_id": ids[slug]})
            for event, extracted in zip(events, extracted_events, strict=True)
            for slug in dict.fromkeys(getattr(extracted, field))
            if slug in ids
        )
    places_sync(event.pk for event in events)
    data_changed()  # bulk_create sends no signal, and a re-extraction may only add


def _create_discovered(extraction: Extraction) -> None:
    """Store places and people the gazetteer did not know, for an editor to confirm."""
    for place in extraction.new_places:
        Region.objects.get_or_create(
            slug=place.slug,
            defaults={"name": place.name, "kind": place.kind, "confirmed": False},
        )
    affiliations = dict(
        Actor.objects.filter(
            slug__in={a.affiliation for a in extraction.new_agents if a.affiliation}
        ).values_list("slug", "id")
    )
    for agent in extraction.new_agents:
        Actor.objects.get_or_create(
            slug=agent.slug,
            defaults={
                "name": agent.name,
                "kind": agent.kind,
                "affiliation_id": affiliations.get(agent.affiliation),
                "confirmed": False,
            },
        )
