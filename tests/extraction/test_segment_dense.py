"""Dense prose: several happenings in one paragraph, and the elaborations that stay put."""

import pytest

from timeline.extraction.segment import segment
from timeline.extraction.segment_cues import headed_item
from timeline.extraction.types import Block


def one_paragraph(*sentences: str) -> list[list[str]]:
    return segment([Block(" ".join(sentences))])


def test_statements_by_different_parties_split_inside_a_paragraph() -> None:
    events = one_paragraph(
        "Finnish Defence Minister Antti Kaikkonen said the border fence would be finished by May.",
        "Estonian prosecutor Andres Parmas has charged two railway workers with spying.",
        "Moldovan President Maia Sandu has rejected a proposal by Viktor Orban on gas transit.",
    )
    assert len(events) == 3


def test_another_party_after_a_happening_starts_an_event() -> None:
    lead = "Russia has captured the southern bank of the Vovcha river, the Polish ministry said."
    other = "Ukraine called the situation near Kurakhove tense but said its lines were holding."
    assert one_paragraph(lead, other) == [[lead], [other]]


@pytest.mark.parametrize(
    "elaboration",
    [
        "Polish officials said the seized files contained nothing of military value.",
        "Dozens of parked cars were also damaged by the blast, police in Lublin said.",
        "The Estonian Defence Minister said he expected the first deliveries within weeks.",
        "Moscow annexed the peninsula in 2014 after a referendum held at gunpoint.",
        "Belarusian soldiers have used the plant as a depot for armoured vehicles since then.",
        "Lithuanian investigators described the incident as an act of sabotage by Moscow.",
    ],
)
def test_elaborations_stay_with_their_lead(elaboration: str) -> None:
    lead = (
        "The Estonian defence minister Hanno Pevkur said a depot of seized files near the "
        "Narva plant had been hit by a blast on Tuesday."
    )
    assert one_paragraph(lead, elaboration) == [[lead, elaboration]]


def test_commentary_before_the_first_actor_stays_together() -> None:
    events = one_paragraph(
        "There is no sign that the offensive in the east will slow despite its heavy losses.",
        "Just today, Finnish President Alexander Stubb said the front would not hold for long.",
    )
    assert len(events) == 1


def test_an_unnamed_speaker_is_no_new_party() -> None:
    events = one_paragraph(
        "President Emmanuel Macron said France would train two more brigades this winter.",
        "Training will begin in Normandy in January, said a person familiar with the plans.",
    )
    assert len(events) == 1


def test_a_headline_sentence_keeps_its_story() -> None:
    headline = "Drone strike hits Sumy depot."
    story = "A Russian drone hit a fuel depot in Sumy on Friday, Governor Volodymyr Artiukh said."
    assert one_paragraph(headline, story) == [[headline, story]]


def test_a_headed_item_starts_an_event() -> None:
    lead = Block("Poland reopened the Dorohusk crossing after a three-day blockade by farmers.")
    item = Block("Grain exports: The Ukrainian government said shipments through the Danube rose.")
    assert segment([lead, item]) == [[lead.text], [item.text]]


@pytest.mark.parametrize(
    ("sentence", "headed"),
    [
        ("Grain exports: The Ukrainian government said shipments through the Danube rose.", True),
        ("Kremlin: Talks with the delegation from Ankara will resume next week.", True),
        ("Photograph: Ann Example/Agency Pictures", False),  # a credit
        ("The spokeswoman said: We will answer in kind and without delay.", False),
    ],
)
def test_headed_items_are_told_from_credits_and_introductions(sentence: str, headed: bool) -> None:
    assert headed_item(sentence) is headed


def test_bullets_in_one_paragraph_are_split_at_their_markers() -> None:
    text = (
        "- Several drones struck a power station near Lviv overnight - The Polish government "
        "called an emergency meeting - Air raid sirens sounded across the west – and again at dawn"
    )
    events = segment([Block(text)])
    assert [event[0].split()[0] for event in events] == ["Several", "The", "Air"]
    assert events[2] == ["Air raid sirens sounded across the west – and again at dawn"]
