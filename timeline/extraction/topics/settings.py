"""The numbers that turn topic scores into decisions and confidences.

The defaults are the hand-set rule; `shipped_settings()` reads the calibrated numbers that
scripts/calibrate_topics.py writes to timeline/data/topics.calibration.json (a shipped
constant, read once; a missing or unreadable file means the defaults).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

CALIBRATION_FILE = Path(__file__).resolve().parents[2] / "data" / "topics.calibration.json"


@dataclass(frozen=True)
class Confidence:
    """P(a chosen topic is right) = sigmoid(bias + margin * log(score / floor)
    + ratio * score / best score + lead_share * share of the score from the lead)."""

    bias: float = 0.5
    margin: float = 1.0
    ratio: float = 1.0
    lead_share: float = 0.5

    def of(self, score: float, floor: float, best: float, lead_share: float) -> float:
        z = (
            self.bias
            + self.margin * math.log(max(score, 1e-9) / max(floor, 1e-9))
            + self.ratio * (score / best if best else 0.0)
            + self.lead_share * lead_share
        )
        return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class TopicSettings:
    """Scoring: a signal counts once per sentence; its weight is multiplied by `lead_factor`
    in the event's first sentence (the lead says what happened; later sentences elaborate,
    quote and give background) and by `quote_factor` inside quotation marks.

    Deciding: a topic is chosen when its score reaches its minimum (`min_scores` by slug,
    else `min_score`) and `min_ratio` of the best topic's score, so that echoes of other
    topics in an elaboration do not tag the event; when none is, the best topic is still
    chosen if it reaches `fallback_score`."""

    lead_factor: float = 2.5
    quote_factor: float = 0.75
    min_score: float = 3.5
    min_ratio: float = 0.25
    fallback_score: float = 1.5
    min_scores: dict[str, float] = field(default_factory=dict)
    confidence: Confidence = field(default_factory=Confidence)

    @classmethod
    def from_json(cls, data: dict) -> TopicSettings:
        decision = dict(data.get("decision") or {})
        numbers = {k: float(v) for k, v in decision.items() if k != "min_scores"}
        min_scores = {str(k): float(v) for k, v in (decision.get("min_scores") or {}).items()}
        confidence = Confidence(**{k: float(v) for k, v in (data.get("confidence") or {}).items()})
        return cls(**numbers, min_scores=min_scores, confidence=confidence)


@cache
def shipped_settings() -> TopicSettings:
    """The calibrated settings shipped with the project (the defaults if there are none)."""
    try:
        return TopicSettings.from_json(json.loads(CALIBRATION_FILE.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return TopicSettings()
