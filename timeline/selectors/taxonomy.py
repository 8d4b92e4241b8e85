"""Reads of the taxonomy: the gazetteer for extraction, and the lookups the timeline needs."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..extraction.types import Agent, Gazetteer, Place, TopicRule
from ..filters import is_slug
from ..models import Actor, Region, Topic


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


@dataclass(frozen=True)
class RegionNode:
    id: int
    slug: str
    name: str
    kind: str
    parent_id: int | None
    latitude: float | None = None
    longitude: float | None = None


@dataclass
class RegionTree:
    """Every region with its parent, for descendant filters and rolled-up counts."""

    nodes: dict[int, RegionNode] = field(default_factory=dict)
    by_slug: dict[str, RegionNode] = field(default_factory=dict)
    children: dict[int | None, list[int]] = field(default_factory=dict)

    def ancestors(self, region_id: int) -> list[int]:
        """The regions above this one, nearest first."""
        chain: list[int] = []
        parent = self.nodes[region_id].parent_id
        while parent is not None and parent not in chain and parent in self.nodes:
            chain.append(parent)
            parent = self.nodes[parent].parent_id
        return chain


def region_tree() -> RegionTree:
    """The region hierarchy in memory (hundreds of rows, one query)."""
    tree = RegionTree()
    columns = ("id", "slug", "name", "kind", "parent_id", "latitude", "longitude")
    for row in Region.objects.values_list(*columns):
        node = RegionNode(*row)
        tree.nodes[node.id] = node
        tree.by_slug[node.slug] = node
    for node in tree.nodes.values():
        parent = node.parent_id if node.parent_id in tree.nodes else None
        tree.children.setdefault(parent, []).append(node.id)
    for ids in tree.children.values():
        ids.sort(key=lambda i: tree.nodes[i].name)
    return tree


@dataclass
class Taxonomy:
    """What a query string's slugs mean: the region tree, the topics, the actors it names."""

    tree: RegionTree
    topics: list[Topic]
    actors: dict[str, tuple[int, str]]  # slug -> (id, name), only the actors asked for

    def ids(self, facet: str, slugs: Iterable[str]) -> set[int]:
        """Tag ids of the slugs (a region's places below it come from `EventPlace`)."""
        if facet == "region":
            return {self.tree.by_slug[s].id for s in slugs if s in self.tree.by_slug}
        if facet == "topic":
            wanted = set(slugs)
            return {t.pk for t in self.topics if t.slug in wanted}
        return {self.actors[s][0] for s in slugs if s in self.actors}

    def known(self) -> dict[str, Collection[str]]:
        return {
            "region": self.tree.by_slug.keys(),
            "topic": {t.slug for t in self.topics},
            "actor": self.actors.keys(),
        }

    def names(self) -> dict[str, dict[str, str]]:
        return {
            "region": {slug: node.name for slug, node in self.tree.by_slug.items()},
            "actor": {slug: name for slug, (_, name) in self.actors.items()},
            "topic": {t.slug: t.name for t in self.topics},
        }


def taxonomy_for(query: Mapping[str, Sequence[str]]) -> Taxonomy:
    """The lookups a query string needs; a URL is no bulk lookup, so few actors are read."""
    asked = {value.strip().lower() for value in list(query.get("actor", ()))[:50]}
    asked = {slug for slug in asked if is_slug(slug)}
    actors = {}
    if asked:
        rows = Actor.objects.filter(slug__in=asked).values_list("slug", "pk", "name")
        actors = {slug: (pk, name) for slug, pk, name in rows}
    return Taxonomy(tree=region_tree(), topics=list(Topic.objects.all()), actors=actors)
