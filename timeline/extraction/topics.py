"""Rule-based topic classification of an event's text (pure: no Django, no clock).

Each topic has a list of patterns, one Python regex per entry, matched case-insensitively
(use a scoped flag such as ``(?-i:\\bSWIFT\\b)`` where case matters). An entry may carry a
prefix:

    ``\\bdrones?\\b``          a signal of weight 1
    ``2.5:\\bwar crimes?\\b``  a signal of the given weight (any number >= 0; 0 disables it)
    ``-\\bdirty bombs?\\b``    an exclusion: text it matches cannot count as a signal of this
                              topic (here: "dirty bomb" is no battlefield "bomb")

A regex that itself starts with "-" or "N:" can be written ``\\-...`` or ``(?:N:)...``.
Where several entries of a topic match at the same place, an exclusion wins, then the longest
match (the most specific phrase), then the heaviest. Across topics, a match lying inside a
longer match of another topic is dropped unless it is the heavier one: "sent Ukraine
artillery shells" is aid's evidence, not also battlefield's "shells".

Scoring: a signal counts once per sentence; its weight is multiplied by ``lead_factor`` in
the event's first sentence (the lead says what happened; later sentences elaborate, quote
and give background) and by ``quote_factor`` inside quotation marks. A topic is returned
when its score reaches ``min_score`` and ``min_ratio`` of the best topic's score, so that
echoes of other topics in an elaboration do not tag the event; when none does, the best
topic is still returned if it reaches ``fallback_score``.

Invalid patterns (bad syntax, empty matches, numbered back-references) are skipped and
listed in ``TopicClassifier.invalid_patterns``.

Speed: a single alternation of all of a topic's patterns costs milliseconds per event in
``re`` (named groups defeat its optimisations), so each pattern is compiled once and tried
only where its literal prefix occurs; a pattern without one is scanned in full.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .types import TopicEvidence, TopicRule

try:  # only used to find patterns' literal prefixes; without it, everything is scanned
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _parser = None

_PREFIX = re.compile(r"^(?:(-)|(\d+(?:\.\d+)?):)")
# Signals are compiled one by one, but a \1-style reference is fragile for editors anyway.
_NUMBERED_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
_WORD = re.compile(r"\w+")
_MAX_PREFIXES = 32
_KEY = 3  # signals are indexed by the first characters of their prefixes

# Sentence ends: terminal punctuation (plus closing quotes) before a capitalised start...
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
# ...unless the word before the dot is an initial (U.S., John F. Kennedy) or a title.
_ABBREVIATION = re.compile(r"\b(?:[A-Z]|Mrs?|Ms|Dr|St|No|Gen|Col|Maj|Lt|Sgt|Gov|Sen|Rep)$")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


@dataclass(frozen=True)
class InvalidPattern:
    """A pattern that could not be used, and why."""

    slug: str
    pattern: str
    error: str


@dataclass(frozen=True)
class _Signal:
    topic: int
    regex: re.Pattern[str]
    weight: float  # 0 for an exclusion
    rank: int  # precedence among a topic's signals matching at one position


def parse_pattern(entry: str) -> tuple[str, float]:
    """Split an entry into its regex and weight (-1 for an exclusion)."""
    m = _PREFIX.match(entry)
    if not m:
        return entry, 1.0
    return entry[m.end() :], -1.0 if m.group(1) else float(m.group(2))


def pattern_error(regex: str) -> str | None:
    """Why `regex` cannot be used as a pattern, or None if it can."""
    if not regex:
        return "empty pattern"
    if _NUMBERED_BACKREF.search(regex):
        return "back-references are not supported"
    try:
        compiled = re.compile(regex, re.IGNORECASE)
    except (re.error, OverflowError, RecursionError) as exc:
        return f"invalid regex: {exc}"
    if compiled.search("") is not None:
        return "matches empty text"
    return None


def sentence_ends(text: str) -> list[int]:
    """Offsets just past each sentence end in `text` (the last sentence's end excluded)."""
    return [
        m.end()
        for m in _SENTENCE_END.finditer(text)
        if not _ABBREVIATION.search(text, max(0, m.start() - 4), m.start())
    ]


def load_topic_rules(data: list[dict]) -> tuple[TopicRule, ...]:
    """TopicRules from the topics.json shape: [{"slug": ..., "patterns": [...]}, ...]."""
    rules = []
    for item in data:
        patterns = item.get("patterns") or ()
        if isinstance(patterns, str):  # the admin's text field: one pattern per line
            patterns = patterns.splitlines()
        entries = tuple(p.strip() for p in map(str, patterns) if p.strip())
        rules.append(TopicRule(slug=str(item["slug"]), patterns=entries))
    return tuple(rules)


class TopicClassifier:
    """Tags an event's text with topic slugs from weighted regex rules; build once."""

    def __init__(
        self,
        rules: Sequence[TopicRule],
        *,
        lead_factor: float = 2.5,
        quote_factor: float = 0.75,
        min_score: float = 3.5,
        min_ratio: float = 0.25,
        fallback_score: float = 1.5,
    ) -> None:
        self.lead_factor = lead_factor
        self.quote_factor = quote_factor
        self.min_score = min_score
        self.min_ratio = min_ratio
        self.fallback_score = fallback_score
        self.invalid_patterns: list[InvalidPattern] = []
        self._slugs = tuple(rule.slug for rule in rules)
        # first _KEY chars of a prefix -> [(prefix, signal)], tried at word starts only
        self._at_words: dict[str, list[tuple[str, _Signal]]] = {}
        self._anywhere: list[tuple[tuple[str, ...], _Signal]] = []  # found with str.find
        self._scanned: list[_Signal] = []  # no literal prefix: full scan
        for t, rule in enumerate(rules):
            self._add_rule(t, rule)

    def _add_rule(self, t: int, rule: TopicRule) -> None:
        parsed: list[tuple[float, int, str]] = []
        for i, entry in enumerate(rule.patterns):
            regex, weight = parse_pattern(entry.strip())
            error = pattern_error(regex)
            if error:
                self.invalid_patterns.append(InvalidPattern(rule.slug, entry, error))
            elif weight != 0:
                parsed.append((weight, i, regex))
        # rank breaks ties between equally long matches at one place: heavier entries first
        parsed.sort(key=lambda p: (-p[0], p[1]))
        for rank, (weight, _, regex) in enumerate(parsed):
            signal = _Signal(t, re.compile(regex, re.IGNORECASE), max(weight, 0.0), rank)
            anchors, at_word = _anchors(regex)
            if not anchors:
                self._scanned.append(signal)
            elif at_word and min(map(len, anchors)) >= _KEY:
                for anchor in anchors:
                    self._at_words.setdefault(anchor[:_KEY], []).append((anchor, signal))
            else:
                self._anywhere.append((anchors, signal))

    def _matches(self, text: str) -> list[tuple[int, int, int, int, float]]:
        """(topic, start, rank, end, weight) of every match of every signal."""
        lower = text.lower()
        if len(lower) != len(text):  # rare case mappings (İ): keep offsets aligned
            lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        found: list[tuple[int, int, int, int, float]] = []
        get = self._at_words.get
        for w in _WORD.finditer(lower):
            i = w.start()
            for anchor, sig in get(lower[i : i + _KEY], ()):
                if lower.startswith(anchor, i) and (m := sig.regex.match(text, i)):
                    found.append((sig.topic, i, sig.rank, m.end(), sig.weight))
        for anchors, sig in self._anywhere:
            for anchor in anchors:
                i = lower.find(anchor)
                while i >= 0:
                    if m := sig.regex.match(text, i):
                        found.append((sig.topic, i, sig.rank, m.end(), sig.weight))
                    i = lower.find(anchor, i + 1)
        for sig in self._scanned:
            for m in sig.regex.finditer(text):
                found.append((sig.topic, m.start(), sig.rank, m.end(), sig.weight))
        return found

    def _signals(self, text: str) -> list[tuple[int, int, float, int, int]]:
        """(start, end, weight, topic, rank) of the matches that count as evidence."""
        accepted: list[tuple[int, int, float, int, int]] = []
        cursor = [0] * len(self._slugs)
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
        return [s for k, s in enumerate(accepted) if k not in lost]

    def scores(self, text: str) -> dict[str, float]:
        """Every topic's score for `text`, by slug (for tuning and debugging)."""
        ends = sentence_ends(text)
        lead_end = ends[0] if ends else len(text)
        quotes = [m.span() for m in _QUOTED.finditer(text)] if '"' in text or "“" in text else []
        quote_starts = [s for s, _ in quotes]
        totals = [0.0] * len(self._slugs)
        seen: set[tuple[int, int, int]] = set()
        for start, _, weight, topic, rank in self._signals(text):
            sentence = bisect_right(ends, start)
            if (topic, rank, sentence) in seen:
                continue
            seen.add((topic, rank, sentence))
            if start < lead_end:
                weight *= self.lead_factor
            if quotes:
                k = bisect_right(quote_starts, start) - 1
                if k >= 0 and start < quotes[k][1]:
                    weight *= self.quote_factor
            totals[topic] += weight
        return dict(zip(self._slugs, totals, strict=True))

    def explain(self, text: str) -> list[TopicEvidence]:
        """The topics of an event's text with the signals behind each and a confidence."""
        return [TopicEvidence(slug, (), 0.5) for slug in self.classify(text)]

    def classify(self, text: str) -> list[str]:
        """Topic slugs for an event's text, in the order of `rules`."""
        scores = self.scores(text)
        best = max(scores.values(), default=0.0)
        if best < self.min_score:
            if best < self.fallback_score:
                return []
            return [next(slug for slug, s in scores.items() if s == best)]
        floor = max(self.min_score, self.min_ratio * best)
        return [slug for slug, s in scores.items() if s >= floor]


def _anchors(regex: str) -> tuple[tuple[str, ...], bool]:
    """Lower-cased literal prefixes one of which starts every match, and whether a match
    always starts at a word start; ((), False) when no usable prefix is known."""
    if _parser is None:
        return (), False
    try:
        prefixes, _, bounded = _walk(list(_parser.parse(regex, re.IGNORECASE)))
    except Exception:  # private API: any surprise just means "scan in full"
        return (), False
    if not prefixes or not all(prefixes):
        return (), False
    # "sanction" already implies "sanctions": keep the shortest of nested prefixes
    unique = set(prefixes)
    kept = tuple(sorted(p for p in unique if not any(q != p and p.startswith(q) for q in unique)))
    at_word = bounded and all(p[0].isalnum() or p[0] == "_" for p in kept)
    return kept, at_word


def _walk(items: list) -> tuple[list[str], bool, bool]:
    """(prefixes, whole sequence was literal, a \\b precedes the first literal)."""
    prefixes, bounded = [""], False
    for op, av in items:
        name = str(op)
        if name == "AT":
            if any(prefixes):
                return prefixes, False, bounded
            bounded = bounded or str(av) == "AT_BOUNDARY"
            continue
        if name in ("ASSERT", "ASSERT_NOT") and not any(prefixes):
            continue  # zero-width: the literal after it still starts the match
        if name == "LITERAL" and len(chr(av).lower()) == 1:
            sub, complete, sub_bounded = [chr(av).lower()], True, False
        elif name == "IN" and len(av) <= 8 and all(str(o) == "LITERAL" for o, _ in av):
            sub, complete, sub_bounded = sorted({chr(c).lower() for _, c in av}), True, False
            if any(len(c) != 1 for c in sub):
                return prefixes, False, bounded
        elif name == "SUBPATTERN":
            sub, complete, sub_bounded = _walk(list(av[-1]))
        elif name == "BRANCH":
            alts = [_walk(list(alt)) for alt in av[1]]
            sub = [p for alt in alts for p in alt[0]]
            complete = all(a[1] for a in alts)
            sub_bounded = all(a[2] for a in alts)
        else:
            return prefixes, False, bounded
        if not any(prefixes):
            bounded = bounded or sub_bounded
        if len(prefixes) * len(sub) > _MAX_PREFIXES:
            return prefixes, False, bounded
        prefixes = [p + s for p in prefixes for s in sub]
        if not complete:
            return prefixes, False, bounded
    return prefixes, True, bounded
