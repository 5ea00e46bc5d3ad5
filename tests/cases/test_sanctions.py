import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from cases import services, workflow
from cases.models import Case, Decision, SanctionType, ViolationType
from cases.sanctions import authorised_official, recommend, signer_for
from registry.models import Employee
from tests.cases.conftest import make_case
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def at_report(user, employee, vt) -> Case:
    case = make_case(user, employee, violation_type=vt)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.EXAMINATION_REPORT, report_findings="Terbukti")
    case.refresh_from_db()
    return case


def decide(user, case, track, sanction, **kw):
    case.refresh_from_db()
    return services.record_decision(
        case=case, track=track, sanction_type=sanction, acting_user=user, expected_version=case.version, **kw
    )


def test_catalogues_seeded():
    assert ViolationType.objects.filter(code__startswith="SKB-").count() == 13
    assert ViolationType.objects.filter(code__startswith="PP94-5N-").count() == 7
    assert ViolationType.objects.get(code="SKB-05").discipline_level == "berat"
    assert list(
        SanctionType.objects.filter(applies_to="pns", track="discipline").exclude(level="ptdh").values_list("code", flat=True)
    ) == [
        "PNS-R1", "PNS-R2", "PNS-R3", "PNS-S1", "PNS-S2", "PNS-S3", "PNS-B1", "PNS-B2", "PNS-B3",
    ]  # fmt: skip
    assert (
        SanctionType.objects.filter(applies_to="pppk").exclude(level="ptdh").order_by("-rung").first().code == "PPPK-B1"
    )
    assert SanctionType.objects.filter(applies_to="honorer").order_by("-rung").first().code == "HON-B1"


def test_first_offence_gets_lowest_rung_of_level(hr_user, employee):
    vt = ViolationType.objects.get(code="SKB-08")  # sedang
    case = at_report(hr_user, employee, vt)
    rec = recommend(case, "discipline")
    assert rec.sanction.code == "PNS-S1"
    assert rec.official == Decision.Official.HEAD_OF_OPD
    assert any("pertama" in r for r in rec.reasons)
    moral = recommend(case, "moral")
    assert moral.sanction is None  # #8 is not a kode-etik violation


def test_choosing_otherwise_needs_a_reason(hr_user, employee, vt5):
    case = at_report(hr_user, employee, vt5)
    lighter = SanctionType.objects.get(code="PNS-S3")
    with pytest.raises(ValidationError, match="alasan wajib"):
        decide(hr_user, case, "discipline", lighter)
    assert not case.decisions.exists()
    d = decide(hr_user, case, "discipline", lighter, deviation_reason="Faktor meringankan: mengakui dan menghapus.")
    assert d.recommended_sanction.code == "PNS-B1" and d.authorised_official == Decision.Official.HEAD_OF_OPD


def test_sanction_must_fit_employee_status(hr_user, unit, vt5):
    honorer = EmployeeFactory(unit=unit, status=Employee.Status.HONORER, nip=None, nik="3201014101900001")
    case = at_report(hr_user, honorer, vt5)
    assert recommend(case, "discipline").sanction.code == "HON-B1"
    with pytest.raises(ValidationError, match="status kepegawaian"):
        decide(hr_user, case, "discipline", SanctionType.objects.get(code="PNS-B1"))


def test_authority_matrix_and_signer(unit):
    head = EmployeeFactory(unit=unit, position_kind=Employee.PositionKind.JPT, full_name="Kepala Dinas")
    boss = EmployeeFactory(unit=unit, position_kind=Employee.PositionKind.PENGAWAS)
    staff = EmployeeFactory(unit=unit, supervisor=boss)
    assert authorised_official("ringan", "pelaksana") == Decision.Official.SUPERVISOR
    assert authorised_official("sedang", "pelaksana") == Decision.Official.HEAD_OF_OPD
    assert authorised_official("berat", "pelaksana") == Decision.Official.PPK
    assert authorised_official("moral", "pelaksana") == Decision.Official.PPK
    assert authorised_official("ringan", "jpt") == Decision.Official.PPK
    assert signer_for(Decision.Official.SUPERVISOR, staff) == boss
    assert signer_for(Decision.Official.HEAD_OF_OPD, staff) == head
    assert signer_for(Decision.Official.PPK, staff) is None


def test_one_decision_per_track_and_only_after_lhp(hr_user, employee, vt5):
    case = make_case(hr_user, employee, violation_type=vt5)
    with pytest.raises(ValidationError, match="setelah LHP"):
        decide(hr_user, case, "discipline", SanctionType.objects.get(code="PNS-B1"))
    case = at_report(hr_user, employee, vt5)
    decide(hr_user, case, "discipline", SanctionType.objects.get(code="PNS-B1"))
    with pytest.raises(ValidationError, match="sudah dicatat"):
        decide(hr_user, case, "discipline", SanctionType.objects.get(code="PNS-B1"))


def test_recommendation_gakkumdu_and_follow_up_are_audited(hr_user, employee, vt5):
    from audit.models import AuditEvent

    case = make_case(hr_user, employee, violation_type=vt5)
    services.add_recommendation(
        case=case, values={"source": "bkn", "number": "R-1", "received_on": dt.date(2024, 11, 1), "content": "Hukdis"},
        acting_user=hr_user, expected_version=case.version,
    )  # fmt: skip
    case.refresh_from_db()
    services.update_case(
        case=case, values={"gakkumdu_referred": True, "gakkumdu_outcome": "Dalam proses"}, acting_user=hr_user,
        expected_version=case.version, reason="Diteruskan Bawaslu",
    )  # fmt: skip
    from training.models import Programme

    Programme.objects.create(title="Pembinaan netralitas")
    services.add_follow_up(case=case, description="Ikut pembinaan", remedial_training=True, acting_user=hr_user)
    actions = set(AuditEvent.objects.filter(case_id=case.pk).values_list("action", flat=True))
    assert {"case.open", "case.recommendation", "case.gakkumdu", "case.follow_up"} <= actions
    ev = AuditEvent.objects.get(case_id=case.pk, action="case.gakkumdu")
    assert ev.changes["gakkumdu_referred"] == [False, True] and ev.reason == "Diteruskan Bawaslu"
    assert workflow  # imported for completeness
