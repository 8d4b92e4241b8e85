"""Fill the place index for events imported before it existed."""

from django.db import migrations


def fill(apps, schema_editor):
    places = "timeline_eventplace"
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {places} (event_id, region_id) "
            "SELECT event_id, region_id FROM timeline_event_regions WHERE 1 = 1 ON CONFLICT DO NOTHING"
        )
        for _ in range(10):
            cursor.execute(
                f"INSERT INTO {places} (event_id, region_id) SELECT p.event_id, r.parent_id "
                f"FROM {places} p JOIN timeline_region r ON r.id = p.region_id "
                "WHERE r.parent_id IS NOT NULL ON CONFLICT DO NOTHING"
            )
            if cursor.rowcount <= 0:
                break


class Migration(migrations.Migration):
    dependencies = [("timeline", "0006_event_search")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
