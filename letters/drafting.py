"""Pre-filled values for a new draft, taken from the case (editable on the form afterwards)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from accounts.access import holders
from legal import citations, regimes, violations

from . import legal, procedure
from .dates import tanggal
from .kinds import LetterKind, Sifat, spec
from .models import Letterhead

DISCIPLINE_KINDS = {LetterKind.WRITTEN_WARNING, LetterKind.DISSATISFACTION, LetterKind.DECISION}
MORAL_KINDS = {LetterKind.MORAL_CLOSED, LetterKind.MORAL_OPEN}


def kinds_for_case(case) -> list[str]:
    """Letter kinds that fit the case now (the one rule lives in ``procedure.allowed_letter_kinds``)."""
    return procedure.allowed_letter_kinds(case)


def signers():
    """Accounts that may sign letters (capability letters.sign)."""
    return holders("letters.sign")


def sanction_basis(status: str, violation, sanction) -> list[str]:
    """A Menimbang item naming the article that sets the sanction (and the one that sets its level)."""
    rule = regimes.BY_CODE.get(getattr(sanction, "code", "") or "")
    if rule is None:
        return []
    articles = [str(rule.article)]
    vrule = violations.get(getattr(violation, "code", "") or "")
    level_set = getattr(vrule, "level_set_by", None)
    if level_set is not None and not level_set.unconfirmed and status in ("pns", "cpns"):
        articles.insert(0, str(level_set))
    return [
        f"bahwa perbuatan tersebut dikenai {citations.lower_first(rule.label(status))} sesuai {', '.join(articles)};"
    ]


def default_signatory(kind: str, case, employee, *, create: bool = False):
    """The official in whose name ``kind`` is signed by default: the one the decision records for a sanction
    letter (no other is accepted), else the employee's direct supervisor (who summons and examines, §3.1)."""
    from cases.authorities import decision_signatory, from_employee

    if spec(kind).authority:
        decision = procedure.decision_for_kind(case, kind)
        if decision is None:
            return None
        try:
            return decision_signatory(decision)
        except ValidationError:
            return None
    supervisor = getattr(employee, "supervisor", None)
    if supervisor is None:
        return None
    if create:  # inside a service's transaction only
        return from_employee(supervisor, "supervisor")
    return getattr(supervisor, "signatory", None) if hasattr(supervisor, "signatory") else None


def recorder_for(signatory):
    """The account that records the signature by default: the official's own, else his first operator."""
    if signatory is None:
        return None
    allowed = signers()
    if signatory.user_id and allowed.filter(pk=signatory.user_id).exists():
        return signatory.user
    return allowed.filter(signs_for=signatory).first()


def _unit_name(employee) -> str:
    try:
        return employee.unit.name
    except Exception:  # no unit (RelatedObjectDoesNotExist)
        return ""


def addressee_snapshot(employee) -> dict[str, str]:
    return {
        "addressee_name": employee.display_name,
        "addressee_nip": employee.identifier,
        "addressee_rank": employee.get_rank_display() if employee.rank else "",
        "addressee_position": employee.position,
        "addressee_unit": _unit_name(employee),
    }


def decision_for(case, kind: str):
    return procedure.decision_for_kind(case, kind)


def latest_examination(case):
    return case.examinations.order_by("-held_on", "-id").first() if case is not None else None


def default_copies(kind: str, letterhead: Letterhead, region: str, employee, status: str = "pns") -> str:
    supervisor = f"Atasan langsung Sdr. {employee.display_name}" if employee else "Atasan langsung yang bersangkutan"
    if kind == LetterKind.DECISION:
        items = [
            *(["Kepala Kantor Regional Badan Kepegawaian Negara"] if status != "honorer" else []),  # not ASN
            f"Inspektur {region}",
            f"Kepala {letterhead.agency}",
            supervisor,
            "Pengelola Tambahan Penghasilan Pegawai",
        ]
    elif kind == LetterKind.COACHING:
        items = [supervisor, "Arsip"]
    else:
        items = [f"Inspektur {region}", f"Kepala {letterhead.agency}", supervisor, "Arsip"]
    return "\n".join(items)


def default_body(kind: str, case, employee, decision, status: str = "pns") -> str:
    k = LetterKind(kind)
    honorer = status == "honorer"  # not ASN: no "Pegawai ASN", no "hukuman disiplin" (SE MenPAN-RB 1/2023)
    summary = (getattr(case, "summary", "") or "").strip()
    if k in (LetterKind.SUMMONS_1, LetterKind.SUMMONS_2):
        return "Saudara diminta membawa kartu identitas pegawai dan dokumen lain yang dianggap perlu."
    if k == LetterKind.EXAMINATION:
        return (
            "Yang diperiksa menyatakan telah memberikan keterangan dengan sebenarnya tanpa tekanan dari pihak mana pun."
        )
    if k in DISCIPLINE_KINDS - {LetterKind.DECISION}:
        return (
            f"Uraian perbuatan: {summary or 'sebagaimana tercantum dalam berita acara pemeriksaan.'}\n\n"
            "Saudara diminta untuk tidak mengulangi perbuatan tersebut dan menjaga netralitas"
            + (
                " sesuai perjanjian kerja Saudara. Pelanggaran berikutnya akan dikenai sanksi yang lebih berat."
                if honorer
                else " sebagai Pegawai ASN. Pelanggaran berikutnya akan dijatuhi hukuman disiplin yang lebih berat."
            )
        )
    if k == LetterKind.DECISION:
        return f"karena {summary or 'terbukti melakukan pelanggaran sebagaimana tersebut dalam konsiderans Menimbang.'}"
    if k in MORAL_KINDS:
        return (
            "Saudara diminta menyadari kekeliruan tersebut, tidak mengulanginya, dan menunjukkan sikap netral "
            "dalam pelaksanaan tugas dan dalam penggunaan media sosial."
        )
    return (
        "Berdasarkan hasil pemantauan, terdapat aktivitas Saudara yang berpotensi dipandang sebagai keberpihakan "
        f"dalam pemilihan{': ' + summary if summary else ''}.\n\n"
        "Sebagai langkah pembinaan, Saudara diingatkan untuk menjaga netralitas, termasuk tidak mengunggah, "
        "menyukai, atau membagikan konten yang mendukung pasangan calon, dan tidak berpose dengan simbol "
        "keberpihakan.\n\nDemikian disampaikan untuk menjadi perhatian."
    )


