"""The whole extraction: repaired text -> events -> dates, tags, topics and titles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .cleanup import repair
from .dates import event_date
from .evidence import evidence_json
from .segment import segment_events
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
        self._names = {p.slug: p.name for p in gazetteer.places}
        self._names.update((a.slug, a.name) for a in gazetteer.agents)

    def extract(self, body: str, published: dt.date, *, title: str = "") -> Extraction:
        """Events of one report body, dated against its publication date.

        `title` is the report's own title, which pages often repeat in the body.
        """
        if isinstance(published, dt.datetime):
            published = published.date()
        segments = segment_events(repair(body, title=title))
        groups = [s.sentences for s in segments]
        result = Extraction()
        seen_places: set[str] = set()
        seen_agents: set[str] = set()
        names = dict(self._names)
        for position, (segment, tags) in enumerate(
            zip(segments, self._tagger.tag_report(groups), strict=True)
        ):
            sentences = segment.sentences
            text = " ".join(sentences)
            when = event_date(sentences, published)
            topics = self._topics.explain(text)
            names.update((p.slug, p.name) for p in tags.new_places)
            names.update((a.slug, a.name) for a in tags.new_agents)
            result.events.append(
                ExtractedEvent(
                    position=position,
                    title=make_title(sentences),
                    text=text,
                    date=when.date,
                    precision=when.precision,
                    regions=tags.regions,
                    actors=tags.actors,
                    topics=[t.slug for t in topics],
                    evidence=evidence_json(
                        when, tags, topics, segment.confidence, published, names.get
                    ),
                )
            )
            result.new_places += [p for p in tags.new_places if p.slug not in seen_places]
            result.new_agents += [a for a in tags.new_agents if a.slug not in seen_agents]
            seen_places.update(p.slug for p in tags.new_places)
            seen_agents.update(a.slug for a in tags.new_agents)
        return result
