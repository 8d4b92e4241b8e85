"""Grouping paragraphs into events: continuations join, new happenings and bullets split."""

import pytest

from timeline.extraction.segment import segment
from timeline.extraction.types import Block

LEAD = "Russian Defence Minister Sergei Shoigu ordered a withdrawal from the city of Kherson."


def paragraphs(*texts: str) -> list[Block]:
    return [Block(text) for text in texts]


@pytest.mark.parametrize(
    "follow_up",
    [
        "He said the decision had not been easy.",
        "His order came as Ukrainian troops advanced from two directions.",
        "It was the biggest retreat since September.",
        "This is a major blow to Moscow.",
        "They will cross the Dnipro within days.",
        "“It is a difficult decision,” he told state television.",
        "“We will save the lives of our soldiers.”",
        "Shoigu added that the troops would take up defensive positions.",
        "In a televised meeting, Shoigu said the troops would regroup.",
        "The withdrawal would be the most significant since the invasion began.",
        "The minister said the order would be carried out at once.",
        "According to Shoigu, supplying the city had become impossible.",
        "However, Ukrainian officials were sceptical.",
        "But Ukrainian officials were sceptical.",
        "Also, the bridges over the river were destroyed.",
        "Such retreats had been predicted by Western analysts.",
        "Ukraine, he stated, would face a fortified line.",
        "Moscow had annexed the region in September.",
        "Kremlin officials had repeatedly denied any plans to leave.",
        "The exact circumstances are unclear.",
    ],
)
def test_continuations_join_the_event(follow_up: str) -> None:
    assert segment(paragraphs(LEAD, follow_up)) == [[LEAD, follow_up]]


@pytest.mark.parametrize(
    "next_story",
    [
        "Meanwhile, the IAEA said its inspectors would visit the Zaporizhzhia plant.",
        "Separately, Turkey’s President Recep Tayyip Erdogan called Vladimir Putin.",
        "The Japanese government is sending helmets and vests to Ukraine.",
        "Ukrainian President Volodymyr Zelensky told the G20 that the grain deal must go on.",
        "A video has emerged showing a strike on a Russian air-defence system near Odesa.",
        "Elsewhere, Poland said it had closed a border crossing with Belarus.",
        "Shoigu and Gerasimov also met separately with Belarusian commanders.",
    ],
)
def test_new_happenings_start_new_events(next_story: str) -> None:
    assert segment(paragraphs(LEAD, next_story)) == [[LEAD], [next_story]]


def test_same_surname_after_and_is_news() -> None:
    lead = "Foreign Minister Dmytro Kuleba said Lavrov lived in his own reality."
    news = "Kuleba and Lavrov met in Antalya, Turkey, on Thursday."
    assert segment(paragraphs(lead, news)) == [[lead], [news]]


def test_unnamed_source_named_in_the_next_paragraph() -> None:
    lead = (
        "Kyiv will not negotiate before Russia withdraws, according to a senior security official."
    )
    named = "Oleksiy Danilov, the secretary of the National Security Council, said Kyiv needs jets."
    assert segment(paragraphs(lead, named)) == [[lead, named]]


def test_shared_figure_joins_a_restatement() -> None:
    lead = "The White House said Russia has suffered more than 100,000 casualties since December."
    again = "Spokesman John Kirby told reporters the figure of 100,000 included 20,000 killed."
    assert segment(paragraphs(lead, again)) == [[lead, again]]


def test_each_bullet_is_its_own_event() -> None:
    blocks = [
        Block("The Biden administration announced new casualty estimates on Monday."),
        Block("Fighting in Bakhmut: The Ukrainian military says it holds the city.", bullet=True),
        Block("He added that reinforcements had arrived.", bullet=True),
        Block("Vatican peace mission: Ukraine said it has no knowledge of talks.", bullet=True),
    ]
    assert len(segment(blocks)) == 4


def test_only_a_quote_continues_a_bullet() -> None:
    bullet = Block("Vatican mission: Ukraine denied any talks with the Vatican.", bullet=True)
    quote = Block("“If talks are happening, they are happening without us,” an official said.")
    plain = Block("It was unclear where the reports came from.")
    assert segment([bullet, quote, plain]) == [
        [bullet.text, quote.text],
        [plain.text],
    ]


def test_explicit_turn_inside_a_paragraph_starts_an_event() -> None:
    text = (
        "Russia shelled Kharkiv overnight, the governor said. "
        "Meanwhile, Finland said it would close its border with Russia."
    )
    assert segment(paragraphs(text)) == [
        ["Russia shelled Kharkiv overnight, the governor said."],
        ["Meanwhile, Finland said it would close its border with Russia."],
    ]


def test_turn_inside_a_quote_does_not_split() -> None:
    text = "“We discussed the front. Separately, we talked about grain,” Zelensky said on Telegram."
    assert len(segment(paragraphs(text))) == 1


def test_introduced_quote_joins_its_introduction() -> None:
    intro = "Zakharova said:"
    quote = "Washington shies away from our warnings."
    assert segment(paragraphs(LEAD, intro, quote)) == [[LEAD], [intro, quote]]


def test_sentences_keep_their_order_and_text() -> None:
    blocks = paragraphs(
        "Kremlin spokesman Dmitry Peskov said the talks yielded "
        "no breakthrough. He spoke on Wednesday.",
        "“Much work remains,” Peskov added.",
        "More than 4 million refugees have fled Ukraine, the UN refugee agency said.",
    )
    events = segment(blocks)
    assert [s for event in events for s in event] == [
        "Kremlin spokesman Dmitry Peskov said the talks yielded no breakthrough.",
        "He spoke on Wednesday.",
        "“Much work remains,” Peskov added.",
        "More than 4 million refugees have fled Ukraine, the UN refugee agency said.",
    ]
    assert len(events) == 2


def test_wall_of_text_is_segmented_sentence_by_sentence() -> None:
    # a report whose paragraph breaks were lost: many sentences in one block
    wall = " ".join(
        [
            "Russia’s Defence Minister Sergei Shoigu ordered a withdrawal from Kherson.",
            "He said supplying the city had become impossible.",
            "“It is a difficult decision,” Shoigu said.",
            "The Japanese government is sending helmets and vests to Ukraine.",
            "It is the first such delivery from Tokyo.",
            "Finland’s President Sauli Niinisto called for more air defence for Kyiv.",
            "He spoke in Helsinki on Wednesday.",
            "Turkey’s President Recep Tayyip Erdogan said the grain deal would be extended.",
            "He gave no details.",
        ]
    )
    events = segment(paragraphs(wall))
    assert [len(event) for event in events] == [3, 2, 2, 2]


def test_no_blocks_no_events() -> None:
    assert segment([]) == []
    assert segment([Block("   ")]) == []
