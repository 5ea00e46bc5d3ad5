"""Import an SP4N-LAPOR! CSV export into the public-report queue (columns: see outreach/lapor.py)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from outreach import lapor


class Command(BaseCommand):
    help = "Impor ekspor CSV SP4N-LAPOR! ke antrean pengaduan masyarakat."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        try:
            with open(options["path"], "rb") as fh:
                result = lapor.import_csv(fh)
        except (OSError, ValidationError) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc
        self.stdout.write(result.summary())
