"""Reads: every query the views, exports and importer need."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from django.core.paginator import Page, Paginator

from .extraction.types import Agent, Gazetteer, Place, TopicRule
from .models import Actor, Event, Region, Topic

EVENTS_PER_PAGE = 50


def gazetteer_load() -> Gazetteer:
    """The taxonomy as the pure extraction package wants it."""
    region_parents = dict(Region.objects.values_list("id", "slug"))
    places = tuple(
        Place(
            slug=r.slug,
            name=r.name,
            kind=r.kind,
            parent=region_parents.get(r.parent_id),
            aliases=tuple(r.aliases or ()),
        )
        for r in Region.objects.all()
    )
    actor_slugs = dict(Actor.objects.values_list("id", "slug"))
    agents = tuple(
        Agent(
            slug=a.slug,
            name=a.name,
            kind=a.kind,
            affiliation=actor_slugs.get(a.affiliation_id),
            aliases=tuple(a.aliases or ()),
        )
        for a in Actor.objects.all()
    )
    topics = tuple(
        TopicRule(slug=t.slug, patterns=tuple(p for p in t.patterns.splitlines() if p.strip()))
        for t in Topic.objects.all()
    )
    return Gazetteer(places=places, agents=agents, topics=topics)


def event_page(*, page_number: int | str | None = 1) -> Page:
    """One page of visible events, newest first, with tags and report loaded."""
    events = Event.objects.visible().newest_first().with_tags()
    return Paginator(events, EVENTS_PER_PAGE).get_page(page_number)


def events_by_date(events) -> list[tuple]:
    """Group consecutive events under their date (the list is already date-ordered)."""
    return [(day, list(group)) for day, group in groupby(events, key=lambda e: e.date)]


def event_export_iter() -> Iterator[Event]:
    """Every event, in timeline order, with what the export writes (chunked)."""
    return (
        Event.objects.newest_first()
        .select_related("report")
        .prefetch_related("regions", "actors", "topics")
        .iterator(chunk_size=2000)
    )
