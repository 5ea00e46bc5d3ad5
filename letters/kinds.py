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
    confidential: bool  # RAHASIA on every page and Sifat: Rahasia (brief §3.5: the BKN model forms are RAHASIA)
    disciplinary: bool  # a PP 94/2021 punishment (hukuman disiplin)
    code: str  # default classification code: 800 = kepegawaian (Permendagri 83/2022); sub-codes are placeholders,
    # distinct per kind because each kind has its own yearly counter. Set the real ones in NumberingRule.
    hal: str  # default subject
    form: str  # "letter" (surat dinas with Nomor/Sifat/Hal), "titled" (title + number centred) or "decision"
    needs_case: bool = True  # only the coaching reminder may be written without a case
    authority: bool = False  # signed only in the name of the official the case's decision records


# Teguran tertulis and pernyataan tidak puas are plain letters (surat dinas), not a Keputusan (brief §4.2);
# every document of the disciplinary procedure is RAHASIA; the coaching reminder is not a procedure document.
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
        "TEGURAN TERTULIS",
        "letters/pdf/punishment.html",
        True,
        True,
        "800.1.6.4",
        "Hukuman Disiplin Berupa Teguran Tertulis",
        "letter",
        authority=True,
    ),
    LetterKind.DISSATISFACTION: KindSpec(
        "PERNYATAAN TIDAK PUAS SECARA TERTULIS",
        "letters/pdf/punishment.html",
        True,
        True,
        "800.1.6.5",
        "Hukuman Disiplin Berupa Pernyataan Tidak Puas secara Tertulis",
        "letter",
        authority=True,
    ),
    LetterKind.DECISION: KindSpec(
        "KEPUTUSAN",
        "letters/pdf/decision.html",
        True,
        True,
        "800.1.6.6",
        "Hukuman Disiplin",
        "decision",
        authority=True,
    ),
    LetterKind.MORAL_CLOSED: KindSpec(
        "PERNYATAAN SANKSI MORAL SECARA TERTUTUP",
        "letters/pdf/moral.html",
        True,
        False,
        "800.1.6.7",
        "Sanksi Moral",
        "titled",
        authority=True,
    ),
    LetterKind.MORAL_OPEN: KindSpec(
        "PERNYATAAN SANKSI MORAL SECARA TERBUKA",
        "letters/pdf/moral.html",
        True,
        False,
        "800.1.6.8",
        "Sanksi Moral",
        "titled",
        authority=True,
    ),
    LetterKind.COACHING: KindSpec(
        "SURAT TEGURAN PEMBINAAN",
        "letters/pdf/coaching.html",
        False,
        False,
        "800.1.6.9",
        "Teguran Pembinaan",
        "letter",
        needs_case=False,
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
    # The heading (KEPUTUSAN <JABATAN>) follows the signatory and the effective clause follows the appeal
    # window (letters/procedure.py); neither is typed.
    LetterKind.DECISION: [
        ("considerations", _("Menimbang (satu butir per baris)"), "text"),
        ("references", _("Mengingat (satu butir per baris)"), "text"),
        ("second_clause", _("KEDUA (mis. besaran dan masa pemotongan TPP; kosongkan bila tidak ada)"), "text"),
    ],
    LetterKind.MORAL_OPEN: [("forum", _("Forum penyampaian (mis. apel pagi)"), "char")],
    LetterKind.MORAL_CLOSED: [("forum", _("Tempat penyampaian tertutup"), "char")],
}
DETAIL_FIELDS[LetterKind.SUMMONS_2] = DETAIL_FIELDS[LetterKind.SUMMONS_1] + [
    ("missed_date", _("Tanggal panggilan I tidak dihadiri"), "date")
]
