"""The shipped taxonomy (regions, actors, topics) and its loading into the database.

The data files in timeline/data/ are the starting point editors refine in the admin.
`taxonomy_load` adds what is missing and never overwrites a row that already exists,
so it is safe in a data migration and on every deploy.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


def gazetteer_data() -> dict[str, Any]:
    """The shipped regions and actors (timeline/data/gazetteer.json)."""
    return json.loads((DATA_DIR / "gazetteer.json").read_text(encoding="utf-8"))


def topics_data() -> list[dict[str, Any]]:
    """The shipped topics and their patterns (timeline/data/topics.json)."""
    return json.loads((DATA_DIR / "topics.json").read_text(encoding="utf-8"))


@dataclass
class TaxonomyCounts:
    regions: int = 0
    actors: int = 0
    topics: int = 0


def taxonomy_load(*, region_model, actor_model, topic_model) -> TaxonomyCounts:
    """Create the shipped regions, actors and topics that do not exist yet.

    Takes the model classes so a migration can pass its historical models.
    """
    added = TaxonomyCounts()
    for position, topic in enumerate(topics_data()):
        _, created = topic_model.objects.get_or_create(
            slug=topic["slug"],
            defaults={
                "name": topic["name"],
                "description": topic.get("description", ""),
                "patterns": "\n".join(topic.get("patterns", [])),
                "position": position,
            },
        )
        added.topics += created
    data = gazetteer_data()
    added.regions = _load_tree(region_model, data["regions"], "parent", _region_fields)
    added.actors = _load_tree(actor_model, data["actors"], "affiliation", _actor_fields)
    return added


def _region_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": row["name"],
        "kind": row["kind"],
        "aliases": row.get("aliases", []),
        "latitude": row.get("lat"),
        "longitude": row.get("lon"),
    }


def _actor_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {"name": row["name"], "kind": row["kind"], "aliases": row.get("aliases", [])}


def _load_tree(model, rows: list[dict[str, Any]], link: str, fields) -> int:
    """Insert missing rows, then point each new row at its parent/affiliation by slug."""
    existing = set(model.objects.values_list("slug", flat=True))
    new_rows = [row for row in rows if row["slug"] not in existing]
    model.objects.bulk_create([model(slug=row["slug"], **fields(row)) for row in new_rows])
    ids = dict(model.objects.values_list("slug", "id"))
    for row in new_rows:
        if row.get(link):
            model.objects.filter(slug=row["slug"]).update(**{f"{link}_id": ids[row[link]]})
    return len(new_rows)
