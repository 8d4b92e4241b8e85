"""Reads of the taxonomy: the gazetteer for extraction, and the lookups the timeline needs."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

from ..extraction.types import Agent, Gazetteer, Place, TopicRule
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

    def descendants(self, region_id: int) -> set[int]:
        """The region and every region below it."""
        found, stack = set(), [region_id]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self.children.get(current, ()))
        return found

    def ancestors(self, region_id: int) -> list[int]:
        """The regions above this one, nearest first."""
        chain: list[int] = []
        parent = self.nodes[region_id].parent_id
        while parent is not None and parent not in chain and parent in self.nodes:
            chain.append(parent)
            parent = self.nodes[parent].parent_id
        return chain

    def ids_under(self, slugs: Iterable[str]) -> set[int]:
        """Regions named by these slugs and everything below them."""
        ids: set[int] = set()
        for slug in slugs:
            if slug in self.by_slug:
                ids |= self.descendants(self.by_slug[slug].id)
        return ids


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


def topics_all() -> list[Topic]:
    return list(Topic.objects.all())


def actor_names_by_slug(slugs: Collection[str]) -> dict[str, str]:
    """Names of the actors among these slugs that exist (without loading every actor)."""
    if not slugs:
        return {}
    return dict(Actor.objects.filter(slug__in=slugs).values_list("slug", "name"))
