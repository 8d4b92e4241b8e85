"""Topic classification: the shipped rules in topics.json and the classifier's mechanics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extraction.topics import (
    TopicClassifier,
    TopicSettings,
    load_topic_rules,
    parse_pattern,
    pattern_error,
    sentence_ends,
)
from timeline.extraction.types import TopicRule

TOPICS_JSON = Path(__file__).resolve().parents[2] / "timeline" / "data" / "topics.json"
GUIDELINE_ORDER = [
    "battlefield",
    "talks",
    "sanctions",
    "humanitarian",
    "aid",
    "energy",
    "nuclear",
    "accountability",
]


@pytest.fixture(scope="module")
def data() -> list[dict]:
    return json.loads(TOPICS_JSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def clf(data: list[dict]) -> TopicClassifier:
    return TopicClassifier(load_topic_rules(data))


# ------------------------------------------------------------------ the shipped data


def test_topics_json_has_the_eight_topics_in_guideline_order(data: list[dict]) -> None:
    assert [t["slug"] for t in data] == GUIDELINE_ORDER
    for topic in data:
        assert topic["name"].strip()
        assert len(topic["description"]) > 20
        assert len(topic["patterns"]) >= 10


def test_every_shipped_pattern_compiles(data: list[dict], clf: TopicClassifier) -> None:
    for topic in data:
        for entry in topic["patterns"]:
            regex, weight = parse_pattern(entry)
            assert pattern_error(regex) is None, (topic["slug"], entry)
            assert weight == -1 or weight > 0, entry
    assert clf.invalid_patterns == []


POSITIVE = {
    "battlefield": [
        "Russian forces shelled the outskirts of Kharkiv overnight, the governor said.",
        "Ukrainian troops pushed Russian units back near Kupiansk in the counteroffensive.",
        "Air defences shot down 18 of 20 Shahed drones launched at the capital.",
        "The Black Sea Fleet's flagship sank after an explosion on board.",
        "Wagner mercenaries claimed to have captured Soledar after weeks of heavy fighting.",
        "Moscow ordered a partial mobilisation of 300,000 reservists to reinforce its lines.",
        "Britain estimates Russia has lost 2,000 armoured vehicles since the invasion.",
    ],
    "talks": [
        "Russian and Ukrainian delegations will meet for a new round of negotiations.",
        "The two sides agreed a 36-hour truce over Orthodox Christmas.",
        "Ukraine and Russia swapped 200 prisoners of war in an exchange brokered by the UAE.",
        "Erdogan offered to mediate between Moscow and Kyiv during a phone call with Putin.",
        "China's special envoy held consultations in Kyiv on a political settlement.",
        "Zelensky said he would meet Putin but ruled out ceding territory in a peace deal.",
    ],
    "sanctions": [
        "The EU adopted its tenth package of sanctions, with export bans on dual-use goods.",
        "Washington imposed visa bans and froze the assets of dozens of Russian oligarchs.",
        "Canada closed its airspace to Russian aircraft and barred Russian ships.",
        "The Treasury blacklisted firms that helped Moscow evade export controls.",
        "Japan said it would freeze the assets of the Russian central bank.",
        "Swiss authorities seized a superyacht linked to a Russian businessman.",
    ],
    "humanitarian": [
        "More than 5 million people have fled Ukraine, according to the UN refugee agency.",
        "Buses evacuated hundreds of residents from Sumy along a humanitarian corridor.",
        "The maternity hospital in Mariupol was reduced to rubble.",
        "Aid agencies delivered food and medicine to villages cut off for weeks.",
        "Kyiv's mayor urged residents to stock up on water as rolling blackouts continued.",
        "Millions of Ukrainians were left without power and heating in the frost.",
    ],
    "aid": [
        "The Pentagon announced a $2.5 billion security assistance package for Ukraine.",
        "Germany agreed to send Leopard 2 tanks to Ukraine.",
        "The United States will provide Ukraine with a Patriot air defence battery.",
        "The EU approved a 50 billion euro financial aid facility for Ukraine's budget.",
        "Iran has supplied Russia with hundreds of Shahed drones, Western intelligence says.",
        "G7 leaders offered Ukraine long-term security guarantees.",
    ],
    "energy": [
        "Gazprom halted gas flows through the Nord Stream 1 pipeline.",
        "The first ship carrying Ukrainian grain left Odesa under the Black Sea Grain Initiative.",
        "Russia cut off gas supplies to Poland after Warsaw refused to pay in rubles.",
        "Ukraine halted the transit of Russian gas through the Sokhranivka entry point.",
        "Moscow quit the grain deal, saying its fertiliser exports were still blocked.",
    ],
    "nuclear": [
        "Putin said Russia was suspending its participation in the New START treaty.",
        "Russia said it would station tactical nuclear weapons in Belarus.",
        "Moscow accused Kyiv without evidence of preparing to use a dirty bomb.",
        "IAEA inspectors arrived at the ZNPP to assess safety at its six reactors.",
        "Grossi warned that radiation levels around Chornobyl had risen.",
    ],
    "accountability": [
        "Prosecutors have opened more than 70,000 war crimes investigations.",
        "A Moscow court extended the detention of a U.S. reporter on espionage charges.",
        "European leaders backed a special tribunal for the crime of aggression.",
        "The ICC issued an arrest warrant for Vladimir Putin.",
        "Kyiv demanded that Moscow be held accountable for the destruction of the dam.",
    ],
}
POSITIVE_CASES = [(slug, text) for slug, texts in POSITIVE.items() for text in texts]


@pytest.mark.parametrize(("slug", "text"), POSITIVE_CASES)
def test_topic_is_found(clf: TopicClassifier, slug: str, text: str) -> None:
    assert slug in clf.classify(text)


EXACT = [
    # multi-label
    (
        "At least 23 civilians were killed when a missile hit a residential building in Dnipro.",
        ["battlefield", "humanitarian"],
    ),
    (
        "Russian forces shelled Chernihiv, killing 14 civilians queuing for bread.",
        ["battlefield", "humanitarian"],
    ),
    ("The G7 agreed a $60 price cap on Russian seaborne crude oil.", ["sanctions", "energy"]),
    ("Brent crude rose as traders weighed an EU embargo on Russian oil.", ["sanctions", "energy"]),
    (
        "The ICC issued an arrest warrant for Putin over the unlawful deportation of children.",
        ["humanitarian", "accountability"],
    ),
    (
        "Kuleba met IAEA chief Rafael Grossi to discuss safety at the Zaporizhzhia nuclear plant.",
        ["talks", "nuclear"],
    ),
    # a single topic, even though other topics' words appear
    ("Kyiv said a HIMARS strike destroyed a Russian ammunition depot.", ["battlefield"]),
    ("Norway pledged artillery shells and NASAMS air defence systems to Ukraine.", ["aid"]),
    (
        "The Pentagon announced a new security assistance package for Ukraine including Bradley "
        "fighting vehicles.",
        ["aid"],
    ),
    # elaboration sentences must not add their own topics
    (
        "The EU banned imports of Russian steel and froze the assets of two more banks. Officials "
        "said the measures would hurt Moscow's ability to finance the war. Fighting continued in "
        "the east.",
        ["sanctions"],
    ),
    (
        "Russia and Ukraine exchanged 90 prisoners of war each on Sunday. The soldiers had been "
        "captured in Mariupol. They will receive medical treatment in Moscow.",
        ["talks"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_exact_topics(clf: TopicClassifier, text: str, expected: list[str]) -> None:
    assert clf.classify(text) == expected


NEGATIVE = [
    ("talks", "He talks to reporters every morning about the weather."),
    ("talks", "The spokesman talked to reporters after the briefing."),
    ("energy", "The minister gave an energetic speech to parliament."),
    ("nuclear", "The campaign praised the nuclear family as the backbone of society."),
    ("nuclear", "The new start date for the school year was announced."),
    ("battlefield", "Analysts at a Washington think tank said the figures were unreliable."),
    ("battlefield", "The governor struck a deal with local businesses to keep shops open."),
    ("battlefield", "Dock workers went on a general strike over unpaid wages."),
    ("battlefield", "Moscow repeated its claim that Kyiv was building a dirty bomb."),
    ("battlefield", "The defendant suffered a heart attack during the hearing."),
    ("battlefield", "In advance of the summit, officials toured the new conference centre."),
    ("humanitarian", "The White House said the president would travel to Poland next week."),
    ("energy", "Police used tear gas to disperse protesters in Tbilisi."),
    ("aid", "Aid agencies warned that food stocks were running low in Kherson."),
    ("aid", "Volunteers handed out humanitarian aid in Kharkiv."),
    ("sanctions", "The central bank cut interest rates to support the economy."),
    ("accountability", "Prisoner exchanges between the two sides have resumed."),
]


@pytest.mark.parametrize(("slug", "text"), NEGATIVE)
def test_topic_is_not_found(clf: TopicClassifier, slug: str, text: str) -> None:
    assert slug not in clf.classify(text)


def test_no_topic_for_unrelated_text(clf: TopicClassifier) -> None:
    assert clf.classify("") == []
    assert clf.classify("The weather in Lisbon was sunny and mild on Sunday.") == []


# ------------------------------------------------------------------ mechanics


def _rules(**topics: list[str]) -> list[TopicRule]:
    return [TopicRule(slug, tuple(patterns)) for slug, patterns in topics.items()]


def test_invalid_patterns_are_skipped_and_reported() -> None:
    clf = TopicClassifier(
        _rules(
            a=[r"\bfoo\b", r"(unclosed", r"bar|", r"(\w+) \1", "2.5:", r"\bbaz\b"],
            b=["[z-a]", r"\bqux\b"],
        )
    )
    bad = {(p.slug, p.pattern) for p in clf.invalid_patterns}
    assert bad == {
        ("a", "(unclosed"),
        ("a", "bar|"),
        ("a", r"(\w+) \1"),
        ("a", "2.5:"),
        ("b", "[z-a]"),
    }
    assert all(p.error for p in clf.invalid_patterns)
    assert clf.classify("Foo and baz. Then qux.") == ["a"]
    assert clf.classify("Qux!") == ["b"]


def test_weight_prefix_and_lead_weighting() -> None:
    clf = TopicClassifier(_rules(a=[r"\balpha\b"], b=[r"2:\bbeta\b"]))
    # weight 1 in the lead: 2.5 -- below min_score, but the best topic is kept as a fallback
    assert clf.scores("Alpha happened.") == {"a": 2.5, "b": 0.0}
    assert clf.classify("Alpha happened.") == ["a"]
    # the same signal in a later sentence weighs less than in the lead
    lead = clf.scores("Beta happened. Nothing else.")["b"]
    later = clf.scores("Nothing happened. Beta happened.")["b"]
    assert lead == 5.0 and later == 2.0


def test_an_echo_in_the_elaboration_does_not_tag_the_event() -> None:
    clf = TopicClassifier(
        _rules(a=[r"3:\balpha\b", r"3:\bgamma\b", r"3:\bdelta\b"], b=[r"2:\bbeta\b"])
    )
    text = "Alpha, gamma and delta happened. Officials said beta. Another said beta again."
    assert clf.scores(text) == {"a": 22.5, "b": 4.0}
    assert clf.classify(text) == ["a"]  # b's 4.0 is less than a quarter of a's score
    # a second topic that the lead itself names is kept
    assert clf.classify("Alpha and beta happened.") == ["a", "b"]


def test_signal_counts_once_per_sentence() -> None:
    clf = TopicClassifier(_rules(a=[r"\balpha\b"]), TopicSettings(lead_factor=1.0))
    assert clf.scores("Alpha alpha alpha. Alpha.")["a"] == 2.0


def test_exclusion_vetoes_the_matched_text_only() -> None:
    clf = TopicClassifier(_rules(n=[r"3:\bnuclear\b", r"-\bnuclear famil(?:y|ies)\b"]))
    assert clf.classify("A nuclear family moved in.") == []
    assert clf.classify("A nuclear family moved in near the nuclear plant.") == ["n"]


def test_longest_match_wins_within_a_topic() -> None:
    clf = TopicClassifier(_rules(a=[r"3:\bfighting\b", r"0.5:\bfighting vehicles\b"]))
    assert clf.scores("They sent fighting vehicles.")["a"] == 0.5 * clf.lead_factor


def test_match_inside_a_longer_match_of_another_topic_is_dropped() -> None:
    rules = _rules(bf=[r"\bdrones\b"], aid=[r"2:\bsent (?:\w+ ){0,3}drones\b"])
    clf = TopicClassifier(rules)
    assert clf.scores("Iran sent Russia drones.")["bf"] == 0.0
    assert clf.classify("Iran sent Russia drones.") == ["aid"]
    # a heavier match inside is kept
    clf = TopicClassifier(_rules(bf=[r"3:\bdrones\b"], aid=[r"2:\bsent (?:\w+ ){0,3}drones\b"]))
    assert clf.classify("Iran sent Russia drones.") == ["bf", "aid"]


def test_case_sensitive_scoped_flag() -> None:
    clf = TopicClassifier(_rules(n=[r"3:(?-i:\bNew START\b)"]))
    assert clf.classify("Russia left New START.") == ["n"]
    assert clf.classify("It was a new start for both.") == []


def test_patterns_without_a_literal_prefix_still_match() -> None:
    clf = TopicClassifier(
        _rules(a=[r"3:[a-z]+gate\b"], b=[r"3:(?<=\d)-point plan\b"], c=[r"3:\w+-made drones"])
    )
    assert clf.classify("The Watergate affair.") == ["a"]
    assert clf.classify("He offered a 10-point plan.") == ["b"]
    assert clf.classify("Iranian-made drones hit Kyiv.") == ["c"]


def test_slugs_come_in_rule_order() -> None:
    clf = TopicClassifier(_rules(z=[r"3:\bzulu\b"], a=[r"3:\balpha\b"]))
    assert clf.classify("Alpha met zulu.") == ["z", "a"]


def test_load_topic_rules_accepts_lists_and_text() -> None:
    rules = load_topic_rules(
        [
            {"slug": "a", "name": "A", "patterns": [r"\bx\b", "  ", r"2:\by\b"]},
            {"slug": "b", "patterns": "\\bz\\b\n\n-\\bzz\\b\n"},
            {"slug": "c"},
        ]
    )
    assert rules == (
        TopicRule("a", (r"\bx\b", r"2:\by\b")),
        TopicRule("b", (r"\bz\b", r"-\bzz\b")),
        TopicRule("c", ()),
    )


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        (r"\bfoo\b", (r"\bfoo\b", 1.0)),
        (r"2.5:\bfoo\b", (r"\bfoo\b", 2.5)),
        (r"-\bfoo\b", (r"\bfoo\b", -1.0)),
        (r"(?:9:)\d\d", (r"(?:9:)\d\d", 1.0)),
    ],
)
def test_parse_pattern(entry: str, expected: tuple[str, float]) -> None:
    assert parse_pattern(entry) == expected


def test_lead_is_not_cut_at_abbreviations() -> None:
    text = "The U.S. official and Maj. Gen. Igor Konashenkov spoke. Then more."
    assert sentence_ends(text) == [text.index("Then")]
