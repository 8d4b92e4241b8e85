"""The SQL that keeps the tallies: triggers on SQLite and PostgreSQL, and grouped upserts.

Three tables (models `Tally`, `TallyPair`, `TallyPause`):

- timeline_tally (facet, key, day, events): visible events per tag (day 0), per tag and
  day, and per day for the whole timeline (facet "day", key 0);
- timeline_tallypair (facet, key, other_facet, other_key, events): visible events with
  both tags, for tags of different facets, stored both ways round;
- timeline_tallypause: a row there, written and removed inside one transaction, tells
  that transaction's own triggers to stand aside while it adds its rows' tallies in
  bulk (`tallies_add`); no other transaction ever sees the row.

Visible means neither hidden nor merged. Every rule is written so the order of writes
does not matter: a link counts when it is added to a visible event, paired with the
event's links already there; an event that becomes visible (inserted, un-hidden) adds
its day, its links and their pairs, and one that stops being visible (deleted, hidden,
merged) takes them away. So links loaded before their event (a restore), or deleted
after it, still balance.

SQLite gets row triggers (one writer at a time). PostgreSQL gets statement triggers over
the transition tables, so a bulk insert costs a few grouped upserts, not a few per row;
each takes a transaction-scoped advisory lock first and writes in key order, so writers
touching the same counters queue instead of deadlocking.

Migration 0011 installs what `trigger_statements` returns at that time: a change here
needs a migration that installs the triggers again.
"""

from __future__ import annotations

LINKS = (  # (link table, tag column, facet)
    ("timeline_eventplace", "region_id", "region"),
    ("timeline_event_actors", "actor_id", "actor"),
    ("timeline_event_topics", "topic_id", "topic"),
)
VISIBLE = "e.status NOT IN ('hidden', 'merged')"
DAY = {
    "sqlite": "CAST(strftime('%Y%m%d', e.date) AS INTEGER)",
    "postgresql": "to_char(e.date, 'YYYYMMDD')::int",
}
TALLY = "timeline_tally (facet, key, day, events)"
PAIR = "timeline_tallypair (facet, key, other_facet, other_key, events)"
TALLY_KEY = "(facet, key, day)"
PAIR_KEY = "(other_facet, other_key, facet, key)"
PAUSED = "EXISTS (SELECT 1 FROM timeline_tallypause)"


def _tally_selects(vendor: str, events: str, changed=None) -> list[str]:
    """Grouped SELECTs of (facet, key, day, n) over `events` (aliased e).

    With `changed` (link table, tag column, facet) only that table's rows count, and
    `events` joins them as l already; without, every link of the events counts, and the
    events their days.
    """
    day = DAY[vendor]
    if changed is None:
        selects = [
            f"SELECT 'day' AS facet, 0 AS key, {day} AS day, count(*) AS n FROM {events} "
            f"WHERE {{where}} GROUP BY 3"
        ]
    else:
        selects = []
    for table, column, facet in LINKS if changed is None else [changed]:
        joined = events if changed else f"{events} JOIN {table} l ON l.event_id = e.id"
        selects += [
            f"SELECT '{facet}' AS facet, l.{column} AS key, 0 AS day, count(*) AS n "
            f"FROM {joined} WHERE {{where}} GROUP BY 2",
            f"SELECT '{facet}' AS facet, l.{column} AS key, {day} AS day, count(*) AS n "
            f"FROM {joined} "
            f"WHERE {{where}} GROUP BY 2, 3",
        ]
    return selects


