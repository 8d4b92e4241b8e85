"""The gazetteer compiled for matching: one alias regex plus the lookups the rules need."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Agent, Gazetteer, Place
from .lexicon import NAME_STOP, ascii_fold, trie_pattern
from .spelling import Spellings

HOME_COUNTRY = "ukraine"  # the war's country is implied, never tagged as a region
_KIND_PRIORITY = {"city": 0, "country": 1, "area": 2, "sea": 3, "oblast": 4}


@dataclass(frozen=True)
class Referent:
    """What an alias can name; the context decides which reading applies."""

    place: str | None = None  # Place slug
    agent: str | None = None  # state, organisation or group slug
    person: str | None = None  # person slug (full name or an alias the gazetteer vouches for)
    surname_of: tuple[str, ...] = ()  # people whose bare surname needs their full name first


def alias_variants(alias: str) -> set[str]:
    """Spellings matched for one alias: as written, without diacritics, other apostrophe,
    and with the words after the first in lower case ("UN high commissioner for refugees")."""
    out = {alias, ascii_fold(alias)}
    out |= {a.replace("'", "’") for a in out} | {a.replace("’", "'") for a in out}
    for a in list(out):
        first, _, rest = a.partition(" ")
        if rest and not rest.isupper():
            out.add(f"{first} {rest.lower()}")
            head, _, last = a.rpartition(" ")
            out.add(f"{head} {last.lower()}")  # "Kerch Strait bridge"
    return {a for a in out if a.strip()}


class Index:
    """Aliases, their referents and the geography of a Gazetteer, compiled once."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.places: dict[str, Place] = {p.slug: p for p in gazetteer.places}
        self.agents: dict[str, Agent] = {a.slug: a for a in gazetteer.agents}
        refs: dict[str, dict] = {}

        def claim(alias: str, field: str, slug: str) -> None:
            for variant in alias_variants(alias):
                slot = refs.setdefault(variant, {})
                if field == "surname_of":
                    slot.setdefault(field, []).append(slug)
                else:
                    slot.setdefault(field, slug)  # the first claim (by priority) wins

        ordered = sorted(self.places.values(), key=lambda p: _KIND_PRIORITY.get(p.kind, 9))
        for place in ordered:
            for alias in (place.name, *place.aliases):
                claim(alias, "place", place.slug)
        people = [a for a in self.agents.values() if a.kind == "person"]
        for agent in self.agents.values():
            if agent.kind != "person":
                for alias in (agent.name, *agent.aliases):
                    claim(alias, "agent", agent.slug)
        for person in people:
            for alias in (person.name, *person.aliases):
                if alias not in refs or set(refs[alias]) <= {"person", "surname_of"}:
                    claim(alias, "person", person.slug)
        self.surname: dict[str, str] = {}
        for person in people:
            last = person.name.split()[-1]
            self.surname[person.slug] = last
            if len(last) > 2 and last not in NAME_STOP and "person" not in refs.get(last, {}):
                claim(last, "surname_of", person.slug)
        self.refs: dict[str, Referent] = {
            alias: Referent(
                place=slot.get("place"),
                agent=slot.get("agent"),
                person=slot.get("person"),
                surname_of=tuple(dict.fromkeys(slot.get("surname_of", ()))),
            )
            for alias, slot in refs.items()
        }
        self.pattern = re.compile(rf"(?<![\w’'-])(?:{trie_pattern(self.refs)})(?![\w])")
        self.spellings = self._spellings()
        self.river_by_stem = {
            p.name[: -len(" River")]: p.slug
            for p in self.places.values()
            if p.name.lower().endswith(" river")
        }
        self._region_named = {
            p.name.split()[0]: p.slug for p in ordered[::-1] if p.kind == "oblast" and " " in p.name
        }

    def _spellings(self) -> Spellings:
        """Other romanisations of the gazetteer's names; people and states also fuzzily."""
        names = [a for a in self.refs if a[:1].isupper() and not a.isupper() and a.isascii()]

        def fuzzy(alias: str) -> bool:
            ref = self.refs[alias]
            if ref.person or ref.surname_of:
                return True
            agent = self.agents.get(ref.agent or "")
            return agent is not None and agent.kind == "state" and ref.place is not None

        return Spellings(names, [a for a in names if fuzzy(a)])

    def country_of(self, slug: str | None) -> str | None:
        """The country (Place slug) a place lies in, following parents."""
        seen = 0
        while slug and seen < 12:
            place = self.places.get(slug)
            if place is None:
                return None
            if place.kind == "country":
                return place.slug
            slug, seen = place.parent, seen + 1
        return None

    def state_of_place(self, slug: str | None) -> str | None:
        """The state actor whose territory holds the place."""
        country = self.country_of(slug)
        agent = self.agents.get(country) if country else None
        return agent.slug if agent and agent.kind == "state" else None

    def oblast_of(self, slug: str) -> str:
        """The oblast/province a place names in "X region" (a city's parent region)."""
        place = self.places.get(slug)
        if place and place.kind == "city" and place.parent:
            parent = self.places.get(place.parent)
            if parent and parent.kind == "oblast":
                return parent.slug
            # a federal city whose namesake region is not its parent ("Moscow region")
            return self._region_named.get(place.name, slug)
        return slug

    def is_person(self, slug: str) -> bool:
        """Whether an agent slug is a person of the gazetteer."""
        agent = self.agents.get(slug)
        return agent is not None and agent.kind == "person"
