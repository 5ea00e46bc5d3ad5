"""Verify a referral bundle: manifest signature, every file's size and SHA-256, nothing unlisted."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from outreach.manifest import verify_zip


class Command(BaseCommand):
    help = "Periksa berkas rujukan (ZIP): tanda tangan manifest dan hash setiap berkas."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, **options):
        try:
            result = verify_zip(options["path"])
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(problem)
            raise CommandError(f"Berkas rujukan TIDAK SAH: {len(result.problems)} masalah.")
        case = result.manifest.get("case", "?")
        self.stdout.write(f"SAH: kasus {case}, {result.files_checked} berkas cocok dengan manifest bertanda tangan.")
