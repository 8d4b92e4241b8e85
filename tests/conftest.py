import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def report_text(body: str = "Russian forces shelled Kharkiv on Tuesday.", **front: str) -> str:
    """A report file's text with front matter (published defaults to 2022-05-18)."""
    front = {"title": "A report", "source": "Test Wire", "published": "2022-05-18", **front}
    header = "".join(f"{key}: {value}\n" for key, value in front.items() if value is not None)
    return f"---\n{header}---\n{body}\n"


def make_event(**kw):
    """An event (with its report) in the database; keyword arguments override fields."""
    from timeline.models import Event, Report

    report = kw.pop("report", None)
    if report is None:
        n = Report.objects.count() + 1
        report = Report.objects.create(
            title=f"Report {n}",
            source="Test Wire",
            published=dt.datetime(2022, 5, 18, tzinfo=dt.UTC),
            raw_text=f"text {n}",
            file_name=f"report-{n}.txt",
            content_hash=f"{n:064d}",
        )
    tags = {name: kw.pop(name, []) for name in ("regions", "actors", "topics")}
    fields = {
        "date": dt.date(2022, 5, 18),
        "title": "Russian forces shell Kharkiv",
        "text": "Russian forces shelled Kharkiv on Wednesday.",
        "position": report.events.count(),
        **kw,
    }
    event = Event.objects.create(report=report, **fields)
    for name, values in tags.items():
        getattr(event, name).set(values)
    return event


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches: a rolled-back test reuses data version numbers."""
    from django.core.cache import caches

    from timeline.selectors.columns import columns_forget

    for cache in caches.all():
        cache.clear()
    columns_forget()
