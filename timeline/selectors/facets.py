"""Facet counts: every value carries its count, whether it is selected, and its toggle URL.

Each facet counts against the other active filters (a reader choosing a second topic
sees how many events each would add), so one facet's own selection never zeroes it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from ..filters import TimelineFilters
from ..models import Actor, Event, Topic
from .events import events_filtered
from .taxonomy import RegionTree

ACTOR_KINDS = (
    ("state", "States"),
    ("organization", "Organisations"),
    ("person", "People"),
    ("group", "Groups"),
)


@dataclass
class FacetValue:
    facet: str
    slug: str
    name: str
    count: int
    selected: bool
    query: str  # the canonical query string with this value toggled
    kind: str = ""
    children: list[FacetValue] = field(default_factory=list)
    latitude: float | None = None  # places only, for the map
    longitude: float | None = None

    @property
    def input_id(self) -> str:
        return f"{self.facet}-{self.slug}"


@dataclass
class ActorGroup:
    kind: str
    label: str
    values: list[FacetValue]


@dataclass
class Facets:
    regions: list[FacetValue]
    actors: list[ActorGroup]
    topics: list[FacetValue]


def _value(filters: TimelineFilters, facet: str, slug: str, name: str, count: int, kind=""):
    return FacetValue(
        facet=facet,
        slug=slug,
        name=name,
        count=count,
        selected=slug in getattr(filters, facet),
        query=filters.toggled(facet, slug).query(),
        kind=kind,
    )


def _counts(filters: TimelineFilters, tree: RegionTree, facet: str) -> dict[int, int]:
    """Events per tag of one facet, under every filter but that facet's own."""
    attribute = {"region": "region_id", "actor": "actor_id", "topic": "topic_id"}[facet]
    through = getattr(Event, f"{facet}s").through.objects
    base = events_filtered(filters, tree=tree, skip=facet)
    rows = (
        through.filter(event_id__in=base.values("pk"))
        .values(attribute)
        .annotate(n=Count("event_id"))
        .order_by()
    )
    return {row[attribute]: row["n"] for row in rows}


def region_facet(filters: TimelineFilters, tree: RegionTree) -> list[FacetValue]:
    """The region tree (country > oblast > town) with distinct event counts rolled up."""
    own = _counts(filters, tree, "region")
    selected = {tree.by_slug[s].id for s in filters.region if s in tree.by_slug}
    shown = set(own) | selected
    for region_id in list(shown):
        shown.update(tree.ancestors(region_id))
    totals = dict(own)
    parents = [i for i in shown if tree.children.get(i)]
    if parents:
        # A place tagged twice (oblast and its city) counts once: count distinct events.
        through = Event.regions.through.objects
        base = events_filtered(filters, tree=tree, skip="region")
        rolled = through.filter(event_id__in=base.values("pk")).aggregate(
            **{
                f"r{i}": Count(
                    "event_id", distinct=True, filter=Q(region_id__in=tree.descendants(i))
                )
                for i in parents
            }
        )
        totals.update({i: rolled[f"r{i}"] for i in parents})

    def build(region_id: int) -> FacetValue:
        node = tree.nodes[region_id]
        value = _value(filters, "region", node.slug, node.name, totals.get(region_id, 0), node.kind)
        value.latitude, value.longitude = node.latitude, node.longitude
        value.children = [build(c) for c in tree.children.get(region_id, ()) if c in shown]
        value.children.sort(key=lambda v: (-v.count, v.name))
        return value

    roots = [build(i) for i in tree.children.get(None, ()) if i in shown]
    return sorted(roots, key=lambda v: (-v.count, v.name))


def actor_facet(filters: TimelineFilters, tree: RegionTree) -> list[ActorGroup]:
    """Actors with events under the other filters, grouped by kind, most frequent first."""
    counts = _counts(filters, tree, "actor")
    actors = Actor.objects.filter(Q(pk__in=counts) | Q(slug__in=filters.actor))
    grouped: dict[str, list[FacetValue]] = defaultdict(list)
    for actor in actors.only("slug", "name", "kind"):
        grouped[actor.kind].append(
            _value(filters, "actor", actor.slug, actor.name, counts.get(actor.pk, 0), actor.kind)
        )
    return [
        ActorGroup(kind, label, sorted(grouped[kind], key=lambda v: (-v.count, v.name)))
        for kind, label in ACTOR_KINDS
        if grouped[kind]
    ]


def topic_facet(
    filters: TimelineFilters, tree: RegionTree, topics: list[Topic]
) -> list[FacetValue]:
    """Every topic as a chip, zero counts included, in the editors' order."""
    counts = _counts(filters, tree, "topic")
    return [_value(filters, "topic", t.slug, t.name, counts.get(t.pk, 0)) for t in topics]


def event_facets(filters: TimelineFilters, *, tree: RegionTree, topics: list[Topic]) -> Facets:
    return Facets(
        regions=region_facet(filters, tree),
        actors=actor_facet(filters, tree),
        topics=topic_facet(filters, tree, topics),
    )
