"""The segmenter's confidence: sure for bullets and clear cues, less sure for weak calls."""

from timeline.extraction.segment import segment, segment_events
from timeline.extraction.types import Block, Segment

LEAD = "Finnish Defence Minister Antti Kaikkonen ordered the Vaalimaa crossing closed on Monday."


def confidence_of(*blocks: Block) -> list[float]:
    return [event.confidence for event in segment_events(list(blocks))]


def test_segments_are_the_events_of_segment() -> None:
    blocks = [Block(LEAD), Block("He said the border guards would be reinforced.")]
    events = segment_events(blocks)
    assert all(isinstance(event, Segment) for event in events)
    assert [event.sentences for event in events] == segment(blocks)
    assert all(0.0 <= event.confidence <= 1.0 for event in events)


def test_a_bullet_is_surer_than_a_weakly_joined_paragraph() -> None:
    (bullet,) = confidence_of(Block(LEAD, bullet=True))
    # nothing new is named, so the paragraph joins, but only on that weak cue
    weak = confidence_of(
        Block(LEAD), Block("Some lorries were diverted to the north for the week.")
    )
    assert len(weak) == 1
    assert bullet > weak[0]


def test_a_pronoun_join_is_surer_than_a_join_on_nothing_new() -> None:
    (pronoun,) = confidence_of(Block(LEAD), Block("He said the border guards would stay."))
    (nothing_new,) = confidence_of(Block(LEAD), Block("Some lorries were diverted for the week."))
    assert pronoun > nothing_new


def test_a_quote_continuing_the_event_is_surer_than_a_split_on_no_cue() -> None:
    quoted = confidence_of(Block(LEAD), Block("“We will not wait,” Kaikkonen told reporters."))
    split = confidence_of(
        Block(LEAD), Block("Estonian Prime Minister Kaja Kallas will visit Tallinn port today.")
    )
    assert len(quoted) == 1 and len(split) == 2
    assert quoted[0] > split[1]


def test_a_long_paragraph_kept_together_without_cues_is_less_sure() -> None:
    short = confidence_of(Block(LEAD + " The crossing handles a third of the traffic east."))
    crowded = confidence_of(
        Block(
            " ".join(
                [
                    LEAD,
                    "The crossing handles a third of all freight traffic heading east by road.",
                    "Queues of lorries stretched for eleven kilometres by the evening rush.",
                    "Border guards in hi-vis vests directed drivers towards the northern lanes.",
                    "Several hauliers complained of losing a whole day on a single delivery.",
                ]
            )
        )
    )
    assert len(short) == len(crowded) == 1
    assert short[0] > crowded[0]
