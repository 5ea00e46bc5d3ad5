"""Build a referral bundle (ZIP) for a case: ``referral_bundle NET/2024/0001 --to bkn --out berkas.zip``."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.management.base import BaseCommand, CommandError

from cases.models import Case
from outreach import bundle as bundles


class Command(BaseCommand):
    help = "Buat berkas rujukan (ZIP bertanda tangan) untuk BKN atau Bawaslu dari satu kasus."

    def add_arguments(self, parser):
        parser.add_argument("reference", help="Nomor kasus, mis. NET/2024/0001")
        parser.add_argument("--to", required=True, choices=["bkn", "bawaslu"], dest="recipient")
        parser.add_argument("--out", required=True, help="Berkas ZIP yang ditulis")
        parser.add_argument("--user", default="", help="Nama akun yang dicatat sebagai pembuat (opsional)")

    def handle(self, *args, **options):
        case = Case.objects.filter(reference=options["reference"]).first()
        if case is None:
            raise CommandError(f"Kasus {options['reference']} tidak ditemukan.")
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(f"Akun {options['user']} tidak ditemukan.")
        try:
            built = bundles.build(
                case=case, recipient=options["recipient"], acting_user=user, via="manage.py referral_bundle"
            )
        except (ValidationError, ImproperlyConfigured) as exc:
            raise CommandError(" ".join(getattr(exc, "messages", [str(exc)]))) from exc
        bundles.write_to(built, options["out"])
        self.stdout.write(
            f"{options['out']}: {built.file_count} berkas, {built.total_bytes} byte, SHA-256 ZIP {built.sha256}"
        )
