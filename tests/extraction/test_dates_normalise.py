"""dateparser reads the calendar expressions, always against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.dates import event_date, find_dates
from timeline.extraction.dates.normalise import read_calendar


@pytest.mark.parametrize(
    ("expression", "published", "date"),
    [
        ("Sept 14 2022", "2023-10-05", "2022-09-14"),
        ("30 December", "2024-01-05", "2024-12-30"),  # the publication year: policy decides
        ("April", "2023-06-01", "2023-04-01"),
        ("2014", "2024-06-11", "2014-01-01"),
        ("2023-04-30", "2023-05-01", "2023-04-30"),
    ],
)
def test_read_calendar(expression: str, published: str, date: str) -> None:
    got = read_calendar(expression, dt.date.fromisoformat(published))
    assert got == dt.date.fromisoformat(date)


def test_a_day_no_month_has_is_no_date() -> None:
    assert read_calendar("June 31", dt.date(2023, 7, 1)) is None
    assert find_dates("The talks ended on June 31.", dt.date(2023, 7, 1)) == []


def test_the_year_policy_stays_ours() -> None:
    # dateparser reads "December 30" in the publication year; GUIDELINE takes the one before.
    got = event_date(["On December 30, drones hit the port."], dt.date(2024, 1, 5))
    assert got.date == dt.date(2023, 12, 30)
    # A fortnight ahead is a plan, not last year's day.
    got = event_date(["The ceasefire starts on January 12."], dt.date(2024, 1, 5))
    assert got.date == dt.date(2024, 1, 5)
