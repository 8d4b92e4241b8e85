import time

from django.core.management.base import BaseCommand, CommandError

from timeline.corpus import corpus_generate


class Command(BaseCommand):
    help = "Add a synthetic corpus (for benchmarks): reports of 5-40 events with bursty dates."

    def add_arguments(self, parser):
        parser.add_argument("--events", type=int, required=True, help="how many events to add")
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")

    def handle(self, *args, events, seed, **options):
        started = time.perf_counter()

        def progress(done, total):
            rate = done / (time.perf_counter() - started)
            self.stderr.write(f"\r{done:,}/{total:,} events ({rate:,.0f}/s)", ending="")

        try:
            outcome = corpus_generate(events=events, seed=seed, progress=progress)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        seconds = time.perf_counter() - started
        self.stderr.write("")
        self.stdout.write(
            f"{outcome.events:,} events in {outcome.reports:,} reports, "
            f"{outcome.links:,} tag links, in {seconds:.1f} s"
        )
