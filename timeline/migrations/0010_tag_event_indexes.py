"""Covering (tag, event) indexes on the actor and topic link tables.

A facet filter is `event_id IN (SELECT event_id FROM links WHERE tag_id IN (...))`; with
only Django's single-column tag index, every listed link costs a read of the table row to
find its event. (Places have had theirs since 0005: `eventplace_region_event`.) The link
tables are Django's own for the many-to-many fields, so the indexes are plain SQL, the
same on SQLite and PostgreSQL.
"""

from django.db import migrations

LINKS = (("timeline_event_actors", "actor_id"), ("timeline_event_topics", "topic_id"))

operations = [
    migrations.RunSQL(
        f"CREATE INDEX {table}_tag_event ON {table} ({column}, event_id)",
        f"DROP INDEX {table}_tag_event",
    )
    for table, column in LINKS
]


class Migration(migrations.Migration):
    dependencies = [("timeline", "0009_covering_timeline_indexes")]
    operations = operations
