"""Spelling variants: names the gazetteer knows, written another way ("Prighozin", "Klitshko").

Ukrainian and Russian names reach English copy through several romanisations (and German or
French ones). `translit_key` folds the usual alternations so most variants meet exactly; a
fuzzy comparison (rapidfuzz) then catches the rest for people and states only, because two
towns often differ by one ending ("Pokrovsk" and "Pokrovske" are different places).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .lexicon import NAME_STOP, ascii_fold

# Longest first: "shch" before "sch" before "ch"; applied to a lower-case ASCII name.
_FOLDS = (
    ("shtch", "shch"), ("tsch", "ch"), ("tsh", "ch"), ("sch", "sh"), ("tch", "ch"), ("kh", "h"),
    ("gh", "h"),
    ("zh", "z"), ("ts", "c"), ("tz", "c"), ("w", "v"), ("x", "ks"), ("ck", "k"), ("q", "k"),
    ("g", "h"), ("j", "i"), ("y", "i"),
)  # fmt: skip
_APOSTROPHES = re.compile(r"['’ʼ`]")
_DOUBLE = re.compile(r"(.)\1+")
_FOLD_RE = re.compile("|".join(re.escape(a) for a, _ in _FOLDS))
_FOLD_MAP = dict(_FOLDS)

MIN_KEY_LENGTH = 5  # shorter names are too often other words, or other people
MIN_FUZZY_LENGTH = 6
FUZZY_CUTOFF = 90.0  # rapidfuzz ratio (0-100) between two keys
KEY_CONFIDENCE = 0.8  # another romanisation of a known name
FUZZY_CONFIDENCE = 0.6  # a close misspelling

# A run of capitalised words: the only text that can be a name written another way.
CAPITALISED_RUN = re.compile(
    r"(?<![\w’'-])[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*){0,2}"
    r"(?![\w-])"
)


def translit_key(name: str) -> str:
    """One spelling for the romanisations of a name: "Zelenskyy", "Zelenskiy" -> "zelenski"."""
    low = _APOSTROPHES.sub("", ascii_fold(name).lower())
    folded = _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group()], low)
    folded = _DOUBLE.sub(r"\1", folded)
    return folded.replace("ie", "e")  # Ukrainian "ie" for є: Syniehubov / Synehubov


@dataclass(frozen=True, slots=True)
class Variant:
    """The gazetteer alias a spelling stands for, and how sure the match is."""

    alias: str
    confidence: float


class Spellings:
    """Resolves unknown capitalised names to gazetteer aliases; answers are cached."""

    def __init__(self, names: Iterable[str], fuzzy_names: Iterable[str]) -> None:
        """`names`: aliases matched by key; `fuzzy_names`: those also matched fuzzily."""
        by_key: dict[str, str | None] = {}
        for alias in names:
            key = translit_key(alias)
            if len(key) < MIN_KEY_LENGTH:
                continue
            if by_key.get(key, alias) != alias:
                by_key[key] = None  # two names share the key: neither can be guessed
            else:
                by_key[key] = alias
        self._by_key = {k: a for k, a in by_key.items() if a is not None}
        # fuzzy candidates bucketed by first letter, so one look-up compares a few hundred keys
        self._fuzzy: dict[str, dict[str, str]] = {}
        for alias in fuzzy_names:
            key = translit_key(alias)
            if len(key) >= MIN_FUZZY_LENGTH and key in self._by_key:
                self._fuzzy.setdefault(key[0], {})[key] = alias
        self._cache: dict[str, Variant | None] = {}

    def resolve(self, name: str) -> Variant | None:
        """The alias `name` is another spelling of, or None."""
        hit = self._cache.get(name, False)
        if hit is not False:
            return hit
        hit = self._lookup(name)
        if len(self._cache) > 50_000:  # a long-lived tagger must not grow without end
            self._cache.clear()
        self._cache[name] = hit
        return hit

    def _lookup(self, name: str) -> Variant | None:
        if any(token in NAME_STOP for token in name.split()):
            return None
        key = translit_key(name)
        if len(key) < MIN_KEY_LENGTH:
            return None
        alias = self._by_key.get(key)
        if alias is not None:
            return Variant(alias, KEY_CONFIDENCE) if alias != name else None
        if len(key) < MIN_FUZZY_LENGTH:
            return None
        bucket = self._fuzzy.get(key[0])
        if not bucket:
            return None
        best = process.extractOne(key, bucket.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if best is None:
            return None
        return Variant(bucket[best[0]], FUZZY_CONFIDENCE)
