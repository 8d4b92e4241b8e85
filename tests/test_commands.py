import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import make_event, report_text
from timeline.models import Event, Report

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_import_prints_a_line_per_report_and_is_idempotent(seeds_dir):
    out, _ = run("import_reports", str(seeds_dir))
    lines = out.splitlines()
    assert len(lines) == 6
    assert all(line.endswith(" events") for line in lines[:5])
    assert lines[-1] == "5 imported, 0 failed"
    events = Event.objects.count()

    out, _ = run("import_reports", str(seeds_dir))
    assert out.count("skipped, already imported") == 5
    assert Event.objects.count() == events


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary\x00", "file is binary"),
        (b"", "file is empty"),
        (b"caf\xc3 \x81\x8d\x8f\x90", "neither UTF-8"),
        (b"Russian forces shelled Kharkiv on Tuesday.\n", "no publication date"),
        (b"---\npublished: not-a-date\n---\nText.\n", "not an ISO 8601 date"),
    ],
    ids=["binary", "empty", "undecodable", "no-date", "bad-date"],
)
def test_bad_file_is_reported_and_the_others_still_import(tmp_path, content, message):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text(report_text(), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as failure:
        call_command("import_reports", str(tmp_path), stdout=out, stderr=err)
    assert failure.value.returncode == 1
    (line,) = [line for line in err.getvalue().splitlines() if "bad.txt: failed:" in line]
    assert message in line
    assert "good.txt: 1 events" in out.getvalue()
    assert list(Report.objects.values_list("file_name", flat=True)) == ["good.txt"]


def test_published_option_dates_files_without_front_matter(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Russian forces shelled Kharkiv yesterday.\n", encoding="utf-8")
    run("import_reports", str(path), "--published", "2022-05-18")
    assert Event.objects.get().date.isoformat() == "2022-05-17"


def test_invalid_published_option_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="--published"):
        call_command("import_reports", str(tmp_path), published="last week")


def test_missing_path_is_reported(tmp_path):
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_reports", str(tmp_path / "gone.txt"), stdout=io.StringIO(), stderr=err)
    assert "gone.txt: failed: no such file" in err.getvalue()


def test_export_json_has_the_shape_the_scorer_reads(tmp_path):
    from timeline.models import Actor, Region, Topic

    event = make_event(
        regions=[Region.objects.get(slug="kharkiv")],
        actors=[Actor.objects.get(slug="russia"), Actor.objects.get(name="Dmitry Peskov")],
        topics=[Topic.objects.get(slug="battlefield")],
    )
    target = tmp_path / "export.json"
    run("export_events", "--format", "json", "--output", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    [item] = data["events"]
    assert set(item) >= {"id", "date", "precision", "title", "text", "status", "url", "report"}
    assert item["id"] == event.pk
    assert item["date"] == "2022-05-18"
    assert item["precision"] == "day"
    assert item["status"] == "unreviewed"
    assert set(item["report"]) == {"file", "title", "source", "published"}
    assert item["regions"] == ["Kharkiv"]
    assert {"name": "Russia", "kind": "state"} in item["actors"]
    assert {"name": "Dmitry Peskov", "kind": "person"} in item["actors"]
    assert item["topics"] == ["battlefield"]


def test_export_to_stdout_is_valid_json():
    make_event()
    make_event(title="Second")
    out, _ = run("export_events", "--format", "json")
    assert len(json.loads(out)["events"]) == 2


def test_export_csv_has_a_header_and_a_row_per_event():
    make_event(title="=cmd|' /C calc'!A0")
    out, _ = run("export_events", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:4] == ["id", "date", "precision", "title"]
    assert len(rows) == 2
    assert rows[1][3].startswith("'=")


def test_export_to_an_unwritable_place_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("export_events", output=str(tmp_path / "missing" / "x.json"))


def test_reextract_reports_what_changed_per_report_and_in_total(seeds_dir):
    run("import_reports", str(seeds_dir))
    Event.objects.filter(pk=Event.objects.first().pk).update(status=Event.Status.HIDDEN)
    events = Event.objects.count()
    out, _ = run("import_reports", "--reextract")
    lines = out.splitlines()
    assert len(lines) == 6
    assert lines[-1] == (
        f"re-extracted: 0 added, 0 updated, {events - 1} unchanged, 1 kept, 0 removed; 0 failed"
    )
    assert Event.objects.count() == events


@pytest.mark.parametrize(
    "args", [["--reextract", "seeds"], ["--reextract", "--published", "2022-01-01"], []]
)
def test_reextract_and_paths_are_exclusive_and_one_is_needed(args):
    with pytest.raises(CommandError):
        run("import_reports", *args)


def test_import_in_worker_processes_matches_one_process(seeds_dir, tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    for seed in sorted(seeds_dir.glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "copy.txt").write_bytes(next(iter(sorted(seeds_dir.glob("*.txt")))).read_bytes())
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_reports", str(tmp_path), "--jobs", "2", stdout=out, stderr=err)
    assert "bad.txt: failed: file is binary" in err.getvalue()
    assert out.getvalue().splitlines()[-1] == "5 imported, 1 failed"
    parallel = sorted(Event.objects.values_list("report__file_name", "position", "date", "title"))
    Report.objects.all().delete()
    run("import_reports", str(seeds_dir))
    serial = sorted(Event.objects.values_list("report__file_name", "position", "date", "title"))
    assert parallel == serial


def test_jobs_must_be_positive():
    with pytest.raises(CommandError, match="--jobs"):
        run("import_reports", "seeds", "--jobs", "0")
