"""Print the current TOTP code of a demo account (for testers without an authenticator app)."""

from django.core.management.base import BaseCommand, CommandError

from accounts.demo import DEMO_ACCOUNTS


class Command(BaseCommand):
    help = "Cetak kode TOTP saat ini untuk akun demo."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, yield_hotp_counters_from_time

        secrets = {a.username: a.totp_secret for a in DEMO_ACCOUNTS if a.totp_secret}
        if username not in secrets:
            raise CommandError(f"{username!r} bukan akun demo dengan TOTP.")
        counter = list(yield_hotp_counters_from_time())[len(list(yield_hotp_counters_from_time())) // 2]
        self.stdout.write(format_hotp_value(hotp_value(secrets[username], counter)))
