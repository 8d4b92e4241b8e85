"""Sentence splitting: abbreviations, initials, numbers and quotes stay inside sentences."""

import pytest

from timeline.extraction.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. sent aid. Kyiv thanked it.", ["The U.S. sent aid.", "Kyiv thanked it."]),
        ("The U.K. agreed. Paris did not.", ["The U.K. agreed.", "Paris did not."]),
        (
            "The U.N. Security Council met. It voted.",
            ["The U.N. Security Council met.", "It voted."],
        ),
        ("Troops left the U.S. The talks went on.", ["Troops left the U.S.", "The talks went on."]),
        ("Maj. Gen. Igor Konashenkov spoke. He denied it.", None),
        ("Lt. Col. Anna Ivanova led the unit. It held.", None),
        ("Gen. Valery Gerasimov was named. Kyiv mocked it.", None),
        ("Sgt. Petro Kovalenko was hurt. He survived.", None),
        ("Dr. Hans Kluge of the WHO warned of shortages. Hospitals agreed.", None),
        ("Mr. Peskov declined to comment. The Kremlin stayed silent.", None),
        ("Brig. Gen. Pat Ryder briefed reporters. He took questions.", None),
        ("Sen. Lindsey Graham visited Kyiv. He met officials.", None),
        ("Sirens sounded at 11:20 a.m. GMT in Kyiv. Nobody was hurt.", None),
        ("The strike came at 3 p.m. on Monday. Two died.", None),
        ("Sirens sounded at 9 a.m. Kyiv time. They stopped later.", None),
        ("Talks began on Jan. 5 in Geneva. They failed.", None),
        ("The deadline was Feb. 24 last year. It passed.", None),
        ("He spoke on Sept. 11 in New York. Leaders listened.", None),
        ("The plant's reactor No. 3 was shut down. Engineers left.", None),
        ("John F. Kennedy was quoted. The crowd cheered.", None),
        ("Inflation hit 3.5 percent in May. Prices rose.", None),
        ("The team won 2.5 million votes. It celebrated.", None),
        ("He said it was a “provocation.” Kyiv denied it.", None),
        ("“We will not surrender,” he said. The crowd cheered.", None),
        ("Is the war over? Not yet.", ["Is the war over?", "Not yet."]),
        ("Kyiv held! Moscow was stunned.", ["Kyiv held!", "Moscow was stunned."]),
        ("Kyiv said no. Russia attacked.", ["Kyiv said no.", "Russia attacked."]),
    ],
)
def test_splits_into_two_sentences(text: str, expected: list[str] | None) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == 2, sentences
    if expected is not None:
        assert sentences == expected
    assert " ".join(sentences) == text


@pytest.mark.parametrize(
    "text",
    [
        "“As far as I know, the delegation is en route … We expect them tomorrow,” he said.",
        "“Russia is not ready. They seek a surrender,” Kuleba said after the talks.",
        "Zelensky said “fierce battles continue. The situation is difficult.”",
        "U.S. President Joe Biden spoke with Lt. Gen. Ben Hodges on Wednesday.",
        "He wrote to Dr. A. B. Smith of the U.N. agency in Geneva.",
        "The official said the U.S. Army had no plans.",
    ],
)
def test_keeps_one_sentence(text: str) -> None:
    assert split_sentences(text) == [text]


def test_closing_quote_stays_with_its_sentence() -> None:
    text = "Peskov called the reports “disinformation.” It was the first such claim."
    assert split_sentences(text) == [
        "Peskov called the reports “disinformation.”",
        "It was the first such claim.",
    ]


def test_unclosed_quote_does_not_swallow_the_paragraph() -> None:
    text = "Thomas-Greenfield tweeted, “In Kyiv, I met victims. They told me everything."
    assert len(split_sentences(text)) == 2


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_empty_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_text_without_final_stop_is_one_sentence() -> None:
    assert split_sentences("Medinsky told reporters Wednesday evening") == [
        "Medinsky told reporters Wednesday evening"
    ]
