"""A synthetic but realistic corpus for benchmarks: bursts in time, Zipf-popular tags.

Written with bulk inserts straight into the link tables, so a million events take
minutes, not hours. Never used by the product itself; see BENCHMARKS.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from .cache import data_changed
from .models import Actor, Event, Region, Report, Topic
from .places import places_add
from .tallies import tallies_add, tallies_paused

START = dt.date(2022, 2, 24)
END = dt.date(2025, 12, 31)
# Events per transaction. A million events on SQLite: 293-303 s in batches of 5,000,
# 241 s in batches of 10,000 (peak 254 MB), 223 s in batches of 20,000 (peak 430 MB):
# fewer, larger grouped tally upserts, and fewer commits.
BATCH = 10_000
OUTLETS = ("Wire One", "Daily Ledger", "Kyiv Desk", "Frontline Live", "Evening Post")
VERBS = (
    "shelled",
    "struck",
    "advanced near",
    "withdrew from",
    "visited",
    "met officials in",
    "announced aid for",
    "reported drone attacks on",
    "restored power in",
    "evacuated",
)
NOUNS = ("artillery", "drones", "grain", "sanctions", "talks", "power grid", "refugees",
         "missiles", "ceasefire", "prisoner exchange", "humanitarian corridor")  # fmt: skip


@dataclass(frozen=True)
class CorpusOutcome:
    reports: int
    events: int
    links: int


def _zipf_picker(rng: random.Random, items: Sequence[int], exponent: float = 1.1):
    """A sampler that draws early items far more often than late ones."""
    weights = [1 / (rank + 1) ** exponent for rank in range(len(items))]
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)

    def pick(k: int) -> list[int]:
        return list(dict.fromkeys(rng.choices(items, cum_weights=cumulative, k=k)))

    return pick


def _burst_dates(rng: random.Random) -> Callable[[], dt.date]:
    """Dates over several years, a third of them in short bursts (offensives, summits)."""
    span = (END - START).days
    bursts = [(rng.randrange(span), rng.uniform(3, 20)) for _ in range(12)]

    def draw() -> dt.date:
        if rng.random() < 0.35:
            centre, width = rng.choice(bursts)
            offset = int(min(max(rng.gauss(centre, width), 0), span))
        else:
            offset = rng.randrange(span + 1)
        return START + dt.timedelta(days=offset)

    return draw


def corpus_generate(*, events: int, seed: int = 1, progress=None) -> CorpusOutcome:
    """Add `events` synthetic events (in reports of 5 to 40) to the database."""
    if events < 1:
        raise ValueError("the corpus needs at least one event")
    rng = random.Random(seed)
    regions = list(
        Region.objects.filter(kind__in=["city", "oblast", "area", "sea"]).values_list(
            "pk", flat=True
        )
    )
    actors = list(Actor.objects.values_list("pk", flat=True))
    topics = list(Topic.objects.values_list("pk", flat=True))
    names = dict(Region.objects.values_list("pk", "name")) | {
        -pk: name for pk, name in Actor.objects.values_list("pk", "name")
    }
    if not (regions and actors and topics):
        raise ValueError("load the taxonomy first (python manage.py migrate)")
    rng.shuffle(regions)
    rng.shuffle(actors)
    pick_region, pick_actor = _zipf_picker(rng, regions), _zipf_picker(rng, actors)
    draw_date = _burst_dates(rng)
    made = reports = links = 0
    run = hashlib.sha256(f"{seed}:{timezone.now().isoformat()}".encode()).hexdigest()[:16]
    while made < events:
        chunk = min(BATCH, events - made)
        # Triggers would count each row as it lands (100,000 events took 71 s so, even
        # before pairs were tallied); one grouped count per batch, pairs included, 47 s
        # (29 s since events went in as plain rows).
        # tallies_paused pauses only this transaction's own writes.
        with transaction.atomic(), tallies_paused():
            sampler = _Sampler(rng, draw_date, pick_region, pick_actor, topics, names)
            batch_reports, batch_events = sampler.reports(chunk, run, reports)
            created = Report.objects.bulk_create(batch_reports)
            planned = [
                (report.pk, position, event)
                for report, events_of_report in zip(created, batch_events, strict=True)
                for position, event in enumerate(events_of_report)
            ]
            ids = _events_insert(planned)
            stored = list(zip(ids, (event for _, _, event in planned), strict=True))
            links += _link(stored)
            places_add((pk, region) for pk, event in stored for region in event.regions)
            tallies_add(ids)
            data_changed()
        made += len(ids)
        reports += len(created)
        if progress:
            progress(made, events)
    return CorpusOutcome(reports=reports, events=made, links=links)


class _Event(NamedTuple):
    """A planned event: plain values, since model instances cost more than the insert."""

    date: dt.date
    precision: str
    text: str
    regions: list[int]
    actors: list[int]
    topics: list[int]


@dataclass
class _Sampler:
    rng: random.Random
    draw_date: Callable[[], dt.date]
    pick_region: Callable[[int], list[int]]
    pick_actor: Callable[[int], list[int]]
    topics: list[int]
    names: dict[int, str]

    def reports(self, count: int, run: str, offset: int):
        """Unsaved reports holding `count` events in all, each with its planned events."""
        rng = self.rng
        batch_reports, batch_events, left = [], [], count
        while left > 0:
            size = min(rng.randint(5, 40), left)
            published = self.draw_date()
            index = offset + len(batch_reports)
            batch_reports.append(
                Report(
                    title=f"Live updates {index}",
                    source=rng.choice(OUTLETS),
                    published=dt.datetime.combine(published, dt.time(12), dt.UTC),
                    raw_text=f"synthetic report {run}-{index}",
                    file_name=f"synthetic-{index}.txt",
                    content_hash=hashlib.sha256(f"{run}-{index}".encode()).hexdigest(),
                )
            )
            batch_events.append([self._event(published) for _ in range(size)])
            left -= size
        return batch_reports, batch_events

    def _event(self, published: dt.date) -> _Event:
        rng = self.rng
        region_ids = self.pick_region(rng.choice((1, 1, 1, 2, 2, 3)))
        actor_ids = self.pick_actor(rng.choice((1, 2, 2, 3)))
        topic_ids = rng.sample(self.topics, rng.choice((1, 1, 2, 2, 3)))
        day = published - dt.timedelta(days=rng.choice((0, 0, 0, 1, 1, 2, 6)))
        precision = "day" if rng.random() < 0.95 else "month"
        if precision == "month":
            day = day.replace(day=1)
        text = _sentence(rng, self.names, region_ids, actor_ids)
        return _Event(day, precision, text, region_ids, actor_ids, topic_ids)


def _events_insert(planned: Sequence[tuple[int, int, _Event]]) -> list[int]:
    """Store (report pk, position, event) rows in multi-row INSERTs; their pks, in order.

    bulk_create spent three quarters of its time preparing values field by field (12.7 of
    15.8 s for 100,000 events, profiled); here the fields every event shares are
    prepared once per batch.
    """
    fields = [field for field in Event._meta.concrete_fields if not field.primary_key]
    template = Event(report_id=0, position=0, date=START, title="", text="")
    shared = [
        field.get_db_prep_save(field.pre_save(template, add=True), connection) for field in fields
    ]
    slots = {field.attname: index for index, field in enumerate(fields)}
    date_field = Event._meta.get_field("date")
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    ids = {}
    # 12,000 parameters: under PostgreSQL's 65,535 and SQLite's 32,766 (3.32 on; RETURNING
    # needs 3.35 anyway).
    rows_per_statement = 1_000
    with connection.cursor() as cursor:
        for start in range(0, len(planned), rows_per_statement):
            chunk = planned[start : start + rows_per_statement]
            values = []
            for report_id, position, event in chunk:
                own = list(shared)
                own[slots["report_id"]] = report_id
                own[slots["position"]] = position
                own[slots["date"]] = date_field.get_db_prep_save(event.date, connection)
                own[slots["precision"]] = event.precision
                own[slots["title"]] = event.text[:80]
                own[slots["text"]] = own[slots["quote"]] = event.text
                values.extend(own)
            cursor.execute(
                f"INSERT INTO {Event._meta.db_table} ({columns}) "
                f"VALUES {', '.join([row] * len(chunk))} RETURNING id, report_id, position",
                values,
            )
            # Matched on the natural key: neither engine promises RETURNING's row order.
            ids.update(((report_id, position), pk) for pk, report_id, position in cursor)
    return [ids[report_id, position] for report_id, position, _ in planned]


def _sentence(rng: random.Random, names: dict[int, str], regions, actors) -> str:
    who = names[-actors[0]]
    where = names[regions[0]]
    return (
        f"{who} {rng.choice(VERBS)} {where}, officials said, citing {rng.choice(NOUNS)} "
        f"and {rng.choice(NOUNS)}."
    )


def _link(stored: Sequence[tuple[int, _Event]]) -> int:
    """Insert the tag links with plain executemany: the ORM is the slow part here."""
    total = 0
    for field, column in (("regions", "region_id"), ("actors", "actor_id"), ("topics", "topic_id")):
        table = getattr(Event, field).through._meta.db_table
        rows = [(pk, tag) for pk, event in stored for tag in getattr(event, field)]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} (event_id, {column}) VALUES (%s, %s)",
                rows,
            )
        total += len(rows)
    return total
