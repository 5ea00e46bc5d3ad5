"""Restore a backup archive into a fresh install (after `migrate`), checking every hash first.

python manage.py migrate && python manage.py restore /srv/cadangan/netralitas-2026-12-01.tar
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backup.archive import BackupError, restore_backup, verify_restored


class Command(BaseCommand):
    help = "Pulihkan arsip cadangan ke instalasi baru (setelah migrate); semua hash diperiksa dahulu."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Berkas arsip dari perintah backup")

    def handle(self, *args, **opts):
        try:
            result = restore_backup(Path(opts["archive"]))
        except BackupError as exc:
            raise CommandError(f"Pemulihan ditolak: {exc}") from exc
        problems = verify_restored()
        if problems:
            raise CommandError("Hash bukti tidak cocok setelah pemulihan: " + "; ".join(problems[:10]))
        self.stdout.write(
            f"Pemulihan selesai: {result['media']} berkas media, basis data {result['database_bytes']} byte; "
            "hash semua bukti cocok."
        )
