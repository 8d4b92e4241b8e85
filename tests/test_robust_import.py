"""Importing hostile report files: each bad one named with its reason, nothing half-stored.

Every kind of bad file in one batch, `--strict`, a store failing halfway, and an import
killed with SIGKILL and run again.
"""

import codecs
import io
import os
import signal
import subprocess
import sys

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from tests.conftest import ROOT, report_text
from tests.faults import (
    env_for,
    fresh_db,
    on_sqlite_only,
    query,
    report_copies,
)
from timeline import services
from timeline.models import Event, Report

pytestmark = pytest.mark.django_db

BAD = {
    "empty.txt": (b"", "file is empty"),
    "blank.txt": (b"\n  \r\n\t\n", "file is empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50, "file is binary, not text"),
    "controls.txt": (bytes(range(1, 32)) * 20, "file is binary, not text"),
    "bad-utf16.txt": (codecs.BOM_UTF16_LE + b"\x00\xd8", "not valid UTF-16"),
    "no-date.txt": (b"Russian forces shelled Kharkiv on Tuesday.\n", "no publication date"),
    "bad-date.txt": (report_text(published="2022-02-30").encode(), "not an ISO 8601 date"),
    "zero-date.txt": (report_text(published="0000-00-00").encode(), "not an ISO 8601 date"),
    "future.txt": (report_text(published="2999-01-01").encode(), "is in the future"),
    "no-body.txt": (b"---\npublished: 2022-05-18\n---\n\n", "no text"),
    "unclosed.txt": (b"---\npublished: 2022-05-18\ntitle: never closed\n", "never closed"),
}
GOOD = {
    "utf8.txt": report_text("Russian forces shelled Kharkiv on Tuesday.").encode(),
    "utf8-bom.txt": codecs.BOM_UTF8
    + report_text("Russian forces shelled Odesa on Tuesday.").encode(),
    "utf16.txt": report_text("Ukraine’s army struck Kherson on Monday.").encode("utf-16"),
    "cp1252.txt": report_text("Ukraine’s navy struck Sevastopol on Monday.").encode("cp1252"),
    "crlf.txt": report_text("Russian troops shelled Sumy on Friday.")
    .replace("\n", "\r\n")
    .encode(),
}


def import_reports(*args: str) -> tuple[str, str, int]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_reports", *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc.returncode
    return out.getvalue(), err.getvalue(), 0


def failures(err: str) -> dict[str, str]:
    """{file name: reason} from the command's error lines."""
    found = {}
    for line in err.splitlines():
        path, sep, reason = line.partition(": failed: ")
        if sep:
            found[os.path.basename(path)] = reason
    return found


def write(folder, files: dict[str, bytes]) -> None:
    folder.mkdir(exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)


def test_every_bad_file_is_named_with_its_reason_and_every_good_one_imports(tmp_path):
    write(tmp_path, {name: data for name, (data, _) in BAD.items()} | GOOD)
    with (tmp_path / "huge.txt").open("wb") as huge:  # 20 MB, sparse: never read
        huge.truncate(20 * 1024 * 1024)

    out, err, status = import_reports(str(tmp_path))

    assert status == 1
    reasons = failures(err)
    assert set(reasons) == {*BAD, "huge.txt"}
    for name, (_, reason) in BAD.items():
        assert reason in reasons[name], name
    assert reasons["huge.txt"] == "file is 20.0 MB; reports are limited to 10 MB"
    assert f"{len(GOOD)} imported, {len(BAD) + 1} failed" in out
    assert set(Report.objects.values_list("file_name", flat=True)) == set(GOOD)
    assert all(report.events.exists() for report in Report.objects.all())
    texts = " ".join(Event.objects.values_list("text", flat=True))
    assert "Ukraine’s army struck Kherson" in texts  # UTF-16, decoded
    assert "Ukraine’s navy struck Sevastopol" in texts  # Windows-1252, decoded
    assert "\ufeff" not in texts and "\r" not in texts


def test_strict_stops_at_the_first_bad_file_and_keeps_those_before_it(tmp_path):
    write(
        tmp_path,
        {
            "1-good.txt": GOOD["utf8.txt"],
            "2-bad.txt": BAD["future.txt"][0],
            "3-good.txt": GOOD["cp1252.txt"],
        },
    )
    out, err, status = import_reports(str(tmp_path), "--strict")
    assert status == 1
    assert list(failures(err)) == ["2-bad.txt"]
    assert "stopped at the first failure (--strict)" in err
    assert "3-good.txt" not in out + err
    assert list(Report.objects.values_list("file_name", flat=True)) == ["1-good.txt"]

    # Without --strict the same batch goes on past it.
    _, err, status = import_reports(str(tmp_path))
    assert status == 1 and list(failures(err)) == ["2-bad.txt"]
    assert Report.objects.count() == 2


def test_an_extraction_that_raises_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch):
    write(
        tmp_path,
        {
            "a.txt": report_text("Russian troops shelled Kharkiv.").encode(),
            "b.txt": report_text("Boom in Odesa.").encode(),
            "c.txt": report_text("Ukraine struck the Crimean bridge.").encode(),
        },
    )
    real_extract = services.ReportExtractor.extract

    def extract(self, body, published, **options):
        if "Boom" in body:
            raise RecursionError("maximum recursion depth exceeded")
        return real_extract(self, body, published, **options)

    monkeypatch.setattr(services.ReportExtractor, "extract", extract)
    out, err, status = import_reports(str(tmp_path))
    assert status == 1
    assert failures(err) == {
        "b.txt": "internal error: RecursionError('maximum recursion depth exceeded')"
    }
    assert "2 imported, 1 failed" in out


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


