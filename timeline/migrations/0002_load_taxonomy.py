"""Load the shipped topics, regions and actors (timeline/data/*.json)."""

from django.db import migrations


def load(apps, schema_editor):
    from timeline.taxonomy import taxonomy_load

    taxonomy_load(
        region_model=apps.get_model("timeline", "Region"),
        actor_model=apps.get_model("timeline", "Actor"),
        topic_model=apps.get_model("timeline", "Topic"),
    )


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
