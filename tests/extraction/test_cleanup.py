"""Body repair: mojibake, hard wraps, page furniture and bullets."""

import pytest

from timeline.extraction.cleanup import fix_text, is_furniture, repair
from timeline.extraction.types import Block


def texts(body: str) -> list[str]:
    return [block.text for block in repair(body)]


# ------------------------------------------------------------------ mojibake


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("Russiaâ€™s war", "Russia’s war"),
        ("He said â€œwe will winâ€\x9d and left.", "He said “we will win” and left."),
        ("en route â€¦ Weâ€™re waiting", "en route … We’re waiting"),
        ("a â€˜dirty bombâ€™ claim", "a ‘dirty bomb’ claim"),
        ("the front â€” and beyond", "the front — and beyond"),
        ("cafÃ© owners in Odesa", "café owners in Odesa"),
        # a closing quote whose last byte was lost, with the no-break space after it
        ("were â€œpositiveâ€\xa0signals", "were “positive” signals"),
        ("“Surely not,†he said.", "“Surely not,” he said."),
        ("“We fight.†Kyiv said.", "“We fight.” Kyiv said."),
        ("was “positive.â€", "was “positive.”"),
        ("his cityâ€\ufffd he said", "his city” he said"),
        ("no\u00a0break\u200bspace", "no breakspace"),
        ("tabs\tand   runs", "tabs and runs"),
    ],
)
def test_fix_text_repairs_mojibake_and_spaces(raw: str, fixed: str) -> None:
    assert fix_text(raw) == fixed


def test_clean_text_is_left_alone() -> None:
    text = "Kyiv’s mayor said “all is calm” — for now."
    assert fix_text(text) == text


def test_windows_line_endings_become_newlines() -> None:
    assert texts("First line ends here.\r\nSecond line ends here.") == [
        "First line ends here.",
        "Second line ends here.",
    ]


# ------------------------------------------------------------------ hard wraps


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Peskov said much work remains to\nbe done before a deal.",
            ["Peskov said much work remains to be done before a deal."],
        ),
        (
            "“This process\nis more drawn out in time\ntechnologically,” he said.",
            ["“This process is more drawn out in time technologically,” he said."],
        ),
        (
            "Across the country, repair work continued,\n“Four million are cut off,” he said.",
            ["Across the country, repair work continued, “Four million are cut off,” he said."],
        ),
        (
            "Shelling hit the city of\nKharkiv overnight.",
            ["Shelling hit the city of Kharkiv overnight."],
        ),
        (
            "Zelensky said:\n“We will not give up our land.”",
            ["Zelensky said: “We will not give up our land.”"],
        ),
    ],
)
def test_lines_that_do_not_end_a_sentence_are_joined(body: str, expected: list[str]) -> None:
    assert texts(body) == expected


def test_each_finished_line_is_a_paragraph() -> None:
    body = "Russia shelled Kharkiv.\nUkraine shot down ten drones.\n\nThe talks resumed."
    assert texts(body) == [
        "Russia shelled Kharkiv.",
        "Ukraine shot down ten drones.",
        "The talks resumed.",
    ]


def test_wrapped_prose_with_blank_lines_between_paragraphs() -> None:
    body = (
        "KYIV, Ukraine (AP) — Russian missiles slammed into the energy grid on Tuesday,\n"
        "knocking out power to millions of people in the capital and in other cities,\n"
        "officials said.\n"
        "\n"
        "The strikes came a day after Ukraine said it had retaken a village in the south\n"
        "of the country, the latest gain in its counteroffensive against Russian troops.\n"
    )
    assert texts(body) == [
        "Russian missiles slammed into the energy grid on Tuesday, knocking out power to "
        "millions of people in the capital and in other cities, officials said.",
        "The strikes came a day after Ukraine said it had retaken a village in the south of "
        "the country, the latest gain in its counteroffensive against Russian troops.",
    ]


def test_wrapped_prose_without_blank_lines_splits_at_short_final_lines() -> None:
    body = (
        "Russian missiles slammed into the energy grid of Ukraine early on Tuesday,\n"
        "knocking out power to millions of people in the capital and other cities,\n"
        "officials said.\n"
        "Separately, the International Atomic Energy Agency said its inspectors would\n"
        "visit the Zaporizhzhia nuclear plant next week to check on the reactors.\n"
    )
    assert texts(body) == [
        "Russian missiles slammed into the energy grid of Ukraine early on Tuesday, knocking "
        "out power to millions of people in the capital and other cities, officials said.",
        "Separately, the International Atomic Energy Agency said its inspectors would visit "
        "the Zaporizhzhia nuclear plant next week to check on the reactors.",
    ]


def test_heading_is_not_joined_to_the_next_paragraph() -> None:
    body = "Key events in Kherson\nRussia ordered its troops to leave the city on Wednesday."
    assert texts(body) == ["Russia ordered its troops to leave the city on Wednesday."]


# ------------------------------------------------------------------ furniture

