"""Tallies: visible events per tag and per day, kept by triggers on both engines.

Visible means neither hidden nor merged. Every rule is written so the order of writes
does not matter: a link counts when it is added to a visible event; an event that
becomes visible (inserted, un-hidden) adds its day and every link it already has, and
one that stops being visible (deleted, hidden, merged) takes them away again. So links
loaded before their event (a restore), or deleted after it, still balance.

SQLite: row triggers (one writer at a time). PostgreSQL: statement triggers over the
transition tables, so a bulk insert costs one grouped upsert per table, not one per
row; each takes a transaction-scoped advisory lock first, so writers that touch the
same counters queue in one order instead of deadlocking on them.
"""

from django.db import migrations, models

LINKS = (
    ("timeline_eventplace", "region_id", "region"),
    ("timeline_event_actors", "actor_id", "actor"),
    ("timeline_event_topics", "topic_id", "topic"),
)
HIDDEN = "('hidden', 'merged')"


def _sqlite() -> list[str]:
    visible = f"status NOT IN {HIDDEN}"
    upsert = "ON CONFLICT (facet, key) DO UPDATE SET events = events + excluded.events"
    day = "CAST(strftime('%Y%m%d', {}.date) AS INTEGER)"

    def event_changes(row: str, sign: int) -> str:
        parts = [
            f"INSERT INTO timeline_tally (facet, key, events) "
            f"VALUES ('day', {day.format(row)}, {sign}) {upsert};"
        ]
        for table, column, facet in LINKS:
            parts.append(
                f"INSERT INTO timeline_tally (facet, key, events) SELECT '{facet}', {column}, "
                f"{sign} FROM {table} WHERE event_id = {row}.id {upsert};"
            )
        return "\n".join(parts)

    statements = [
        f"""CREATE TRIGGER tally_event_insert AFTER INSERT ON timeline_event
        WHEN NEW.{visible} BEGIN {event_changes("NEW", 1)} END""",
        f"""CREATE TRIGGER tally_event_delete AFTER DELETE ON timeline_event
        WHEN OLD.{visible} BEGIN {event_changes("OLD", -1)} END""",
        f"""CREATE TRIGGER tally_event_update_old AFTER UPDATE OF status, date ON timeline_event
        WHEN OLD.{visible} AND (OLD.status IS NOT NEW.status OR OLD.date IS NOT NEW.date)
        BEGIN {event_changes("OLD", -1)} END""",
        f"""CREATE TRIGGER tally_event_update_new AFTER UPDATE OF status, date ON timeline_event
        WHEN NEW.{visible} AND (OLD.status IS NOT NEW.status OR OLD.date IS NOT NEW.date)
        BEGIN {event_changes("NEW", 1)} END""",
    ]
    for table, column, facet in LINKS:
        seen = "EXISTS (SELECT 1 FROM timeline_event WHERE id = {}.event_id AND " + visible + ")"
        add = (
            f"INSERT INTO timeline_tally (facet, key, events) "
            f"SELECT '{facet}', NEW.{column}, 1 WHERE {seen.format('NEW')} {upsert};"
        )
        take = (
            f"UPDATE timeline_tally SET events = events - 1 "
            f"WHERE facet = '{facet}' AND key = OLD.{column} AND {seen.format('OLD')};"
        )
        statements += [
            f"CREATE TRIGGER tally_{table}_insert AFTER INSERT ON {table} BEGIN {add} END",
            f"CREATE TRIGGER tally_{table}_delete AFTER DELETE ON {table} BEGIN {take} END",
            f"""CREATE TRIGGER tally_{table}_update AFTER UPDATE OF event_id, {column} ON {table}
            BEGIN {take} {add} END""",
        ]
    return statements


