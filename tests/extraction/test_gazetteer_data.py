"""Checks on the shipped gazetteer (timeline/data/gazetteer.json); no database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.extraction.gazetteer import gazetteer_from_dict
from timeline.extraction.types import Agent, Place

DATA = json.loads(
    (Path(__file__).resolve().parents[2] / "timeline/data/gazetteer.json").read_text("utf-8")
)
REGIONS = {r["slug"]: r for r in DATA["regions"]}
ACTORS = {a["slug"]: a for a in DATA["actors"]}
BY_NAME = {(r["name"], r["kind"]): r for r in DATA["regions"]}


def country_of(slug: str) -> str:
    row = REGIONS[slug]
    while row["parent"]:
        row = REGIONS[row["parent"]]
    return row["slug"]


def test_credits_name_the_geonames_licence():
    assert "GeoNames" in DATA["credits"] and "CC BY 4.0" in DATA["credits"]


@pytest.mark.parametrize("key", ["regions", "actors"])
def test_slugs_are_unique_and_sorted(key):
    slugs = [row["slug"] for row in DATA[key]]
    assert len(slugs) == len(set(slugs))
    assert slugs == sorted(slugs)


def test_every_parent_exists_and_the_tree_has_no_cycle():
    for row in DATA["regions"]:
        assert row["parent"] is None or row["parent"] in REGIONS, row["slug"]
        country_of(row["slug"])  # terminates


def test_every_affiliation_exists():
    for row in DATA["actors"]:
        assert row["affiliation"] is None or row["affiliation"] in ACTORS, row["slug"]


@pytest.mark.parametrize(
    ("key", "kinds"),
    [
        ("regions", {"country", "oblast", "city", "sea", "area"}),
        ("actors", {"state", "organization", "person", "group"}),
    ],
)
def test_kinds_are_known(key, kinds):
    assert {row["kind"] for row in DATA[key]} <= kinds


def test_coordinates_for_every_city_oblast_sea_and_area():
    for row in DATA["regions"]:
        if row["kind"] != "country":
            assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180, row["slug"]


def test_all_24_oblasts_crimea_kyiv_and_sevastopol():
    oblasts = [r for r in DATA["regions"] if r["kind"] == "oblast" and r["parent"] == "ukraine"]
    assert len(oblasts) == 24
    assert REGIONS["crimea"]["parent"] == "ukraine"
    assert REGIONS["kyiv"]["kind"] == "city" and REGIONS["kyiv"]["parent"] == "kyiv-oblast"
    assert country_of("sevastopol") == "ukraine"


def test_at_least_150_ukrainian_cities_with_coordinates_inside_ukraine():
    cities = [
        r for r in DATA["regions"] if r["kind"] == "city" and country_of(r["slug"]) == "ukraine"
    ]
    assert len(cities) >= 150
    for row in cities:
        assert 44 <= row["lat"] <= 53 and 22 <= row["lon"] <= 41, row["slug"]


@pytest.mark.parametrize(
    ("name", "alias"),
    [
        ("Kyiv", "Kiev"),
        ("Kharkiv", "Kharkov"),
        ("Odesa", "Odessa"),
        ("Mykolaiv", "Nikolaev"),
        ("Zaporizhzhia", "Zaporozhye"),
        ("Enerhodar", "Energodar"),
        ("Luhansk", "Lugansk"),
        ("Dnipro", "Dnepr"),
        ("Chornobyl", "Chernobyl"),
        ("Bakhmut", "Artemovsk"),
        ("Dnipro River", "Dnieper"),
        ("Donbas", "Donbass"),
    ],
)
def test_current_transliteration_is_canonical_and_old_spellings_are_aliases(name, alias):
    row = next(r for r in DATA["regions"] if r["name"] == name)
    assert alias in row["aliases"]


@pytest.mark.parametrize(
    "name",
    [
        "Hostomel", "Bucha", "Irpin", "Makariv", "Borodianka", "Soledar", "Vuhledar", "Avdiivka",
        "Robotyne", "Krynky", "Chasiv Yar", "Marinka", "Kreminna", "Zolote", "Rubizhne",
        "Popasna", "Lyman", "Kupiansk", "Balakliia", "Izium", "Bilohorivka", "Velyka Novosilka",
        "Snihurivka", "Sievierodonetsk", "Lysychansk", "Mariupol", "Melitopol", "Brovary",
    ],
)  # fmt: skip
def test_places_war_reporting_names_are_ukrainian_cities(name):
    assert country_of(BY_NAME[(name, "city")]["slug"]) == "ukraine"


@pytest.mark.parametrize(
    "name",
    [
        "Black Sea", "Sea of Azov", "Mediterranean Sea", "Baltic Sea", "Kerch Strait",
        "Belgorod Oblast", "Kursk Oblast", "Bryansk Oblast", "Rostov Oblast", "Voronezh Oblast",
        "Krasnodar Krai", "Brest Region", "Gomel Region", "Minsk Region", "Moscow",
        "St Petersburg", "Istanbul", "Antalya", "Ankara", "Geneva", "Jeddah", "Riyadh", "Vilnius",
        "Warsaw", "Brussels", "Washington", "Minsk", "Brest", "Paris", "London", "Berlin", "Rome",
        "Madrid", "The Hague", "Davos", "Bali", "Hiroshima", "Sharm el-Sheikh",
    ],
)  # fmt: skip
def test_seas_border_regions_and_summit_cities_exist(name):
    assert any(r["name"] == name for r in DATA["regions"])


def test_at_least_45_countries():
    assert sum(r["kind"] == "country" for r in DATA["regions"]) >= 45


def test_at_least_40_states_and_organisations():
    assert sum(a["kind"] != "person" for a in DATA["actors"]) >= 40


def test_at_least_100_people_each_with_an_existing_affiliation():
    people = [a for a in DATA["actors"] if a["kind"] == "person"]
    assert len(people) >= 100
    for person in people:
        assert ACTORS[person["affiliation"]]["kind"] != "person", person["slug"]


@pytest.mark.parametrize(
    ("name", "affiliation", "alias"),
    [
        ("Volodymyr Zelensky", "ukraine", "Zelenskiy"),
        ("Volodymyr Zelensky", "ukraine", "Zelenskyy"),
        ("Dmytro Kuleba", "ukraine", "Kubla"),
        ("Dmitry Peskov", "russia", "Peskov"),
        ("Sergei Lavrov", "russia", "Lavrov"),
        ("Sergei Shoigu", "russia", "Sergey Shoigu"),
        ("Joe Biden", "united-states", "Biden"),
        ("John Kirby", "united-states", "Kirby"),
        ("Filippo Grandi", "unhcr", "Grandi"),
    ],
)
def test_people_have_canonical_names_affiliations_and_variants(name, affiliation, alias):
    row = next(a for a in DATA["actors"] if a["name"] == name)
    assert row["affiliation"] == affiliation
    assert alias in row["aliases"]


@pytest.mark.parametrize(
    "name",
    [
        "Russia", "Ukraine", "United States", "Belarus", "NATO", "European Union",
        "United Nations", "United Kingdom", "Germany", "Turkey", "Japan", "North Korea", "IAEA",
        "UNHCR", "Vatican", "Group of 20", "Group of 7", "Wagner Group",
    ],
)  # fmt: skip
def test_guideline_actor_names_are_canonical(name):
    assert any(a["name"] == name and a["kind"] != "person" for a in DATA["actors"])


def test_gazetteer_from_dict_builds_places_and_agents_without_coordinates():
    gazetteer = gazetteer_from_dict(DATA)
    assert len(gazetteer.places) == len(DATA["regions"])
    assert len(gazetteer.agents) == len(DATA["actors"])
    kyiv = next(p for p in gazetteer.places if p.slug == "kyiv")
    assert kyiv == Place("kyiv", "Kyiv", "city", "kyiv-oblast", tuple(REGIONS["kyiv"]["aliases"]))
    peskov = next(a for a in gazetteer.agents if a.slug == "dmitry-peskov")
    assert isinstance(peskov, Agent) and peskov.affiliation == "russia"
    assert gazetteer.topics == ()
