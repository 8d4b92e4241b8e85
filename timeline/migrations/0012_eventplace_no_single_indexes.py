"""Drop EventPlace's single-column indexes: its unique (event, region) and its (region,
event) index already serve lookups by either column.

SQLite alters a column by copying the table into a new one and dropping the old, which
drops the old table's triggers with it; so the tally triggers stand aside for the
change and are created again after it (the rows are the same, so the tallies stay true).
"""

import django.db.models.deletion
from django.db import migrations, models

from timeline.tally_sql import drop_statements, trigger_statements


def triggers_drop(apps, schema_editor):
    for statement in drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


def triggers_create(apps, schema_editor):
    for statement in trigger_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0011_tallies")]

    operations = [
        migrations.RunPython(triggers_drop, triggers_create),
        migrations.AlterField(
            model_name="eventplace",
            name="event",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="places",
                to="timeline.event",
            ),
        ),
        migrations.AlterField(
            model_name="eventplace",
            name="region",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="event_places",
                to="timeline.region",
            ),
        ),
        migrations.RunPython(triggers_create, triggers_drop),
    ]
