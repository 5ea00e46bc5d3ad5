"""Time letter rendering: one letter, and N letters rendered and merged into one bulk PDF.

Touches no data: letters are built in memory from the default letterhead (or a sample one).
"""

from __future__ import annotations

import datetime as dt
import time

from django.core.management.base import BaseCommand

from letters import bulk, drafting, rendering
from letters.kinds import LetterKind
from letters.models import Letter, Letterhead
from printing.models import IssuedDocument, new_verification_code
from registry.models import Employee, OrgUnit


def sample_letterhead() -> Letterhead:
    return Letterhead.default() or Letterhead(
        government="PEMERINTAH KABUPATEN SUKAMAJU",
        agency="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        address="Jl. Pemuda No. 1, Sukamaju",
        phone="(0231) 123456",
        email="bkpsdm@sukamajukab.go.id",
        city="Sukamaju",
        unit_code="BKPSDM",
    )


def sample_letter(i: int, letterhead: Letterhead, kind: str = LetterKind.WRITTEN_WARNING) -> Letter:
    unit = OrgUnit(name="Dinas Pendidikan", code="DISDIK")
    employee = Employee(
        full_name=f"Pegawai Contoh {i}", status="pns", nip=f"1990041220150320{i % 100:02d}", rank="III/a", unit=unit
    )
    employee.position = "Guru Ahli Pertama"
    data = drafting.initial_for(kind=kind, employee=employee, letterhead=letterhead)
    letter = Letter(
        kind=kind,
        letterhead=letterhead,
        status=Letter.Status.ISSUED,
        number=f"800.1.6.4/{i:04d}/BKPSDM/2024",
        issued_on=dt.date(2024, 11, 25),
        **{k: v for k, v in data.items() if k.startswith(("addressee_", "signer_"))},
        sifat=data["sifat"],
        subject=data["subject"],
        legal_basis=data["legal_basis"],
        body=data["body"],
        copies=data["copies"],
    )
    letter.signer_position = letter.signer_position or "Kepala Badan Kepegawaian dan Pengembangan SDM"
    letter.signer_name = letter.signer_name or "HENDRA WIJAYA, S.H., M.Si."
    letter.employee = employee
    letter.issued_document = IssuedDocument(code=new_verification_code(), kind="Teguran Tertulis")
    return letter


class Command(BaseCommand):
    help = "Ukur waktu render satu surat dan N surat digabung menjadi satu PDF massal."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100)

    def handle(self, *args, count: int, **options):
        letterhead = sample_letterhead()
        rendering.render_letter(sample_letter(0, letterhead), draft=False)  # warm-up (fonts, templates)
        t0 = time.perf_counter()
        one = rendering.render_letter(sample_letter(1, letterhead), draft=False)
        single = time.perf_counter() - t0

        t0 = time.perf_counter()
        parts = [rendering.render_letter(sample_letter(i, letterhead), draft=False) for i in range(1, count + 1)]
        rendered = time.perf_counter() - t0
        t1 = time.perf_counter()
        merged = bulk.merge(parts)
        merging = time.perf_counter() - t1
        total = time.perf_counter() - t0
        self.stdout.write(f"single letter render: {single:.3f} s ({len(one) // 1024} KiB)")
        self.stdout.write(
            f"{count} letters: render {rendered:.2f} s + merge {merging:.2f} s = {total:.2f} s "
            f"({len(merged) // 1024} KiB, {total / count:.3f} s/letter)"
        )
        self.stdout.write(f"bulk merge of {count} stored PDFs only (what the print job does): {merging:.2f} s")