def initial_for(*, kind: str, case=None, employee=None, letterhead: Letterhead | None = None) -> dict[str, Any]:
    """Everything a new draft needs, derived from the case; the officer edits before submitting."""
    kind = LetterKind(kind)
    kind_spec = spec(kind)
    letterhead = letterhead or Letterhead.default()
    employee = employee or getattr(case, "employee", None)
    from .rendering import region_name

    region = region_name(letterhead) if letterhead else ""
    decision = decision_for(case, kind)
    exam = latest_examination(case)
    status = getattr(case, "employee_status", "") or getattr(employee, "status", "pns")
    data: dict[str, Any] = {
        "kind": kind,
        "case": case,
        "decision": decision,
        "letterhead": letterhead,
        "employee": employee,
        "sifat": Sifat.RAHASIA if kind_spec.confidential else Sifat.BIASA,
        "attachment": "-",
        "subject": kind_spec.hal,
        "legal_basis": legal.build(
            kind=kind,
            status=status,
            violation=getattr(case, "violation_type", None),
            sanction=getattr(decision, "sanction_type", None),
            exam_date=tanggal(exam.held_on) if exam else "",
        ),
        "body": default_body(kind, case, employee, decision, status),
        "copies": default_copies(kind, letterhead, region, employee, status) if letterhead else "",
        "details": {},
    }
    if employee is not None:
        data.update(addressee_snapshot(employee))
    signatory = default_signatory(kind, case, employee)
    if signatory is not None:
        data["signatory"] = signatory
        data.update(signer_position=signatory.title, signer_name=signatory.name)
        recorder = recorder_for(signatory)
        if recorder is not None:
            data["signer"] = recorder
    details: dict[str, Any] = {}
    if kind in (LetterKind.SUMMONS_1, LetterKind.SUMMONS_2):
        examiner = getattr(employee, "supervisor", None)
        details.update(
            hearing_date=(getattr(case, "examination_date", None) or "") and case.examination_date.isoformat(),
            hearing_time="09.00",
            hearing_place=letterhead.address if letterhead else "",
        )
        if examiner is not None:
            details.update(
                examiner_name=examiner.display_name,
                examiner_nip=examiner.nip or "",
                examiner_rank=examiner.get_rank_display() if examiner.rank else "",
                examiner_position=examiner.position,
            )
        if kind == LetterKind.SUMMONS_2 and getattr(case, "missed_examination_date", None):
            details["missed_date"] = case.missed_examination_date.isoformat()
    elif kind == LetterKind.EXAMINATION and exam is not None:
        details.update(
            exam_date=exam.held_on.isoformat(),
            exam_place=exam.place,
            examiners="\n".join(line.strip() for line in exam.examiners.splitlines() if line.strip()),
            qa=exam.questions_answers,
        )
    elif kind == LetterKind.DECISION:
        violation = getattr(case, "violation_type", None)
        details.update(
            considerations="\n".join(
                [
                    f"bahwa berdasarkan hasil pemeriksaan{' tanggal ' + tanggal(exam.held_on) if exam else ''}, "
                    f"Sdr. {data.get('addressee_name', '')} terbukti melakukan {legal.violation_phrase(violation)}, "
                    f"yang melanggar {citations.prohibition(status, violation)};",
                    *sanction_basis(status, violation, getattr(decision, "sanction_type", None)),
                    (
                        "bahwa untuk menegakkan kewajiban netralitas menurut perjanjian kerja perlu menjatuhkan "
                        "sanksi sesuai dengan tingkat pelanggarannya;"
                        if status == "honorer"
                        else "bahwa untuk menegakkan disiplin dan netralitas Pegawai ASN perlu menjatuhkan hukuman "
                        "disiplin sesuai dengan tingkat pelanggarannya;"
                    ),
                    "bahwa berdasarkan pertimbangan sebagaimana dimaksud di atas, perlu menetapkan Keputusan tentang "
                    + ("Penjatuhan Sanksi;" if status == "honorer" else "Penjatuhan Hukuman Disiplin;"),
                ]
            ),
            references="\n".join(legal.decision_references(status)),
        )
        sanction = getattr(decision, "sanction_type", None)
        if sanction is not None and sanction.duration_months and sanction.level == "sedang":
            details["second_clause"] = (
                f"Pemotongan tambahan penghasilan pegawai sebesar 25% selama {sanction.duration_months} bulan, "
                "dimulai pada bulan berikutnya setelah keputusan ini berlaku."
            )
    data["details"] = details
    return data
