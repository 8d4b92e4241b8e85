"""Context rules: whether a matched name is a region, an actor, a person, or neither."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .index import Index, Referent
from .lexicon import (
    ACTOR_NOUNS,
    ADVERBS,
    BLOCKED_AFTER_PLACE,
    BLOCKED_HEADS,
    CITY_PREPOSITIONS,
    ENVOY_BEFORE,
    HYPHEN_LABEL,
    LOCATIVE,
    MOVEMENT,
    PERSON_LABEL_AFTER,
    PLACE_ADJECTIVES,
    PLACE_NOUNS,
    PLACE_PASSIVE,
    RELATIONS,
    ROLES,
    VERBS,
    words,
)

REGION, ACTOR, PERSON = "region", "actor", "person"

_POSSESSIVE = re.compile(r"^['’]s?(?![\w])")
_WORD = re.compile(r"[\w’'-]+")
_REGION_SUFFIX = re.compile(r"^\s+(?:[Rr]egion(?:al)?|[Oo]blast|[Pp]rovinc(?:e|ial))(?![\w’'])")
_REGION_PLURAL = re.compile(r"^\s+(?:[Rr]egions|[Oo]blasts|[Pp]rovinces)\b")
_COORDINATION = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)$")
_LOCATIVE_BEFORE = re.compile(rf"\b{LOCATIVE}\s+(?:the\s+)?$", re.IGNORECASE)
_MOVEMENT_BEFORE = re.compile(rf"\b{MOVEMENT}\s+(?:\w+\s+)?to\s+(?:the\s+)?$", re.IGNORECASE)
# "refugees from Ukraine", "which borders Poland": the country only says where
_FROM_OR_BORDER = re.compile(
    rf"(?:\b(?:{MOVEMENT}|refugees|fled|displaced|deported|evacuat\w*|withdr\w*|pull\w*|"
    r"expelled|escaped|driven|forced)\b(?:\s+[\w’'-]+){0,3}?\s+from"
    r"|\bborder(?:s|ing|ed)?(?:\s+with)?|\binvasion\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PLACE_OF = re.compile(
    r"\b(?:" + "|".join(sorted(PLACE_NOUNS)) + r")\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
_CITY_OF = re.compile(r"\b(?:capital|city|town|the\s+region)(?:\s+of)?,?\s+$", re.IGNORECASE)
_RELATION_BEFORE = re.compile(
    rf"\b(?i:{RELATIONS})\s+(?:for|to|of)\s+(?:the\s+)?(?:(?:[A-Z][\w.’'-]*|(?i:{ROLES})|"
    rf"top|senior|former|detained|jailed|reporter|journalist|correspondent)\s+){{0,5}}$"
)
# Before a capital: the capital is the government that is acted on or dealt with.
_ACTS_ON_BEFORE = re.compile(
    r"(?:\b(?:provid|suppl|arm|equip|help|support|urg|pressur|press|accus|warn|told|tell|giv|"
    r"gave|send|sent|back|sanction|blam|ask|allow|forc|push|persuad|convinc|encourag|enabl|let|"
    r"anger|infuriat|irritat|provok|rebuk|criticis|criticiz|condemn|punish|reassur|"
    r"recognis|recogniz|assur|lobb|call(?:ed|ing|s)?\s+on)\w*"
    r"|\b(?:support|aid|assistance|help|weapons|arms|backing|loans?|funding|sanctions|pressure|"
    r"demands?|message|warning|ultimatum)\s+(?:for|to|on|against)"
    r"|\b(?:with|against))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AUXILIARIES = words("is was were are has had have been being came comes remains")
_AND_ALLIES = re.compile(
    r"^\s+and\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:allies|partners|backers|supporters)\b"
)
_VERB_FORM = re.compile(r"[a-z]{3,}(?:[^s]s|ed)")
_DETERMINERS = words("the a an to that its his her their this these those it any no all more")
_TO_VERB = re.compile(r"^\s+to\s+(?!the\b|a\b|an\b)[a-z]+\b")  # "enable Kiev to drag"
# Between a state and a person: only a title ("Dutch Prime Minister", "Kremlin spokesman").
_TITLE_BETWEEN = re.compile(
    rf"(?:['’]s)?\s+(?:(?:[A-Z][\w.’'-]*|of|the|and|for|top|senior|acting|deputy)\s+)*?"
    rf"(?i:{ROLES})\s+(?:(?:[A-Z][\w.’'-]*|of|the|and|for)\s+)*?"
)
_SEA_LOCATOR = re.compile(r"[A-Z][\w’'-]+\s+on\s+the\s+$")


# "Kremlin spokesman", "Russian Foreign Minister": the title is part of the evidence
_ROLE_AFTER = re.compile(
    rf"\s+(?:(?:top|senior|deputy|acting|foreign|defen[cs]e|first)\s+)*(?i:{ROLES})(?![\w’'])"
)
_REGION_AFTER = re.compile(_REGION_SUFFIX.pattern.removeprefix("^"))
IMPLIED = 0.6  # a state implied by a person's affiliation, not named


class Tag(NamedTuple):
    """One tag a sentence gives, with the words behind it."""

    offset: int
    kind: str  # REGION, ACTOR or PERSON
    slug: str
    text: str
    confidence: float


@dataclass(slots=True)
class Mention:
    """A name found in a sentence, with what it can refer to."""

    start: int
    end: int
    ref: Referent
    confidence: float = 1.0  # lower for another spelling or a name the report taught


Lookup = Callable[[str], str | None]  # slug -> affiliation, or a place's kind


class Rules:
    """Decides the reading of each mention from the words around it."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def classify(
        self,
        text: str,
        mentions: Sequence[Mention],
        named: set[str],
        affiliation: Lookup,
        place_kind: Lookup,
    ) -> list[Tag]:
        """Every tag the sentence's mentions give, in order."""
        out: list[Tag] = []
        plural = self._plural_regions(text, mentions)
        prev: Mention | None = None
        prev_reading = ""
        for i, m in enumerate(mentions):
            reading = ""
            ref = m.ref
            person = ref.person or self._resolve_surname(ref, named)
            if person:
                reading = PERSON
                titled = bool(
                    prev
                    and prev.ref.agent
                    and prev_reading == ACTOR
                    and _TITLE_BETWEEN.fullmatch(text, prev.end, m.start)
                )
                out += self._person(text, m, person, affiliation, titled)
            elif ref.place and ref.agent:
                if (
                    prev is not None
                    and prev.ref.place
                    and prev.ref.agent
                    and not prev.ref.person
                    and _COORDINATION.match(text[prev.end : m.start])
                ):
                    reading = prev_reading  # "by Kyiv and Moscow", "in Ukraine and Russia"
                elif place_kind(ref.place) == "country":
                    reading = self._country(text, m, prev)
                else:
                    reading = self._capital(text, m, mentions[i + 1 : i + 2])
                # the words around decided between place and government: a little less sure
                if reading == REGION:
                    out.append(_tag(text, m, REGION, ref.place, 0.9))
                elif reading == ACTOR:
                    out.append(_tag(text, m, ACTOR, ref.agent, 0.9))
            elif ref.place:
                slug = self._place(text, m, plural[i], place_kind)
                if slug:
                    reading = REGION
                    out.append(_tag(text, m, REGION, slug))
            elif ref.agent and self._agent_acts(text, m):
                reading = ACTOR
                out.append(_tag(text, m, ACTOR, ref.agent))
            prev, prev_reading = m, reading
        return out

    @staticmethod
    def _resolve_surname(ref: Referent, named: set[str]) -> str | None:
        candidates = [slug for slug in ref.surname_of if slug in named]
        return candidates[0] if len(candidates) == 1 else None

    def _person(
        self, text: str, m: Mention, slug: str, affiliation: Lookup, titled: bool
    ) -> list[Tag]:
        """A person acts or speaks unless the name only labels something else.

        The stored affiliation gives the person's state, unless a title right before the name
        already names one ("Dutch Prime Minister Mark Rutte": not his later NATO post).
        """
        state = None if titled else affiliation(slug)
        tags = [_tag(text, m, ACTOR, state, IMPLIED)] if state else []
        after = text[m.end : m.end + 24]
        if _POSSESSIVE.match(after) or PERSON_LABEL_AFTER.match(after):
            return tags  # "Zelensky's office", "the Biden administration"
        if _RELATION_BEFORE.search(text, max(0, m.start - 90), m.start):
            return tags  # "an aide to President Putin said"
        return [_tag(text, m, PERSON, slug), *tags]

    def _country(self, text: str, m: Mention, prev: Mention | None) -> str:
        """A country is a region where things happen in it, otherwise an actor."""
        before = text[max(0, m.start - 40) : m.start]
        after = text[m.end : m.end + 40]
        if ENVOY_BEFORE.search(before):
            return ""
        poss = _POSSESSIVE.match(after)
        if poss:
            return REGION if self._place_noun_follows(text, m.end + poss.end()) else ACTOR
        if after.startswith("-"):  # "Ukraine-controlled", "Russia-US relations"
            return "" if BLOCKED_HEADS.match(after) else ACTOR
        if prev and prev.ref.place and not prev.ref.agent and text[prev.end : m.start] == ", ":
            return ""  # "Bryansk, Russia": the country only locates the city
        if _LOCATIVE_BEFORE.search(before) or _MOVEMENT_BEFORE.search(before):
            return REGION
        if _FROM_OR_BORDER.search(before):
            return ""
        if _PLACE_OF.search(before):
            return REGION
        if BLOCKED_HEADS.match(after):
            return ""
        return ACTOR

    def _capital(self, text: str, m: Mention, following: Sequence[Mention]) -> str:
        """A capital is a place unless it stands for its government ("Moscow denies")."""
        before = text[max(0, m.start - 40) : m.start]
        after = text[m.end : m.end + 60]
        if BLOCKED_AFTER_PLACE.match(after) or ENVOY_BEFORE.search(before):
            return ""
        if _BY_BEFORE.search(before):
            return ACTOR
        poss = _POSSESSIVE.match(after)
        if poss:
            return REGION if self._place_noun_follows(text, m.end + poss.end()) else ACTOR
        if after.startswith("-"):  # "Moscow-backed", but "Kyiv-based"
            return "" if HYPHEN_LABEL.match(after) else ACTOR
        if _ACTS_ON_BEFORE.search(before):
            return ACTOR  # "supply Kyiv with", "support for Kyiv", "talks with Moscow"
        previous = _WORD.findall(before[-24:])
        if (previous and previous[-1].lower() in CITY_PREPOSITIONS) or _CITY_OF.search(before):
            return REGION
        if self._verb_follows(after) or _TO_VERB.match(after) or _AND_ALLIES.match(after):
            return ACTOR
        if following and re.fullmatch(r"\s+(?:and|or)\s+", text[m.end : following[0].start]):
            nxt = following[0]
            if nxt.ref.agent and self._verb_follows(text[nxt.end : nxt.end + 60]):
                return ACTOR  # "Moscow and Kiev are trying"
        return REGION

    @staticmethod
    def _verb_follows(after: str) -> bool:
        """Whether the name is the subject of a verb, and not of "was hit" and the like."""
        found = False
        tokens = _WORD.findall(after[:60])[:6]
        for n, word in enumerate(tokens):
            low = word.lower()
            if found:
                if low in PLACE_PASSIVE:
                    return False
                if low not in _AUXILIARIES and low not in ADVERBS:
                    return True
            elif low in ACTOR_NOUNS or low in VERBS:
                if not word.islower():
                    return False
                if low not in _AUXILIARIES:
                    return True
                found = True
            elif low in ADVERBS:
                continue
            else:
                # an unlisted verb: "Moscow lacked", "Moscow lacks the reserves"
                following = tokens[n + 1].lower() if n + 1 < len(tokens) else ""
                return (
                    word.islower()
                    and low not in PLACE_NOUNS
                    and bool(_VERB_FORM.fullmatch(low))
                    and (low.endswith("ed") or following in _DETERMINERS)
                )
        return found

    def _place_noun_follows(self, text: str, pos: int) -> bool:
        """Whether a place noun (or another place) follows a possessive."""
        for n, word in enumerate(_WORD.finditer(text, pos, pos + 60)):
            low = word.group().lower()
            if n > 3:
                break
            if low in PLACE_ADJECTIVES:
                continue
            if low in PLACE_NOUNS:
                return True
            name = self.index.pattern.match(text, word.start())
            ref = self.index.refs.get(name.group()) if name else None
            return bool(ref and ref.place and not ref.agent and not ref.person)
        return False

    def _place(self, text: str, m: Mention, plural: bool, place_kind: Lookup) -> str | None:
        """The place slug a place-only name gives, or None when it names something else."""
        slug = m.ref.place or ""
        after = text[m.end : m.end + 40]
        if BLOCKED_AFTER_PLACE.match(after) or HYPHEN_LABEL.match(after):
            return None
        if plural or _REGION_SUFFIX.match(after):
            return self.index.oblast_of(slug)
        before = text[max(0, m.start - 40) : m.start]
        kind = place_kind(slug)
        if kind == "city" and before.endswith("the "):
            name = text[m.start : m.end]
            river = self.index.river_by_stem.get(name)
            if river and not re.match(r"^\s+(?:city|town)\b", after):
                return river  # "the Dnipro" is the river, Dnipro the city
        if kind == "sea" and _SEA_LOCATOR.search(before):
            return None  # "Antalya on the Mediterranean Sea": the sea only locates the city
        return slug

    @staticmethod
    def _agent_acts(text: str, m: Mention) -> bool:
        """Organisations and demonyms count unless they label a thing or host an envoy."""
        if BLOCKED_HEADS.match(text[m.end : m.end + 30]):
            return False
        return not ENVOY_BEFORE.search(text[max(0, m.start - 40) : m.start])

    @staticmethod
    def _plural_regions(text: str, mentions: Sequence[Mention]) -> list[bool]:
        """Which mentions belong to "X and Y regions" (both are regions, not cities)."""
        out = [False] * len(mentions)
        for i in range(len(mentions) - 1, -1, -1):
            m = mentions[i]
            if not m.ref.place:
                continue
            if _REGION_PLURAL.match(text[m.end : m.end + 20]):
                out[i] = True
            elif i + 1 < len(mentions) and out[i + 1]:
                out[i] = bool(_COORDINATION.match(text[m.end : mentions[i + 1].start]))
        return out


def _tag(text: str, m: Mention, kind: str, slug: str, weight: float = 1.0) -> Tag:
    """The tag of a mention; the evidence runs on over "region" or a title that follows."""
    end = m.end
    if kind == REGION:
        suffix = _REGION_AFTER.match(text, end)
        end = suffix.end() if suffix else end
    elif kind == ACTOR:
        role = _ROLE_AFTER.match(text, end)
        end = role.end() if role else end
    return Tag(m.start, kind, slug, text[m.start : end], round(m.confidence * weight, 2))