FIRST = "Russia shelled Kharkiv on Monday."
LAST = "Ukraine said it repelled the attack."


@pytest.mark.parametrize(
    "line",
    [
        "Bloomberg",
        "Reuters",
        "The Latest",
        "Live updates",
        "Here are the latest developments:",
        "Here is a summary of the day’s events so far:",
        "POSTED: 12:20 PM EST—",
        "11:20 a.m. GMT",
        "Updated 3:45 p.m. ET",
        "Wed 9 Nov 2022 12.05 GMT",
        "Posted at 10:32",
        "2h ago",
        "Advertisement",
        "ADVERTISEMENT",
        "Read more: Russia’s retreat from Kherson explained",
        "Follow the latest on the war in Ukraine here.",
        "Follow AP’s coverage of the war at https://apnews.com/hub/russia-ukraine",
        "Readers can catch up on our previous rolling coverage here.",
        "Now let’s move on to the latest news.",
        "We will continue to update this post with new information.",
        "This is a developing story.",
        "Contact the author: jane@example.com",
        "Email the reporter at desk@example.org.",
        "The Associated Press contributed to this article",
        "Associated Press writer John Leicester in Paris contributed.",
        "CNN’s Anna Chernova contributed reporting.",
        "Reporting by Pavel Polityuk; Editing by Mark Heinrich",
        "Additional reporting by Olena Harmash in Kyiv.",
        "Copyright 2022 The Outlet. All rights reserved.",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Doha will stop gas shipments to the EU if member states enforce new legislation on…",
        "The US Navy has inadvertently shot down its own fighter jet in a...",
        "Editor’s note: This post has been updated.",
        "Thank you for reading our daily updates.",
    ],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    assert texts(f"{FIRST}\n{line}\n{LAST}") == [FIRST, LAST]


@pytest.mark.parametrize(
    "sentence",
    [
        "Poor logistics contributed to the failure of the assault.",
        "Ukraine wants to become a member of NATO.",
        "Follow-up talks are planned here in Istanbul next week.",
        "“Let’s get to the negotiating table,” Erdogan said.",
        "March 10 — Russia said it would keep talking.",
        "Readiness for talks was stressed by both sides.",
        "Russian forces advanced 7km near Bakhmut.",
    ],
)
def test_reporting_is_not_furniture(sentence: str) -> None:
    assert not is_furniture(sentence)
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Russia began its invasion on February 24. "
            "Follow the latest about the Russia-Ukraine conflict here:",
            "Russia began its invasion on February 24.",
        ),
        (
            "Readers can first catch up with our previous coverage here. "
            "Now let’s move on to the latest news. Russia fired missiles at Kyiv.",
            "Russia fired missiles at Kyiv.",
        ),
        (
            "11:20 a.m. GMT: Russia fired 40 missiles overnight.",
            "Russia fired 40 missiles overnight.",
        ),
        ("POSTED: 12:20 PM EST— Kuleba met Lavrov in Antalya.", "Kuleba met Lavrov in Antalya."),
        ("KYIV, Nov 9 (Reuters) - Russia ordered a withdrawal.", "Russia ordered a withdrawal."),
        ("Homes were destroyed (AP Photo/Efrem Lukatsky).", "Homes were destroyed."),
    ],
)
def test_furniture_inside_a_paragraph_is_stripped(body: str, expected: str) -> None:
    assert texts(body) == [expected]


def test_teaser_block_at_the_end_is_dropped() -> None:
    body = (
        f"{FIRST}\n"
        "For the first time in Iran's aviation history, a flight carrying an all-female crew and…\n"
        "Journalists have identified the names of 84,761 Russian "
        "soldiers who died during the war in…"
    )
    assert texts(body) == [FIRST]


def test_ellipsis_inside_a_quote_is_not_a_teaser() -> None:
    body = "“We’ve had… certain voices offering other views,” she said."
    assert texts(body) == [body]


# ------------------------------------------------------------------ bullets


@pytest.mark.parametrize("marker", ["- ", "• ", "* ", "1. "])
def test_bullet_items_become_bullet_blocks(marker: str) -> None:
    body = f"Intro line about the day.\n{marker}Vatican peace mission: Ukraine denied any talks."
    assert repair(body) == [
        Block("Intro line about the day."),
        Block("Vatican peace mission: Ukraine denied any talks.", bullet=True),
    ]


def test_list_intro_is_dropped_and_bullets_stay_apart() -> None:
    body = (
        "Key developments on Nov. 9:\n"
        "- Russia orders withdrawal from west bank of Dnipro\n"
        "- Zelensky: Ukraine “moving very carefully”\n"
    )
    assert repair(body) == [
        Block("Russia orders withdrawal from west bank of Dnipro", bullet=True),
        Block("Zelensky: Ukraine “moving very carefully”", bullet=True),
    ]


def test_empty_body_gives_no_blocks() -> None:
    assert repair("") == []
    assert repair("\n\n  \n") == []