@pytest.mark.parametrize("step", ["_create_discovered", "_store_events"])
def test_a_report_failing_at_any_step_of_its_store_leaves_no_row_anywhere(monkeypatch, step):
    before = _row_counts()
    real = getattr(services, step)

    def then_fail(*args, **kwargs):
        real(*args, **kwargs)
        raise OSError("disk full")

    monkeypatch.setattr(services, step, then_fail)
    # A new place and a new person: rows the store would create besides the report's own.
    text = report_text(
        "Russian forces shelled Zlatopilske on Tuesday. Colonel Ivan Petrenko said so."
    )
    with pytest.raises(OSError, match="disk full"):
        services.report_import(text=text, file_name="new.txt")
    after = _row_counts()
    assert {k: v for k, v in after.items() if v != before[k]} == {}


@on_sqlite_only
def test_an_import_killed_halfway_is_consistent_and_a_rerun_completes_it(
    tmp_path_factory, tmp_path
):
    db = fresh_db(tmp_path_factory, tmp_path)
    files = report_copies(tmp_path / "reports", 40)
    command = [sys.executable, "manage.py", "import_reports", str(files[0].parent)]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env_for(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    printed = 0
    for line in process.stdout:  # one line per stored report
        printed += line.endswith(b" events\n")
        if printed == 5:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    process.stdout.close()
    process.stderr.close()

    assert query(db, "PRAGMA integrity_check") == [("ok",)]
    assert query(db, "PRAGMA foreign_key_check") == []
    (stored,) = query(db, "SELECT COUNT(*) FROM timeline_report")[0]
    assert 5 <= stored < len(files)  # killed halfway
    # Every stored report has its events: none was cut in the middle of its transaction.
    assert query(
        db,
        "SELECT COUNT(*) FROM timeline_report r WHERE NOT EXISTS "
        "(SELECT 1 FROM timeline_event e WHERE e.report_id = r.id)",
    ) == [(0,)]

    rerun = subprocess.run(
        command, cwd=ROOT, env=env_for(db), capture_output=True, text=True, timeout=300
    )
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.count("skipped, already imported") == stored
    assert f"{len(files) - stored} imported, 0 failed" in rerun.stdout

    assert query(db, "SELECT COUNT(*), COUNT(DISTINCT content_hash) FROM timeline_report") == [
        (len(files), len(files))
    ]
    # The same events as one uninterrupted import of the same files.
    events = query(
        db,
        "SELECT r.file_name, e.position, e.date, e.title FROM timeline_event e "
        "JOIN timeline_report r ON r.id = e.report_id",
    )
    list(services.reports_import_files(paths=[files[0].parent]))
    expected = Event.objects.values_list("report__file_name", "position", "date", "title")
    assert sorted(events) == sorted((f, p, d.isoformat(), t) for f, p, d, t in expected)
