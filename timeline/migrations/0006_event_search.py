"""Full-text search over event headlines and text: FTS5 on SQLite, a GIN index on PostgreSQL.

Both are kept up to date by the database itself (triggers, an expression index), so
bulk inserts that skip Django's signals are searchable too. `timeline.search` holds the
matching queries; their expressions must stay identical to these.
"""

from django.db import migrations

SQLITE_CREATE = [
    """CREATE VIRTUAL TABLE timeline_event_fts USING fts5(
        title, text, content='timeline_event', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER timeline_event_fts_insert AFTER INSERT ON timeline_event BEGIN
        INSERT INTO timeline_event_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER timeline_event_fts_delete AFTER DELETE ON timeline_event BEGIN
        INSERT INTO timeline_event_fts(timeline_event_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER timeline_event_fts_update AFTER UPDATE OF title, text ON timeline_event
    BEGIN
        INSERT INTO timeline_event_fts(timeline_event_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO timeline_event_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END""",
    "INSERT INTO timeline_event_fts(timeline_event_fts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS timeline_event_fts_update",
    "DROP TRIGGER IF EXISTS timeline_event_fts_delete",
    "DROP TRIGGER IF EXISTS timeline_event_fts_insert",
    "DROP TABLE IF EXISTS timeline_event_fts",
]
POSTGRES_CREATE = [
    "CREATE INDEX event_search ON timeline_event USING gin "
    "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, '')))",
]
POSTGRES_DROP = ["DROP INDEX IF EXISTS event_search"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, ()):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("timeline", "0005_place_index_and_version")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}),
            _run({"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}),
        ),
    ]
