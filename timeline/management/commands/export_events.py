import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from timeline.exports import write_csv, write_json
from timeline.selectors import event_export_iter

WRITERS = {"json": write_json, "csv": write_csv}


class Command(BaseCommand):
    help = "Export every event as JSON or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=sorted(WRITERS), default="json")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, format, output=None, **options):
        write = WRITERS[format]
        if not output:
            self.stdout.ending = ""  # the writers end their own lines
            write(event_export_iter(), self.stdout)
            return
        target = Path(output)
        partial = target.with_name(f".{target.name}.partial")
        try:
            # Written aside and renamed, so a failed export never leaves half a file.
            with partial.open("w", encoding="utf-8", newline="") as stream:
                count = write(event_export_iter(), stream)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"cannot write {output}: {exc.strerror}") from None
        self.stderr.write(f"{count} events written to {output}")
