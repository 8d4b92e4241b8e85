"""Migration 0015 brings the new topic rules to databases that still hold the old ones."""

import hashlib
import importlib
import json
from pathlib import Path

import pytest
from django.apps import apps

from timeline.models import Topic

pytestmark = pytest.mark.django_db

TOPICS = Path(__file__).resolve().parent.parent / "timeline" / "data" / "topics.json"
migration = importlib.import_module("timeline.migrations.0015_topic_rules")


def test_shipped_rules_are_updated_and_an_editors_rules_kept(monkeypatch, tmp_path):
    rules = tmp_path / "rules.json"
    old = "shelled\nmissile"
    sha = hashlib.sha256(old.encode()).hexdigest()
    rules.write_text(
        json.dumps(
            {
                "battlefield": {"shipped_before_sha256": sha, "patterns": ["shelled", "drones?"]},
                "talks": {"shipped_before_sha256": sha, "patterns": ["talks"]},
            }
        )
    )
    monkeypatch.setattr(migration, "RULES", rules)
    Topic.objects.filter(slug="battlefield").update(patterns=old)
    Topic.objects.filter(slug="talks").update(patterns="an editor's own rule")
    migration.forwards(apps, None)
    assert Topic.objects.get(slug="battlefield").patterns == "shelled\ndrones?"
    assert Topic.objects.get(slug="talks").patterns == "an editor's own rule"


def test_a_fresh_database_already_has_the_shipped_rules():
    shipped = json.loads(TOPICS.read_text(encoding="utf-8"))
    stored = dict(Topic.objects.values_list("slug", "patterns"))
    assert all(stored[t["slug"]] == "\n".join(t["patterns"]) for t in shipped)
