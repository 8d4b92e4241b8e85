"""Entity tagging on the shipped gazetteer: regions, actors, people; no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extraction.gazetteer import gazetteer_from_dict
from timeline.extraction.tagging import EntityTagger
from timeline.extraction.types import EntityTags, Gazetteer

GAZETTEER_JSON = Path(__file__).resolve().parents[2] / "timeline/data/gazetteer.json"
PEOPLE = {
    row["slug"]
    for row in json.loads(GAZETTEER_JSON.read_text(encoding="utf-8"))["actors"]
    if row["kind"] == "person"
}


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    data = json.loads(GAZETTEER_JSON.read_text(encoding="utf-8"))
    return EntityTagger(gazetteer_from_dict(data))


def tag(tagger: EntityTagger, *sentences: str) -> EntityTags:
    """Tags of a one-event report."""
    return tagger.tag_report([list(sentences)])[0]


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Shelling hit Kharkov overnight.", "kharkiv"),
        ("Three corridors lead from Mariupol, Melitopol and Energodar.", "enerhodar"),
        ("Russia claimed the capture of Artyomovsk.", "bakhmut"),
        ("Missiles struck Zaporozhye on Friday.", "zaporizhzhia"),
        ("Kubla and Lavrov discussed the Chernobyl nuclear power plant.", "chornobyl"),
        ("Residents fled Severodonetsk.", "sievierodonetsk"),
        ("A strike hit the port of Odessa.", "odesa"),
        ("Explosions were heard in Kiev.", "kyiv"),
        ("Russia shelled the Kharkiv region again.", "kharkiv-oblast"),
        ("Fighting raged in Donetsk Oblast.", "donetsk-oblast"),
        ("Drones were downed over the Belgorod province.", "belgorod-oblast"),
        ("Ukrainian forces advanced in the eastern Donbas region.", "donbas"),
        ("Russia annexed the Crimean peninsula in 2014.", "crimea"),
        ("Civilians were evacuated from the western bank of the Dnieper River.", "dnipro-river"),
        ("The Russian military has mined the Black Sea.", "black-sea"),
        ("Explosions damaged the Kerch Strait bridge.", "crimean-bridge"),
    ],
)
def test_place_names_and_their_variants(tagger, text, region):
    assert region in tag(tagger, text).regions


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("Moscow annexed Crimea from Ukraine in 2014.", ["crimea"]),
        ("Fighting continued across Ukraine.", []),
        ("Refugees from Ukraine have reached Lviv.", ["lviv"]),
        ("Russian forces are fighting in Ukraine and Russia.", ["russia"]),
    ],
)
def test_ukraine_is_never_a_region(tagger, text, regions):
    assert tag(tagger, text).regions == regions


@pytest.mark.parametrize(
    ("text", "regions", "actors"),
    [
        ("Russia's Foreign Ministry said the talks failed.", [], ["russia"]),
        ("Peace talks were held in Istanbul.", ["istanbul"], []),
        ("Some Russian units are returning to Belarus to regroup.", ["belarus"], ["russia"]),
        ("A train derailed in Bryansk, Russia, on Monday.", ["bryansk"], []),
        ("Kyiv's willingness to agree was welcomed.", [], ["ukraine"]),
        ("Kyiv's mayor told residents to stock up on water.", ["kyiv"], []),
        ("Moscow denies supplying the weapons.", [], ["russia"]),
        ("Drones attacked Moscow overnight.", ["moscow"], []),
        ("Kyiv was hit by a massive missile attack.", ["kyiv"], []),
        ("The Western-leaning Kiev government refused.", [], ["ukraine"]),
        ("Rome was ready to provide Ukraine with air defences.", [], ["italy", "ukraine"]),
        ("The agreement was signed by Kyiv and Moscow.", [], ["ukraine", "russia"]),
        ("The Brest region of Belarus borders Poland.", ["brest-region", "belarus"], []),
        (
            "Ukraine will receive F-16s from Denmark and Norway.",
            [],
            ["ukraine", "denmark", "norway"],
        ),
        ("The Russian ambassador to Washington was summoned.", [], ["russia"]),
        ("Moscow and Kiev are trying to hammer out a deal.", [], ["russia", "ukraine"]),
        ("Russia said Ukraine-controlled areas were shelled.", [], ["russia", "ukraine"]),
    ],
)
def test_a_country_or_capital_is_a_region_where_things_happen_and_an_actor_otherwise(
    tagger, text, regions, actors
):
    result = tag(tagger, text)
    assert result.regions == regions
    assert result.actors == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Kremlin spokesman Dmitry Peskov said there was no deal.", ["russia", "dmitry-peskov"]),
        ("White House official John Kirby told reporters.", ["united-states", "john-kirby"]),
        ("The Pentagon said the convoy had stalled.", ["united-states"]),
        ("The US State Department warned its citizens.", ["united-states"]),
        ("Downing Street rejected the claim.", ["united-kingdom"]),
        ("Peskov said the talks would continue.", ["dmitry-peskov", "russia"]),
        ("Filippo Grandi said he was in Lviv.", ["filippo-grandi", "unhcr"]),
    ],
)  # fmt: skip
def test_an_official_gives_the_state_or_organisation_it_speaks_for(tagger, text, actors):
    assert tag(tagger, text).actors == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Turkish authorities described the meeting as civil.", ["turkey"]),
        ("The Japanese government is sending helmets.", ["japan"]),
        ("Russian forces shelled the city.", ["russia"]),
        ("The Ukrainian military said it pushed back the attack.", ["ukraine"]),
        ("The strike was carried out by a Turkish-made drone.", []),
        ("The list includes Finnish energy group Fortum.", []),
        ("The UN refugee agency UNHCR counted 4.5m refugees.", ["unhcr"]),
        ("The sanctions target the Russian and Belarusian militaries.", ["russia", "belarus"]),
        ("The US ambassador to the UN met Zelensky.",
         ["united-states", "volodymyr-zelensky", "ukraine"]),
    ],
)  # fmt: skip
def test_demonyms_and_organisations(tagger, text, actors):
    assert tag(tagger, text).actors == actors


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("President Volodymyr Zelenskiy said the signals were positive.", ["volodymyr-zelensky"]),
        ("Zelenskyy's office confirmed the trip.", []),
        ("At a press conference, Kubla described them as difficult.", ["dmytro-kuleba"]),
        ("Lavrov confirmed Kubela's comments.", ["sergei-lavrov"]),
        ("A top aide for Russian dictator Vladimir Putin said the talks were set.", []),
        ("The Biden administration announced new figures.", []),
        ("Defense Minister Sergey Shoigu ordered a withdrawal.", ["sergei-shoigu"]),
    ],
)  # fmt: skip
def test_people_who_act_or_speak_in_full_canonical_form(tagger, text, people):
    assert [slug for slug in tag(tagger, text).actors if slug in PEOPLE] == people


def test_a_common_surname_resolves_only_after_the_full_name(tagger):
    alone = tag(tagger, "Austin said the tanks would arrive in spring.")
    assert "lloyd-austin" not in alone.actors
    first, later = tagger.tag_report(
        [["US Defense Secretary Lloyd Austin met allies in Ramstein."], ["Austin said so."]]
    )
    assert "lloyd-austin" in first.actors and "lloyd-austin" in later.actors
    assert first.regions == ["ramstein"]


@pytest.mark.parametrize(
    ("sentence", "slug", "name", "affiliation"),
    [
        ("Governor Petro Ivanenko said two people died.", "petro-ivanenko", "Petro Ivanenko", None),
        ("Deputy Prime Minister Oksana Hrytsenko said corridors were agreed.",
         "oksana-hrytsenko", "Oksana Hrytsenko", None),
        ("Ukrainian Prime Minister Taras Melnychuk said there was no need to evacuate Kyiv.",
         "taras-melnychuk", "Taras Melnychuk", "ukraine"),
        ("Marko Horvat, the Pentagon's Under Secretary of Defense, said Russia lost tanks.",
         "marko-horvat", "Marko Horvat", "united-states"),
        ("Russia's deputy foreign minister, Ivan Petrenko, said nothing was decided.",
         "ivan-petrenko", "Ivan Petrenko", "russia"),
        ("Russian forces shelled Chernihiv, according to Oleh Bondar, the region's governor.",
         "oleh-bondar", "Oleh Bondar", "ukraine"),
        ("A railway blast hit Bryansk, said Ilya Sorokin, the region's governor.",
         "ilya-sorokin", "Ilya Sorokin", "russia"),
        ("Italian defence minister Carlo Bianchi spoke with Lloyd Austin.",
         "carlo-bianchi", "Carlo Bianchi", "italy"),
    ],
)  # fmt: skip
def test_an_unknown_person_beside_a_role_is_a_new_agent(tagger, sentence, slug, name, affiliation):
    result = tag(tagger, sentence)
    assert slug in result.actors
    (agent,) = [a for a in result.new_agents if a.slug == slug]
    assert (agent.name, agent.kind, agent.affiliation) == (name, "person", affiliation)
    if affiliation:
        assert affiliation in result.actors


def test_a_new_person_is_announced_once_and_found_again_by_surname(tagger):
    first, second, third = tagger.tag_report(
        [
            ["Kharkiv's mayor, Dmytro Koval, said three missiles hit the city."],
            ["Koval added that power was restored."],
            ["Officials in Koval's office declined to comment."],
        ]
    )
    assert [a.slug for a in first.new_agents] == ["dmytro-koval"]
    assert first.new_agents[0].affiliation == "ukraine"
    assert "dmytro-koval" in second.actors and second.new_agents == []
    assert "dmytro-koval" not in third.actors  # a possessive does not act


@pytest.mark.parametrize(
    ("sentence", "slug", "kind", "parent"),
    [
        ("Russian troops attacked the village of Ternuvate in the Zaporizhzhia region.",
         "ternuvate", "city", "zaporizhzhia-oblast"),
        ("Shelling hit the town of Pervomaiske overnight.", "pervomaiske", "city", None),
        ("Drones were shot down over the Tambov region.", "tambov", "oblast", None),
    ],
)  # fmt: skip
def test_an_unknown_place_beside_a_place_word_is_a_new_place(tagger, sentence, slug, kind, parent):
    result = tag(tagger, sentence)
    assert slug in result.regions
    (place,) = [p for p in result.new_places if p.slug == slug]
    assert (place.kind, place.parent) == (kind, parent)


def test_a_list_of_villages_gives_one_new_place_each(tagger):
    result = tag(tagger, "Russia targeted the villages of Novoselivka Persha and Kamianka.")
    assert result.regions == ["novoselivka-persha", "kamianka"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia sees no progress on the Black Sea grain deal.",
        "The Kyiv Independent reported the strike.",
        "A Kyiv-based analyst commented.",
        "The Minsk agreements were never implemented.",
        "He spoke at George Washington University.",
    ],
)
def test_names_that_only_label_something_else_give_no_region(tagger, text):
    assert tag(tagger, text).regions == []


def test_the_asia_pacific_region_is_not_a_new_province(tagger):
    assert tag(tagger, "Allies in the Asia-Pacific region are worried.").new_places == []


def test_river_is_dropped_when_it_only_locates_a_place(tagger):
    text = "Shoigu ordered a withdrawal from the west bank of the Dnipro River in Kherson region."
    assert tag(tagger, text).regions == ["kherson-oblast"]


def test_tags_are_deduplicated_in_order_of_first_mention(tagger):
    result = tag(
        tagger,
        "Kremlin spokesman Dmitry Peskov said talks with Ukraine in Istanbul had no breakthrough.",
        "Peskov said Russia would wait; Istanbul talks would resume, Peskov added.",
    )
    assert result.regions == ["istanbul"]
    assert result.actors == ["russia", "dmitry-peskov", "ukraine"]


def test_one_result_per_event_and_empty_events_are_fine(tagger):
    results = tagger.tag_report([["Nothing named here."], [], ["Kyiv said no."]])
    assert [r.actors for r in results] == [[], [], ["ukraine"]]


def test_report_context_is_not_shared_between_reports(tagger):
    tagger.tag_report([["Governor Petro Ivanenko said two people died."]])
    later = tagger.tag_report([["Ivanenko said nothing."]])[0]
    assert later.actors == [] and later.new_agents == []


def test_an_empty_gazetteer_still_works():
    result = EntityTagger(Gazetteer()).tag_report([["Kyiv was shelled."]])
    assert result == [EntityTags()]
