"""Our calendar normaliser cross-checked against dateparser on written-out dates.

The extraction finds and normalises date expressions itself (it must know month and
day apart to keep precision and never date an event after its report); dateparser
is the independent reference for what those expressions mean.
"""

import datetime as dt
import itertools

import dateparser
import pytest

from timeline.extraction.dates import find_dates

PUBLISHED = dt.date(2023, 12, 31)
MONTHS = [
    ("January", "Jan."), ("February", "Feb."), ("March", "March"), ("April", "April"),
    ("May", "May"), ("June", "June"), ("July", "July"), ("August", "Aug."),
    ("September", "Sept."), ("October", "Oct."), ("November", "Nov."), ("December", "Dec."),
]  # fmt: skip
FORMS = ["{month} {day}, {year}", "{day} {month} {year}", "{month} {day}"]


def cases():
    for (full, ap), day, year, form in itertools.product(
        MONTHS, (1, 9, 14, 28), (2022, 2023), FORMS
    ):
        for month in dict.fromkeys((full, ap)):
            yield form.format(month=month, day=day, year=year)


def reference(expression: str) -> dt.date:
    parsed = dateparser.parse(
        expression.replace(".", ""),  # dateparser misreads AP-style "Sept." with its dot
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime.combine(PUBLISHED, dt.time()),
            "PREFER_DATES_FROM": "past",
        },
    )
    return parsed.date()


@pytest.mark.parametrize("expression", sorted(set(cases())))
def test_a_written_date_means_what_dateparser_says(expression):
    (mention,) = find_dates(f"The attack happened on {expression}.", PUBLISHED)
    assert (mention.date, mention.precision) == (reference(expression), "day")
