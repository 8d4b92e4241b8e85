"""The topic rules of 2026-12 (real reports from other outlets) reach existing databases.

Only a topic whose patterns are still exactly what was shipped before is rewritten: an
editor's own rules are never overwritten. The new rules are frozen beside this migration
(0015_topic_rules.json), so it does not depend on today's data files.
"""

import hashlib
import json
from pathlib import Path

from django.db import migrations

RULES = Path(__file__).with_name("0015_topic_rules.json")


def forwards(apps, schema_editor):
    Topic = apps.get_model("timeline", "Topic")
    for slug, rule in json.loads(RULES.read_text(encoding="utf-8")).items():
        topic = Topic.objects.filter(slug=slug).first()
        if topic is None:
            continue
        shipped = hashlib.sha256(topic.patterns.replace("\r\n", "\n").encode()).hexdigest()
        if shipped == rule["shipped_before_sha256"]:
            topic.patterns = "\n".join(rule["patterns"])
            topic.save(update_fields=["patterns"])


class Migration(migrations.Migration):
    dependencies = [("timeline", "0014_event_evidence")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
