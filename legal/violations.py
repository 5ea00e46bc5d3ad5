"""The violation catalogue: the 13 SKB 2022 items (brief §2.3) and the seven forms of PP 94/2021
Pasal 5 huruf n (brief §2.2), each with the article that forbids it and the article that sets its level.

``level(code)`` is the ONE function that says how heavy a catalogued violation is; three levels depend
on per-Pemda options (see legal.options): SKB #10 and its twin PP 94 form 6 (the sedang/berat
conflict), and PP 94 forms 1 and 7.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import options, procedure
from .articles import Article, art

PTDH = "ptdh"
SKB, P94, UU = "skb2022", "pp94", "uu_asn"
PASAL_5N = art(P94, "Pasal 5 huruf n")


@dataclass(frozen=True)
class ViolationRule:
    code: str  # cases.ViolationType.code
    number: int  # SKB item number, or the angka of Pasal 5 huruf n
    title: str
    ethics: bool  # also a kode-etik violation (sanksi moral)
    default_level: str  # "" (kode etik only) | ringan | sedang | berat | ptdh
    prohibited_by: Article
    level_set_by: Article | None
    level_option: str = ""  # key in legal.options when the level is unconfirmed
    note: str = ""

    @property
    def source(self) -> str:
        return "SKB 2022" if self.code.startswith("SKB") else "PP 94/2021"

    @property
    def reference(self) -> str:
        """How a letter names the item: 'SKB 2022 butir 5' / 'Pasal 5 huruf n angka 4 PP 94/2021'."""
        if self.code.startswith("SKB"):
            return f"SKB 2022 angka {self.number}"
        if self.code.startswith("PP94-5N-"):
            return f"Pasal 5 huruf n angka {self.number} PP 94/2021"
        return str(self.prohibited_by)


def _skb(n: int, title: str, ethics: bool, level: str, **kw) -> ViolationRule:
    prohibited = kw.pop("prohibited_by", PASAL_5N if level != PTDH else art(UU, "Pasal 52 ayat (3) huruf j"))
    level_set = kw.pop("level_set_by", art(SKB, f"Lampiran angka {n}") if level else None)
    return ViolationRule(f"SKB-{n:02d}", n, title, ethics, level, prohibited, level_set, **kw)


def _form(n: int, title: str, ethics: bool, level: str, level_set_by: Article, **kw) -> ViolationRule:
    return ViolationRule(f"PP94-5N-{n}", n, title, ethics, level, art(P94, f"Pasal 5 huruf n angka {n}"),
                         level_set_by, **kw)  # fmt: skip


CONFLICT_10 = (
    "SKB 2022 butir 10 menilai sedang, PP 94/2021 Pasal 5 huruf n angka 6 diberitakan berat; "
    "yang dipakai: opsi Pemda skb10_level."
)

VIOLATIONS: tuple[ViolationRule, ...] = (
    _skb(1, "Memasang spanduk, baliho, atau alat peraga lain terkait bakal calon/calon", True, "berat"),
    _skb(2, "Melakukan sosialisasi atau kampanye bakal calon/calon melalui media sosial atau daring", True, "berat"),
    _skb(3, "Menghadiri deklarasi atau kampanye bakal pasangan calon/pasangan calon dan memberikan tindakan "
            "atau dukungan secara aktif", True, "berat"),
    _skb(4, "Membuat unggahan, komentar, membagikan, menyukai, atau bergabung/mengikuti grup atau akun "
            "pemenangan bakal calon/calon", True, "berat"),
    _skb(5, "Mengunggah foto bersama bakal calon/calon, tim sukses, atau alat peraga partai, termasuk "
            "menunjukkan simbol keberpihakan, memakai atribut partai, atau berlatar partai/calon", True, "berat"),
    _skb(6, "Ikut dalam kegiatan kampanye, sosialisasi, atau pengenalan bakal calon", True, ""),
    _skb(7, "Mengikuti deklarasi atau kampanye bagi suami/istri calon", True, ""),
    _skb(8, "Melakukan pendekatan kepada partai politik atau masyarakat sebagai bakal calon", False, "sedang"),
    _skb(9, "Menjadi anggota atau pengurus partai politik", False, PTDH,
         level_set_by=art(UU, "Pasal 52 ayat (3) huruf j dan ayat (4)")),
    _skb(10, "Mengadakan kegiatan yang mengarah pada keberpihakan kepada partai politik atau bakal calon/calon",
         False, "sedang", level_option="skb10_level", note=CONFLICT_10),
    _skb(11, "Menjadi tim ahli, tim pemenangan, atau konsultan partai politik atau bakal calon/calon", False,
         "berat"),
    _skb(12, "Memberikan dukungan kepada bakal calon perseorangan dengan surat dukungan atau mengumpulkan "
             "fotokopi KTP", False, "berat"),
    _skb(13, "Membuat keputusan atau tindakan yang menguntungkan atau merugikan partai politik atau bakal "
             "calon/calon", False, "berat"),
    _form(1, "Ikut kampanye", True, "sedang", art(P94, "Pasal 13/14", unconfirmed=True),
          level_option="pp94_5n_1_level"),
    _form(2, "Menjadi peserta kampanye dengan menggunakan atribut partai atau atribut PNS", True, "sedang",
          art(P94, "Pasal 13 huruf g")),
    _form(3, "Menjadi peserta kampanye dengan mengerahkan PNS lain", False, "berat",
          art(P94, "Pasal 14", unconfirmed=True)),
    _form(4, "Menjadi peserta kampanye dengan menggunakan fasilitas negara", False, "berat",
          art(P94, "Pasal 14", unconfirmed=True)),
    _form(5, "Membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan pasangan calon sebelum, "
             "selama, atau sesudah masa kampanye", False, "berat", art(P94, "Pasal 14", unconfirmed=True)),
    _form(6, "Mengadakan kegiatan yang mengarah pada keberpihakan kepada pasangan calon (pertemuan, ajakan, "
             "imbauan, seruan, atau pemberian barang) kepada PNS di unit kerja, keluarga, atau masyarakat", False,
          "sedang", art(P94, "Pasal 14", unconfirmed=True), level_option="skb10_level", note=CONFLICT_10),
    _form(7, "Memberikan surat dukungan disertai fotokopi KTP atau surat keterangan tanda penduduk", False,
          "berat", art(P94, "Pasal 14", unconfirmed=True), level_option="pp94_5n_7_level"),
    # The supervisor's own breach (brief §3.1): not a neutrality item; the official sets the level.
    ViolationRule("PP94-ATASAN", 0, "Atasan langsung tidak memanggil dan memeriksa bawahan yang diduga melakukan "
                  "pelanggaran disiplin", False, "", procedure.SUPERVISOR_DUTY_ARTICLE,
                  procedure.SUPERVISOR_FAILURE_ARTICLE,
                  note="Tingkat ditetapkan pejabat yang berwenang; atasan yang lalai dijatuhi hukuman yang lebih "
                       "berat (pasal belum dikonfirmasi)."),
)  # fmt: skip

SUPERVISOR_FAILURE = "PP94-ATASAN"

BY_CODE: dict[str, ViolationRule] = {v.code: v for v in VIOLATIONS}


def get(code: str) -> ViolationRule | None:
    return BY_CODE.get(code)


def level(code: str, fallback: str = "") -> str:
    """The disciplinary level in force for a catalogued violation (the Pemda's option where unconfirmed)."""
    rule = BY_CODE.get(code)
    if rule is None:
        return fallback
    if rule.level_option:
        return options.value(rule.level_option)
    return rule.default_level


def is_dismissal_offence(code: str, fallback: str = "") -> bool:
    """Party membership (SKB 2022 #9, UU 20/2023 Pasal 52): dismissal, not a rung of the ladder."""
    return level(code, fallback) == PTDH