def _pair_selects(events: str, changed=None) -> list[str]:
    """Grouped SELECTs of (facet, key, other_facet, other_key, n) over `events` (e), both
    ways round.

    With `changed` (link table, tag column, facet) only the pairs that table's rows make:
    `events` then joins them as l already.
    """
    selects = []
    for table, column, facet in LINKS if changed is None else [changed]:
        for other_table, other_column, other_facet in LINKS:
            if other_facet == facet or (changed is None and other_facet < facet):
                continue  # each unordered pair once; both ways round below
            source = f"{events} JOIN {other_table} o ON o.event_id = e.id"
            if changed is None:
                source = f"{events} JOIN {table} l ON l.event_id = e.id JOIN {other_table} o "
                source += "ON o.event_id = e.id"
            for a, a_key, b, b_key in (
                (facet, f"l.{column}", other_facet, f"o.{other_column}"),
                (other_facet, f"o.{other_column}", facet, f"l.{column}"),
            ):
                selects.append(
                    f"SELECT '{a}' AS facet, {a_key} AS key, '{b}' AS other_facet, "
                    f"{b_key} AS other_key, count(*) AS n FROM {source} "
                    f"WHERE {{where}} GROUP BY 2, 4"
                )
    return selects


def _upserts(vendor: str, table: str, key: str, selects: list[str], where: str, sign: int):
    """Statements adding `sign` times each SELECT's counts to the table's rows.

    Adding inserts what is missing; taking away only lowers rows that exist, so taking
    away what was never counted (a table emptied in any order) leaves no negative rows.
    """
    name = table.split()[0]
    add = "excluded.events" if vendor == "sqlite" else "EXCLUDED.events"
    current = "events" if vendor == "sqlite" else f"{name}.events"
    columns = key.strip("()").split(", ")
    for select in selects:
        counted = select.format(where=where).replace("count(*)", f"{sign} * count(*)")
        if sign < 0:
            same = " AND ".join(f"{name}.{column} = d.{column}" for column in columns)
            yield (
                f"UPDATE {name} SET events = {name}.events + d.n "
                f"FROM ({counted}) AS d WHERE {same};"
            )
            continue
        # Sorted, so that two writers never take the same counters in opposite orders.
        yield (
            f"INSERT INTO {table} SELECT * FROM ({counted}) AS d WHERE true ORDER BY 1, 2, 3, 4 "
            f"ON CONFLICT {key} DO UPDATE SET events = {current} + {add};"
        )


def _changes(vendor: str, events: str, where: str, sign: int, changed=None) -> list[str]:
    """Every tally and pair that the events (and, if `changed`, only those links) move."""
    tallies = _tally_selects(vendor, events, changed)
    pairs = _pair_selects(events, changed)
    return [
        *_upserts(vendor, TALLY, TALLY_KEY, tallies, where, sign),
        *_upserts(vendor, PAIR, PAIR_KEY, pairs, where, sign),
    ]


def tallies_add_statements(vendor: str, where: str) -> list[str]:
    """Upserts adding the tallies of the visible events matching `where` (on e)."""
    return _changes(vendor, "timeline_event e", f"({where}) AND {VISIBLE}", 1)


def _sqlite_triggers() -> list[str]:
    def on_event(row: str, sign: int) -> str:
        where = f"e.id = {row}.id AND {VISIBLE}"
        return "\n".join(_changes("sqlite", "timeline_event e", where, sign))

    changed = f"NOT {PAUSED} AND (OLD.status IS NOT NEW.status OR OLD.date IS NOT NEW.date)"
    statements = [
        f"CREATE TRIGGER tally_event_insert AFTER INSERT ON timeline_event "
        f"WHEN NOT {PAUSED} BEGIN {on_event('NEW', 1)} END",
        f"CREATE TRIGGER tally_event_delete BEFORE DELETE ON timeline_event "
        f"WHEN NOT {PAUSED} BEGIN {on_event('OLD', -1)} END",
        f"CREATE TRIGGER tally_event_update_old BEFORE UPDATE OF status, date ON timeline_event "
        f"WHEN {changed} BEGIN {on_event('OLD', -1)} END",
        f"CREATE TRIGGER tally_event_update_new AFTER UPDATE OF status, date ON timeline_event "
        f"WHEN {changed} BEGIN {on_event('NEW', 1)} END",
    ]
    for link in LINKS:
        table, column, _facet = link

        def on_link(row: str, sign: int, link=link, column=column) -> str:
            rows = f"(SELECT {row}.event_id AS event_id, {row}.{column} AS {column}) l"
            events = f"{rows} JOIN timeline_event e ON e.id = l.event_id"
            return "\n".join(_changes("sqlite", events, VISIBLE, sign, changed=link))

        moved = f"AFTER UPDATE OF event_id, {column} ON {table} WHEN NOT {PAUSED}"
        statements += [
            f"CREATE TRIGGER tally_{table}_insert AFTER INSERT ON {table} "
            f"WHEN NOT {PAUSED} BEGIN {on_link('NEW', 1)} END",
            f"CREATE TRIGGER tally_{table}_delete AFTER DELETE ON {table} "
            f"WHEN NOT {PAUSED} BEGIN {on_link('OLD', -1)} END",
            f"CREATE TRIGGER tally_{table}_update {moved} "
            f"BEGIN {on_link('OLD', -1)} {on_link('NEW', 1)} END",
        ]
    return statements


