"""Labelled topic examples from gold files: each gold event's text as the pipeline cut it.

Used offline by scripts/calibrate_topics.py. The gold files and the reports are read where
they lie (../shared/eval by default); nothing of their text is written anywhere.

A gold event is matched to the extracted event that holds its lead, as ../shared/eval/
score.py does; an event the segmenter did not find has no text and counts as a miss of
all its gold topics in every score.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.frontmatter import parse_report  # noqa: E402
from timeline.extraction.gazetteer import gazetteer_from_dict  # noqa: E402
from timeline.extraction.pipeline import ReportExtractor  # noqa: E402
from timeline.extraction.topics import load_topic_rules  # noqa: E402
from timeline.extraction.types import Gazetteer  # noqa: E402

DATA = ROOT / "timeline" / "data"
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


@dataclass(frozen=True)
class Example:
    report: str  # the report's file name: the group for cross-validation
    text: str | None  # the extracted event's text, None when no event holds the lead
    gold: frozenset[str]


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip().lower()


def shipped_gazetteer(topics: list[dict] | None = None) -> Gazetteer:
    if topics is None:
        topics = json.loads((DATA / "topics.json").read_text(encoding="utf-8"))
    return gazetteer_from_dict(
        json.loads((DATA / "gazetteer.json").read_text(encoding="utf-8")),
        load_topic_rules(topics),
    )


def gold_sets(eval_dir: Path) -> list[tuple[Path, list[dict]]]:
    """(reports folder, gold reports) for the seeds and every real-dev gold file."""
    sets = [(ROOT / "seeds", json.loads((eval_dir / "seeds.gold.json").read_text()))]
    for path in sorted((eval_dir / "real-dev").glob("*.gold.json")):
        sets.append((eval_dir / "real-dev" / "reports", json.loads(path.read_text())))
    return sets


def load_examples(eval_dir: Path) -> list[Example]:
    extractor = ReportExtractor(shipped_gazetteer())
    examples = []
    for folder, reports in gold_sets(eval_dir):
        for report in reports:
            parsed = parse_report((folder / report["report"]).read_text(encoding="utf-8"))
            events = extractor.extract(parsed.body, parsed.published.date()).events
            texts = [norm(e.text) for e in events]
            for gold in report["events"]:
                lead = norm(gold["lead"])
                index = next((i for i, t in enumerate(texts) if lead in t), None)
                text = None if index is None else events[index].text
                examples.append(Example(report["report"], text, frozenset(gold["topics"])))
    return examples
