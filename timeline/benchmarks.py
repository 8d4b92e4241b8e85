"""Timings anyone can reproduce: page reads through the real URL routing, and extraction.

Used by `python manage.py bench`; numbers are printed, never asserted in tests.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from django.core.cache import caches
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from . import parallel
from .models import Event, Region, Topic
from .selectors import gazetteer_load


@dataclass(frozen=True)
class Timing:
    case: str
    url: str
    state: str  # "cold" or "warm"
    p50_ms: float
    p95_ms: float
    queries: int
    status: int


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def caches_clear() -> None:
    for cache in caches.all():
        cache.clear()


def _popular(through, column: str, **where) -> list[str]:
    rows = (
        through.objects.filter(**where)
        .values(column)
        .annotate(n=Count("event_id"))
        .order_by("-n")[:1]
    )
    return [row[column] for row in rows]


def filter_sets() -> dict[str, dict[str, str]]:
    """0, 1 and 3 filters drawn from the data itself, so every set matches events."""
    topic = Topic.objects.filter(pk__in=_popular(Event.topics.through, "topic_id")).values_list(
        "slug", flat=True
    )
    topic_slug = next(iter(topic), "battlefield")
    oblast = (
        Region.objects.filter(kind=Region.Kind.OBLAST, events__topics__slug=topic_slug)
        .annotate(n=Count("events"))
        .order_by("-n")
        .values_list("slug", flat=True)[:1]
    )
    region_slug = next(iter(oblast), "kharkiv-oblast")
    actor = (
        Event.actors.through.objects.filter(event__topics__slug=topic_slug)
        .values("actor__slug")
        .annotate(n=Count("event_id"))
        .order_by("-n")[:1]
    )
    actor_slug = actor[0]["actor__slug"] if actor else "russia"
    return {
        "0 filters": {},
        "1 filter": {"topic": topic_slug},
        "3 filters": {"actor": actor_slug, "region": region_slug, "topic": topic_slug},
    }


def _query(params: dict[str, str]) -> str:
    return f"?{urlencode(sorted(params.items()))}" if params else ""


def read_cases() -> list[tuple[str, str, dict]]:
    """(case name, url, extra headers) for every page the bench times."""
    cases = []
    for label, params in filter_sets().items():
        query = _query(params)
        cases.append((f"timeline page, {label}", f"/{query}", {}))
        cases.append((f"timeline partial, {label}", f"/{query}", {"HTTP_HX_REQUEST": "true"}))
        cases.append((f"events.json, {label}", f"/events.json{query}", {}))
        cases.append((f"text search, {label}", f"/{_query({**params, 'q': 'grain'})}", {}))
    event = Event.objects.visible().order_by("-date").values_list("pk", flat=True).first()
    if event:
        cases.append(("permalink", f"/events/{event}/", {}))
    return cases


def time_request(client: Client, url: str, headers: dict, *, repeat: int, cold: bool) -> Timing:
    samples, queries, status = [], 0, 0
    for _ in range(repeat):
        if cold:
            caches_clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, **headers)
            if response.streaming:
                b"".join(response.streaming_content)
            samples.append((time.perf_counter() - started) * 1000)
        queries, status = len(captured.captured_queries), response.status_code
    return Timing(
        case="",
        url=url,
        state="cold" if cold else "warm",
        p50_ms=round(statistics.median(samples), 1),
        p95_ms=round(_percentile(samples, 0.95), 1),
        queries=queries,
        status=status,
    )


def reads_bench(
    *, repeat: int, on_timing: Callable[[Timing], None], only: str = ""
) -> list[Timing]:
    client = Client()
    timings = []
    for case, url, headers in read_cases():
        if only and only not in case:
            continue
        client.get(url, **headers)  # load code paths and templates once
        for cold in (True, False):
            timing = time_request(client, url, headers, repeat=repeat, cold=cold)
            timing = Timing(**{**timing.__dict__, "case": case})
            timings.append(timing)
            on_timing(timing)
    return timings


# --- extraction throughput -------------------------------------------------------------

_SUBJECTS = (
    "Russian forces",
    "Ukraine's military",
    "The governor",
    "Officials in Kyiv",
    "NATO allies",
    "President Volodymyr Zelensky",
    "Kremlin spokesman Dmitry Peskov",
)
_ACTIONS = (
    "shelled the city of Kharkiv",
    "said talks in Istanbul made progress",
    "announced new sanctions on Russian banks",
    "reported drone strikes near Odesa",
    "pledged $500 million in military aid",
    "restored power in Kherson",
)
_WHEN = ("on Tuesday", "overnight", "last week", "on March 3", "this month", "")  # fmt: skip


def synthetic_report(rng: random.Random, sentences: int) -> str:
    """A plain-text live blog body of `sentences` sentences in short paragraphs."""
    lines = []
    for index in range(sentences):
        when = rng.choice(_WHEN)
        sentence = f"{rng.choice(_SUBJECTS)} {rng.choice(_ACTIONS)}{' ' + when if when else ''}."
        lines.append(sentence + ("\n\n" if index % 3 == 2 else " "))
    return "".join(lines)


def synthetic_reports_write(folder: str | Path, count: int, *, seed: int | None = None) -> None:
    """`count` report files with front matter, each a distinct text (for imports under load)."""
    rng = random.Random(seed)
    Path(folder).mkdir(parents=True, exist_ok=True)
    for n in range(count):
        published = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(700))
        head = f"---\ntitle: Synthetic report {n}\npublished: {published}\n---\n"
        body = synthetic_report(rng, rng.randint(10, 60))
        Path(folder, f"synthetic-{n:05d}.txt").write_text(f"{head}{rng.random()}\n\n{body}\n")


def _extract_many(args: tuple[list[str], str]) -> int:
    """In a worker (or here): extract every body; the number of events found."""
    bodies, published = args
    day = dt.date.fromisoformat(published)
    extractor = parallel.worker_extractor()
    return sum(len(extractor.extract(body, day).events) for body in bodies)


def _settle(seconds: float) -> None:
    time.sleep(seconds)  # keeps one worker busy so the next task starts another


def extraction_bench(
    *, reports: int = 1200, sentences: int = 30, jobs: int = 1, rounds: int = 3
) -> float:
    """Sentences per second through the whole pipeline, in `jobs` processes: the best of
    `rounds` passes, since other work on the machine only ever slows a pass down."""
    rng = random.Random(7)
    bodies = [synthetic_report(rng, sentences) for _ in range(reports)]
    published = "2022-05-18"
    gazetteer = gazetteer_load()

    def best_rate(one_pass: Callable[[], object]) -> float:
        seconds = []
        for _ in range(rounds):
            started = time.perf_counter()
            one_pass()
            seconds.append(time.perf_counter() - started)
        return reports * sentences / min(seconds)

    if jobs == 1:
        parallel.start_worker(gazetteer)  # compile the gazetteer before the clock starts
        return best_rate(lambda: _extract_many((bodies, published)))
    # Small tasks, handed out as workers free up (as import_reports does with files), so
    # a worker slowed by something else does not hold the whole pass back.
    tasks = [(bodies[i : i + 25], published) for i in range(0, len(bodies), 25)]
    with ProcessPoolExecutor(
        jobs, initializer=parallel.start_worker, initargs=(gazetteer,)
    ) as pool:
        list(pool.map(_settle, [0.5] * jobs))  # every worker started and compiled
        return best_rate(lambda: list(pool.map(_extract_many, tasks)))
