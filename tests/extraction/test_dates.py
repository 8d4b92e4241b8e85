"""Dating rules of GUIDELINE.md: the dev cases plus our own sentences per rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from timeline.extraction.dates import event_date, find_dates
from timeline.extraction.types import Precision

DEV_CASES = json.loads(
    (Path(__file__).resolve().parent.parent / "data" / "dates.dev.json").read_text("utf-8")
)

D, M = Precision.DAY, Precision.MONTH

# (published, sentence, expected): "YYYY-MM-DD" (day), "YYYY-MM-DD month|year", or an
# inclusive range "lo..hi" of accepted days.
OWN_CASES: list[tuple[str, str, str]] = [
    # weekday on the publication day itself
    ("2022-05-18", "The Kremlin said on Wednesday it would respond.", "2022-05-18"),
    ("2023-10-05", "Thursday's strike killed 52 people in Hroza.", "2023-10-05"),
    ("2024-06-11", "Zelensky arrived in Berlin Tuesday morning.", "2024-06-11"),
    # weekday earlier in the week, across a month and a year
    ("2022-05-18", "Russian troops shelled Kharkiv on Sunday evening.", "2022-05-15"),
    ("2022-11-09", "Peskov told reporters Monday that no talks were held.", "2022-11-07"),
    ("2023-01-03", "On Saturday night, drones targeted Kyiv.", "2022-12-31"),
    ("2022-03-02", "Late on Thursday, the first columns crossed the border.", "2022-02-24"),
    # "last <weekday>": within the seven days before publication
    ("2022-05-18", "Last Wednesday, Finland's leaders backed a NATO bid.", "2022-05-11"),
    ("2023-03-06", "The minister resigned last Monday.", "2023-02-27"),
    ("2024-02-29", "Officials said last Thursday that the town had fallen.", "2024-02-22"),
    # yesterday, last night, overnight
    ("2022-05-18", "Russia struck Lviv last night, the mayor said.", "2022-05-17"),
    ("2023-01-01", "Overnight, explosions were heard across Kyiv.", "2022-12-31"),
    ("2022-08-01", "The governor said yesterday that two people died.", "2022-07-31"),
    ("2023-03-06", "Two people died in an overnight drone attack on Odesa.", "2023-03-05"),
    ("2024-03-01", "Yesterday, parliament approved the mobilisation bill.", "2024-02-29"),
    ("2022-05-18", "Two days ago, a missile hit the fuel depot.", "2022-05-16"),
    # today, this morning, earlier on <weekday>
    ("2022-12-31", "This morning, air raid sirens sounded in all regions.", "2022-12-31"),
    ("2022-03-10", "Today the IAEA lost contact with the plant.", "2022-03-10"),
    ("2022-03-30", "Earlier on Wednesday, the ministry announced a pullback.", "2022-03-30"),
    ("2022-03-31", "Earlier on Wednesday, the ministry announced a pullback.", "2022-03-30"),
    # month-day without a year: nearest on or before publication
    ("2023-01-03", "On December 30, Russia launched 20 cruise missiles.", "2022-12-30"),
    ("2024-01-05", "The ministry said on Dec. 29 that 39 people died.", "2023-12-29"),
    ("2022-05-18", "On 9 May, Putin addressed the parade in Moscow.", "2022-05-09"),
    ("2023-01-14", "On Jan. 9, the Wagner group claimed gains near Soledar.", "2023-01-09"),
    ("2023-03-06", "The Pentagon announced the package on Feb 24.", "2023-02-24"),
    # explicit full dates
    ("2022-11-09", "Russia began its invasion on February 24, 2022.", "2022-02-24"),
    ("2023-10-05", "On Sept. 14, 2022, Ukrainian troops entered Izium.", "2022-09-14"),
    ("2023-05-01", "The derailment happened on 2023-04-30 near Unecha.", "2023-04-30"),
    ("2024-02-29", "On 24 February 2022, Russian troops crossed the border.", "2022-02-24"),
    # plans, deadlines and bounds do not date the event
    ("2022-11-09", "The grain deal will expire on November 19.", "2022-11-09"),
    ("2022-03-30", "Russia set a March 31 deadline for payments in rubles.", "2022-03-30"),
    ("2024-06-11", "Ministers are expected to meet in Brussels on Thursday.", "2024-06-11"),
    ("2022-03-02", "A second round of talks is scheduled for Thursday.", "2022-03-02"),
    ("2023-10-05", "Leaders will gather in Granada on October 6.", "2023-10-05"),
    ("2022-08-01", "The ship is due to arrive in Lebanon tomorrow.", "2022-08-01"),
    ("2022-05-18", "Finland's parliament votes next Monday.", "2022-05-18"),
    ("2024-06-11", "The talks could resume by June 20, officials said.", "2024-06-11"),
    ("2023-05-01", "Sanctions remain in place until December 31.", "2023-05-01"),
    # never after publication
    ("2022-05-18", "The corridor opens on May 25, officials said.", "2022-05-18"),
    ("2022-05-18", "The order takes effect on 2022-06-01.", "2022-05-18"),
    ("2022-05-18", "Kyiv awaits the ruling on June 30, 2022.", "2022-05-18"),
    # numbers that are not dates
    ("2022-03-02", "About 82% of Russian forces are now inside Ukraine.", "2022-03-02"),
    ("2022-03-02", "Russia sells $70 million a day to the United States.", "2022-03-02"),
    ("2023-05-01", "It detonated 136 kilometers (84.5 miles) along the line.", "2023-05-01"),
    ("2022-03-02", "498 Russian troops were killed and 1,597 wounded.", "2022-03-02"),
    ("2022-12-31", "The brigade lost 2020 vehicles in 24 hours.", "2022-12-31"),
    ("2022-11-09", "About 6.9m people are displaced, a No. 3 ranking.", "2022-11-09"),
    ("2022-11-09", "Kyiv may ask for more air defence, the minister said.", "2022-11-09"),
    ("2022-11-09", "May God protect Ukraine, Zelensky said.", "2022-11-09"),
    ("2022-11-30", "Black Friday sales fell, the ministry said.", "2022-11-30"),
    ("2022-11-09", "Officials met over the past week, Kirby said.", "2022-11-09"),
    # month precision
    ("2022-11-09", "In early September, Ukraine swept through Kharkiv.", "2022-09-01 month"),
    ("2023-01-14", "Russia's forces withdrew from Kherson in November.", "2022-11-01 month"),
    ("2023-02-10", "In late January, Germany agreed to send tanks.", "2023-01-01 month"),
    ("2022-05-18", "Last month, the Moskva sank in the Black Sea.", "2022-04-01 month"),
    ("2024-03-15", "In February 2022, Russia launched its invasion.", "2022-02-01 month"),
    ("2023-01-10", "In mid-December, drones hit Kyiv's power grid.", "2022-12-01 month"),
    ("2022-04-05", "In March, troops withdrew from Bucha on March 30.", "2022-03-30"),
    # last week: any day of the previous calendar week
    ("2022-11-09", "Russia rejoined the grain deal last week.", "2022-10-31..2022-11-06"),
    ("2023-01-02", "Last week, Russia fired 120 missiles.", "2022-12-26..2023-01-01"),
    ("2024-06-16", "Last week the G7 agreed to use frozen assets.", "2024-06-03..2024-06-09"),
    # background does not date the event
    ("2022-03-30", "Moscow refuses to discuss Crimea, which it annexed in 2014.", "2022-03-30"),
    ("2022-03-10", "It was the first meeting since the war began on February 24.", "2022-03-10"),
    ("2022-03-02", "It was a first since the invasion began last Thursday.", "2022-03-02"),
    ("2023-05-01", "Russia lost 100,000 troops since December, Kirby said.", "2023-05-01"),
    ("2024-06-11", "The brigade, formed in 2014, lost 47 vehicles.", "2024-06-11"),
    ("2022-11-09", "Troops lost 80,000 men since Feb. 24, Kyiv said on Tuesday.", "2022-11-08"),
    ("2022-11-09", "The deal, signed in July, was extended on Thursday.", "2022-11-03"),
    ("2022-11-09", "The talks, which began on Sunday, ended on Monday.", "2022-11-07"),
    ("2023-05-01", "A March 2022 report found 40 cases of torture.", "2023-05-01"),
    # plans are verbs and modals, not nouns: these happened
    ("2022-11-09", "The EU unveiled plans on Monday to cap gas prices.", "2022-11-07"),
    ("2022-11-09", "Russia won’t attend the talks on Friday, Peskov said.", "2022-11-09"),
    ("2022-11-09", "On the night of November 5, drones hit the port.", "2022-11-05"),
    ("2023-02-24", "Russia invaded Ukraine a year ago.", "2022-02-24 year"),
    ("2023-02-24", "Russia has fired 500 missiles so far this year.", "2023-02-24"),
    # year precision
    ("2024-06-11", "In 2014, Russia annexed Crimea.", "2014-01-01 year"),
    ("2023-06-01", "Last year, Russia annexed four regions.", "2022-01-01 year"),
    # quotes: the reported saying outranks a date inside the quote
    ("2022-03-02", "“We expect them tomorrow,” Medinsky said Wednesday.", "2022-03-02"),
    ("2022-03-30", "“We met on Monday,” Peskov said on Wednesday.", "2022-03-30"),
    # over the weekend: the Saturday just past
    ("2022-10-10", "A blast damaged the rail bridge over the weekend.", "2022-10-08..2022-10-09"),
    ("2024-03-06", "At the weekend, drones struck two refineries.", "2024-03-02..2024-03-03"),
    ("2023-07-16", "The port was shelled over the weekend.", "2023-07-15..2023-07-16"),
    # fixed-date feast days, nearest on or before publication
    ("2023-01-02", "Drones hit a barracks in a New Year's Eve attack.", "2022-12-31"),
    ("2024-12-27", "Russia fired 70 missiles on Christmas Day.", "2024-12-25"),
    ("2023-05-10", "Putin spoke at the Victory Day parade in Moscow.", "2023-05-09"),
    ("2023-12-20", "Kyiv braces for strikes on New Year's Eve, officials say.", "2023-12-20"),
    # a month just ahead is a plan: "in March" of a February report
    ("2022-02-27", "Poland refused to play Russia in the playoffs in March.", "2022-02-27"),
    ("2023-04-28", "A request to visit the jailed reporter in May was denied.", "2023-04-28"),
    ("2023-01-14", "In December, drones hit the grid.", "2022-12-01 month"),
    # reported future and starting points are plans
    ("2023-05-23", "The group said it would leave the city on Thursday.", "2023-05-23"),
    ("2023-05-23", "The curfew is lifted starting on Saturday.", "2023-05-23"),
    # an aside in parentheses does not cut the clause that makes a plan
    ("2022-10-10", "Talks will start at 2pm (1200 GMT) on Tuesday, he said.", "2022-10-10"),
    # a year outside the leading clause is background
    ("2023-02-09", "Kyiv got more rockets, the kind it was sent last year.", "2023-02-09"),
    # no date expression at all
    ("2022-03-30", "Russian forces shelled Chernihiv, the governor said.", "2022-03-30"),
]


def _check(published: str, sentences: list[str], date: str, precision: str, accept) -> None:
    got = event_date(sentences, dt.date.fromisoformat(published))
    lo, hi = accept or (date, date)
    assert dt.date.fromisoformat(lo) <= got.date <= dt.date.fromisoformat(hi), got
    assert got.precision == precision, got


@pytest.mark.parametrize("case", DEV_CASES, ids=lambda c: c["text"][:50])
def test_dev_cases(case: dict) -> None:
    _check(case["published"], [case["text"]], case["date"], case["precision"],
           case.get("date_accept"))  # fmt: skip


@pytest.mark.parametrize(("published", "text", "expected"), OWN_CASES)
def test_own_cases(published: str, text: str, expected: str) -> None:
    if ".." in expected:
        lo, hi = expected.split("..")
        _check(published, [text], lo, D, (lo, hi))
    else:
        date, _, precision = expected.partition(" ")
        _check(published, [text], date, precision or D, None)


@pytest.mark.parametrize(
    ("published", "sentences", "date"),
    [
        # later sentences are context: their dates do not drag the event
        ("2022-11-09", ["Moscow denies reports on arms from North Korea.",
                        "Kirby stated last week that shells were shipped."], "2022-11-09"),
        ("2022-03-30", ["Russia shelled Chernihiv overnight.",
                        "On Monday, the city lost power."], "2022-03-29"),
        ("2022-03-02", ["Konashenkov on Wednesday rejected the reports.",
                        "It was a first since the invasion last Thursday."], "2022-03-02"),
        ("2022-03-02", [], "2022-03-02"),
        # a short dateless headline: the story under it dates the event
        ("2024-01-02", ["Drones strike a depot in Crimea.",
                        "A fuel depot near Sevastopol burned after a drone attack on Dec. 30."],
         "2023-12-30"),
        ("2024-01-02", ["Governor: Shelling cuts power in Kherson.",
                        "Power was cut in Kherson on Sunday, the governor said."], "2023-12-31"),
        # a long first sentence is the story itself: a later date is context
        ("2024-01-02", ["The ministry says the grid is stable again after a week of repairs "
                        "across the southern regions.",
                        "The plant was hit on Sunday."], "2024-01-02"),
    ],
)  # fmt: skip
def test_multi_sentence_events(published: str, sentences: list[str], date: str) -> None:
    got = event_date(sentences, dt.date.fromisoformat(published))
    assert (got.date, got.precision) == (dt.date.fromisoformat(date), D)


def test_find_dates_flags_plans_and_background() -> None:
    pub = dt.date(2022, 11, 9)
    text = "On Tuesday, Russia said it may not extend the deal that will expire on November 19."
    tuesday, expiry = find_dates(text, pub)
    assert tuesday.text == "Tuesday" and tuesday.dates_event
    assert tuesday.date == dt.date(2022, 11, 8)
    assert (expiry.text, expiry.date, expiry.future) == ("November 19", dt.date(2022, 11, 19), True)
    (since,) = find_dates("Losses mounted since the war began in February.", pub)
    assert since.background and since.precision == M and since.date == dt.date(2022, 2, 1)
    (quoted,) = find_dates("“We will win today,” he said.", pub)
    assert quoted.quoted and quoted.start == 13 and quoted.end == 18


@pytest.mark.parametrize(
    "text",
    ["82% of the troops", "$70 million a day", "84.5 miles", "in 24 hours", "498 troops",
     "1,597 wounded", "6.9m people", "No. 3", "136 kilometers", "3 of 4 drones", "2020 vehicles"],
)  # fmt: skip
def test_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text, dt.date(2022, 3, 2)) == []


def test_accepts_a_datetime_and_never_reads_the_clock() -> None:
    moment = dt.datetime(2022, 5, 18, 23, 59, tzinfo=dt.UTC)
    assert event_date(["Yesterday the vote passed."], moment).date == dt.date(2022, 5, 17)
