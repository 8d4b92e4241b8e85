"""Spelling variants of gazetteer names, and the evidence behind every tag."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extraction.gazetteer import gazetteer_from_dict
from timeline.extraction.tagging import EntityTagger
from timeline.extraction.tagging.spelling import Spellings, translit_key
from timeline.extraction.types import EntityTags

GAZETTEER_JSON = Path(__file__).resolve().parents[2] / "timeline/data/gazetteer.json"


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    data = json.loads(GAZETTEER_JSON.read_text(encoding="utf-8"))
    return EntityTagger(gazetteer_from_dict(data))


def tag(tagger: EntityTagger, *sentences: str) -> EntityTags:
    return tagger.tag_report([list(sentences)])[0]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Prighozin", "Prigozhin"),
        ("Klitshko", "Klitschko"),
        ("Malyar", "Maliar"),
        ("Zelenskiy", "Zelenskyy"),
        ("Syniehubov", "Synehubov"),
        ("Kirilenko", "Kyrylenko"),
        ("Yevgeny", "Evgeny"),
        ("Shoygu", "Shoigu"),
    ],
)
def test_romanisations_of_one_name_share_a_key(one, other):
    assert translit_key(one) == translit_key(other)


@pytest.mark.parametrize(("one", "other"), [("Pokrovsk", "Pokrovske"), ("Kharkiv", "Kherson")])
def test_different_places_keep_different_keys(one, other):
    assert translit_key(one) != translit_key(other)


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Mercenary chief Yevgeny Prighozin told his men to turn back.", "yevgeny-prigozhin"),
        ("Mayor Vitaliy Klitshko said two districts lost power.", "vitali-klitschko"),
        ("The shelling was condemned by Zelenskiy on Sunday.", "volodymyr-zelensky"),
    ],
)
def test_a_person_written_another_way_is_the_gazetteer_person(tagger, sentence, person):
    tags = tag(tagger, sentence)
    assert person in tags.actors
    assert not tags.new_agents  # not a second, unknown person


def test_a_misspelt_state_is_found_fuzzily_but_with_less_confidence(tagger):
    tags = tag(tagger, "Moldovia's government said a missile crossed its airspace.")
    assert "moldova" in tags.actors
    evidence = next(e for e in tags.evidence if e.slug == "moldova")
    assert evidence.text == "Moldovia"
    assert evidence.confidence < 0.8


def test_place_spellings_need_the_same_key_not_just_a_close_one():
    spellings = Spellings(["Pokrovsk", "Zelensky"], ["Zelensky"])
    assert spellings.resolve("Pokrovske") is None
    assert spellings.resolve("Zelenskiy").alias == "Zelensky"
    assert spellings.resolve("Pokrovsk") is None  # the alias itself is matched exactly elsewhere


@pytest.mark.parametrize(
    "sentence",
    [
        "Several rescuers worked through the night.",
        "Officials said Tuesday that Western partners would help.",
        "The Kyiv Independent reported the strike.",
    ],
)
def test_ordinary_capitalised_words_are_not_guessed_to_be_names(tagger, sentence):
    tags = tag(tagger, sentence)
    assert all(e.confidence >= 0.9 for e in tags.evidence)


def test_every_tag_has_one_evidence_in_tag_order(tagger):
    tags = tag(
        tagger,
        "Shelling hit Kharkov overnight, Ukrainian President Volodymyr Zelensky said.",
        "A Kremlin spokesman denied it.",
    )
    kinds = [(e.kind, e.slug) for e in tags.evidence]
    expected = [("region", s) for s in tags.regions] + [
        ("person" if s == "volodymyr-zelensky" else "actor", s) for s in tags.actors
    ]
    assert kinds == expected
    by_slug = {e.slug: e for e in tags.evidence}
    assert by_slug["kharkiv"].text == "Kharkov"
    assert by_slug["volodymyr-zelensky"].text == "Volodymyr Zelensky"
    assert by_slug["russia"].text == "Kremlin spokesman"
    assert all(0 < e.confidence <= 1 for e in tags.evidence)


def test_evidence_of_a_region_reads_on_over_the_word_region(tagger):
    tags = tag(tagger, "Drones were shot down over the Belgorod region.")
    assert [(e.slug, e.text) for e in tags.evidence if e.kind == "region"] == [
        ("belgorod-oblast", "Belgorod region")
    ]


def test_a_state_implied_by_a_person_is_less_sure_than_one_named(tagger):
    tags = tag(tagger, "Zelensky thanked the soldiers.")
    state = next(e for e in tags.evidence if e.slug == "ukraine")
    person = next(e for e in tags.evidence if e.slug == "volodymyr-zelensky")
    assert state.text == "Zelensky"
    assert state.confidence < person.confidence


def test_a_name_the_report_taught_is_less_sure_than_a_gazetteer_name(tagger):
    _, second = tagger.tag_report(
        [
            ["Deputy Mayor Oksana Hrytsenko said the water was back."],
            ["Hrytsenko later added more."],
        ]
    )
    taught = next(e for e in second.evidence if e.kind == "person")
    assert taught.text == "Hrytsenko"
    assert taught.confidence < 0.9
