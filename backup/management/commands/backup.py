"""Back up the database and the media files into one archive with a manifest of hashes.

python manage.py backup --out /srv/cadangan/netralitas-2026-12-01.tar
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from backup.archive import BackupError, write_backup


class Command(BaseCommand):
    help = "Cadangkan basis data dan berkas media ke satu arsip dengan manifest hash."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Berkas arsip tujuan (.tar)")

    def handle(self, *args, **opts):
        out = Path(opts["out"]).resolve()
        if not out.parent.is_dir():
            raise CommandError(f"Folder tujuan tidak ada: {out.parent}")
        try:
            manifest = write_backup(out)
        except (BackupError, OSError) as exc:
            raise CommandError(f"Pencadangan gagal: {exc}") from exc
        self.stdout.write(
            f"Cadangan ditulis ke {out}: basis data {manifest['database']['size']} byte "
            f"(sha256 {manifest['database']['sha256'][:16]}…), {len(manifest['media'])} berkas media."
        )
