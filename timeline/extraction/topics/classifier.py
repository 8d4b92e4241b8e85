"""Tagging an event's text with topics from weighted regex rules, with the evidence."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import TopicEvidence, TopicRule
from .settings import TopicSettings, shipped_settings
from .signals import SignalFinder

# Sentence ends: terminal punctuation (plus closing quotes) before a capitalised start...
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# ...unless the word before the dot is an initial (U.S., John F. Kennedy) or a title.
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mrs?|Ms|Dr|St|No|Gen|Col|Maj|Lt|Sgt|Gov|Sen|Rep)$")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end in `text` (the last sentence's end excluded)."""
    return [
        m.end()
        for m in _SENTENCE_END.finditer(text)
        if not _ABBREVIATION.search(text, max(0, m.start() - 4), m.start())
    ]


@dataclass(frozen=True)
class TopicTally:
    """One topic's evidence in a text: the weights from the lead and from the rest (quote
    factor applied, lead factor not yet) and the words that counted, in text order."""

    lead: float
    rest: float
    words: tuple[str, ...]


class TopicClassifier:
    """Tags an event's text with topic slugs from weighted regex rules; build once."""

    def __init__(self, rules: Sequence[TopicRule], settings: TopicSettings | None = None) -> None:
        self.settings = settings or shipped_settings()
        self._slugs = tuple(rule.slug for rule in rules)
        self._finder = SignalFinder(rules)
        self.invalid_patterns = self._finder.invalid_patterns

    @property
    def lead_factor(self) -> float:
        return self.settings.lead_factor

    def tallies(self, text: str) -> dict[str, TopicTally]:
        """Every topic's evidence in `text`, by slug (what calibration learns from)."""
        ends = sentence_ends(text)
        lead_end = ends[0] if ends else len(text)
        quotes = [m.span() for m in _QUOTED.finditer(text)] if '"' in text or "“" in text else []
        quote_starts = [s for s, _ in quotes]
        n = len(self._slugs)
        lead, rest = [0.0] * n, [0.0] * n
        words: list[list[str]] = [[] for _ in range(n)]
        seen: set[tuple[int, int, int]] = set()
        for s in self._finder.find(text, n):
            sentence = bisect_right(ends, s.start)
            if (s.topic, s.rank, sentence) in seen:
                continue  # a signal counts once per sentence
            seen.add((s.topic, s.rank, sentence))
            weight = s.weight
            if quotes:
                k = bisect_right(quote_starts, s.start) - 1
                if k >= 0 and s.start < quotes[k][1]:
                    weight *= self.settings.quote_factor
            if s.start < lead_end:
                lead[s.topic] += weight
            else:
                rest[s.topic] += weight
            word = text[s.start : s.end].strip()
            if word.lower() not in (w.lower() for w in words[s.topic]):
                words[s.topic].append(word)
        return {
            slug: TopicTally(lead[t], rest[t], tuple(words[t]))
            for t, slug in enumerate(self._slugs)
        }

    def scores(self, text: str) -> dict[str, float]:
        """Every topic's score for `text`, by slug (for tuning and debugging)."""
        lead_factor = self.settings.lead_factor
        return {slug: lead_factor * t.lead + t.rest for slug, t in self.tallies(text).items()}

    def explain(self, text: str) -> list[TopicEvidence]:
        """The topics of an event's text, in the order of the rules, each with the words
        behind it and the calibrated probability that it is right."""
        settings = self.settings
        tallies = self.tallies(text)
        scores = {slug: settings.lead_factor * t.lead + t.rest for slug, t in tallies.items()}
        best = max(scores.values(), default=0.0)
        if best <= 0:
            return []
        floors = {
            slug: max(settings.min_scores.get(slug, settings.min_score), settings.min_ratio * best)
            for slug in scores
        }
        chosen = [slug for slug, score in scores.items() if score >= floors[slug]]
        if not chosen and best >= settings.fallback_score:
            chosen = [next(slug for slug, score in scores.items() if score == best)]
        evidence = []
        for slug in chosen:
            tally, score = tallies[slug], scores[slug]
            lead_share = settings.lead_factor * tally.lead / score
            confidence = settings.confidence.of(score, floors[slug], best, lead_share)
            evidence.append(TopicEvidence(slug, tally.words, round(confidence, 3)))
        return evidence

    def classify(self, text: str) -> list[str]:
        """Topic slugs for an event's text, in the order of the rules."""
        return [e.slug for e in self.explain(text)]
