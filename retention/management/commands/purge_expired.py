"""Remove the personal data of closed cases past their retention period (UU 27/2022; see retention.rules).

python manage.py purge_expired --dry-run     # list what would be removed, change nothing
python manage.py purge_expired               # remove it; one audit event per case
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from retention import rules
from retention.purge import purge_expired


class Command(BaseCommand):
    help = "Hapus data pribadi kasus selesai yang masa retensinya telah berakhir (jalankan --dry-run dahulu)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Tampilkan saja; tidak mengubah apa pun.")
        parser.add_argument("--user", default="", help="Nama pengguna yang dicatat di audit sebagai pelaksana.")

    def handle(self, *args, **opts):
        actor = None
        if opts["user"]:
            actor = get_user_model().objects.filter(username=opts["user"]).first()
            if actor is None:
                raise CommandError(f"Pengguna {opts['user']!r} tidak ditemukan.")
        dry = opts["dry_run"]
        plans = purge_expired(actor=actor, dry_run=dry)
        days = rules.retention_days()
        verb = "akan dihapus" if dry else "dihapus"
        for p in plans:
            what = ", ".join(f"{k} {v}" for k, v in sorted(p.counts.items())) or "tidak ada data tersisa"
            self.stdout.write(f"{p.case.reference} (selesai {p.closed_on:%d-%m-%Y}): {verb}: {what}")
        self.stdout.write(
            f"{len(plans)} kasus {verb} (masa retensi {days} hari setelah kasus selesai; dasar: {rules.ARTICLE})."
            + (" Uji coba: tidak ada yang diubah." if dry else "")
        )