def _postgresql() -> list[str]:
    visible = f"e.status NOT IN {HIDDEN}"
    upsert = (
        "ON CONFLICT (facet, key) DO UPDATE SET events = timeline_tally.events + EXCLUDED.events"
    )
    lock = "PERFORM pg_advisory_xact_lock(hashtext('timeline_tally'));"

    def bump(select: str) -> str:
        # Sorted, so that two statements never take the same counters in opposite orders.
        return (
            f"INSERT INTO timeline_tally (facet, key, events) SELECT * FROM ({select}) AS d "
            f"WHERE d.n <> 0 ORDER BY 1, 2 {upsert};"
        )

    def event_changes(rows: str, sign: int) -> str:
        parts = [
            bump(
                f"SELECT 'day'::varchar, to_char(e.date, 'YYYYMMDD')::int, {sign} * count(*) AS n "
                f"FROM {rows} e WHERE {visible} GROUP BY 2"
            )
        ]
        for table, column, facet in LINKS:
            parts.append(
                bump(
                    f"SELECT '{facet}'::varchar, l.{column}, {sign} * count(*) AS n "
                    f"FROM {rows} e JOIN {table} l ON l.event_id = e.id "
                    f"WHERE {visible} GROUP BY 2"
                )
            )
        return "\n".join(parts)

    changed = (
        "(SELECT {side}.* FROM removed o JOIN added n ON n.id = o.id "
        "WHERE o.status IS DISTINCT FROM n.status OR o.date IS DISTINCT FROM n.date)"
    )
    statements = [
        f"""CREATE FUNCTION tally_events_added() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {lock} {event_changes("added", 1)} RETURN NULL; END $$""",
        f"""CREATE FUNCTION tally_events_removed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {lock} {event_changes("removed", -1)} RETURN NULL; END $$""",
        f"""CREATE FUNCTION tally_events_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN {lock}
        {event_changes(changed.format(side="o"), -1)}
        {event_changes(changed.format(side="n"), 1)}
        RETURN NULL; END $$""",
        """CREATE TRIGGER tally_event_insert AFTER INSERT ON timeline_event
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION tally_events_added()""",
        """CREATE TRIGGER tally_event_delete AFTER DELETE ON timeline_event
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
        EXECUTE FUNCTION tally_events_removed()""",
        """CREATE TRIGGER tally_event_update AFTER UPDATE ON timeline_event
        REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
        EXECUTE FUNCTION tally_events_changed()""",
    ]
    for table, column, facet in LINKS:

        def links(rows: str, sign: int, column=column, facet=facet) -> str:
            return bump(
                f"SELECT '{facet}'::varchar, l.{column}, {sign} * count(*) AS n FROM {rows} l "
                f"JOIN timeline_event e ON e.id = l.event_id WHERE {visible} GROUP BY 2"
            )

        statements += [
            f"""CREATE FUNCTION tally_{table}_added() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {lock} {links("added", 1)} RETURN NULL; END $$""",
            f"""CREATE FUNCTION tally_{table}_removed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {lock} {links("removed", -1)} RETURN NULL; END $$""",
            f"""CREATE FUNCTION tally_{table}_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {lock} {links("removed", -1)} {links("added", 1)} RETURN NULL; END $$""",
            f"""CREATE TRIGGER tally_{table}_insert AFTER INSERT ON {table}
            REFERENCING NEW TABLE AS added FOR EACH STATEMENT
            EXECUTE FUNCTION tally_{table}_added()""",
            f"""CREATE TRIGGER tally_{table}_delete AFTER DELETE ON {table}
            REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
            EXECUTE FUNCTION tally_{table}_removed()""",
            f"""CREATE TRIGGER tally_{table}_update AFTER UPDATE ON {table}
            REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT
            EXECUTE FUNCTION tally_{table}_changed()""",
        ]
    return statements


def _fill() -> list[str]:
    """Count what is already there (the same count as `timeline.tallies.tallies_rebuild`)."""
    visible = f"e.status NOT IN {HIDDEN}"
    day = "CAST(strftime('%Y%m%d', e.date) AS INTEGER)"
    statements = []
    for table, column, facet in LINKS:
        statements.append(
            f"INSERT INTO timeline_tally (facet, key, events) SELECT '{facet}', l.{column}, "
            f"count(*) FROM {table} l JOIN timeline_event e ON e.id = l.event_id "
            f"WHERE {visible} GROUP BY l.{column}"
        )
    statements.append(
        f"INSERT INTO timeline_tally (facet, key, events) SELECT 'day', {day}, count(*) "
        f"FROM timeline_event e WHERE {visible} GROUP BY 2"
    )
    return statements


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        return  # elsewhere the timeline counts every time (see timeline.tallies)
    fill = _fill()
    if vendor == "postgresql":
        fill[-1] = fill[-1].replace(
            "CAST(strftime('%Y%m%d', e.date) AS INTEGER)", "to_char(e.date, 'YYYYMMDD')::int"
        )
    for statement in fill + (_sqlite() if vendor == "sqlite" else _postgresql()):
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    triggers = ["tally_event_insert", "tally_event_delete"]
    if vendor == "sqlite":
        triggers += ["tally_event_update_old", "tally_event_update_new"]
        triggers += [
            f"tally_{t}_{op}" for t, _, _ in LINKS for op in ("insert", "delete", "update")
        ]
        for name in triggers:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        functions = ["tally_events_added", "tally_events_removed", "tally_events_changed"]
        functions += [
            f"tally_{t}_{op}" for t, _, _ in LINKS for op in ("added", "removed", "changed")
        ]
        for name in functions:
            schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}() CASCADE")


class Migration(migrations.Migration):
    dependencies = [("timeline", "0010_tag_event_indexes")]

    operations = [
        migrations.CreateModel(
            name="Tally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("facet", models.CharField(max_length=8)),
                ("key", models.IntegerField()),
                ("events", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("facet", "key"), name="tally_facet_key")
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
