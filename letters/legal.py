"""The legal-basis paragraph of a letter, chosen from the employee's status, the violation and the sanction.

Wording is our own summary of the instruments named in the domain brief (§1.2, §2); article numbers
the brief marks as unconfirmed are not cited. The officer may edit the paragraph on the draft.
"""

from __future__ import annotations

from typing import Any

from .kinds import LetterKind

UU_ASN = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
PP_DISIPLIN = "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil"
PERBKN = "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022 tentang Peraturan Pelaksanaan Peraturan Pemerintah Nomor 94 Tahun 2021"
PP_KODE_ETIK = (
    "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil"
)
PP_PPPK = "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja"
SE_NON_ASN = "Surat Edaran Menteri PANRB Nomor 1 Tahun 2023"
SKB = (
    "Keputusan Bersama Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, Ketua KASN dan Ketua Bawaslu Tahun 2022 "
    "tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN dalam Penyelenggaraan Pemilihan Umum dan Pemilihan"
)


def regime(status: str) -> str:
    """The discipline instrument that follows the employee's status on the date of the act."""
    if status == "pppk":
        return f"{PP_PPPK} (Pasal 51–52) dan aturan disiplin PPPK instansi"
    if status == "honorer":
        return f"{SE_NON_ASN} dan perjanjian kerja yang bersangkutan"
    return PP_DISIPLIN


def violation_phrase(violation: Any) -> str:
    if violation is None:
        return "perbuatan yang diduga melanggar kewajiban netralitas Pegawai ASN"
    number = getattr(violation, "number", 0)
    ref = f" (SKB 2022 angka {number})" if number else ""
    title = violation.title.rstrip(".")
    return f"{title[:1].lower()}{title[1:]}{ref}"


def build(
    *, kind: str, status: str, violation: Any = None, sanction: Any = None, exam_date: str = "", decision_no: str = ""
) -> str:
    """One paragraph of legal basis for ``kind``; ``sanction`` is a cases.SanctionType (or None)."""
    kind = LetterKind(kind)
    what = violation_phrase(violation)
    punishment = getattr(sanction, "name", "") or ""
    level = getattr(sanction, "level", "") or getattr(violation, "discipline_level", "") or ""
    sanction_basis = getattr(sanction, "legal_basis", "") or ""
    if kind in (LetterKind.SUMMONS_1, LetterKind.SUMMONS_2, LetterKind.EXAMINATION):
        return (
            f"Berdasarkan {regime(status)} serta {SKB}, atasan langsung wajib memanggil dan memeriksa pegawai "
            f"yang diduga melakukan pelanggaran. Saudara diduga melakukan perbuatan berupa {what}, yang "
            f"merupakan pelanggaran kewajiban netralitas sebagaimana diatur dalam {UU_ASN}."
        )
    if kind in (LetterKind.WRITTEN_WARNING, LetterKind.DISSATISFACTION, LetterKind.DECISION):
        level_text = f" tingkat {level}" if level and level != "moral" else ""
        exam = f" sebagaimana tertuang dalam Berita Acara Pemeriksaan tanggal {exam_date}" if exam_date else ""
        return (
            f"Berdasarkan hasil pemeriksaan{exam}, Saudara terbukti melakukan {what}, yang melanggar "
            f"kewajiban netralitas menurut {UU_ASN} dan larangan memberikan dukungan kepada calon dalam "
            f"{regime(status)}. Sesuai {sanction_basis or regime(status)} jo. {PERBKN}, kepada Saudara "
            f"dijatuhkan hukuman disiplin{level_text} berupa {punishment.lower() or 'sebagaimana tersebut di bawah'}."
        )
    if kind in (LetterKind.MORAL_CLOSED, LetterKind.MORAL_OPEN):
        how = "secara terbuka" if kind == LetterKind.MORAL_OPEN else "secara tertutup"
        return (
            f"Berdasarkan {PP_KODE_ETIK} (Pasal 15) dan {SKB}, perbuatan Saudara berupa {what} merupakan "
            f"pelanggaran kode etik Pegawai ASN, sehingga Pejabat Pembina Kepegawaian menyampaikan sanksi moral "
            f"berupa pernyataan {how}."
        )
    # Coaching: explicitly not a punishment
    return (
        f"Dalam rangka pembinaan netralitas Pegawai ASN sebagaimana diamanatkan {UU_ASN} dan {SKB}, "
        f"pimpinan berkewajiban mengingatkan pegawai agar menjaga netralitas. Teguran pembinaan ini bukan "
        f"hukuman disiplin sebagaimana dimaksud dalam {PP_DISIPLIN} dan tidak dicatat sebagai riwayat hukuman disiplin."
    )


def decision_references(status: str) -> list[str]:
    refs = [UU_ASN + ";"]
    if status == "pppk":
        refs.append(PP_PPPK + ";")
    refs += [PP_DISIPLIN + ";", PERBKN + ";", SKB + ";"]
    return refs
