"""Importing many report files with the extraction spread over worker processes.

Extraction is pure (text and a date in, events out), so workers read, decode and
extract files while this process alone writes to the database, in file order. At
most a few files per worker are in flight, so memory follows the batch, not the corpus.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from django.db import IntegrityError, connections

from .extraction.pipeline import ReportExtractor
from .extraction.types import Gazetteer
from .report_files import ReportFileError, read_report_file, report_paths
from .selectors import gazetteer_load
from .services import (
    DuplicateReportError,
    ImportOutcome,
    ReportDraft,
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


def _prepare(path: Path, published: dt.datetime | None) -> tuple[str, ReportDraft | str]:
    """In a worker: ("ok", draft), ("duplicate", report id) or ("failed", message)."""
    try:
        text = read_report_file(path)
        report_check_new(text)
        draft = report_draft_unchecked(
            text=text, file_name=path.name, published=published, extractor=_extractor
        )
    except DuplicateReportError as exc:
        return "duplicate", str(exc.report_id)
    except (ReportFileError, ReportImportError) as exc:
        return "failed", str(exc)
    except Exception as exc:  # one broken report must not stop a batch of thousands
        logger.exception("extracting %s failed", path)
        return "failed", f"internal error: {exc!r}"
    return "ok", draft


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
    files = report_paths(paths)
    if not files:
        return
    gazetteer = gazetteer_load()
    connections.close_all()  # forked workers must open their own database connections
    pending: deque[tuple[Path, Future]] = deque()
    todo = iter(files)
    with ProcessPoolExecutor(jobs, initializer=start_worker, initargs=(gazetteer,)) as pool:
        for path in todo:
            pending.append((path, pool.submit(_prepare, path, published)))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                done_path, future = pending.popleft()
                yield _store(done_path, *future.result())
        while pending:
            done_path, future = pending.popleft()
            yield _store(done_path, *future.result())
