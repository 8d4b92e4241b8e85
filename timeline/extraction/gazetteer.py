"""Build a Gazetteer from the shipped JSON shape, without a database."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .types import Agent, Gazetteer, Place, TopicRule


def gazetteer_from_dict(data: Mapping[str, Any], topics: Sequence[TopicRule] = ()) -> Gazetteer:
    """Places and agents from `{"regions": [...], "actors": [...]}`; coordinates are ignored."""
    places = tuple(
        Place(
            slug=row["slug"],
            name=row["name"],
            kind=row["kind"],
            parent=row.get("parent") or None,
            aliases=tuple(row.get("aliases") or ()),
        )
        for row in data.get("regions", ())
    )
    agents = tuple(
        Agent(
            slug=row["slug"],
            name=row["name"],
            kind=row["kind"],
            affiliation=row.get("affiliation") or None,
            aliases=tuple(row.get("aliases") or ()),
        )
        for row in data.get("actors", ())
    )
    return Gazetteer(places=places, agents=agents, topics=tuple(topics))
