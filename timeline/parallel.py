"""Importing many report files with the extraction spread over worker processes.

Extraction is pure (text and a date in, events out), so the workers only extract:
this process reads each file, skips texts already imported, and writes what comes
back, in file order. Workers never touch the database (a forked process must not use
its parent's connection). At most a few files per worker are in flight, so memory
follows the batch, not the corpus.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from django.db import IntegrityError

from .extraction.pipeline import ReportExtractor
from .extraction.types import Gazetteer
from .report_files import ReportFileError, read_report_file, report_paths
from .selectors import gazetteer_load
from .services import (
    DuplicateReportError,
    ImportOutcome,
    ReportImportError,
    report_check_new,
    report_draft_unchecked,
    report_save,
)

logger = logging.getLogger(__name__)
IN_FLIGHT_PER_JOB = 4

_extractor: ReportExtractor | None = None  # one per worker process


def start_worker(gazetteer: Gazetteer) -> None:
    """Compile the gazetteer once in a worker process; every file it gets reuses it."""
    global _extractor
    _extractor = ReportExtractor(gazetteer)


def worker_extractor() -> ReportExtractor:
    if _extractor is None:
        raise RuntimeError("start_worker() first")
    return _extractor


def _prepare(text: str, name: str, published: dt.datetime | None) -> tuple[str, object]:
    """In a worker, with no database: ("ok", draft) or ("failed", message)."""
    try:
        draft = report_draft_unchecked(
            text=text, file_name=name, published=published, extractor=worker_extractor()
        )
    except ReportImportError as exc:
        return "failed", str(exc)
    except Exception as exc:  # one broken report must not stop a batch of thousands
        logger.exception("extracting %s failed", name)
        return "failed", f"internal error: {exc!r}"
    return "ok", draft


def _read(path: Path) -> tuple[str, object]:
    """Here, before any work is sent out: the file's text, or why it is not imported."""
    try:
        text = read_report_file(path)
        report_check_new(text)
    except DuplicateReportError:
        return "duplicate", None
    except (ReportFileError, ReportImportError) as exc:
        return "failed", str(exc)
    return "text", text


def _store(path: Path, status: str, result) -> ImportOutcome:
    if status == "duplicate":
        return ImportOutcome(path.name, "duplicate", message="already imported")
    if status == "failed":
        return ImportOutcome(str(path), "failed", message=result)
    try:
        report = report_save(draft=result)
    except IntegrityError:  # the same text twice in this batch, or imported meanwhile
        return ImportOutcome(path.name, "duplicate", message="already imported")
    except Exception as exc:
        logger.exception("storing %s failed", path)
        return ImportOutcome(str(path), "failed", message=f"internal error: {exc!r}")
    return ImportOutcome(
        path.name, "imported", events=len(result.extraction.events), report_id=report.pk
    )


def reports_import_parallel(
    *, paths: Iterable[str | Path], published: dt.datetime | None, jobs: int
) -> Iterator[ImportOutcome]:
    """Outcomes in file order. Workers never touch the database: this process reads each
    file, skips texts already imported, and stores what the workers extracted."""
    files = report_paths(paths)
    if not files:
        return
    gazetteer = gazetteer_load()
    pending: deque[tuple[Path, Future | tuple[str, object]]] = deque()

    def oldest() -> ImportOutcome:
        path, work = pending.popleft()
        return _store(path, *(work.result() if isinstance(work, Future) else work))

    with ProcessPoolExecutor(jobs, initializer=start_worker, initargs=(gazetteer,)) as pool:
        for path in files:
            status, value = _read(path)
            if status == "text":
                pending.append((path, pool.submit(_prepare, value, path.name, published)))
            else:
                pending.append((path, (status, value)))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield oldest()
        while pending:
            yield oldest()
