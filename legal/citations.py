"""Legal-basis sentences for documents, chosen by the status on the date of the act (brief §1.1, §2, §4.2).

Moved here from ``letters/legal.py`` (now a thin adapter) so the recommendation, the letters, the appeal
texts and the training all cite the same table. Wording is our own summary; articles the brief marks
unconfirmed are not printed in letters (they are listed on the legal-basis page instead).

Duck-typed inputs so this module needs no Django models: ``violation`` has ``code``/``title``/``number``,
``sanction`` has ``code``/``name``/``level``.
"""

from __future__ import annotations

from typing import Any

from . import regimes, violations
from .instruments import citation, short

SUMMONS, EXAMINATION, PUNISHMENT, MORAL_CLOSED, MORAL_OPEN, COACHING = (
    "summons",
    "examination",
    "punishment",
    "moral_closed",
    "moral_open",
    "coaching",
)
PURPOSES = (SUMMONS, EXAMINATION, PUNISHMENT, MORAL_CLOSED, MORAL_OPEN, COACHING)


def lower_first(text: str) -> str:
    """Lower-case the first letter only, so acronyms (TPP, PHPK, PNS) keep their capitals."""
    if len(text) > 1 and text[:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def violation_ref(violation: Any) -> str:
    rule = violations.get(getattr(violation, "code", "") or "")
    if rule is not None:
        return rule.reference
    number = getattr(violation, "number", 0)
    return f"SKB 2022 angka {number}" if number else ""


def violation_phrase(violation: Any) -> str:
    """'perbuatan berupa <uraian> (SKB 2022 angka 5)' — a noun phrase that reads after 'melakukan'."""
    if violation is None:
        return "perbuatan yang diduga melanggar kewajiban netralitas"
    ref = violation_ref(violation)
    title = lower_first(violation.title.rstrip("."))
    return f"perbuatan berupa {title}" + (f" ({ref})" if ref else "")


def duty_source(status: str) -> str:
    """Where the neutrality duty of ``status`` comes from, as a phrase."""
    if status == "honorer":
        return f"{citation('se_menpan_1_2023')} dan perjanjian kerja Saudara"
    return f"Pasal 9 ayat (2) dan Pasal 24 ayat (1) {citation('uu_asn')}"


def discipline_source(status: str) -> str:
    """The discipline regime of ``status`` (PP 94/2021 for PNS/CPNS; PP 49/2018 + instansi rules for PPPK)."""
    if status in ("pns", "cpns"):
        return f"{citation('pp94')} jo. {citation('perbkn6')}"
    if status == "pppk":
        return f"Pasal 52 {citation('pp49')} dan peraturan disiplin PPPK instansi"
    return f"{citation('se_menpan_1_2023')} dan perjanjian kerja Saudara"


def prohibition(status: str, violation: Any) -> str:
    """What the act breaches: Pasal 5 huruf n PP 94/2021 for PNS/CPNS; the ASN duty for PPPK; SE 1/2023 for honorer."""
    if status in ("pns", "cpns") and violation is not None:
        rule = violations.get(getattr(violation, "code", "") or "")
        if rule is not None and rule.prohibited_by.instrument == "pp94":
            return f"larangan {rule.prohibited_by} dan kewajiban netral menurut {duty_source(status)}"
    return f"kewajiban netral menurut {duty_source(status)}"


def paragraph(*, purpose: str, status: str, violation: Any = None, sanction: Any = None, exam_date: str = "") -> str:
    """One paragraph of legal basis for a document of ``purpose`` about an employee of ``status``."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown purpose {purpose!r}")
    what = violation_phrase(violation)
    if purpose in (SUMMONS, EXAMINATION):
        if status == "honorer":
            return (
                f"Berdasarkan {duty_source(status)}, pegawai non-ASN wajib menjaga netralitas dalam pemilihan. "
                f"Saudara diduga melakukan {what}, dan diminta memberikan keterangan kepada atasan langsung."
            )
        return (
            f"Berdasarkan {discipline_source(status)} serta {citation('skb2022')}, atasan langsung wajib memanggil "
            f"dan memeriksa pegawai yang diduga melakukan pelanggaran disiplin. Saudara diduga melakukan {what}, "
            f"yang bertentangan dengan {prohibition(status, violation)}."
        )
    if purpose == PUNISHMENT:
        return _punishment(status, violation, sanction, exam_date, what)
    if purpose in (MORAL_CLOSED, MORAL_OPEN):
        if not regimes.moral_allowed(status):
            raise ValueError(f"sanksi moral PP 42/2004 tidak berlaku untuk status {status}")
        how = "secara terbuka" if purpose == MORAL_OPEN else "secara tertutup"
        return (
            f"Berdasarkan Pasal 15 {citation('pp42')} dan {citation('skb2022')}, perbuatan Saudara berupa "
            f"{what.removeprefix('perbuatan berupa ')} merupakan pelanggaran kode etik, sehingga Pejabat Pembina "
            f"Kepegawaian menyampaikan sanksi moral berupa pernyataan {how}."
        )
    if status == "honorer":
        return (
            f"Dalam rangka pembinaan netralitas sebagaimana diamanatkan {duty_source(status)}, pimpinan "
            f"mengingatkan Saudara agar menjaga netralitas. Teguran pembinaan ini bukan sanksi menurut perjanjian "
            f"kerja dan tidak dicatat sebagai riwayat sanksi."
        )
    return (
        f"Dalam rangka pembinaan netralitas Pegawai ASN sebagaimana diamanatkan {citation('uu_asn')} dan "
        f"{citation('skb2022')}, pimpinan berkewajiban mengingatkan pegawai agar menjaga netralitas. Teguran "
        f"pembinaan ini bukan hukuman disiplin dan tidak dicatat sebagai riwayat hukuman disiplin."
    )


def _punishment(status: str, violation: Any, sanction: Any, exam_date: str, what: str) -> str:
    exam = f" sebagaimana tertuang dalam Berita Acara Pemeriksaan tanggal {exam_date}" if exam_date else ""
    rule = regimes.BY_CODE.get(getattr(sanction, "code", "") or "")
    name = rule.label(status) if rule else (getattr(sanction, "name", "") or "")
    level = rule.level if rule else (getattr(sanction, "level", "") or "")
    found = f"Berdasarkan hasil pemeriksaan{exam}, Saudara terbukti melakukan {what}, yang melanggar "
    found += f"{prohibition(status, violation)}."
    if level == regimes.DISMISSAL:
        return (
            f"{found} Sesuai {rule.article.long}, kepada Saudara dijatuhkan {lower_first(name)}; pemberhentian "
            f"ini bukan hukuman disiplin menurut {short('pp94')}."
        )
    if status == "honorer":
        return f"{found} Sesuai perjanjian kerja Saudara, kepada Saudara dijatuhkan sanksi berupa {lower_first(name)}."
    articles = [str(rule.article)] if rule and status != "pppk" else []
    vrule = violations.get(getattr(violation, "code", "") or "")
    if vrule and vrule.level_set_by and not vrule.level_set_by.unconfirmed and status in ("pns", "cpns"):
        articles.insert(0, str(vrule.level_set_by))
    basis = f"{', '.join(articles)} jo. " if articles else ""
    level_text = f" tingkat {level}" if level in regimes.LEVELS else ""
    return (
        f"{found} Sesuai {basis}{discipline_source(status)}, kepada Saudara dijatuhkan hukuman "
        f"disiplin{level_text} berupa {lower_first(name) or 'sebagaimana tersebut di bawah'}."
    )


def decision_references(status: str) -> list[str]:
    """The Mengingat list of a Keputusan for ``status`` (no PP 94/UU ASN/PP 79 for honorer)."""
    return [citation(key) + ";" for key in regimes.regime(status).references]
