"""Fixtures for the letters tests: a letterhead with confirmed archive codes, the PPK and the Kepala BKPSDM as
signatories, a case with violation, examination and decisions, and ``issue(kind)`` which first brings the case to
the step where that kind of letter is allowed (with the signed documents the step needs)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cases.authorities import from_employee
from cases.models import Case, Decision, Examination, SanctionType, Signatory, ViolationType
from letters.kinds import SPECS, LetterKind
from letters.models import Letter, Letterhead, NumberingRule
from tests.factories import EmployeeFactory
from workdays.calendar import Calendar

PPK_NAME = "Drs. H. Ahmad Sulaeman, M.Si."


def confirm_codes(letterhead: Letterhead) -> None:
    """The Pemda's archive codes, checked by its records officer (test values)."""
    for kind, kind_spec in SPECS.items():
        NumberingRule.objects.update_or_create(
            letterhead=letterhead, kind=kind, defaults={"classification_code": kind_spec.code, "code_confirmed": True}
        )


@pytest.fixture
def letterhead(db):
    lh = Letterhead.objects.create(
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
    confirm_codes(lh)
    return lh


@pytest.fixture
def leader_employee(leader_user, unit):
    return EmployeeFactory(
        user=leader_user,
        full_name="Hendra Wijaya",
        back_title="S.H., M.Si.",
        nip="197203151998031004",
        rank="IV/c",
        position="Kepala Badan Kepegawaian dan Pengembangan SDM",
        unit=unit,
    )


@pytest.fixture
def staff_employee(staff_user):
    from registry.models import Employee

    emp = Employee.objects.get(user=staff_user)
    emp.nip = "199004122015032004"
    emp.rank = "III/a"
    emp.position = "Guru Ahli Pertama"
    emp.save()
    return emp


def make_ppk(leader_user) -> Signatory:
    """The Bupati: no account, no NIP; the leader account records signatures as his operator."""
    signatory, _created = Signatory.objects.get_or_create(
        office="ppk", name=PPK_NAME, defaults={"title": "Bupati Sukamaju", "is_regional_head": True}
    )
    signatory.operators.add(leader_user)
    return signatory


@pytest.fixture
def ppk(db, leader_user):
    return make_ppk(leader_user)


@pytest.fixture
def head_signatory(leader_employee):
    return from_employee(leader_employee, "head_of_opd")


@pytest.fixture
def case(db, staff_employee, hr_user, leader_user, leader_employee):
    ppk = make_ppk(leader_user)
    head_signatory = from_employee(leader_employee, "head_of_opd")
    staff_employee.supervisor = leader_employee
    staff_employee.save()
    violation = ViolationType.objects.get(code="SKB-05")
    c = Case.objects.create(
        reference="NTR-2024-0007",
        year=2024,
        number=7,
        employee=staff_employee,
        employee_status="pns",
        violation_type=violation,
        status=Case.Status.DECISION,
        assigned_officer=hr_user,
        summary="mengunggah foto bersama pasangan calon dengan gestur dua jari di Instagram pada 2 Oktober 2024",
        examination_date=dt.date(2024, 10, 21),
        opened_by=hr_user,
    )
    Examination.objects.create(
        case=c,
        held_on=dt.date(2024, 10, 21),
        place="Ruang Rapat BKPSDM",
        examiners="Hendra Wijaya | 197203151998031004 | Kepala BKPSDM\nRina Kusumawati | | Analis Kepegawaian\n"
        "Dodi Pengawas | | Auditor Inspektorat",
        questions_answers="T: Apakah akun Instagram @siti.uji milik Saudara?\nJ: Benar.\n"
        "T: Apakah Saudara mengunggah foto tersebut?\nJ: Ya, pada 2 Oktober 2024.",
        recorded_by=hr_user,
    )
    Decision.objects.create(
        case=c,
        track="discipline",
        sanction_type=SanctionType.objects.get(code="PNS-R2"),
        authorised_official="head_of_opd",
        signatory=head_signatory,
        decided_by=hr_user,
    )
    Decision.objects.create(
        case=c,
        track="moral",
        sanction_type=SanctionType.objects.get(code="MORAL-TERTUTUP"),
        authorised_official="ppk",
        signatory=ppk,
        decided_by=hr_user,
    )
    return c


# The discipline sanction a case must carry for each punishment letter kind.
SANCTION_FOR = {
    LetterKind.WRITTEN_WARNING: "PNS-R2",
    LetterKind.DISSATISFACTION: "PNS-R3",
    LetterKind.DECISION: "PNS-S1",
}


def signed_summons(case, kind: str, hearing: dt.date, hr_user, leader_user) -> Letter:
    """A summons already signed earlier (its own signing day lies in the past, so it is stored directly)."""
    from cases.authorities import from_employee as signatory_of

    return Letter.objects.create(
        kind=kind,
        case=case,
        status=Letter.Status.ISSUED,
        letterhead=Letterhead.default(),
        employee=case.employee,
        addressee_name=case.employee.display_name,
        subject="Panggilan",
        legal_basis="-",
        details={"hearing_date": hearing.isoformat()},
        signatory=signatory_of(case.employee.supervisor, "supervisor"),
        signer=leader_user,
        signer_name="-",
        signer_position="-",
        number=f"TEST/{kind}/{hearing.isoformat()}",
        issued_on=Calendar().add_working_days(hearing, -8),
        created_by=hr_user,
    )


def prepare_case(case, kind: str, hr_user, leader_user) -> dict:
    """Bring the case to the step where ``kind`` may be written; returns draft overrides (details)."""
    today = timezone.localdate()
    cal = Calendar()
    overrides: dict = {}
    if kind == LetterKind.SUMMONS_1:
        Case.objects.filter(pk=case.pk).update(status=Case.Status.SUMMONS_1)
        overrides["details"] = {"hearing_date": cal.add_working_days(today, 8).isoformat(), "hearing_time": "09.00"}
    elif kind == LetterKind.SUMMONS_2:
        missed = cal.add_working_days(today, -1)
        signed_summons(case, LetterKind.SUMMONS_1, missed, hr_user, leader_user)
        Case.objects.filter(pk=case.pk).update(status=Case.Status.SUMMONS_2)
        overrides["details"] = {"hearing_date": cal.add_working_days(today, 3).isoformat(), "hearing_time": "09.00"}
    elif kind == LetterKind.EXAMINATION:
        held = cal.add_working_days(today, -1)
        signed_summons(case, LetterKind.SUMMONS_1, held, hr_user, leader_user)
        Case.objects.filter(pk=case.pk).update(status=Case.Status.EXAMINATION)
        Examination.objects.filter(case=case).update(held_on=held)
    elif kind in SANCTION_FOR:
        Case.objects.filter(pk=case.pk).update(status=Case.Status.DECISION)
        case.decisions.filter(track="discipline").update(
            sanction_type=SanctionType.objects.get(code=SANCTION_FOR[kind])
        )
    elif kind == LetterKind.MORAL_OPEN:
        case.decisions.filter(track="moral").update(sanction_type=SanctionType.objects.get(code="MORAL-TERBUKA"))
    case.refresh_from_db()
    return overrides


@pytest.fixture
def make_draft(case, letterhead, hr_user, leader_user):
    from letters import drafting, services

    def make(kind=LetterKind.WRITTEN_WARNING, verifiers=(), **overrides):
        extra = prepare_case(case, kind, hr_user, leader_user)
        data = drafting.initial_for(kind=kind, case=case, letterhead=letterhead)
        if "details" in extra:
            data["details"] = {**data.get("details", {}), **extra.pop("details")}
        data.update(extra)
        data.update(overrides)
        data.setdefault("signer", leader_user)
        return services.create_draft(acting_user=hr_user, data=data, verifiers=list(verifiers))

    return make


@pytest.fixture
def issue(make_draft, hr_user, leader_user):
    """Draft, submit and sign a letter of ``kind``; returns the issued letter."""
    from letters import services

    def go(kind=LetterKind.WRITTEN_WARNING, **overrides):
        letter = make_draft(kind, **overrides)
        services.submit(letter_id=letter.pk, acting_user=hr_user)
        return services.approve(letter_id=letter.pk, acting_user=leader_user)

    return go
