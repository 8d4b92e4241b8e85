"""The seeds' extraction held to the hand annotations (tests/data/seeds.gold.json).

A pure regression test: the shipped gazetteer and topic rules, no database. The
scoring follows ../shared/eval/score.py in spirit (lead containment for events,
accepted date windows, set F1 for tags) so a drop shows up here first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from functools import cache

import pytest

from tests.conftest import DATA, ROOT, SEEDS
from timeline.extraction.frontmatter import parse_report
from timeline.extraction.gazetteer import gazetteer_from_dict
from timeline.extraction.pipeline import ReportExtractor
from timeline.extraction.topics import load_topic_rules

TARGETS = {
    "segmentation_f1": 0.90,
    "date_accuracy": 0.97,
    "topics_f1": 0.85,
    "actors_f1": 0.90,
    "people_f1": 0.90,
    "regions_f1": 0.85,
}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(str.maketrans("‘’“”–—\xa0", "''\"\"-- "))
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


_PLACE_SUFFIX = re.compile(r"\s+(?:oblast|region|province|city|raion|district)$")


def place(name: str) -> str:
    """ "Kharkiv Oblast" and "Kharkiv" are one place to an annotator."""
    return _PLACE_SUFFIX.sub("", fold(name))


def surname(name: str) -> str:
    return fold(name).replace(".", " ").split()[-1].replace("zelenskyy", "zelensky")


class F1:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, gold: set, got: set) -> None:
        self.tp += len(gold & got)
        self.fp += len(got - gold)
        self.fn += len(gold - got)

    @property
    def value(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0


def date_accepted(got: dt.date, gold: dict) -> bool:
    low, high = (dt.date.fromisoformat(d) for d in gold.get("date_accept") or [gold["date"]] * 2)
    if gold.get("precision") == "month":
        low = low.replace(day=1)
        high = (high.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(1)
    elif gold.get("precision") == "year":
        low, high = low.replace(month=1, day=1), high.replace(month=12, day=31)
    return low <= got <= high


@cache
def scores() -> dict:
    data = ROOT / "timeline" / "data"
    gazetteer = gazetteer_from_dict(
        json.loads((data / "gazetteer.json").read_text()),
        load_topic_rules(json.loads((data / "topics.json").read_text())),
    )
    places = {p.slug: p for p in gazetteer.places}
    agents = {a.slug: a for a in gazetteer.agents}
    parent_of = {place(p.name): place(places[p.parent].name) for p in places.values() if p.parent}

    def lineage(name: str) -> set[str]:
        chain = set()
        while name in parent_of and name not in chain:
            name = parent_of[name]
            chain.add(name)
        return chain

    extractor = ReportExtractor(gazetteer)
    gold_reports = json.loads((DATA / "seeds.gold.json").read_text())
    counts = {"gold": 0, "predicted": 0, "pure": 0, "dated": 0, "noise": 0, "missing": []}
    topics, actors, people, regions = F1(), F1(), F1(), F1()
    for report in gold_reports:
        parsed = parse_report((SEEDS / report["report"]).read_text(encoding="utf-8"))
        extraction = extractor.extract(parsed.body, parsed.published.date())
        texts = [fold(e.text) for e in extraction.events]
        leads = [fold(g["lead"]) for g in report["events"]]
        counts["predicted"] += len(texts)
        counts["noise"] += sum(any(fold(n) in t for t in texts) for n in report["noise"])
        for gold, lead in zip(report["events"], leads, strict=True):
            counts["gold"] += 1
            index = next((i for i, t in enumerate(texts) if lead in t), None)
            if index is None:
                counts["missing"].append(gold["lead"])
                continue
            event = extraction.events[index]
            counts["pure"] += sum(lead_ in texts[index] for lead_ in leads) == 1
            counts["dated"] += date_accepted(event.date, gold)
            topics.add(set(gold["topics"]), set(event.topics))
            found = [agents[slug] for slug in event.actors if slug in agents]
            actors.add(
                {fold(a) for a in gold["actors"]},
                {fold(a.name) for a in found if a.kind != "person"},
            )
            people.add(
                {surname(p) for p in gold["people"]},
                {surname(a.name) for a in found if a.kind == "person"},
            )
            gold_places = {place(r) for r in gold["regions"]} - {"ukraine"}
            got_places = {place(places[s].name) for s in event.regions if s in places}
            # A broader or narrower place than the annotator's is neither right nor wrong.
            related = {g for g in gold_places if lineage(g) & got_places} | {
                p for p in got_places if lineage(p) & gold_places
            }
            regions.add(gold_places - related, got_places - related)
    pure, gold, predicted = counts["pure"], counts["gold"], counts["predicted"]
    return {
        "missing": counts["missing"],
        "noise_leaks": counts["noise"],
        "segmentation_f1": 2 * pure / (gold + predicted),
        "date_accuracy": counts["dated"] / gold,
        "topics_f1": topics.value,
        "actors_f1": actors.value,
        "people_f1": people.value,
        "regions_f1": regions.value,
    }


def test_every_annotated_event_is_found():
    assert scores()["missing"] == []


def test_no_page_furniture_becomes_an_event():
    assert scores()["noise_leaks"] == 0


@pytest.mark.parametrize(("metric", "target"), TARGETS.items())
def test_metric_meets_its_target(metric, target):
    assert scores()[metric] >= target, f"{metric} = {scores()[metric]:.3f}"


def test_folding_treats_typographic_variants_alike():
    assert fold("Zelenskyy’s  “plan”") == fold('zelenskyy\'s "plan"')
    assert re.fullmatch(r"[a-z' \"]+", fold("Zelenskyy’s “plan”"))
