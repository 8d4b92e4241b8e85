"""Finding the topic signals in a text: every pattern compiled once, tried where it can start.

Where several entries of a topic match at the same place, an exclusion wins, then the
longest match (the most specific phrase), then the heaviest. Across topics, a match lying
inside a longer match of another topic is dropped unless it is the heavier one: "sent
Ukraine artillery shells" is aid's evidence, not also battlefield's "shells".

Speed: a single alternation of all of a topic's patterns costs milliseconds per event in
``re`` (named groups defeat its optimisations), so each pattern is compiled once and tried
only where its literal prefix occurs; a pattern without one is scanned in full.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import TopicRule
from .patterns import InvalidPattern, anchors, parse_pattern, pattern_error

_WORD = re.compile(r"\w+")
_KEY = 3  # signals are indexed by the first characters of their prefixes


@dataclass(frozen=True)
class Signal:
    """One match that counts as evidence for a topic."""

    start: int
    end: int
    weight: float
    topic: int  # index into the rules
    rank: int  # which of the topic's entries matched (its precedence order)


@dataclass(frozen=True)
class _Entry:
    topic: int
    regex: re.Pattern[str]
    weight: float  # 0 for an exclusion
    rank: int  # precedence among a topic's entries matching at one position


class SignalFinder:
    """All topics' compiled patterns; `find(text)` gives the signals that count."""

    def __init__(self, rules: Sequence[TopicRule]) -> None:
        self.invalid_patterns: list[InvalidPattern] = []
        # first _KEY chars of a prefix -> [(prefix, entry)], tried at word starts only
        self._at_words: dict[str, list[tuple[str, _Entry]]] = {}
        self._anywhere: list[tuple[tuple[str, ...], _Entry]] = []  # found with str.find
        self._scanned: list[_Entry] = []  # no literal prefix: full scan
        for t, rule in enumerate(rules):
            self._add_rule(t, rule)

    def _add_rule(self, t: int, rule: TopicRule) -> None:
        parsed: list[tuple[float, int, str]] = []
        for i, item in enumerate(rule.patterns):
            regex, weight = parse_pattern(item.strip())
            error = pattern_error(regex)
            if error:
                self.invalid_patterns.append(InvalidPattern(rule.slug, item, error))
            elif weight != 0:
                parsed.append((weight, i, regex))
        # rank breaks ties between equally long matches at one place: heavier entries first
        parsed.sort(key=lambda p: (-p[0], p[1]))
        for rank, (weight, _, regex) in enumerate(parsed):
            entry = _Entry(t, re.compile(regex, re.IGNORECASE), max(weight, 0.0), rank)
            prefixes, at_word = anchors(regex)
            if not prefixes:
                self._scanned.append(entry)
            elif at_word and min(map(len, prefixes)) >= _KEY:
                for prefix in prefixes:
                    self._at_words.setdefault(prefix[:_KEY], []).append((prefix, entry))
            else:
                self._anywhere.append((prefixes, entry))

    def _matches(self, text: str) -> list[tuple[int, int, int, int, float]]:
        """(topic, start, rank, end, weight) of every match of every entry."""
        lower = text.lower()
        if len(lower) != len(text):  # rare case mappings (İ): keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found: list[tuple[int, int, int, int, float]] = []
        get = self._at_words.get
        for w in _WORD.finditer(lower):
            i = w.start()
            for prefix, e in get(lower[i : i + _KEY], ()):
                if lower.startswith(prefix, i) and (m := e.regex.match(text, i)):
                    found.append((e.topic, i, e.rank, m.end(), e.weight))
        for prefixes, e in self._anywhere:
            for prefix in prefixes:
                i = lower.find(prefix)
                while i >= 0:
                    if m := e.regex.match(text, i):
                        found.append((e.topic, i, e.rank, m.end(), e.weight))
                    i = lower.find(prefix, i + 1)
        for e in self._scanned:
            for m in e.regex.finditer(text):
                found.append((e.topic, m.start(), e.rank, m.end(), e.weight))
        return found

    def find(self, text: str, topics: int) -> list[Signal]:
        """The matches in `text` that count as evidence, in text order."""
        accepted: list[tuple[int, int, float, int, int]] = []
        cursor = [0] * topics
        # Per topic, left to right; where several entries match at one place, an exclusion
        # wins, then the longest (most specific) match, then the heaviest.
        for topic, start, _, neg_len, rank, weight in sorted(
            (t, s, w > 0, s - e, r, w) for t, s, r, e, w in self._matches(text)
        ):
            if start >= cursor[topic]:
                cursor[topic] = max(start - neg_len, start + 1)
                if weight:  # exclusions only consume text
                    accepted.append((start, start - neg_len, weight, topic, rank))
        # A stretch of text is evidence for one topic: a match inside a longer match of
        # another topic ("drones" in "supplied Russia with drones") is dropped unless it
        # is the heavier one.
        accepted.sort()
        lost: set[int] = set()
        for i, (start, end, weight, topic, _) in enumerate(accepted):
            for j in range(i + 1, len(accepted)):
                o_start, o_end, o_weight, o_topic, _ = accepted[j]
                if o_start >= end:
                    break
                if o_topic == topic:
                    continue
                if o_end <= end and o_end - o_start < end - start and o_weight <= weight:
                    lost.add(j)
                elif start == o_start and end < o_end and weight <= o_weight:
                    lost.add(i)
        return [Signal(*s) for k, s in enumerate(accepted) if k not in lost]
