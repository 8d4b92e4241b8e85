"""Plain data passed between the extraction stages (no Django, no clock)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class Precision:
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class EventDate:
    date: dt.date
    precision: str = Precision.DAY


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
