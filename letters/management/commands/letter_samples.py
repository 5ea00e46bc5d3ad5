"""Render one sample PDF (and PNG of each page via pdftoppm, if installed) per letter kind, without touching data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand

from letters import rendering
from letters.kinds import LetterKind

from .benchmark_letters import sample_letter, sample_letterhead

DETAILS = {
    LetterKind.SUMMONS_1: {
        "hearing_date": "2024-10-21",
        "hearing_time": "09.00",
        "hearing_place": "Ruang Rapat BKPSDM, Jl. Pemuda No. 1, Sukamaju",
        "examiner_name": "Drs. Agus Santoso, M.Si.",
        "examiner_nip": "197505102000031002",
        "examiner_rank": "Pembina (IV/a)",
        "examiner_position": "Kepala Dinas Pendidikan",
    },
    LetterKind.EXAMINATION: {
        "exam_date": "2024-10-21",
        "exam_place": "Ruang Rapat BKPSDM",
        "examiners": "Drs. Agus Santoso, M.Si. | 197505102000031002 | Kepala Dinas Pendidikan\n"
        "Rina Kusumawati, S.H. | 198803172010012003 | Analis Kepegawaian Ahli Muda",
        "qa": "T: Apakah akun Instagram @contoh milik Saudara?\nJ: Benar, akun itu milik saya.\n"
        "T: Apakah Saudara mengunggah foto bersama pasangan calon dengan gestur dua jari?\n"
        "J: Ya, pada 2 Oktober 2024, saya tidak bermaksud berkampanye.",
    },
    LetterKind.DECISION: {
        "decider_title": "KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SDM KABUPATEN SUKAMAJU",
        "considerations": "bahwa berdasarkan hasil pemeriksaan tanggal 21 Oktober 2024, Sdr. Pegawai Contoh terbukti "
        "mengunggah foto dengan simbol keberpihakan;\nbahwa untuk menegakkan disiplin perlu menjatuhkan hukuman "
        "disiplin;",
        "references": "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara;\n"
        "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil;\n"
        "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022;",
        "effective": "pada tanggal ditetapkan",
    },
    LetterKind.MORAL_OPEN: {"forum": "apel pagi Dinas Pendidikan"},
}
DETAILS[LetterKind.SUMMONS_2] = dict(DETAILS[LetterKind.SUMMONS_1], missed_date="2024-10-21", hearing_date="2024-11-04")


class Command(BaseCommand):
    help = "Buat contoh PDF/PNG setiap jenis surat (tanpa mengubah data)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default="docs/samples")
        parser.add_argument("--dpi", type=int, default=60)

    def handle(self, *args, out: str, dpi: int, **options):
        folder = Path(out)
        folder.mkdir(parents=True, exist_ok=True)
        letterhead = sample_letterhead()
        jobs = [(kind, False) for kind in LetterKind] + [(LetterKind.WRITTEN_WARNING, True)]
        for i, (kind, draft) in enumerate(jobs, start=1):
            letter = sample_letter(i, letterhead, kind)
            letter.details = DETAILS.get(kind, {})
            name = f"{kind}-draft" if draft else kind
            pdf_path = folder / f"{name}.pdf"
            pdf_path.write_bytes(rendering.render_letter(letter, draft=draft))
            if shutil.which("pdftoppm"):
                subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf_path), str(folder / name)], check=True)
                pdf_path.unlink()
            self.stdout.write(f"{name}")
