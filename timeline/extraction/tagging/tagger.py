"""EntityTagger: regions, actors and people of each event of a report."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..types import Agent, EntityTags, Gazetteer, Place, TagEvidence
from .context import PERSON, REGION, Mention, Rules, Tag
from .discovery import Discovery, Found
from .index import HOME_COUNTRY, Index, Referent
from .lexicon import NAME_STOP, slugify, trie_pattern
from .spelling import CAPITALISED_RUN

_TOKEN = re.compile(r"\S+")
DISCOVERED = 0.7  # a name the gazetteer lacks, recognised from a role or place word


@dataclass
class _Report:
    """What one report has taught the tagger: full names seen, people and places found."""

    named: set[str] = field(default_factory=set)
    agents: dict[str, Agent] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    names: dict[str, Referent] = field(default_factory=dict)  # extra aliases: name -> referent
    pattern: re.Pattern[str] | None = None


class EntityTagger:
    """Tags events with gazetteer places and actors; build once, reuse for every report."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._index = Index(gazetteer)
        self._rules = Rules(self._index)
        self._discovery = Discovery(self._index)

    def tag_report(self, events: Sequence[Sequence[str]]) -> list[EntityTags]:
        """One EntityTags per event (each event = its sentences in order).

        Report-level context is shared: full names seen anywhere resolve bare surnames, and
        people and places found beside a role or place word are recognised in every event.
        """
        cache: dict[str, list[Mention]] = {}
        report = _Report()
        self._learn(events, report, cache)
        out: list[EntityTags] = []
        announced: set[tuple[str, str]] = set()
        affiliation = lambda slug: self._affiliation(slug, report)  # noqa: E731
        place_kind = lambda slug: self._place_kind(slug, report)  # noqa: E731
        for sentences in events:
            tags: list[tuple[int, Tag]] = []
            for n, sentence in enumerate(sentences):
                mentions = self._mentions(sentence, report, cache)
                found = self._rules.classify(
                    sentence, mentions, report.named, affiliation, place_kind
                )
                tags += [(n, tag) for tag in found]
            out.append(self._event_tags(tags, report, announced))
        return out

    # ------------------------------------------------------------ report-level pass

    def _learn(
        self, events: Sequence[Sequence[str]], report: _Report, cache: dict[str, list[Mention]]
    ) -> None:
        """Collect the people named in full and the unknown people and places of a report."""
        last_place: str | None = None
        for sentences in events:
            for sentence in sentences:
                mentions = self._scan(sentence, cache)
                for m in mentions:
                    if m.ref.person and " " in sentence[m.start : m.end]:
                        report.named.add(m.ref.person)
                people = self._discovery.people(
                    sentence, mentions, last_place, lambda slug: self._affiliation(slug, report)
                )
                for f in people + self._discovery.places(sentence, mentions):
                    self._register(f, report)
                for m in mentions:
                    place = self._index.places.get(m.ref.place or "")
                    if place and place.kind != "country":
                        last_place = place.slug
        if report.names:
            report.pattern = re.compile(rf"(?<![\w’'-])(?:{trie_pattern(report.names)})(?![\w])")

    def _register(self, f: Found, report: _Report) -> None:
        """Remember a discovered name, and its surname for people."""
        slug = slugify(f.name)
        if not slug:
            return
        if f.kind == "person":
            if slug in self._index.agents or slug in report.agents:
                return
            report.agents[slug] = Agent(slug, f.name, "person", affiliation=f.affiliation)
            report.named.add(slug)
            report.names.setdefault(f.name, Referent(person=slug))
            surname = f.name.split()[-1]
            if len(surname) > 2 and surname not in NAME_STOP and surname not in self._index.refs:
                report.names.setdefault(surname, Referent(person=slug))
        elif slug not in self._index.places and slug not in report.places:
            report.places[slug] = Place(slug, f.name, f.kind, parent=f.parent)
            report.names.setdefault(f.name, Referent(place=slug))

    # ------------------------------------------------------------ matching

    def _scan(self, sentence: str, cache: dict[str, list[Mention]]) -> list[Mention]:
        """Gazetteer mentions of a sentence (cached: both passes read every sentence)."""
        mentions = cache.get(sentence)
        if mentions is None:
            refs = self._index.refs
            mentions = [
                Mention(m.start(), m.end(), refs[m.group()])
                for m in self._index.pattern.finditer(sentence)
            ]
            variants = self._variants(sentence, mentions)
            if variants:
                mentions = sorted(mentions + variants, key=lambda m: m.start)
            cache[sentence] = mentions
        return mentions

    def _variants(self, sentence: str, mentions: list[Mention]) -> list[Mention]:
        """Capitalised names the alias regex missed that are another spelling of an alias.

        Within a run of capitalised words the longest part that resolves wins
        ("Mayor Vitali Klitshko": "Vitali Klitshko"), then the rest is tried.
        """
        out: list[Mention] = []
        spellings, refs = self._index.spellings, self._index.refs
        for run in CAPITALISED_RUN.finditer(sentence):
            start, end = run.span()
            if any(m.start < end and start < m.end for m in mentions):
                continue
            tokens = [(t.start(), t.end()) for t in _TOKEN.finditer(sentence, start, end)]
            i = 0
            while i < len(tokens):
                for j in range(len(tokens), i, -1):
                    piece = sentence[tokens[i][0] : tokens[j - 1][1]]
                    hit = spellings.resolve(piece)
                    if hit:
                        out.append(
                            Mention(tokens[i][0], tokens[j - 1][1], refs[hit.alias], hit.confidence)
                        )
                        i = j
                        break
                else:
                    i += 1
        return out

    def _mentions(
        self, sentence: str, report: _Report, cache: dict[str, list[Mention]]
    ) -> list[Mention]:
        """Gazetteer mentions plus mentions of what this report taught."""
        mentions = self._scan(sentence, cache)
        if report.pattern is None:
            return mentions
        extra = [
            Mention(m.start(), m.end(), report.names[m.group()], DISCOVERED)
            for m in report.pattern.finditer(sentence)
        ]
        extra = [e for e in extra if not any(e.start < x.end and x.start < e.end for x in mentions)]
        return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions

    def _affiliation(self, slug: str, report: _Report) -> str | None:
        agent = self._index.agents.get(slug) or report.agents.get(slug)
        return agent.affiliation if agent else None

    def _place_kind(self, slug: str, report: _Report) -> str | None:
        place = self._index.places.get(slug) or report.places.get(slug)
        return place.kind if place else None

    # ------------------------------------------------------------ output

    def _event_tags(
        self,
        tags: list[tuple[int, Tag]],
        report: _Report,
        announced: set[tuple[str, str]],
    ) -> EntityTags:
        """Deduplicated slugs in order of first mention, their evidence, and the new entries
        first used here."""
        tags.sort(key=lambda t: (t[0], t[1].offset, t[1].kind != PERSON))
        regions = list(
            dict.fromkeys(t.slug for _, t in tags if t.kind == REGION and t.slug != HOME_COUNTRY)
        )
        rivers = [s for s in regions if s in self._index.river_by_stem.values()]
        if rivers and len(rivers) < len(regions):
            # "the west bank of the Dnipro in Kherson region": the river only locates the place
            regions = [s for s in regions if s not in rivers]
        actors = list(dict.fromkeys(t.slug for _, t in tags if t.kind != REGION))
        result = EntityTags(regions=regions, actors=actors)
        result.evidence = _evidence(tags, regions, actors)
        for slug in regions:
            if slug in report.places and ("place", slug) not in announced:
                announced.add(("place", slug))
                result.new_places.append(report.places[slug])
        for slug in actors:
            if slug in report.agents and ("agent", slug) not in announced:
                announced.add(("agent", slug))
                result.new_agents.append(report.agents[slug])
        return result


def _evidence(
    tags: list[tuple[int, Tag]], regions: list[str], actors: list[str]
) -> list[TagEvidence]:
    """One TagEvidence per tag, in tag order: the surest mention of each (the first on a tie)."""
    best: dict[tuple[bool, str], Tag] = {}
    for _, tag in tags:
        key = (tag.kind == REGION, tag.slug)
        if key not in best or tag.confidence > best[key].confidence:
            best[key] = tag
    out = []
    for is_region, slugs in ((True, regions), (False, actors)):
        for slug in slugs:
            tag = best[(is_region, slug)]
            out.append(TagEvidence(tag.kind, slug, tag.text, tag.confidence))
    return out
