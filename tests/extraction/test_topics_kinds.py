"""Topic rules by kind of failure, the evidence explain() gives, and the shipped calibration.

Every sentence here is written for the test; none comes from a scored report.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extraction.topics import (
    Confidence,
    TopicClassifier,
    TopicSettings,
    load_topic_rules,
    shipped_settings,
)
from timeline.extraction.topics.settings import CALIBRATION_FILE
from timeline.extraction.types import TopicRule

DATA = Path(__file__).resolve().parents[2] / "timeline" / "data"


@pytest.fixture(scope="module")
def clf() -> TopicClassifier:
    rules = load_topic_rules(json.loads((DATA / "topics.json").read_text(encoding="utf-8")))
    return TopicClassifier(rules)


# ------------------------------------------------------------------ kinds of failure

# Terse front-line bullets: a position, a gain, a loss, a strike written in the passive.
TERSE_BATTLEFIELD = [
    "Ukrainian forces took full control over the village of Novoselivka, the army said.",
    "Russian units made further gains north of Avdiivka over the past day.",
    "The town of Orikhiv has been cut off by Russian forces, a local official said.",
    "Enemy positions near Robotyne came under fire throughout the night.",
    "Heavy clashes continue on the Kupiansk axis.",
    "The enemy lost about 900 personnel in the past 24 hours, the general staff said.",
    "Two missiles were launched at the port overnight.",
    "Our defenders destroyed three tanks and a command post near Marinka.",
    "Moscow said two of its soldiers were killed in the border village.",
    "Kadyrov's fighters staged an armed rebellion against the regional command.",
]


@pytest.mark.parametrize("text", TERSE_BATTLEFIELD)
def test_terse_front_line_bullets_are_battlefield(clf: TopicClassifier, text: str) -> None:
    assert "battlefield" in clf.classify(text)


# Civilian harm beside a strike: both topics, as the guideline's table reads.
STRIKES_ON_CIVILIANS = [
    "At least six people were killed in Russian strikes on Zhytomyr, the mayor said.",
    "Dozens of people may have been killed in the shelling of a shopping street in Kostiantynivka.",
    "The night attack on Odesa knocked out power in two districts.",
    "A drone struck an apartment block in Sumy, causing damage to several buildings.",
]


@pytest.mark.parametrize("text", STRIKES_ON_CIVILIANS)
def test_strikes_on_civilians_are_battlefield_and_humanitarian(
    clf: TopicClassifier, text: str
) -> None:
    assert {"battlefield", "humanitarian"} <= set(clf.classify(text))


# Words of a topic used in another sense.
OTHER_SENSES = [
    ("talks", "The steelmaker paused talks on a joint venture with a Turkish investor."),
    ("talks", "Analysts fear a massive breakthrough attempt by the attacking brigades."),
    ("sanctions", "Romania said a drone briefly violated its airspace near the Danube."),
    ("sanctions", "The parliament urged allies to designate Russia as a terrorist state."),
    ("energy", "Tons of engine oil leaked into the river after the explosion."),
    ("energy", "A strike set fire to a grain-drying facility near Kropyvnytskyi."),
    ("energy", "Rescuers said a gas line was hit and a fire broke out in a courtyard."),
    ("talks", "The minister spoke to reporters after the cabinet session."),
]


@pytest.mark.parametrize(("slug", "text"), OTHER_SENSES)
def test_words_in_another_sense_do_not_tag(clf: TopicClassifier, slug: str, text: str) -> None:
    assert slug not in clf.classify(text)


SENSE_FOUND = [
    ("accountability", "The parliament urged allies to designate Russia as a terrorist state."),
    ("accountability", "Kyiv said Moscow will be held responsible for every missile it fires."),
    ("battlefield", "Romania said a drone briefly violated its airspace near the Danube."),
    ("battlefield", "Analysts fear a massive breakthrough attempt by the attacking brigades."),
    ("sanctions", "The football federation banned Russian clubs from its competitions."),
    ("sanctions", "The video platform blocked RT's channels across Europe."),
    ("talks", "The president spoke to his Finnish counterpart about border security."),
    ("aid", "The premier travelled to Oslo to seek more ammunition and armoured vehicles."),
    ("aid", "The chancellor promised to help strengthen Ukraine's air defences."),
]


@pytest.mark.parametrize(("slug", "text"), SENSE_FOUND)
def test_the_right_sense_is_found(clf: TopicClassifier, slug: str, text: str) -> None:
    assert slug in clf.classify(text)


def test_a_mutiny_punished_is_battlefield_not_accountability(clf: TopicClassifier) -> None:
    text = "The president vowed to punish the leaders of the armed mutiny."
    assert clf.classify(text) == ["battlefield"]


def test_background_weeks_of_fighting_do_not_tag(clf: TopicClassifier) -> None:
    text = "Four million refugees have left the country after six weeks of fighting."
    assert clf.classify(text) == ["humanitarian"]


# ------------------------------------------------------------------ explain()

EXPLAINED = [
    "Russian forces shelled Kharkiv overnight, killing three civilians in a residential area.",
    "Germany will send more Leopard tanks and air defence systems, the chancellor said.",
    "The EU froze the assets of two banks. Talks on a ceasefire stalled.",
    "The weather in Lisbon was sunny.",
    "",
]


@pytest.mark.parametrize("text", EXPLAINED)
def test_classify_is_the_slugs_of_explain(clf: TopicClassifier, text: str) -> None:
    assert clf.classify(text) == [e.slug for e in clf.explain(text)]


def test_explain_names_the_words_behind_each_topic(clf: TopicClassifier) -> None:
    text = "Russian forces shelled Kharkiv overnight, killing three civilians in a housing area."
    evidence = {e.slug: e for e in clf.explain(text)}
    assert set(evidence) == {"battlefield", "humanitarian"}
    assert "shelled" in evidence["battlefield"].signals
    assert any("civilians" in word for word in evidence["humanitarian"].signals)
    for e in evidence.values():
        assert all(word in text for word in e.signals)
        assert len({w.lower() for w in e.signals}) == len(e.signals)  # each word once


def test_confidence_is_a_probability_that_grows_with_the_evidence(clf: TopicClassifier) -> None:
    weak = clf.explain("Russian strikes were reported.")
    strong = clf.explain(
        "Russian forces shelled the front line and repelled an assault, as artillery duels "
        "and drone strikes continued along the front."
    )
    assert [e.slug for e in weak] == ["battlefield"] == [e.slug for e in strong]
    assert 0.0 < weak[0].confidence < strong[0].confidence < 1.0


def test_a_topic_beside_a_much_stronger_one_is_less_sure(clf: TopicClassifier) -> None:
    text = (
        "Russian missiles hit a power plant in Kharkiv, leaving the city without electricity, "
        "as shelling, drone strikes and artillery fire continued on the front line."
    )
    evidence = {e.slug: e.confidence for e in clf.explain(text)}
    assert evidence["battlefield"] > evidence["humanitarian"]


# ------------------------------------------------------------------ settings and calibration


def test_shipped_calibration_is_small_numbers_only() -> None:
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    settings = shipped_settings()
    assert settings.confidence != Confidence()  # the fitted coefficients, not the defaults
    assert set(data["decision"]) <= set(TopicSettings.__dataclass_fields__)

    def numbers_only(value) -> bool:
        if isinstance(value, dict):
            return all(numbers_only(v) for v in value.values())
        return isinstance(value, int | float)

    assert numbers_only(data["decision"]) and numbers_only(data["confidence"])


def test_a_per_topic_minimum_overrides_the_global_one() -> None:
    rules = [TopicRule("a", (r"\balpha\b",)), TopicRule("b", (r"\bbeta\b",))]
    text = "Alpha and beta."  # each 2.5 in the lead: below 3.5
    assert TopicClassifier(rules, TopicSettings()).classify(text) == ["a"]  # fallback: first best
    lenient = TopicSettings(min_scores={"b": 2.0})
    assert TopicClassifier(rules, lenient).classify(text) == ["b"]


def test_unreadable_settings_fall_back_to_the_defaults() -> None:
    assert TopicSettings.from_json({}) == TopicSettings()
    assert TopicSettings.from_json({"decision": {"min_score": 2}}).min_score == 2.0
