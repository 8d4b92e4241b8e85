"""The whole extraction: repaired text -> events -> dates, tags, topics and titles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .cleanup import repair
from .dates import event_date
from .segment import segment
from .tagging import EntityTagger
from .titles import make_title
from .topics import TopicClassifier
from .types import Agent, ExtractedEvent, Gazetteer, Place


@dataclass
class Extraction:
    events: list[ExtractedEvent] = field(default_factory=list)
    new_places: list[Place] = field(default_factory=list)
    new_agents: list[Agent] = field(default_factory=list)


class ReportExtractor:
    """Extracts events from report bodies; build once, reuse for many reports."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._tagger = EntityTagger(gazetteer)
        self._topics = TopicClassifier(gazetteer.topics)

    def extract(self, body: str, published: dt.date) -> Extraction:
        """Events of one report body, dated against its publication date."""
        groups = segment(repair(body))
        result = Extraction()
        seen_places: set[str] = set()
        seen_agents: set[str] = set()
        for position, (sentences, tags) in enumerate(
            zip(groups, self._tagger.tag_report(groups), strict=True)
        ):
            text = " ".join(sentences)
            when = event_date(sentences, published)
            result.events.append(
                ExtractedEvent(
                    position=position,
                    title=make_title(sentences),
                    text=text,
                    date=when.date,
                    precision=when.precision,
                    regions=tags.regions,
                    actors=tags.actors,
                    topics=self._topics.classify(text),
                )
            )
            result.new_places += [p for p in tags.new_places if p.slug not in seen_places]
            result.new_agents += [a for a in tags.new_agents if a.slug not in seen_agents]
            seen_places.update(p.slug for p in tags.new_places)
            seen_agents.update(a.slug for a in tags.new_agents)
        return result
