"""Fixtures for the letters tests: a letterhead, a case with violation, examination and decisions."""

from __future__ import annotations

import datetime as dt

import pytest

from cases.models import Case, Decision, Examination, SanctionType, ViolationType
from letters.kinds import LetterKind
from letters.models import Letterhead
from tests.factories import EmployeeFactory


@pytest.fixture
def letterhead(db):
    return Letterhead.objects.create(
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


@pytest.fixture
def case(db, staff_employee, hr_user, leader_employee):
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
        examiners="Hendra Wijaya | 197203151998031004 | Kepala BKPSDM\nRina Kusumawati | | Analis Kepegawaian",
        questions_answers="T: Apakah akun Instagram @siti.uji milik Saudara?\nJ: Benar.\n"
        "T: Apakah Saudara mengunggah foto tersebut?\nJ: Ya, pada 2 Oktober 2024.",
        recorded_by=hr_user,
    )
    Decision.objects.create(
        case=c,
        track="discipline",
        sanction_type=SanctionType.objects.get(code="PNS-R2"),
        authorised_official="head_of_opd",
        decided_by=hr_user,
    )
    Decision.objects.create(
        case=c,
        track="moral",
        sanction_type=SanctionType.objects.get(code="MORAL-TERTUTUP"),
        authorised_official="ppk",
        decided_by=hr_user,
    )
    return c


@pytest.fixture
def make_draft(case, letterhead, hr_user, leader_user):
    from letters import drafting, services

    def make(kind=LetterKind.WRITTEN_WARNING, verifiers=(), **overrides):
        data = drafting.initial_for(kind=kind, case=case, letterhead=letterhead)
        data.update(overrides)
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
