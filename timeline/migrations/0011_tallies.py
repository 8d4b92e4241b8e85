"""Tallies and pairs of tags, kept by triggers (the SQL is `timeline.tally_sql`'s)."""

from django.db import migrations, models

from timeline.tally_sql import drop_statements, tallies_add_statements, trigger_statements


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for statement in tallies_add_statements(vendor, "1 = 1") + trigger_statements(vendor):
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    for statement in drop_statements(schema_editor.connection.vendor):
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0010_tag_event_indexes")]

    operations = [
        migrations.CreateModel(
            name="Tally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("facet", models.CharField(max_length=8)),
                ("key", models.IntegerField()),
                ("day", models.IntegerField(default=0)),
                ("events", models.IntegerField(default=0)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["facet", "day", "key", "events"], name="tally_totals")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("facet", "key", "day"), name="tally_facet_key_day"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="TallyPair",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("facet", models.CharField(max_length=8)),
                ("key", models.IntegerField()),
                ("other_facet", models.CharField(max_length=8)),
                ("other_key", models.IntegerField()),
                ("events", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("other_facet", "other_key", "facet", "key"), name="tallypair_keys"
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="TallyPause",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ],
        ),
        migrations.RunPython(install, uninstall),
    ]
