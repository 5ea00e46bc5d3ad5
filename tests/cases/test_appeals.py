"""Upaya administratif (keberatan / banding administratif): recorded in the appeal window, audited,
and a pending one keeps the case from becoming final."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.roles import STAFF
from audit.models import AuditEvent
from cases import services, workflow
from cases.demo_cases import _walk
from cases.models import Appeal, Case
from tests.cases.conftest import make_case
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
S = Case.Status
TODAY = dt.date.today()


@pytest.fixture
def window_case(hr_user, employee, vt5):
    case = make_case(hr_user, employee, violation_type=vt5)
    _walk(case, S.APPEAL_WINDOW, hr_user)
    case.refresh_from_db()
    assert case.status == S.APPEAL_WINDOW
    return case


def _file(case, user, **kw):
    case.refresh_from_db()
    values = {"kind": "keberatan", "filed_on": TODAY, "grounds": "Foto diunggah sebelum masa kampanye."} | kw
    return services.file_appeal(
        case=case,
        decision=case.decisions.get(track="discipline"),
        acting_user=user,
        expected_version=case.version,
        **values,
    )


def _final(case, user):
    case.refresh_from_db()
    return workflow.transition(case, S.FINAL, acting_user=user, expected_version=case.version)


def test_pending_appeal_blocks_the_final_step_until_its_outcome(window_case, hr_user):
    appeal = _file(window_case, hr_user)
    assert appeal.is_pending
    Case.objects.filter(pk=window_case.pk).update(due_date=TODAY - dt.timedelta(days=1))  # window over
    with pytest.raises(ValidationError, match="sedang diproses"):
        _final(window_case, hr_user)
    window_case.refresh_from_db()
    services.record_appeal_outcome(
        appeal=appeal, outcome="upheld", outcome_on=TODAY, acting_user=hr_user, expected_version=window_case.version
    )
    assert _final(window_case, hr_user).status == S.FINAL
    actions = set(AuditEvent.objects.filter(case_id=window_case.pk).values_list("action", flat=True))
    assert {"case.appeal_filed", "case.appeal_decided"} <= actions


def test_a_decided_appeal_lets_the_case_close_before_the_window_ends(window_case, hr_user):
    appeal = _file(window_case, hr_user)
    window_case.refresh_from_db()
    services.record_appeal_outcome(
        appeal=appeal, outcome="withdrawn", outcome_on=TODAY, acting_user=hr_user, expected_version=window_case.version
    )
    assert window_case.due_date >= TODAY
    assert _final(window_case, hr_user).status == S.FINAL


@pytest.mark.parametrize(
    "values,message",
    [
        ({"grounds": "  "}, "Alasan pengajuan wajib diisi"),
        ({"kind": "kasasi"}, "tidak dikenal"),
        ({"filed_on": TODAY - dt.timedelta(days=30)}, "sebelum keputusan disampaikan"),
    ],
)
def test_bad_appeals_are_refused_and_nothing_saved(window_case, hr_user, values, message):
    version = Case.objects.get(pk=window_case.pk).version
    with pytest.raises(ValidationError, match=message):
        _file(window_case, hr_user, **values)
    assert not Appeal.objects.exists()
    assert Case.objects.get(pk=window_case.pk).version == version


def test_appeals_only_in_the_window_and_one_pending_per_decision(window_case, hr_user, employee, vt5):
    _file(window_case, hr_user)
    with pytest.raises(ValidationError, match="sedang diproses"):
        _file(window_case, hr_user)
    early = make_case(hr_user, employee, violation_type=vt5, url="https://www.facebook.com/x/posts/9")
    _walk(early, S.DECISION, hr_user)
    early.refresh_from_db()
    with pytest.raises(ValidationError, match="masa upaya administratif"):
        _file(early, hr_user)


def test_changed_or_annulled_decision_needs_a_note_and_outcome_is_final(window_case, hr_user):
    appeal = _file(window_case, hr_user)
    window_case.refresh_from_db()
    with pytest.raises(ValidationError, match="Jelaskan"):
        services.record_appeal_outcome(
            appeal=appeal,
            outcome="annulled",
            outcome_on=TODAY,
            acting_user=hr_user,
            expected_version=window_case.version,
        )
    services.record_appeal_outcome(
        appeal=appeal, outcome="amended", outcome_on=TODAY, notes="Diturunkan menjadi teguran lisan.",
        acting_user=hr_user, expected_version=window_case.version,
    )  # fmt: skip
    window_case.refresh_from_db()
    with pytest.raises(ValidationError, match="sudah dicatat"):
        services.record_appeal_outcome(
            appeal=appeal, outcome="upheld", outcome_on=TODAY, acting_user=hr_user, expected_version=window_case.version
        )


def test_stale_appeal_form_is_refused(window_case, hr_user):
    stale = window_case.version
    _file(window_case, hr_user)
    with pytest.raises(workflow.StaleCaseError):
        services.file_appeal(
            case=window_case, decision=window_case.decisions.get(track="discipline"), kind="keberatan", filed_on=TODAY,
            grounds="Dua kali.", acting_user=hr_user, expected_version=stale,
        )  # fmt: skip
    assert Appeal.objects.count() == 1


def test_officer_records_appeal_and_outcome_on_the_case_page(client, window_case, hr_user, leader_user):
    client.force_login(hr_user)
    page = client.get(reverse("cases:case_detail", args=[window_case.pk])).content.decode()
    assert "Upaya administratif" in page and reverse("cases:case_appeal", args=[window_case.pk]) in page
    decision = window_case.decisions.get(track="discipline")
    r = client.post(
        reverse("cases:case_appeal", args=[window_case.pk]),
        {"version": window_case.version, "decision": decision.pk, "kind": "keberatan",
         "filed_on": TODAY.isoformat(), "grounds": "Bukan akun saya."},
        follow=True,
    )  # fmt: skip
    assert "Upaya administratif dicatat" in r.content.decode()
    appeal = Appeal.objects.get()
    window_case.refresh_from_db()
    r = client.post(
        reverse("cases:case_appeal_outcome", args=[window_case.pk]),
        {"version": window_case.version, "appeal": appeal.pk, "outcome": "upheld", "outcome_on": TODAY.isoformat()},
        follow=True,
    )
    assert "Hasil upaya administratif dicatat" in r.content.decode()
    assert "Keputusan dikuatkan" in r.content.decode()
    client.force_login(leader_user)  # leaders read cases but do not record appeals
    r = client.post(
        reverse("cases:case_appeal", args=[window_case.pk]),
        {"version": window_case.version, "decision": decision.pk, "kind": "banding", "filed_on": TODAY.isoformat(),
         "grounds": "x"},
    )  # fmt: skip
    assert r.status_code == 403
    assert Appeal.objects.count() == 1


def test_staff_sees_the_appeal_window_and_their_appeal(client, window_case, hr_user):
    employee_user = make_user("pegawai.banding", STAFF)
    window_case.employee.user = employee_user
    window_case.employee.save()
    client.force_login(employee_user)
    url = reverse("cases:my_case_detail", args=[window_case.pk])
    assert "Masa upaya administratif" in client.get(url).content.decode()
    _file(window_case, hr_user)
    assert "Dalam proses" in client.get(url).content.decode()
