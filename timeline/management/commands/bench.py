import json
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from timeline.benchmarks import extraction_bench, reads_bench
from timeline.corpus import corpus_generate
from timeline.models import Event
from timeline.selectors.columns import columns_refresh

PLAIN_STATIC = "django.contrib.staticfiles.storage.StaticFilesStorage"


class Command(BaseCommand):
    help = "Time the timeline's pages (cold and warm) and the extraction on this database."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=7, help="requests per case")
        parser.add_argument(
            "--events",
            type=int,
            help="only report the database size; generate with generate_corpus",
        )
        parser.add_argument("--skip-extraction", action="store_true")
        parser.add_argument("--only", default="", help="only cases whose name contains this")

    def handle(self, *args, repeat, events=None, skip_extraction=False, only="", **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1")
        count = Event.objects.count()
        if events is not None and events > count:
            self.stderr.write(f"adding {events - count:,} synthetic events first")
            count += corpus_generate(events=events - count).events
        summary = {"events": count, "columns": None}
        if settings.TIMELINE_COLUMNS != "off":
            # Built before the clock starts, as a running server's thread has built them
            # by the time readers arrive; "cold" below clears every cache, not these.
            started = time.perf_counter()
            columns = columns_refresh()
            seconds = time.perf_counter() - started
            self.stdout.write(
                f"columns: {columns.size:,} events in memory, {columns.nbytes / 2**20:.0f} MB, "
                f"built in {seconds:.2f} s"
            )
            summary["columns"] = {"build_s": round(seconds, 2), "mb": columns.nbytes // 2**20}
        else:
            self.stdout.write("columns: off (TIMELINE_COLUMNS=off), every count in SQL")
        self.stdout.write(
            f"{count:,} events\n{'case':<34} {'state':<5} {'p50 ms':>8} "
            f"{'p95 ms':>8} {'queries':>7}"
        )

        def show(t):
            self.stdout.write(
                f"{t.case:<34} {t.state:<5} {t.p50_ms:>8} {t.p95_ms:>8} {t.queries:>7}"
                + ("" if t.status == 200 else f"  (HTTP {t.status})")
            )

        # In-process requests: no real host, and static URLs without a collectstatic manifest.
        storages = {**settings.STORAGES, "staticfiles": {"BACKEND": PLAIN_STATIC}}
        with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False, STORAGES=storages):
            timings = reads_bench(repeat=repeat, on_timing=show, only=only)
        summary["reads"] = [t.__dict__ for t in timings]
        summary["max_queries"] = max((t.queries for t in timings), default=0)
        if not skip_extraction:
            one = extraction_bench(jobs=1)
            two = extraction_bench(jobs=2)
            self.stdout.write(
                f"extraction (best of 3 passes): {one:,.0f} sentences/s in one process, "
                f"{two:,.0f} with 2 jobs "
                f"({two / one:.2f}x)"
            )
            summary["extraction"] = {
                "sentences_per_s": round(one),
                "jobs2_sentences_per_s": round(two),
                "speedup": round(two / one, 2),
            }
        self.stdout.write(json.dumps(summary, separators=(",", ":")))
