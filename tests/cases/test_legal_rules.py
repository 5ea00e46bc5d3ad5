"""The legal rules as the case services apply them (status at the act, PTDH, repeat offence, appeals).
Each test names the article it enforces; the table-level tests are in tests/legal/."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from audit.models import AuditEvent
from cases import services
from cases.demo_cases import _walk
from cases.models import Appeal, Case, Decision, SanctionType, ViolationType
from cases.sanctions import recommend
from legal import appeals as legal_appeals
from registry.models import Employee
from tests.cases.conftest import make_case
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
S = Case.Status
TODAY = dt.date.today()


def vt(code: str) -> ViolationType:
    return ViolationType.objects.get(code=code)


def at_report(user, employee, violation) -> Case:
    case = make_case(user, employee, violation_type=violation)
    Case.objects.filter(pk=case.pk).update(status=S.EXAMINATION_REPORT, report_findings="Terbukti")
    case.refresh_from_db()
    return case


def decide(user, case, code, *, on=None, reason="", track="discipline"):
    case.refresh_from_db()
    return services.record_decision(
        case=case, track=track, sanction_type=SanctionType.objects.get(code=code), acting_user=user,
        expected_version=case.version, deviation_reason=reason, decided_on=on,
    )  # fmt: skip


def test_pp94_repeat_offence_same_type_heavier_than_last_annulled_excluded(hr_user, employee):
    first = at_report(hr_user, employee, vt("SKB-05"))
    assert recommend(first, "discipline").sanction.code == "PNS-B1"
    decide(hr_user, first, "PNS-B2", on=dt.date(2024, 10, 1), reason="Memengaruhi banyak pegawai.")
    second = at_report(hr_user, employee, vt("SKB-05"))
    # the LAST decision for this type (a lighter one, later) is the reference, not the heaviest ever
    decide(hr_user, second, "PNS-B1", on=dt.date(2024, 11, 1), reason="Faktor meringankan.")

    other_type = at_report(hr_user, employee, vt("SKB-08"))
    rec = recommend(other_type, "discipline")
    assert rec.sanction.code == "PNS-S1"  # another violation type does not climb
    assert any("jenis pelanggaran lain" in r for r in rec.reasons)

    third = at_report(hr_user, employee, vt("SKB-05"))
    rec = recommend(third, "discipline")
    assert rec.sanction.code == "PNS-B2"  # one rung above the LAST (PNS-B1), not above the heaviest (PNS-B2)
    assert any("Pengulangan jenis yang sama" in r and second.reference in r for r in rec.reasons)

    Appeal.objects.create(
        case=second, decision=second.decisions.get(), kind="keberatan", filed_on=dt.date(2024, 11, 5),
        grounds="x", outcome=Appeal.Outcome.ANNULLED, outcome_on=dt.date(2024, 12, 1), outcome_notes="Dibatalkan.",
        recorded_by=hr_user,
    )  # fmt: skip
    rec = recommend(third, "discipline")
    assert rec.sanction.code == "PNS-B3"  # the annulled PNS-B1 no longer counts: the last is PNS-B2 -> PNS-B3
    assert any("dibatalkan" in r for r in rec.reasons)


def test_uu20_2023_pasal_52_party_membership_recommends_ptdh_pphk_or_termination(hr_user, unit):
    pns = EmployeeFactory(unit=unit)
    rec = recommend(at_report(hr_user, pns, vt("SKB-09")), "discipline")
    assert rec.sanction.code == "PNS-PTDH" and rec.official == Decision.Official.PPK
    text = " ".join(rec.reasons)
    assert "Pasal 52 ayat (3) huruf j dan ayat (4) UU 20/2023" in text and "bukan anak tangga" in text
    assert "terberat" not in text
    pppk = EmployeeFactory(unit=unit, status=Employee.Status.PPPK, nip=None, ni_pppk="199001012021211001")
    assert recommend(at_report(hr_user, pppk, vt("SKB-09")), "discipline").sanction.code == "PPPK-PTDH"
    honorer = EmployeeFactory(unit=unit, status=Employee.Status.HONORER, nip=None, nik="3201014101900002")
    rec = recommend(at_report(hr_user, honorer, vt("SKB-09")), "discipline")
    assert rec.sanction.code == "HON-B1" and "UU 20/2023" not in " ".join(rec.reasons)
    case = at_report(hr_user, pns, vt("SKB-09"))
    decision = decide(hr_user, case, "PNS-PTDH")
    assert decision.authorised_official == Decision.Official.PPK


def test_uu20_2023_pasal_66_status_at_time_of_act_drives_the_regime(hr_user, unit):
    # Became PPPK in 2025; the act was in 2024 while still honorer.
    person = EmployeeFactory(unit=unit, status=Employee.Status.PPPK, nip=None, ni_pppk="199001012025211002",
                             nik="3201014101900003")  # fmt: skip
    case = at_report(hr_user, person, vt("SKB-05"))
    assert case.employee_status == "pppk"
    assert recommend(case, "discipline").sanction.code == "PPPK-B1"
    with pytest.raises(ValidationError, match="Alasan"):
        services.set_status_at_act(case=case, status="honorer", act_date=dt.date(2024, 10, 2), reason=" ",
                                   acting_user=hr_user, expected_version=case.version)  # fmt: skip
    case = services.set_status_at_act(
        case=case, status="honorer", act_date=dt.date(2024, 10, 2), reason="SK PPPK TMT 1 Maret 2025.",
        acting_user=hr_user, expected_version=case.version,
    )  # fmt: skip
    assert case.employee_status == "honorer" and not case.ethics_track
    rec = recommend(case, "discipline")
    assert rec.sanction.code == "HON-B1" and "honorer" in rec.reasons[0]
    event = AuditEvent.objects.get(case_id=case.pk, action="case.status_at_act")
    assert event.reason == "SK PPPK TMT 1 Maret 2025." and event.changes["employee_status"] == ["pppk", "honorer"]
    decide(hr_user, case, "HON-B1")
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="sudah memiliki keputusan"):
        services.set_status_at_act(case=case, status="pppk", act_date=None, reason="x", acting_user=hr_user,
                                   expected_version=case.version)  # fmt: skip


def test_skb2022_angka_10_recommendation_shows_the_conflict(hr_user, employee):
    case = at_report(hr_user, employee, vt("SKB-10"))
    rec = recommend(case, "discipline")
    assert rec.sanction.code == "PNS-S1"
    assert any("belum dikonfirmasi" in r and "skb10_level" in r for r in rec.reasons)
    with override_settings(LEGAL_OPTIONS={"skb10_level": "berat"}):
        assert recommend(case, "discipline").sanction.code == "PNS-B1"


def test_pp94_pasal_5_huruf_n_angka_4_state_facilities_recommends_berat(hr_user, employee):
    rec = recommend(at_report(hr_user, employee, vt("PP94-5N-4")), "discipline")
    assert rec.sanction.code == "PNS-B1" and rec.official == Decision.Official.PPK


@pytest.fixture
def window_case(hr_user, employee):
    case = make_case(hr_user, employee, violation_type=vt("SKB-05"))
    _walk(case, S.APPEAL_WINDOW, hr_user)
    case.refresh_from_db()
    return case


def _file(case, user, kind="keberatan", filed_on=TODAY, track="discipline"):
    case.refresh_from_db()
    return services.file_appeal(
        case=case, decision=case.decisions.get(track=track), kind=kind, filed_on=filed_on, grounds="Keberatan.",
        acting_user=user, expected_version=case.version,
    )  # fmt: skip


def test_pp79_2021_pasal_11_late_appeal_refused_by_the_service(window_case, hr_user):
    decision = window_case.decisions.get(track="discipline")
    Decision.objects.filter(pk=decision.pk).update(delivered_on=TODAY - dt.timedelta(days=40))
    version = Case.objects.get(pk=window_case.pk).version
    with pytest.raises(ValidationError, match="terlambat"):
        _file(window_case, hr_user)
    assert not Appeal.objects.exists() and Case.objects.get(pk=window_case.pk).version == version


def test_pp79_2021_appeal_type_against_the_decision_is_enforced(window_case, hr_user):
    with pytest.raises(ValidationError, match="hanya dapat diajukan keberatan"):
        _file(window_case, hr_user, kind="banding")  # PNS-B1 is not a dismissal
    with pytest.raises(ValidationError, match="tidak dapat diajukan"):
        _file(window_case, hr_user, track="moral")  # sanksi moral: no PP 79/2021 route
    assert _file(window_case, hr_user).kind == "keberatan"


def test_pp79_2021_honorer_banding_refused_by_the_service(hr_user, unit):
    honorer = EmployeeFactory(unit=unit, status=Employee.Status.HONORER, nip=None, nik="3201014101900004")
    case = make_case(hr_user, honorer, violation_type=vt("SKB-05"))
    _walk(case, S.APPEAL_WINDOW, hr_user)
    for kind in ("banding", "keberatan"):
        with pytest.raises(ValidationError, match="non-ASN"):
            _file(case, hr_user, kind=kind)
    assert not Appeal.objects.exists()


def test_pp79_2021_effective_date_set_on_delivery_after_the_window(window_case):
    discipline = window_case.decisions.get(track="discipline")
    moral = window_case.decisions.get(track="moral")
    assert discipline.effective_on > legal_appeals.deadline(discipline.delivered_on)
    assert moral.effective_on == moral.delivered_on  # no appeal lies against a moral statement


def test_uu20_2023_pasal_66_status_at_act_set_on_the_case_page(client, hr_user, leader_user, employee):
    from django.urls import reverse

    case = make_case(hr_user, employee, violation_type=vt("SKB-05"))
    url = reverse("cases:case_status_at_act", args=[case.pk])
    client.force_login(hr_user)
    assert (
        "Status kepegawaian saat perbuatan" in client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    )
    r = client.post(url, {"version": case.version, "employee_status": "cpns", "act_date": "2024-10-02", "reason": ""},
                    follow=True)  # fmt: skip
    assert r.status_code == 200 and Case.objects.get(pk=case.pk).employee_status == "pns"
    r = client.post(url, {"version": case.version, "employee_status": "cpns", "act_date": "2024-10-02",
                          "reason": "Masih CPNS pada 2 Oktober 2024."}, follow=True)  # fmt: skip
    assert "diperbarui" in r.content.decode()
    assert Case.objects.get(pk=case.pk).employee_status == "cpns"
    client.force_login(leader_user)
    assert client.post(url, {"version": case.version + 1, "employee_status": "pns", "reason": "x"}).status_code == 403


def test_pp79_2021_no_appeal_window_held_open_when_no_route_lies(hr_user, unit):
    honorer = EmployeeFactory(unit=unit, status=Employee.Status.HONORER, nip=None, nik="3201014101900005")
    case = make_case(hr_user, honorer, violation_type=vt("SKB-05"))
    _walk(case, S.APPEAL_WINDOW, hr_user)
    case.refresh_from_db()
    delivered = case.decisions.get().delivered_on
    assert case.due_date == delivered  # nothing to wait for: effective on delivery


def test_pp79_2021_appeal_window_follows_the_appealable_decision(window_case):
    discipline = window_case.decisions.get(track="discipline")
    assert window_case.due_date == legal_appeals.deadline(discipline.delivered_on)
