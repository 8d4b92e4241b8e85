"""Tallies: visible events per tag, per tag and day, and per day, kept by triggers.

Rows are (facet, key, day, events): a tag's total has day 0; the whole timeline's
histogram has facet "day" and key 0. Visible means neither hidden nor merged. Every
rule is written so the order of writes does not matter: a link counts when it is added
to a visible event; an event that becomes visible (inserted, un-hidden) adds its day
and every link it already has, and one that stops being visible (deleted, hidden,
merged) takes them away again. So links loaded before their event (a restore), or
deleted after it, still balance.

SQLite: row triggers (one writer at a time). PostgreSQL: statement triggers over the
transition tables, so a bulk insert costs a few grouped upserts per table, not a few per
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
SQLITE_DAY = "CAST(strftime('%Y%m%d', e.date) AS INTEGER)"
POSTGRES_DAY = "to_char(e.date, 'YYYYMMDD')::int"


def _tallied(day: str, events: str = "timeline_event e", links=LINKS) -> list[str]:
    """SELECTs of (facet, key, day, n) over `events` e (visible or not: callers filter)."""
    selects = [f"SELECT 'day', 0, {day}, count(*) AS n FROM {events} WHERE {{where}} GROUP BY 3"]
    for table, column, facet in links:
        joined = f"{events} JOIN {table} l ON l.event_id = e.id"
        selects += [
            f"SELECT '{facet}', l.{column}, 0, count(*) AS n FROM {joined} "
            f"WHERE {{where}} GROUP BY 2",
            f"SELECT '{facet}', l.{column}, {day}, count(*) AS n FROM {joined} "
            f"WHERE {{where}} GROUP BY 2, 3",
        ]
    return selects


def _sqlite() -> list[str]:
    visible = f"e.status NOT IN {HIDDEN}"
    upsert = "ON CONFLICT (facet, key, day) DO UPDATE SET events = events + excluded.events"

    def bump(selects: list[str], where: str, sign: int) -> str:
        return "\n".join(
            f"INSERT INTO timeline_tally (facet, key, day, events) "
            f"SELECT * FROM ({select.format(where=where).replace('count(*)', f'{sign} * count(*)')}) "
            f"WHERE true {upsert};"
            for select in selects
        )

    def event_changes(row: str, sign: int) -> str:
        return bump(_tallied(SQLITE_DAY), f"e.id = {row}.id AND {visible}", sign)

    changed = "(OLD.status IS NOT NEW.status OR OLD.date IS NOT NEW.date)"
    statements = [
        f"""CREATE TRIGGER tally_event_insert AFTER INSERT ON timeline_event
        BEGIN {event_changes("NEW", 1)} END""",
        f"""CREATE TRIGGER tally_event_delete BEFORE DELETE ON timeline_event
        BEGIN {event_changes("OLD", -1)} END""",
        f"""CREATE TRIGGER tally_event_update_old BEFORE UPDATE OF status, date ON timeline_event
        WHEN {changed} BEGIN {event_changes("OLD", -1)} END""",
        f"""CREATE TRIGGER tally_event_update_new AFTER UPDATE OF status, date ON timeline_event
        WHEN {changed} BEGIN {event_changes("NEW", 1)} END""",
    ]
    # A link's own change is one row: two plain upserts (its tag's total and its day),
    # without the grouped form above, as bulk inserts fire these once per link.
    for table, column, facet in LINKS:

        def links(row: str, sign: int, column=column, facet=facet) -> str:
            event = f"FROM timeline_event e WHERE e.id = {row}.event_id AND {visible}"
            add = f"ON CONFLICT (facet, key, day) DO UPDATE SET events = events + {sign}"
            return "\n".join(
                f"INSERT INTO timeline_tally (facet, key, day, events) "
                f"SELECT '{facet}', {row}.{column}, {day}, {sign} {event} {add};"
                for day in ("0", SQLITE_DAY)
            )

        statements += [
            f"CREATE TRIGGER tally_{table}_insert AFTER INSERT ON {table} "
            f"BEGIN {links('NEW', 1)} END",
            f"CREATE TRIGGER tally_{table}_delete AFTER DELETE ON {table} "
            f"BEGIN {links('OLD', -1)} END",
            f"CREATE TRIGGER tally_{table}_update_old AFTER UPDATE OF event_id, {column} "
            f"ON {table} BEGIN {links('OLD', -1)} END",
            f"CREATE TRIGGER tally_{table}_update_new AFTER UPDATE OF event_id, {column} "
            f"ON {table} BEGIN {links('NEW', 1)} END",
        ]
    return statements


def _postgresql() -> list[str]:
    visible = f"e.status NOT IN {HIDDEN}"
    upsert = (
        "ON CONFLICT (facet, key, day) "
        "DO UPDATE SET events = timeline_tally.events + EXCLUDED.events"
    )
    lock = "PERFORM pg_advisory_xact_lock(hashtext('timeline_tally'));"

    def bump(selects: list[str], sign: int) -> str:
        # Sorted, so that two statements never take the same counters in opposite orders.
        return "\n".join(
            f"INSERT INTO timeline_tally (facet, key, day, events) SELECT * FROM "
            f"({select.format(where=visible).replace('count(*)', f'{sign} * count(*)')}) "
            f"AS d ORDER BY 1, 2, 3 {upsert};"
            for select in selects
        )

    def function(name: str, body: str) -> str:
        return (
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN {lock} {body} RETURN NULL; END $$"
        )

    def trigger(name: str, table: str, event: str, tables: str) -> str:
        return (
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )

    changed = (
        "(SELECT {side}.* FROM removed o JOIN added n ON n.id = o.id "
        "WHERE o.status IS DISTINCT FROM n.status OR o.date IS DISTINCT FROM n.date) e"
    )
    statements = [
        function("tally_event_insert", bump(_tallied(POSTGRES_DAY, "added e"), 1)),
        function("tally_event_delete", bump(_tallied(POSTGRES_DAY, "removed e"), -1)),
        function(
            "tally_event_update",
            bump(_tallied(POSTGRES_DAY, changed.format(side="o")), -1)
            + bump(_tallied(POSTGRES_DAY, changed.format(side="n")), 1),
        ),
        trigger("tally_event_insert", "timeline_event", "INSERT", "NEW TABLE AS added"),
        trigger("tally_event_delete", "timeline_event", "DELETE", "OLD TABLE AS removed"),
        trigger(
            "tally_event_update",
            "timeline_event",
            "UPDATE",
            "OLD TABLE AS removed NEW TABLE AS added",
        ),
    ]
    for table, column, facet in LINKS:

        def links(rows: str, sign: int, column=column, facet=facet) -> str:
            return bump(_tallied(POSTGRES_DAY, links=[(rows, column, facet)])[1:], sign)

        statements += [
            function(f"tally_{table}_insert", links("added", 1)),
            function(f"tally_{table}_delete", links("removed", -1)),
            function(f"tally_{table}_update", links("removed", -1) + links("added", 1)),
            trigger(f"tally_{table}_insert", table, "INSERT", "NEW TABLE AS added"),
            trigger(f"tally_{table}_delete", table, "DELETE", "OLD TABLE AS removed"),
            trigger(
                f"tally_{table}_update", table, "UPDATE", "OLD TABLE AS removed NEW TABLE AS added"
            ),
        ]
    return statements


def _fill(day: str) -> list[str]:
    """Count what is already there (the same count as `timeline.tallies.tallies_rebuild`)."""
    visible = f"e.status NOT IN {HIDDEN}"
    return [
        "INSERT INTO timeline_tally (facet, key, day, events) " + select.format(where=visible)
        for select in _tallied(day)
    ]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = _fill(SQLITE_DAY) + _sqlite()
    elif vendor == "postgresql":
        statements = _fill(POSTGRES_DAY) + _postgresql()
    else:
        return  # elsewhere the timeline counts every time (see timeline.tallies)
    for statement in statements:
        schema_editor.execute(statement, params=None)


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    names = ["tally_event_insert", "tally_event_delete"]
    names += [f"tally_{table}_{op}" for table, _, _ in LINKS for op in ("insert", "delete")]
    if vendor == "sqlite":
        names += ["tally_event_update_old", "tally_event_update_new"]
        names += [f"tally_{t}_update_{side}" for t, _, _ in LINKS for side in ("old", "new")]
        for name in names:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif vendor == "postgresql":
        names += ["tally_event_update"] + [f"tally_{t}_update" for t, _, _ in LINKS]
        for name in names:
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
        migrations.RunPython(install, uninstall),
    ]
