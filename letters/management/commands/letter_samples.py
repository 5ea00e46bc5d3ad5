"""Render every letter kind for a PNS, a PPPK and an honorer case as DIR/<kind>-<status>.pdf (and PNG previews of
each page via pdftoppm with --png), signed through the real services in the authorised official's name.
Nothing stays in the database (``letters.samples`` rolls its transaction back)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from letters import samples


class Command(BaseCommand):
    help = "Buat contoh PDF setiap jenis surat untuk PNS, PPPK dan honorer (tanpa mengubah data)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="docs/samples")
        parser.add_argument("--png", action="store_true", help="juga pratinjau PNG per halaman (pdftoppm)")
        parser.add_argument("--dpi", type=int, default=60)

    def handle(self, *args, out: str, png: bool, dpi: int, **options):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        if png and not shutil.which("pdftoppm"):
            raise CommandError("pdftoppm (poppler-utils) tidak ditemukan; pasang atau jalankan tanpa --png.")
        for sample in samples.build():
            name = f"{sample.kind}-{sample.status}"
            path = folder / f"{name}.pdf"
            path.write_bytes(sample.pdf)
            if png:
                # first page only: the PDF beside it is the full document
                subprocess.run(
                    ["pdftoppm", "-png", "-singlefile", "-l", "1", "-r", str(dpi), str(path), str(folder / name)],
                    check=True,
                )
            self.stdout.write(f"{path}  ({sample.signatory}, {sample.title})")
