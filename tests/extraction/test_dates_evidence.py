"""The evidence behind an event's date, and feed items dated against their own dateline."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extraction.dates import dateline_date, event_date
from timeline.extraction.types import Precision

WED = dt.date(2023, 6, 7)  # a Wednesday


def _evidence(sentences: list[str], published: dt.date = WED, **kw):
    got = event_date(sentences, published, **kw)
    assert got.evidence is not None
    return got, got.evidence


def test_a_weekday_names_its_rule_and_points_at_its_words() -> None:
    got, why = _evidence(["Drones struck the port on Tuesday, officials said."])
    assert got.date == dt.date(2023, 6, 6)
    assert why.text == "Tuesday" and (why.start, why.end) == (26, 33)
    assert why.rule == "Tuesday: the Tuesday before publication (Wed 7 Jun 2023)"
    assert why.confidence >= 0.85


def test_offsets_count_in_the_joined_text_of_the_event() -> None:
    sentences = ["Navy ships leave port.", "The ships left port on Monday, the navy said."]
    got, why = _evidence(sentences)
    text = " ".join(sentences)
    assert got.date == dt.date(2023, 6, 5)
    assert text[why.start : why.end] == why.text == "Monday"
    assert "headline" in why.rule


def test_no_expression_falls_back_to_publication_with_lower_confidence() -> None:
    got, why = _evidence(["Shelling hit the town, the governor said."])
    assert got.date == WED
    assert (why.text, why.start, why.end) == (None, None, None)
    assert why.rule == "no date expression: the publication date (Wed 7 Jun 2023)"
    assert why.confidence < 0.7


def test_plans_set_aside_are_named_in_the_fallback() -> None:
    got, why = _evidence(["Ministers will meet in Rome on Friday."])
    assert got.date == WED and why.text is None
    assert "plans" in why.rule and "'Friday'" in why.rule


def test_a_month_without_a_day_says_so() -> None:
    got, why = _evidence(["In May, the brigade was moved east."])
    assert (got.date, got.precision) == (dt.date(2023, 5, 1), Precision.MONTH)
    assert why.rule == "In May: a month without a day: May 2023"


@pytest.mark.parametrize(
    ("sentence", "lo", "hi"),
    [
        ("Russia invaded on February 24, 2022, the report says.", 0.9, 1.0),  # full date
        ("Kyiv was hit yesterday.", 0.85, 0.95),  # relative word
        ("On May 30, drones hit Moscow.", 0.75, 0.9),  # year inferred
        ("The ministry reported losses.", 0.5, 0.7),  # publication fallback
    ],
)
def test_confidence_ranks_the_kinds_of_reading(sentence: str, lo: float, hi: float) -> None:
    _, why = _evidence([sentence])
    assert lo <= why.confidence <= hi


def test_a_choice_among_candidates_is_less_sure() -> None:
    _, alone = _evidence(["Troops left the village on Monday."])
    _, chosen = _evidence(["Troops left the village on Monday and returned on Tuesday."])
    assert chosen.confidence < alone.confidence
    assert "among other dates" in chosen.rule


# Feed items: "on Tuesday" counts from the item's dateline, not the page's day.
def test_an_anchor_dates_a_feed_item_against_its_dateline() -> None:
    item = ["The air force says on Tuesday it downed 20 drones."]
    published, dateline = dt.date(2023, 10, 18), dt.date(2023, 10, 10)
    assert event_date(item, published).date == dt.date(2023, 10, 17)
    got = event_date(item, published, anchor=dateline)
    assert got.date == dateline
    assert "the item's dateline" in got.evidence.rule


def test_an_anchor_is_the_fallback_of_a_dateless_item() -> None:
    got = event_date(["The governor says debris fell on homes."], WED, anchor=dt.date(2023, 6, 1))
    assert got.date == dt.date(2023, 6, 1)
    assert got.evidence.rule.startswith("no date expression: the item's dateline")


def test_an_anchor_after_publication_is_ignored() -> None:
    got = event_date(["Drones hit the port."], WED, anchor=dt.date(2023, 6, 9))
    assert got.date == WED


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("October 10, 2023 The air force says on Monday it downed 20 drones.", "2023-10-09"),
        ("12 October 2023 - The governor says debris fell on homes.", "2023-10-12"),
        ("Oct. 12: The governor says debris fell on homes.", "2023-10-12"),
        # not datelines: the date belongs to the first clause
        ("October 12 was the deadliest day, the governor says.", "2023-10-12"),
        ("On October 12, 2023, Russia says on Monday it shot down drones.", "2023-10-12"),
    ],
)
def test_a_dateline_heading_the_text_anchors_the_item(sentence: str, date: str) -> None:
    assert event_date([sentence], dt.date(2023, 10, 18)).date == dt.date.fromisoformat(date)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("October 12, 2023", "2023-10-12"),
        ("Thursday, 12 October 2023", "2023-10-12"),
        ("Updated Oct. 12, 2023 at 09:15 GMT", "2023-10-12"),
        ("2023-10-12", "2023-10-12"),
        ("Oct 12", "2023-10-12"),
        ("The governor spoke on October 12, 2023", None),
        ("October 2023", None),  # a month: no day to anchor on
        ("October 20, 2023", None),  # after publication
        ("Breaking news", None),
    ],
)
def test_dateline_date_reads_a_line_holding_only_a_date(line: str, date: str | None) -> None:
    expected = dt.date.fromisoformat(date) if date else None
    assert dateline_date(line, dt.date(2023, 10, 18)) == expected
