"""The topic pattern language: one Python regex per entry, with an optional prefix.

    ``\\bdrones?\\b``          a signal of weight 1
    ``2.5:\\bwar crimes?\\b``  a signal of the given weight (any number >= 0; 0 disables it)
    ``-\\bdirty bombs?\\b``    an exclusion: text it matches cannot count as a signal of this
                              topic (here: "dirty bomb" is no battlefield "bomb")

A regex that itself starts with "-" or "N:" can be written ``\\-...`` or ``(?:N:)...``.
Entries are matched case-insensitively (use a scoped flag such as ``(?-i:\\bSWIFT\\b)``
where case matters). Invalid patterns (bad syntax, empty matches, numbered
back-references) are skipped by the classifier and listed in its ``invalid_patterns``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import TopicRule

try:  # only used to find patterns' literal prefixes; without it, everything is scanned
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    _parser = None

_PREFIX = re.compile(r"^(?:(-)|(\d+(?:\.\d+)?):)")
# Signals are compiled one by one, but a \1-style reference is fragile for editors anyway.
_NUMBERED_BACKREF = re.compile(r"\\[1-9]|\(\?P=")
_MAX_PREFIXES = 32


@dataclass(frozen=True)
class InvalidPattern:
    """A pattern that could not be used, and why."""

    slug: str
    pattern: str
    error: str


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


def anchors(regex: str) -> tuple[tuple[str, ...], bool]:
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
