"""Sample documents: every letter kind for a PNS, a PPPK and an honorer case (where the kind applies), drafted
from the case, signed in the authorised official's name through the real services, inside one transaction that is
rolled back (nothing stays in the database; files go to a throwaway media folder).

Used by ``python manage.py letter_samples --out DIR`` and by the test that reads every sample back.
Panggilan I is signed 8 working days before its hearing; for Panggilan II and the BAP, whose day comes after a
hearing that lies in the past, that earlier Panggilan I is stored as already signed (its signing day is history).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from accounts.roles import HR, LEADER, ROLE_GROUPS
from cases.authorities import authorised_official, from_employee, signatory_for
from cases.models import Case, Decision, Examination, SanctionType, Signatory, ViolationType
from legal import regimes
from registry.models import Employee, OrgUnit
from workdays.calendar import Calendar

from . import drafting, services
from .kinds import SPECS, LetterKind
from .models import Letter, Letterhead, NumberingRule

K = LetterKind
STATUSES = ("pns", "pppk", "honorer")
PPK_NAME = "Drs. H. Rahmat Hidayat, M.Si."
PPK_TITLE = "Bupati Sukamaju"
HEAD_NAME = "Dr. Agus Santoso, M.Pd."
HEAD_TITLE = "Kepala Dinas Pendidikan"

# The sanction each punishment letter is drawn from, per status (codes of legal.regimes / cases.SanctionType).
SANCTION = {
    "pns": {K.WRITTEN_WARNING: "PNS-R2", K.DISSATISFACTION: "PNS-R3", K.DECISION: "PNS-B1"},
    "pppk": {K.WRITTEN_WARNING: "PPPK-R2", K.DISSATISFACTION: "PPPK-R3", K.DECISION: "PPPK-B1"},
    "honorer": {K.WRITTEN_WARNING: "HON-R2", K.DECISION: "HON-B1"},
}
MORAL = {K.MORAL_CLOSED: "MORAL-TERTUTUP", K.MORAL_OPEN: "MORAL-TERBUKA"}


@dataclass
class Sample:
    kind: str
    status: str
    pdf: bytes
    signatory: str  # name of the official in whose name it is signed
    title: str  # his title as printed


def kinds_for(status: str) -> list[str]:
    """The kinds that apply to an employee of ``status`` (no sanksi moral outside PP 42/2004's reach)."""
    kinds = [K.SUMMONS_1, K.SUMMONS_2, K.EXAMINATION, *SANCTION[status]]
    if regimes.moral_allowed(status):
        kinds += [K.MORAL_CLOSED, K.MORAL_OPEN]
    return [k for k in LetterKind if k in kinds or k == K.COACHING]


class _Rollback(Exception):
    pass


def _user(username: str, role: str):
    user, _created = get_user_model().objects.get_or_create(username=username, defaults={"first_name": username})
    user.groups.add(Group.objects.get_or_create(name=ROLE_GROUPS[role])[0])
    return user


def _setup() -> dict:
    officer = _user("contoh_petugas", HR)
    operator = _user("contoh_operator_ppk", LEADER)
    head_user = _user("contoh_kadisdik", LEADER)
    letterhead = Letterhead.objects.create(
        government="PEMERINTAH KABUPATEN SUKAMAJU",
        agency="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        address="Jl. Pemuda No. 1, Sukamaju 45111",
        phone="(0231) 123456",
        email="bkpsdm@sukamajukab.go.id",
        website="bkpsdm.sukamajukab.go.id",
        city="Sukamaju",
        unit_code="BKPSDM",
        is_default=True,
    )
    for kind, kind_spec in SPECS.items():
        NumberingRule.objects.create(
            letterhead=letterhead, kind=kind, classification_code=kind_spec.code, code_confirmed=True
        )
    ppk = Signatory.objects.create(office="ppk", name=PPK_NAME, title=PPK_TITLE, is_regional_head=True)
    ppk.operators.add(operator)
    unit = OrgUnit.objects.create(name="Dinas Pendidikan", code="CONTOH-DISDIK")
    head = Employee.objects.create(
        full_name="Agus Santoso", front_title="Dr.", back_title="M.Pd.", status="pns", nip="197505102000031002",
        rank="IV/b", position=HEAD_TITLE, position_kind="jpt", unit=unit, user=head_user,
    )  # fmt: skip
    # The Kepala Dinas signs on his own kop (and number register, unit code DISDIK).
    disdik = Letterhead.objects.create(
        government="PEMERINTAH KABUPATEN SUKAMAJU",
        agency="Dinas Pendidikan",
        address="Jl. Merdeka No. 12, Sukamaju 45112",
        phone="(0231) 654321",
        email="disdik@sukamajukab.go.id",
        city="Sukamaju",
        unit_code="DISDIK",
    )
    for kind, kind_spec in SPECS.items():
        NumberingRule.objects.create(
            letterhead=disdik, kind=kind, classification_code=kind_spec.code, code_confirmed=True
        )
    signatory = from_employee(head, "head_of_opd")
    signatory.letterhead = disdik
    signatory.save(update_fields=["letterhead"])
    people = {
        "pns": Employee.objects.create(
            full_name="Siti Rahmawati", back_title="S.Pd.", status="pns", nip="199004122015032004", rank="III/b",
            position="Guru Ahli Pertama", position_kind="fungsional", unit=unit, supervisor=head,
        ),
        "pppk": Employee.objects.create(
            full_name="Dedi Kurniawan", back_title="S.Pd.", status="pppk", ni_pppk="198807152022211003", rank="IX",
            position="Guru Ahli Pertama", position_kind="fungsional", unit=unit, supervisor=head,
        ),
        "honorer": Employee.objects.create(
            full_name="Rina Lestari", status="honorer", nik="3204125507950001", contract_number="SKM/HON/2023/0042",
            position="Tenaga Administrasi Sekolah", position_kind="pelaksana", unit=unit, supervisor=head,
        ),
    }  # fmt: skip
    return {"officer": officer, "letterhead": letterhead, "people": people}


def _case(ctx: dict, status: str, n: int) -> Case:
    employee = ctx["people"][status]
    case = Case.objects.create(
        reference=f"CONTOH/{status.upper()}/{n}",
        year=timezone.localdate().year,
        number=9000 + n,
        employee=employee,
        employee_status=status,
        violation_type=ViolationType.objects.get(code="SKB-05"),
        status=Case.Status.NEW,
        summary="mengunggah foto bersama pasangan calon dengan gestur dua jari di Instagram pada 2 Oktober 2024",
        opened_by=ctx["officer"],
    )
    return case


def _decide(case: Case, track: str, code: str, officer) -> Decision:
    sanction = SanctionType.objects.get(code=code)
    official = authorised_official(sanction.level, case.employee.position_kind)
    return Decision.objects.create(
        case=case,
        track=track,
        sanction_type=sanction,
        authorised_official=official,
        signatory=signatory_for(official, case.employee),
        decided_by=officer,
    )


def _signed_summons(case: Case, hearing: dt.date, ctx: dict) -> None:
    signatory = from_employee(case.employee.supervisor, "supervisor")
    Letter.objects.create(
        kind=K.SUMMONS_1, case=case, status=Letter.Status.ISSUED, letterhead=ctx["letterhead"], employee=case.employee,
        addressee_name=case.employee.display_name, subject="Panggilan I", legal_basis="-",
        details={"hearing_date": hearing.isoformat(), "hearing_time": "09.00"}, signatory=signatory,
        signer=signatory.user, signer_name=signatory.name, signer_position=signatory.title,
        number=f"CONTOH/{case.pk}/PANGGILAN-I", issued_on=Calendar().add_working_days(hearing, -8),
        created_by=ctx["officer"],
    )  # fmt: skip


def _stage(case: Case, kind: str, status: str, ctx: dict) -> dict:
    """Put the case at the step of ``kind`` with what that step needs; returns detail overrides."""
    cal, today = Calendar(), timezone.localdate()
    if kind == K.SUMMONS_1:
        case.status = Case.Status.SUMMONS_1
        case.save(update_fields=["status"])
        return {"hearing_date": cal.add_working_days(today, 8).isoformat(), "hearing_time": "09.00"}
    if kind == K.SUMMONS_2:
        _signed_summons(case, cal.add_working_days(today, -1), ctx)
        case.status = Case.Status.SUMMONS_2
        case.save(update_fields=["status"])
        return {"hearing_date": cal.add_working_days(today, 3).isoformat(), "hearing_time": "09.00"}
    if kind == K.EXAMINATION:
        held = cal.add_working_days(today, -1)
        _signed_summons(case, held, ctx)
        Examination.objects.create(
            case=case, held_on=held, place="Ruang Rapat BKPSDM",
            examiners=f"{HEAD_NAME} | 197505102000031002 | Atasan langsung ({HEAD_TITLE})\n"
            "Dewi Anggraeni, S.E. | 198203112006042001 | Auditor Inspektorat Daerah\n"
            "Rina Kusumawati, S.H. | 198803172010012003 | Analis Kepegawaian BKPSDM",
            questions_answers="T: Apakah akun Instagram tersebut milik Saudara?\nJ: Benar.\n"
            "T: Apakah Saudara mengunggah foto bersama pasangan calon dengan gestur dua jari?\n"
            "J: Ya, pada 2 Oktober 2024; saya tidak bermaksud berkampanye.",
            recorded_by=ctx["officer"],
        )  # fmt: skip
        case.status = Case.Status.EXAMINATION
        case.save(update_fields=["status"])
        return {}
    if kind in SANCTION[status]:
        _decide(case, "discipline", SANCTION[status][kind], ctx["officer"])
    elif kind in MORAL:
        _decide(case, "moral", MORAL[kind], ctx["officer"])
    if kind != K.COACHING:
        case.status = Case.Status.DECISION
        case.save(update_fields=["status"])
    return {}


def _issue(case: Case, kind: str, status: str, ctx: dict) -> Letter:
    extra = _stage(case, kind, status, ctx)
    data = drafting.initial_for(kind=kind, case=case, letterhead=ctx["letterhead"])
    data["details"] = {**data.get("details", {}), **extra}
    if kind == K.MORAL_OPEN:
        data["details"]["forum"] = "apel pagi Dinas Pendidikan"
    letter = services.create_draft(acting_user=ctx["officer"], data=data)
    services.submit(letter_id=letter.pk, acting_user=ctx["officer"])
    return services.approve(letter_id=letter.pk, acting_user=letter.signer)


def build(statuses: tuple[str, ...] = STATUSES) -> list[Sample]:
    """Issue every applicable kind for each status and return the PDFs; the database is left untouched."""
    samples: list[Sample] = []
    with tempfile.TemporaryDirectory() as media, override_settings(MEDIA_ROOT=media):
        try:
            with transaction.atomic():
                ctx = _setup()
                n = 0
                for status in statuses:
                    for kind in kinds_for(status):
                        n += 1
                        letter = _issue(_case(ctx, status, n), kind, status, ctx)
                        with letter.pdf.open("rb") as fh:
                            pdf = fh.read()
                        samples.append(Sample(kind, status, pdf, letter.signatory.name, letter.signatory.title))
                raise _Rollback
        except _Rollback:
            pass
    return samples
