"""An import running while readers browse and editors save, on one SQLite file.

WAL lets readers go on beside the writer; IMMEDIATE transactions and the busy timeout
make writers queue instead of failing with "database is locked".
"""

import json
import subprocess
import sys

from tests.conftest import ROOT
from tests.faults import (
    env_for,
    fresh_db,
    on_sqlite_only,
    query,
    report_copies,
)

pytestmark = on_sqlite_only


def test_an_import_beside_readers_and_editors_meets_no_locked_database(tmp_path_factory, tmp_path):
    db = fresh_db(tmp_path_factory, tmp_path)
    reports = report_copies(tmp_path / "reports", 12)
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            f"from tests.faults import hammer; hammer({str(reports[0].parent)!r})",
        ],
        cwd=ROOT,
        env=env_for(db),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["errors"] == [], summary
    assert summary["imported"] == len(reports)
    assert summary["reads"] >= 3 and summary["edits"] >= 3, summary
    # Each admin save is stored, or refused as stale when the other editor got there first.
    assert summary["admin_saves"] + summary["stale"] >= 3, summary
    assert query(db, "PRAGMA journal_mode") == [("wal",)]
    assert query(db, "SELECT COUNT(*) FROM timeline_report") == [(len(reports),)]
