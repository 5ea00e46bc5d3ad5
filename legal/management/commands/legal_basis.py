from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from legal import page


class Command(BaseCommand):
    help = "Tulis docs/legal-basis.md dari tabel dasar hukum di kode (paket legal/)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(Path(settings.BASE_DIR) / "docs" / "legal-basis.md"))
        parser.add_argument("--check", action="store_true", help="Gagal bila berkas berbeda dari hasil kode.")

    def handle(self, *args, out: str, check: bool, **options):
        text = page.to_markdown() + "\n"
        path = Path(out)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                raise SystemExit(f"{path} tidak sesuai dengan kode; jalankan: python manage.py legal_basis")
            self.stdout.write("legal-basis.md sesuai.")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        self.stdout.write(f"Ditulis {path}")
