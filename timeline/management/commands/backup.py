from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.backups import BackupError, backup_write


class Command(BaseCommand):
    help = (
        "Write the whole database (reports, events, tags, their history, users, groups, "
        "the admin log) to one file, e.g. timeline.jsonl.gz; `restore` reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="file to write: .jsonl, or .jsonl.gz, .jsonl.xz, .jsonl.bz2"
        )

    def handle(self, *args, path, **options):
        try:
            backup_write(Path(path))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"backed up to {path}")
