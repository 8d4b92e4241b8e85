"""The map's points: the places of the region facet that have coordinates and events.

The map runs no query of its own. Its counts and selected flags are the filter panel's,
and every point is a value of the panel's own (shortlisted) tree, so a circle always has a
checkbox to toggle: the points carry no URLs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields

from .facets import FacetValue

MAX_RADIUS = 36.0  # pixels, for the largest count on the map
MIN_RADIUS = 6.0  # pixels: a smaller circle is too hard to point at or tap


@dataclass(frozen=True)
class MapPoint:
    slug: str
    name: str
    kind: str
    count: int
    selected: bool
    latitude: float
    longitude: float
    radius: float
    label: str  # "Kharkiv: 12 events", for the tooltip and the circle's accessible name


def _flattened(values: Iterable[FacetValue]) -> Iterator[FacetValue]:
    for value in values:
        yield value
        yield from _flattened(value.children)


def circle_radius(count: int, largest: int) -> float:
    """A circle's radius in pixels: its area is proportional to its count (sqrt scaling)."""
    if count <= 0 or largest <= 0:
        return 0.0
    return round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(count / largest)), 1)


def events_label(name: str, count: int) -> str:
    return f"{name}: {count:,} event{'' if count == 1 else 's'}"


def map_points(regions: Iterable[FacetValue]) -> list[MapPoint]:
    """Every place in the region facet tree with coordinates and events, largest first.

    Largest first so that the map draws the smaller circles (a city inside its oblast,
    inside its country) on top, where they can still be pointed at.
    """
    places = [
        v
        for v in _flattened(regions)
        if v.latitude is not None and v.longitude is not None and v.count > 0
    ]
    largest = max((v.count for v in places), default=0)
    points = [
        MapPoint(
            slug=v.slug,
            name=v.name,
            kind=v.kind,
            count=v.count,
            selected=v.selected,
            latitude=v.latitude,
            longitude=v.longitude,
            radius=circle_radius(v.count, largest),
            label=events_label(v.name, v.count),
        )
        for v in places
    ]
    return sorted(points, key=lambda p: (-p.count, p.name, p.slug))


_FIELDS = [f.name for f in fields(MapPoint)]


def map_data(regions: Iterable[FacetValue]) -> dict:
    """The map's points as JSON-ready data, for a `json_script` block in the page."""
    return {"points": [{name: getattr(p, name) for name in _FIELDS} for p in map_points(regions)]}
