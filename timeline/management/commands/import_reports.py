from django.core.management.base import BaseCommand, CommandError

from timeline.extraction.frontmatter import FrontMatterError, parse_published
from timeline.services import reports_import_files


class Command(BaseCommand):
    help = "Import report files (or folders of .txt reports) and extract their events."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="report files or folders")
        parser.add_argument(
            "--published", help="publication date (YYYY-MM-DD) for files without front matter"
        )

    def handle(self, *args, paths, published=None, **options):
        try:
            default = parse_published(published) if published else None
        except FrontMatterError as exc:
            raise CommandError(f"--published: {exc}") from None
        failed = imported = 0
        for outcome in reports_import_files(paths=paths, published=default):
            if outcome.failed:
                failed += 1
                self.stderr.write(f"{outcome.name}: failed: {outcome.message}")
            elif outcome.status == "duplicate":
                self.stdout.write(f"{outcome.name}: skipped, {outcome.message}")
            else:
                imported += 1
                self.stdout.write(f"{outcome.name}: {outcome.events} events")
        self.stdout.write(f"{imported} imported, {failed} failed")
        if failed:
            raise CommandError(f"{failed} report(s) could not be imported", returncode=1)
