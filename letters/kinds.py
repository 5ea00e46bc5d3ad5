"""The letter types and what distinguishes them: one table, read by drafting, numbering and rendering.

A coaching reminder (teguran pembinaan) is *not* a disciplinary punishment; a written
warning (teguran tertulis) is. They are separate kinds with separate templates,
titles, numbering rules and ``disciplinary`` flags, so they cannot be confused.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    SUMMONS_1 = "summons_1", _("Surat Panggilan I")
    SUMMONS_2 = "summons_2", _("Surat Panggilan II")
    EXAMINATION = "examination", _("Berita Acara Pemeriksaan")
    WRITTEN_WARNING = "written_warning", _("Hukuman disiplin: teguran tertulis")
    DISSATISFACTION = "dissatisfaction", _("Hukuman disiplin: pernyataan tidak puas secara tertulis")
    DECISION = "decision", _("Keputusan hukuman disiplin")
    MORAL_CLOSED = "moral_closed", _("Pernyataan sanksi moral secara tertutup")
    MORAL_OPEN = "moral_open", _("Pernyataan sanksi moral secara terbuka")
    COACHING = "coaching", _("Teguran pembinaan (bukan hukuman disiplin)")


class Sifat(models.TextChoices):
    BIASA = "Biasa", _("Biasa")
    PENTING = "Penting", _("Penting")
    SEGERA = "Segera", _("Segera")
    RAHASIA = "Rahasia", _("Rahasia")


@dataclass(frozen=True)
class KindSpec:
    title: str  # heading printed on the document
    template: str
    confidential: bool  # RAHASIA on every page
    disciplinary: bool  # a PP 94/2021 punishment (hukuman disiplin)
    code: str  # default classification code: 800 = kepegawaian (Permendagri 83/2022); sub-codes are placeholders,
    # distinct per kind because each kind has its own yearly counter. Set the real ones in NumberingRule.
    hal: str  # default subject
    form: str  # "letter" (surat dinas with Nomor/Sifat/Hal) or "titled" (title + number centred)


SPECS: dict[str, KindSpec] = {
    LetterKind.SUMMONS_1: KindSpec(
        "SURAT PANGGILAN I", "letters/pdf/summons.html", True, False, "800.1.6.1", "Panggilan I", "titled"
    ),
    LetterKind.SUMMONS_2: KindSpec(
        "SURAT PANGGILAN II", "letters/pdf/summons.html", True, False, "800.1.6.2", "Panggilan II", "titled"
    ),
    LetterKind.EXAMINATION: KindSpec(
        "BERITA ACARA PEMERIKSAAN", "letters/pdf/examination.html", True, False, "800.1.6.3", "Pemeriksaan", "titled"
    ),
    LetterKind.WRITTEN_WARNING: KindSpec(
        "TEGURAN TERTULIS", "letters/pdf/punishment.html", False, True, "800.1.6.4", "Teguran Tertulis", "titled"
    ),
    LetterKind.DISSATISFACTION: KindSpec(
        "PERNYATAAN TIDAK PUAS SECARA TERTULIS",
        "letters/pdf/punishment.html",
        False,
        True,
        "800.1.6.5",
        "Pernyataan Tidak Puas",
        "titled",
    ),
    LetterKind.DECISION: KindSpec(
        "KEPUTUSAN", "letters/pdf/decision.html", True, True, "800.1.6.6", "Hukuman Disiplin", "decision"
    ),
    LetterKind.MORAL_CLOSED: KindSpec(
        "PERNYATAAN SANKSI MORAL SECARA TERTUTUP",
        "letters/pdf/moral.html",
        False,
        False,
        "800.1.6.7",
        "Sanksi Moral",
        "titled",
    ),
    LetterKind.MORAL_OPEN: KindSpec(
        "PERNYATAAN SANKSI MORAL SECARA TERBUKA",
        "letters/pdf/moral.html",
        False,
        False,
        "800.1.6.8",
        "Sanksi Moral",
        "titled",
    ),
    LetterKind.COACHING: KindSpec(
        "SURAT TEGURAN PEMBINAAN", "letters/pdf/coaching.html", False, False, "800.1.6.9", "Teguran Pembinaan", "letter"
    ),
}


def spec(kind: str) -> KindSpec:
    return SPECS[LetterKind(kind)]


# Kind-specific fields kept in Letter.details, edited on the draft form: name -> (label, "char"|"text"|"date"|"time")
DETAIL_FIELDS: dict[str, list[tuple[str, str, str]]] = {
    LetterKind.SUMMONS_1: [
        ("hearing_date", _("Tanggal pemeriksaan"), "date"),
        ("hearing_time", _("Jam"), "time"),
        ("hearing_place", _("Tempat"), "char"),
        ("examiner_name", _("Nama pemeriksa"), "char"),
        ("examiner_nip", _("NIP pemeriksa"), "char"),
        ("examiner_rank", _("Pangkat pemeriksa"), "char"),
        ("examiner_position", _("Jabatan pemeriksa"), "char"),
    ],
    LetterKind.EXAMINATION: [
        ("exam_date", _("Tanggal pemeriksaan"), "date"),
        ("exam_place", _("Tempat pemeriksaan"), "char"),
        ("examiners", _("Pemeriksa (satu per baris: nama | NIP | jabatan)"), "text"),
        ("qa", _("Tanya-jawab (baris 'T: ...' lalu 'J: ...')"), "text"),
    ],
    LetterKind.DECISION: [
        ("decider_title", _("Jabatan penetap (mis. BUPATI SUKAMAJU)"), "char"),
        ("considerations", _("Menimbang (satu butir per baris)"), "text"),
        ("references", _("Mengingat (satu butir per baris)"), "text"),
        ("second_clause", _("KEDUA (mis. besaran dan masa pemotongan TPP; kosongkan bila tidak ada)"), "text"),
        ("effective", _("Mulai berlaku"), "char"),
    ],
    LetterKind.MORAL_OPEN: [("forum", _("Forum penyampaian (mis. apel pagi)"), "char")],
    LetterKind.MORAL_CLOSED: [("forum", _("Tempat penyampaian tertutup"), "char")],
}
DETAIL_FIELDS[LetterKind.SUMMONS_2] = DETAIL_FIELDS[LetterKind.SUMMONS_1] + [
    ("missed_date", _("Tanggal panggilan I tidak dihadiri"), "date")
]
