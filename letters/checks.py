"""System checks for per-Pemda letter configuration: placeholder archive codes, no PPK as signatory."""

from __future__ import annotations

from django.core.checks import Warning, register
from django.db import DatabaseError


@register("letters")
def configuration_check(app_configs=None, **kwargs) -> list[Warning]:
    from cases.authorities import ppk

    from .kinds import LetterKind
    from .models import Letterhead
    from .numbering import placeholder_reason

    try:
        letterhead = Letterhead.default()
        issues: list[Warning] = []
        if letterhead is not None:
            pending = [k for k in LetterKind if placeholder_reason(letterhead, k)]
            if pending:
                issues.append(
                    Warning(
                        f"Kode klasifikasi arsip masih contoh untuk: {', '.join(pending)}.",
                        hint="Isi kode menurut Permendagri 83/2022 dan centang 'kode sudah diperiksa' pada Aturan "
                        "penomoran kop surat (admin). Surat dengan kode contoh tidak dapat ditandatangani.",
                        id="letters.W001",
                    )
                )
        if ppk() is None:
            issues.append(
                Warning(
                    "Pejabat Pembina Kepegawaian (Bupati/Wali Kota/Gubernur) belum terdaftar sebagai pejabat penandatangan.",
                    hint="Tambahkan di admin: Pejabat penandatangan, kedudukan PPK, tanpa NIP, dengan operatornya.",
                    id="letters.W002",
                )
            )
        return issues
    except DatabaseError:  # tables not migrated yet (first migrate)
        return []
