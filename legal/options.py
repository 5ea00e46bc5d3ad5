"""Points the domain brief marks *unconfirmed*, as per-Pemda options with a conservative default.

Where they are set: ``settings.LEGAL_OPTIONS`` (a dict), filled from the environment variable
``LEGAL_OPTIONS`` as JSON, e.g. ``LEGAL_OPTIONS='{"skb10_level": "berat"}'``. A Pemda's legal officer
changes a value only after checking the primary text (JDIH); the legal-basis page prints the value in
force next to the default and the reason for the default. Unknown keys or values are refused at start
(``legal.checks``), so a typo never silently falls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    key: str
    question: str  # what the brief could not confirm
    default: Any
    choices: tuple[Any, ...]
    why_default: str  # why the default is the conservative reading
    brief: str  # section of the domain brief


OPTIONS: dict[str, Option] = {
    o.key: o
    for o in (
        Option(
            "skb10_level",
            "SKB 2022 butir 10 (kegiatan yang mengarah keberpihakan) menilai tingkat sedang; PP 94/2021 Pasal 5 "
            "huruf n angka 6 diberitakan sebagai berat.",
            "sedang",
            ("sedang", "berat"),
            "Tingkat berat belum dicocokkan dengan naskah PP; hukuman yang lebih berat tanpa dasar yang pasti "
            "berisiko dibatalkan pada upaya administratif. Pejabat tetap dapat memilih berat dengan alasan.",
            "§2.3 #10, §7",
        ),
        Option(
            "pp94_5n_1_level",
            "Tingkat hukuman PP 94/2021 Pasal 5 huruf n angka 1 (ikut kampanye).",
            "sedang",
            ("sedang", "berat"),
            "Angka 2 (peserta kampanye dengan atribut) yang lebih spesifik dinilai sedang; tanpa naskah, "
            "angka 1 tidak dinilai lebih berat daripadanya.",
            "§2.2, §7",
        ),
        Option(
            "pp94_5n_7_level",
            "Tingkat hukuman PP 94/2021 Pasal 5 huruf n angka 7 (surat dukungan dengan fotokopi KTP).",
            "berat",
            ("sedang", "berat"),
            "SKB 2022 butir 12 menilai perbuatan yang sama berat; dua sumber yang sejalan.",
            "§2.2, §2.3 #12, §7",
        ),
        Option(
            "ringan_appealable",
            "Apakah hukuman disiplin ringan dapat diajukan keberatan menurut PP 94/2021.",
            False,
            (False, True),
            "Aturan lama (PP 53/2010) tidak membuka upaya administratif atas hukuman ringan; surat tidak "
            "menjanjikan hak yang belum pasti. Setelah dicek, Pemda dapat membukanya.",
            "§3.4, §7",
        ),
        Option(
            "appeal_window_unit",
            "Tenggat 14 hari upaya administratif dihitung dalam hari kerja atau hari kalender.",
            "workdays",
            ("workdays", "calendar"),
            "Hari kerja memberi pegawai waktu yang lebih panjang; pengajuan tidak ditolak karena cara hitung "
            "yang lebih sempit.",
            "§3.4",
        ),
        Option(
            "effective_rule",
            "Kapan keputusan berlaku bila tidak diajukan upaya administratif (umumnya hari ke-15 setelah diterima).",
            "after_appeal_window",
            ("after_appeal_window", "day_15_calendar"),
            "Berlaku pada hari kerja pertama setelah tenggat upaya administratif habis, sehingga keputusan "
            "tidak dilaksanakan selama pegawai masih berhak mengajukannya.",
            "§3.4, §7",
        ),
        Option(
            "pppk_moral_sanction",
            "Apakah sanksi moral PP 42/2004 (kode etik PNS) dijatuhkan kepada PPPK.",
            False,
            (False, True),
            "PP 42/2004 mengatur kode etik PNS; dasar penerapannya bagi PPPK belum dikonfirmasi. PPPK tetap "
            "dapat dikenai hukuman disiplin menurut aturan disiplin PPPK instansi.",
            "§1.1, §2.1, §2.5",
        ),
        Option(
            "supervisor_duty_workdays",
            "Berapa hari kerja atasan langsung mendapat waktu untuk memanggil setelah mengetahui dugaan "
            "pelanggaran (PP 94/2021 tidak menyebut angka dalam brief).",
            7,
            (3, 5, 7, 10, 14),
            "Kebijakan internal Pemda, bukan angka undang-undang; 7 hari kerja sejalan dengan jarak minimal "
            "Panggilan I ke pemeriksaan.",
            "§3.1",
        ),
    )
}


def value(key: str) -> Any:
    """The value in force for this Pemda (``settings.LEGAL_OPTIONS``) or the conservative default."""
    option = OPTIONS[key]
    try:
        from django.conf import settings

        configured = getattr(settings, "LEGAL_OPTIONS", {}) or {}
    except Exception:  # plain-Python use without configured settings
        configured = {}
    return configured.get(key, option.default)


def problems(configured: dict[str, Any]) -> list[str]:
    """Why a configured dict is unusable (unknown key or value outside the choices)."""
    out = []
    for key, val in configured.items():
        if key not in OPTIONS:
            out.append(f"LEGAL_OPTIONS: kunci tidak dikenal {key!r}")
        elif val not in OPTIONS[key].choices:
            out.append(f"LEGAL_OPTIONS[{key!r}] = {val!r} bukan salah satu dari {OPTIONS[key].choices}")
    return out
