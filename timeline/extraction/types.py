"""Plain data passed between the extraction stages (no Django, no clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class Precision:
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class DateEvidence:
    """Why an event has its date: the expression (None when dated by publication) and rule."""

    text: str | None  # the date expression as written, or None
    start: int | None  # offsets of `text` in the event's text (" ".join of its sentences)
    end: int | None
    rule: str  # the rule applied, in words: "the Tuesday before publication (Wed 7 Jun 2023)"
    confidence: float  # 0 to 1


@dataclass(frozen=True)
class EventDate:
    date: dt.date
    precision: str = Precision.DAY
    evidence: DateEvidence | None = None


@dataclass(frozen=True)
class TagEvidence:
    """The phrase behind one region, actor or person tag of an event."""

    kind: str  # "region", "actor" or "person"
    slug: str  # Place or Agent slug
    text: str  # the words in the event's text that gave the tag
    confidence: float  # 0 to 1


@dataclass(frozen=True)
class TopicEvidence:
    """One topic of an event and the signals (matched words) behind it."""

    slug: str
    signals: tuple[str, ...]
    confidence: float  # 0 to 1


@dataclass(frozen=True)
class Segment:
    """The sentences of one event, and how sure the segmenter is that they are one happening."""

    sentences: list[str]
    confidence: float = 0.8


@dataclass(frozen=True)
class Place:
    """A region of the gazetteer: a country, oblast, city, sea or area."""

    slug: str
    name: str
    kind: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Agent:
    """An actor of the gazetteer: a state, organisation, group or person."""

    slug: str
    name: str
    kind: str
    affiliation: str | None = None  # slug of a person's state or organisation
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicRule:
    """A topic and the phrases that signal it (one regex per entry)."""

    slug: str
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Gazetteer:
    places: tuple[Place, ...] = ()
    agents: tuple[Agent, ...] = ()
    topics: tuple[TopicRule, ...] = ()


@dataclass
class ExtractedEvent:
    position: int
    title: str
    text: str
    date: dt.date
    precision: str
    regions: list[str] = field(default_factory=list)  # Place slugs
    actors: list[str] = field(default_factory=list)  # Agent slugs, people included
    topics: list[str] = field(default_factory=list)  # TopicRule slugs
    evidence: dict = field(default_factory=dict)  # JSON-ready: see pipeline.evidence_json


@dataclass(frozen=True)
class Block:
    """A repaired paragraph of body text; a bullet item is a block of its own."""

    text: str
    bullet: bool = False


@dataclass
class EntityTags:
    """What the entity tagger found in one event."""

    regions: list[str] = field(default_factory=list)  # Place slugs
    actors: list[str] = field(default_factory=list)  # Agent slugs, people included
    new_places: list[Place] = field(default_factory=list)  # unknown to the gazetteer
    new_agents: list[Agent] = field(default_factory=list)  # unknown to the gazetteer
    evidence: list[TagEvidence] = field(default_factory=list)  # one per tag, in tag order