def _postgresql_triggers() -> list[str]:
    lock = "PERFORM pg_advisory_xact_lock(hashtext('timeline_tally'));"

    def function(name: str, body: str) -> str:
        return (
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF {PAUSED} THEN RETURN NULL; END IF; {lock} {body} RETURN NULL; END $$"
        )

    def trigger(name: str, table: str, event: str, tables: str) -> str:
        return (
            f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        )

    both = "OLD TABLE AS removed NEW TABLE AS added"
    changed = (
        "(SELECT {side}.* FROM removed o JOIN added n ON n.id = o.id "
        "WHERE o.status IS DISTINCT FROM n.status OR o.date IS DISTINCT FROM n.date) e"
    )
    statements = [
        function("tally_event_insert", "\n".join(_changes("postgresql", "added e", VISIBLE, 1))),
        function("tally_event_delete", "\n".join(_changes("postgresql", "removed e", VISIBLE, -1))),
        function(
            "tally_event_update",
            "\n".join(
                _changes("postgresql", changed.format(side="o"), VISIBLE, -1)
                + _changes("postgresql", changed.format(side="n"), VISIBLE, 1)
            ),
        ),
        trigger("tally_event_insert", "timeline_event", "INSERT", "NEW TABLE AS added"),
        trigger("tally_event_delete", "timeline_event", "DELETE", "OLD TABLE AS removed"),
        trigger("tally_event_update", "timeline_event", "UPDATE", both),
    ]
    for link in LINKS:
        table = link[0]

        def on_link(rows: str, sign: int, link=link) -> str:
            events = f"{rows} l JOIN timeline_event e ON e.id = l.event_id"
            return "\n".join(_changes("postgresql", events, VISIBLE, sign, changed=link))

        statements += [
            function(f"tally_{table}_insert", on_link("added", 1)),
            function(f"tally_{table}_delete", on_link("removed", -1)),
            function(f"tally_{table}_update", on_link("removed", -1) + on_link("added", 1)),
            trigger(f"tally_{table}_insert", table, "INSERT", "NEW TABLE AS added"),
            trigger(f"tally_{table}_delete", table, "DELETE", "OLD TABLE AS removed"),
            trigger(f"tally_{table}_update", table, "UPDATE", both),
        ]
    return statements


def trigger_statements(vendor: str) -> list[str]:
    """CREATE statements of every tally trigger (and function) for this engine."""
    if vendor == "sqlite":
        return _sqlite_triggers()
    if vendor == "postgresql":
        return _postgresql_triggers()
    return []


def drop_statements(vendor: str) -> list[str]:
    names = ["tally_event_insert", "tally_event_delete"]
    names += [f"tally_{t}_{op}" for t, _, _ in LINKS for op in ("insert", "delete", "update")]
    if vendor == "sqlite":
        names += ["tally_event_update_old", "tally_event_update_new"]
        return [f"DROP TRIGGER IF EXISTS {name}" for name in names]
    if vendor == "postgresql":
        names.append("tally_event_update")
        return [f"DROP FUNCTION IF EXISTS {name}() CASCADE" for name in names]
    return []
