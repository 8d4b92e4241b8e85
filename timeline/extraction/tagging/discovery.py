"""People and places the gazetteer does not know, found from the role or place word beside them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .context import Mention
from .index import Index
from .lexicon import NAME_STOP, ROLES, words

_TOKEN = r"[A-Z][\w’'-]*[a-z][\w’'-]*"
_PARTICLE = r"(?:von|van|der|de|da|du|di|del|la|le|bin|ibn|al|el|dos|das)"
_NAME = rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_TOKEN}){{1,3}}"
_END = r"(?![\w’'-])"
_SPEECH = (
    r"said|says|told|tells|added|adds|stated|wrote|tweeted|noted|warned|claimed|announced|"
    r"confirmed|explained|insisted|posted|reported|urged|called|argued"
)
# Role words are found by one scan; the name is then matched where the role leaves off.
_ROLE = re.compile(rf"(?<![\w’'-])(?:{ROLES})(?![\w’'])", re.IGNORECASE)
# "Deputy Prime Minister Iryna Vereshchuk", "Secretary of State for Europe Karen Donfried"
_THEN_NAME = re.compile(
    rf"(?P<comp>(?:\s+(?:of|for|on)(?:\s+(?:the|and|of|for|on|[A-Z][\w.’'-]*))+?)?)"
    rf"\s+(?P<name>{_NAME}){_END}"
)
# "Russia's deputy foreign minister, Andrey Rudenko, said"
_THEN_COMMA_NAME = re.compile(
    rf"(?P<comp>\s+(?:to|of|for|in|at)\s+(?:[\w.’'-]+\s+){{0,5}}?[\w.’'-]+)?,\s+(?P<name>{_NAME})"
    rf"(?=\s*(?:[,;.]|$|\s+(?:{_SPEECH})\b))"
)
# "Colin Kahl, the Pentagon's Under Secretary": a name, a comma, then a role in apposition
_APPOSITION = re.compile(r",\s+(?:the|a|an|his|her|its|their|[A-Z][\w.’'-]*['’]s)\s")
_NAME_AT_END = re.compile(rf"(?<![\w’'-])(?P<name>{_NAME})$")
_APPOSITION_ROLE = re.compile(rf"[^,;:()\"“”]{{0,80}}?(?<![\w-])(?i:{ROLES})(?![\w])")
_TITLE_TAIL = re.compile(r"(?:(?:[A-Z][\w.’'-]*|[\w-]+['’]s|of|the|and|top|senior)\s+){1,6}$")
_HOST = re.compile(r"\b(?:ambassadors?|envoys?|representatives?)\s+to\b.*", re.IGNORECASE)
_LOCAL = re.compile(
    r"\b(?:region|regional|city|oblast|province|town|local|governor|mayor)\b", re.IGNORECASE
)

_PLACE_NAME = r"[A-Z][\w’'-]*[a-z](?:[\s-][A-Z][\w’'-]*[a-z]){0,2}"
_PLACE_LIST = re.compile(
    rf"\b(?i:villages?|towns?|cities|city|settlements?|hamlets?|townships?)\s+of\s+"
    rf"(?P<names>{_PLACE_NAME}(?:\s*,\s*{_PLACE_NAME})*(?:\s*,?\s+and\s+{_PLACE_NAME})?){_END}"
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_REGION_WORD = re.compile(r"\s(?:[Rr]egion|[Oo]blast|[Pp]rovince)\b")
_REGION_NAME = re.compile(
    rf"(?<![\w’'-])(?P<name>{_PLACE_NAME})\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince)$"
)
_IN_PLACE = re.compile(r"\s+in\s+(?:the\s+)?")
# Words that make "X region" a broad area, not a province
_NOT_PROVINCES = words(
    """Asia Pacific Asia-Pacific Indo-Pacific Euro-Atlantic Middle East Baltic Arctic Balkan
    Balkans Caucasus Sahel Gulf Nordic Black Western Eastern Southern Northern Central Greater
    Mediterranean Europe European Africa African Kurdistan Sea"""
)


@dataclass(frozen=True)
class Found:
    """A name the gazetteer lacks, with where it stands in the sentence."""

    start: int
    end: int
    name: str
    kind: str  # person, city or oblast
    affiliation: str | None = None  # people: state or organisation slug
    parent: str | None = None  # places: the region it lies in


Affiliation = Callable[[str], str | None]


class Discovery:
    """Finds unknown people (role cues) and places (place cues) in a sentence."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def people(
        self,
        text: str,
        mentions: Sequence[Mention],
        last_place: str | None,
        affiliation: Affiliation,
    ) -> list[Found]:
        """People named beside a role word."""
        out: list[Found] = []
        for name_start, name, cue in self._candidates(text):
            start, name = self._clean_name(text, name_start, name)
            end = start + len(name)
            hit = next((x for x in mentions if x.start < end and start < x.end), None)
            if name and hit and not hit.ref.person and hit.end < end:
                # a place or organisation leads the phrase ("Ukrainian Ivan Petrenko"): drop it
                rest = text[hit.end : end]
                start, name = self._clean_name(text, end - len(rest.lstrip()), rest.strip())
                hit = next((x for x in mentions if x.start < end and start < x.end), None)
            if not name or hit or any(f.start < end and start < f.end for f in out):
                continue  # no name, a known name, or found already
            state = self._affiliation(text, cue, mentions, last_place, affiliation)
            out.append(Found(start, end, name, "person", affiliation=state))
        return out

    @staticmethod
    def _candidates(text: str) -> list[tuple[int, str, tuple[int, int]]]:
        """(name start, name, cue span) for every name standing beside a role word."""
        out = []
        for role in _ROLE.finditer(text):
            tail = _TITLE_TAIL.search(text, max(0, role.start() - 80), role.start())
            cue_start = tail.start() if tail else role.start()
            for pattern in (_THEN_NAME, _THEN_COMMA_NAME):
                m = pattern.match(text, role.end())
                if m:
                    name = m.group("name")
                    if pattern is _THEN_NAME and m.group("comp"):
                        # after "Secretary of State for Europe" only two words are a name
                        name = " ".join(name.split()[-2:])
                    cue_end = m.end("comp") if m.group("comp") else role.end()
                    out.append((m.end("name") - len(name), name, (cue_start, cue_end)))
                    break
        for comma in _APPOSITION.finditer(text):
            before = _NAME_AT_END.search(text, max(0, comma.start() - 80), comma.start())
            role = _APPOSITION_ROLE.match(text, comma.end())
            if before and role:
                stop = text.find(",", role.end())
                cue = (comma.end(), stop if stop >= 0 else len(text))
                out.append((before.start("name"), before.group("name"), cue))
        return out

    def places(self, text: str, mentions: Sequence[Mention]) -> list[Found]:
        """Places named after "the village of", or before "region"."""
        out: list[Found] = []
        if " of " not in text and not _REGION_WORD.search(text):
            return out  # most sentences: no place cue at all
        for m in _PLACE_LIST.finditer(text):
            parent = self._parent_after(text, m.end(), mentions)
            pos = m.start("names")
            for piece in _LIST_SPLIT.split(m.group("names")):
                start = text.index(piece, pos)
                pos = start + len(piece)
                if self._is_new_place(piece, start, mentions):
                    out.append(Found(start, pos, piece, "city", parent=parent))
        for word in _REGION_WORD.finditer(text):
            m = _REGION_NAME.search(text, max(0, word.start() - 60), word.end())
            if not m:
                continue
            name = m.group("name")
            if name.split()[0] in _NOT_PROVINCES or name.split()[-1] in _NOT_PROVINCES:
                continue
            if self._is_new_place(name, m.start(), mentions):
                out.append(Found(m.start(), m.end("name"), name, "oblast"))
        return out

    def _is_new_place(self, name: str, start: int, mentions: Sequence[Mention]) -> bool:
        end = start + len(name)
        if any(t in NAME_STOP for t in name.split()):
            return False
        return not any(x.start < end and start < x.end for x in mentions)

    def _parent_after(self, text: str, pos: int, mentions: Sequence[Mention]) -> str | None:
        """The region in "the village of X in Y region"."""
        gap = _IN_PLACE.match(text, pos)
        if not gap:
            return None
        for x in mentions:
            if x.start == gap.end() and x.ref.place:
                return self.index.oblast_of(x.ref.place)
        return None

    @staticmethod
    def _clean_name(text: str, start: int, name: str) -> tuple[int, str]:
        """Drop leading words that cannot belong to a name ("Affairs Karen Donfried")."""
        tokens = name.split()
        cut = max((i + 1 for i, t in enumerate(tokens) if t in NAME_STOP), default=0)
        kept = tokens[cut:]
        if len(kept) > 3:
            kept = kept[-3:]
        if len(kept) < 2 or any(t.isupper() for t in kept):
            return start, ""
        clean = " ".join(kept)
        offset = text.find(kept[0], start)
        return offset, text[offset : offset + len(clean)] if offset >= 0 else ""

    def _affiliation(
        self,
        text: str,
        cue: tuple[int, int],
        mentions: Sequence[Mention],
        last_place: str | None,
        affiliation: Affiliation,
    ) -> str | None:
        """The state or organisation a role cue names, or the one of the place just named."""
        start, end = cue
        host = _HOST.search(text, start, end)  # "ambassador to the US": the US is the host
        end = host.start() if host else end
        for x in mentions:
            if x.start < start or x.end > end:
                continue
            if x.ref.person:
                return affiliation(x.ref.person)
            if x.ref.agent:
                return x.ref.agent
            if x.ref.place:
                return self.index.state_of_place(x.ref.place)
        for x in mentions:  # a place named earlier in the sentence is closer than the last one
            place = self.index.places.get(x.ref.place or "")
            if x.end <= start and place and place.kind != "country":
                last_place = place.slug
        if last_place and _LOCAL.search(text, start, end):
            return self.index.state_of_place(last_place)  # "the region's governor"
        return None
