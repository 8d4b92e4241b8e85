"""Facet counts: every value carries its count, whether it is selected, and its toggle URL.

Each facet counts against the other active filters (a reader choosing a second topic
sees how many events each would add), so one facet's own selection never zeroes it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..filters import TimelineFilters
from ..models import Actor
from .counting import facet_counts
from .taxonomy import Taxonomy

# Beyond these, a list is scrolling, not choosing; selected values are always shown.
PLACES_SHOWN_PER_PARENT = 25
ACTORS_SHOWN_PER_KIND = 40
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
    filters: TimelineFilters  # the view this value belongs to
    kind: str = ""
    children: list[FacetValue] = field(default_factory=list)
    latitude: float | None = None  # places only, for the map
    longitude: float | None = None

    @property
    def input_id(self) -> str:
        return f"{self.facet}-{self.slug}"

    @property
    def query(self) -> str:
        """The canonical query string with this value toggled (worked out only when asked:
        the panel's checkboxes submit the form and never need it)."""
        return self.filters.toggled(self.facet, self.slug).query()


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

    @property
    def region_rows(self) -> list[tuple[FacetValue, int]]:
        """The region tree flattened to (value, depth), parents before their children."""
        rows: list[tuple[FacetValue, int]] = []
        stack = [(value, 0) for value in reversed(self.regions)]
        while stack:
            value, depth = stack.pop()
            rows.append((value, depth))
            stack.extend((child, depth + 1) for child in reversed(value.children))
        return rows


def _value(filters: TimelineFilters, facet: str, slug: str, name: str, count: int, kind=""):
    return FacetValue(
        facet=facet,
        slug=slug,
        name=name,
        count=count,
        selected=slug in getattr(filters, facet),
        filters=filters,
        kind=kind,
    )


def region_facet(
    filters: TimelineFilters, taxonomy: Taxonomy, own: dict[int, int]
) -> list[FacetValue]:
    """The region tree (country > oblast > town), each place counting the events in it."""
    tree = taxonomy.tree
    selected = {tree.by_slug[s].id for s in filters.region if s in tree.by_slug}
    shown = set(own) | selected
    for region_id in list(shown):
        shown.update(tree.ancestors(region_id))
    totals = own  # rolled up already: an event's places include every ancestor

    def build(region_id: int) -> FacetValue:
        node = tree.nodes[region_id]
        value = _value(filters, "region", node.slug, node.name, totals.get(region_id, 0), node.kind)
        value.latitude, value.longitude = node.latitude, node.longitude
        children = [build(c) for c in tree.children.get(region_id, ()) if c in shown]
        children.sort(key=lambda v: (-v.count, v.name))
        value.children = _shortlist(children, PLACES_SHOWN_PER_PARENT)
        return value

    roots = [build(i) for i in tree.children.get(None, ()) if i in shown]
    return sorted(roots, key=lambda v: (-v.count, v.name))


def actor_facet(
    filters: TimelineFilters, taxonomy: Taxonomy, counts: dict[int, int]
) -> list[ActorGroup]:
    """Actors with events under the other filters, grouped by kind, most frequent first."""
    selected = taxonomy.ids("actor", filters.actor)
    actors = Actor.objects.filter(pk__in=set(counts) | selected).only("slug", "name", "kind")
    grouped: dict[str, list[FacetValue]] = defaultdict(list)
    for actor in actors:
        grouped[actor.kind].append(
            _value(filters, "actor", actor.slug, actor.name, counts.get(actor.pk, 0), actor.kind)
        )
    return [
        ActorGroup(
            kind,
            label,
            _shortlist(
                sorted(grouped[kind], key=lambda v: (-v.count, v.name)), ACTORS_SHOWN_PER_KIND
            ),
        )
        for kind, label in ACTOR_KINDS
        if grouped[kind]
    ]


def _shortlist(values: list[FacetValue], limit: int) -> list[FacetValue]:
    """The first `limit` values, plus any selected value beyond them."""
    return values[:limit] + [v for v in values[limit:] if v.selected]


def topic_facet(
    filters: TimelineFilters, taxonomy: Taxonomy, counts: dict[int, int]
) -> list[FacetValue]:
    """Every topic as a chip, zero counts included, in the editors' order."""
    return [_value(filters, "topic", t.slug, t.name, counts.get(t.pk, 0)) for t in taxonomy.topics]


def event_facets(
    filters: TimelineFilters, taxonomy: Taxonomy, counts: dict[str, dict[int, int]] | None = None
) -> Facets:
    counts = counts if counts is not None else facet_counts(filters, taxonomy)
    return Facets(
        regions=region_facet(filters, taxonomy, counts["region"]),
        actors=actor_facet(filters, taxonomy, counts["actor"]),
        topics=topic_facet(filters, taxonomy, counts["topic"]),
    )
