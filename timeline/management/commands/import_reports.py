from django.core.management.base import BaseCommand, CommandError

from timeline.extraction.frontmatter import FrontMatterError, parse_published
from timeline.services import reports_import_files, reports_reextract


class Command(BaseCommand):
    help = (
        "Import report files (or folders of .txt reports) and extract their events; "
        "with --reextract, run the current pipeline over every stored report instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="report files or folders")
        parser.add_argument(
            "--published", help="publication date (YYYY-MM-DD) for files without front matter"
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="extract in this many worker processes (default 1); the database is "
            "written by one process, in file order",
        )
        parser.add_argument(
            "--reextract",
            action="store_true",
            help="re-run extraction over stored reports; events editors touched are kept",
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="stop at the first file that cannot be imported (those before it stay)",
        )

    def handle(
        self, *args, paths, published=None, reextract=False, jobs=1, strict=False, **options
    ):
        if jobs < 1:
            raise CommandError("--jobs must be at least 1")
        if reextract:
            if paths or published:
                raise CommandError("--reextract works on stored reports: give no paths")
            return self._reextract()
        if not paths:
            raise CommandError("give at least one report file or folder (or --reextract)")
        try:
            default = parse_published(published) if published else None
        except FrontMatterError as exc:
            raise CommandError(f"--published: {exc}") from None
        failed = imported = 0
        for outcome in reports_import_files(paths=paths, published=default, jobs=jobs):
            if outcome.failed:
                failed += 1
                self.stderr.write(f"{outcome.name}: failed: {outcome.message}")
                if strict:
                    self.stderr.write("stopped at the first failure (--strict)")
                    break
            elif outcome.status == "duplicate":
                self.stdout.write(f"{outcome.name}: skipped, {outcome.message}")
            else:
                imported += 1
                self.stdout.write(f"{outcome.name}: {outcome.events} events")
        self.stdout.write(f"{imported} imported, {failed} failed")
        if failed:
            raise CommandError(f"{failed} report(s) could not be imported", returncode=1)

    def _reextract(self):
        columns = ("added", "updated", "unchanged", "kept", "removed")
        totals = dict.fromkeys(columns, 0)
        failed = 0
        for outcome in reports_reextract():
            if outcome.failed:
                failed += 1
                self.stderr.write(
                    f"{outcome.name}: failed, events left as they were: {outcome.message}"
                )
                continue
            for column in columns:
                totals[column] += getattr(outcome, column)
            counts = ", ".join(f"{getattr(outcome, c)} {c}" for c in columns)
            self.stdout.write(f"{outcome.name}: {counts}")
        summary = ", ".join(f"{totals[c]} {c}" for c in columns)
        self.stdout.write(f"re-extracted: {summary}; {failed} failed")
        if failed:
            raise CommandError(f"{failed} report(s) could not be re-extracted", returncode=1)
