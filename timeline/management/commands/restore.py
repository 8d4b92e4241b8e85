from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.backups import BackupError, backup_restore


class Command(BaseCommand):
    help = (
        "Replace everything in the database with a file written by `backup`, in one "
        "transaction: if anything fails, nothing changes. Run `migrate` first."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a file written by `manage.py backup`")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, path, interactive=True, **options):
        if interactive:
            answer = input(
                "This replaces every report, event, version, user and group in the "
                f"database with those in {path}, and logs everyone out. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("restore cancelled; nothing changed")
        try:
            backup_restore(Path(path))
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except Exception as exc:  # a file from another schema, a damaged file: all rolled back
            raise CommandError(f"cannot restore {path}, nothing changed: {exc}") from exc
        self.stdout.write(f"restored from {path}")
