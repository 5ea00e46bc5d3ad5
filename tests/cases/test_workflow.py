import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from audit.models import AuditEvent
from cases import services, workflow
from cases.deadlines import latest_summons_1_date
from cases.models import Case, SanctionType
from cases.sanctions import recommend
from tests.cases.conftest import make_case
from workdays.calendar import add_working_days

pytestmark = pytest.mark.django_db
S = Case.Status


def go(case, to, user, **kw):
    case.refresh_from_db()
    return workflow.transition(case, to, acting_user=user, expected_version=case.version, **kw)


def test_full_happy_path_through_every_step(hr_user, employee, vt5):
    case = make_case(hr_user, employee, violation_type=vt5)
    assert case.reference.startswith(f"NET/{dt.date.today().year}/")
    assert case.due_date is not None  # clock runs in "new"
    go(case, S.SCREENING, hr_user)
    exam = add_working_days(dt.date.today(), 10)
    case = go(case, S.SUMMONS_1, hr_user, data={"examination_date": exam, "summons_1_date": dt.date.today()})
    assert case.due_date == exam  # clock paused: due is the examination date
    new_exam = add_working_days(exam, 5)
    case = go(
        case, S.SUMMONS_2, hr_user, data={"missed_examination_date": exam, "examination_date": new_exam,
                                          "summons_2_date": exam},
    )  # fmt: skip
    assert case.missed_examination_date == exam and case.examination_date == new_exam
    go(case, S.EXAMINATION, hr_user)
    case.refresh_from_db()
    services.record_examination(
        case=case, held_on=new_exam, examiners="Atasan\nInspektorat\nBKPSDM", questions_answers="T: ...\nJ: ...",
        acting_user=hr_user, expected_version=case.version,
    )  # fmt: skip
    go(case, S.EXAMINATION_REPORT, hr_user, data={"report_findings": "Terbukti memposting gestur dua jari."})
    case.refresh_from_db()
    for track in (SanctionType.Track.MORAL, SanctionType.Track.DISCIPLINE):
        rec = recommend(case, track)
        services.record_decision(
            case=case, track=track, sanction_type=rec.sanction, acting_user=hr_user, expected_version=case.version
        )
        case.refresh_from_db()
    case = go(case, S.DECISION, hr_user)
    for d in case.decisions.all():
        case.refresh_from_db()
        services.set_delivered(decision=d, delivered_on=dt.date.today(), acting_user=hr_user,
                               expected_version=case.version)  # fmt: skip
    go(case, S.DELIVERED, hr_user)
    case = go(case, S.APPEAL_WINDOW, hr_user)
    assert case.due_date == add_working_days(dt.date.today(), 14)
    Case.objects.filter(pk=case.pk).update(due_date=dt.date.today() - dt.timedelta(days=1))
    case = go(case, S.FINAL, hr_user)
    assert case.status == S.FINAL and case.due_date is None
    actions = list(
        AuditEvent.objects.filter(case_id=case.pk, action="case.transition").values_list("changes", flat=True)
    )
    assert [c["status"][1] for c in reversed(actions)] == [
        "screening", "summons_1", "summons_2", "examination", "examination_report", "decision", "delivered",
        "appeal_window", "final",
    ]  # fmt: skip


ALLOWED = {(st.source, st.target) for st in workflow.STEPS}


@pytest.mark.parametrize("source,target", [(a, b) for a in S.values for b in S.values if (a, b) not in ALLOWED])
def test_every_step_outside_the_table_is_refused(hr_user, employee, source, target):
    case = make_case(hr_user, employee)
    Case.objects.filter(pk=case.pk).update(status=source)
    case.refresh_from_db()
    before = AuditEvent.objects.count()
    with pytest.raises(workflow.WorkflowError, match="tidak diperbolehkan"):
        workflow.transition(case, target, acting_user=hr_user, expected_version=case.version)
    case.refresh_from_db()
    assert case.status == source and AuditEvent.objects.count() == before


@pytest.mark.parametrize("source", workflow.OPEN_STATES)
def test_dismiss_from_any_open_state_needs_reason(admin_user, employee, source):
    case = make_case(admin_user, employee)
    Case.objects.filter(pk=case.pk).update(status=source)
    with pytest.raises(workflow.WorkflowError, match="Alasan wajib"):
        go(case, S.DISMISSED, admin_user)
    case = go(case, S.DISMISSED, admin_user, reason="Bukan pegawai yang dimaksud")
    assert case.status == S.DISMISSED and case.dismissal_reason == "Bukan pegawai yang dimaksud"
    assert case.due_date is None


def refused(case, to, user, match, **kw):
    case.refresh_from_db()
    version, status = case.version, case.status
    with pytest.raises(workflow.WorkflowError, match=match):
        workflow.transition(case, to, acting_user=user, expected_version=version, **kw)
    case.refresh_from_db()
    assert (case.version, case.status) == (version, status)


def test_pp94_pasal_27_panggilan_ii_own_date_within_seven_working_days_of_the_missed_examination(
    hr_user, employee, vt5
):
    case = make_case(hr_user, employee)
    go(case, S.SCREENING, hr_user)
    exam = add_working_days(dt.date.today(), 10)
    Case.objects.filter(pk=case.pk).update(violation_type=vt5)
    go(case, S.SUMMONS_1, hr_user, data={"examination_date": exam, "summons_1_date": latest_summons_1_date(exam)})
    new_exam = add_working_days(exam, 5)
    for sent in (add_working_days(exam, -1), add_working_days(exam, 8)):  # before the absence / too late
        refused(case, S.SUMMONS_2, hr_user, "Surat panggilan II bertanggal antara",
                data={"missed_examination_date": exam, "examination_date": new_exam, "summons_2_date": sent})  # fmt: skip
    refused(case, S.SUMMONS_2, hr_user, "Isi tanggal surat panggilan II",
            data={"missed_examination_date": exam, "examination_date": new_exam})  # fmt: skip
    go(case, S.SUMMONS_2, hr_user,
       data={"missed_examination_date": exam, "examination_date": new_exam, "summons_2_date": add_working_days(exam, 1)})  # fmt: skip


def test_pp94_examination_deadline_not_before_the_scheduled_examination(hr_user, employee, vt5):
    case = make_case(hr_user, employee)
    go(case, S.SCREENING, hr_user)
    exam = add_working_days(dt.date.today(), 10)
    Case.objects.filter(pk=case.pk).update(violation_type=vt5)
    go(case, S.SUMMONS_1, hr_user, data={"examination_date": exam, "summons_1_date": latest_summons_1_date(exam)})
    go(case, S.EXAMINATION, hr_user)  # the employee came early / the officer moved on before the hearing
    case.refresh_from_db()
    assert case.due_date >= exam


def test_guards_refuse_with_clear_messages(hr_user, employee, vt5):
    case = make_case(hr_user, employee)
    go(case, S.SCREENING, hr_user)
    exam = add_working_days(dt.date.today(), 10)
    refused(case, S.SUMMONS_1, hr_user, "jenis pelanggaran", data={"examination_date": exam})
    Case.objects.filter(pk=case.pk).update(violation_type=vt5)
    refused(case, S.SUMMONS_1, hr_user, "Isi tanggal")
    too_late = add_working_days(latest_summons_1_date(exam), 1)
    refused(case, S.SUMMONS_1, hr_user, "7 hari kerja", data={"examination_date": exam, "summons_1_date": too_late})
    past = dt.date.today() - dt.timedelta(days=30)  # issue 14 point 18: a summons to an examination already past
    refused(case, S.SUMMONS_1, hr_user, "sudah lewat",
            data={"examination_date": past, "summons_1_date": latest_summons_1_date(past)})  # fmt: skip
    go(case, S.SUMMONS_1, hr_user, data={"examination_date": exam, "summons_1_date": latest_summons_1_date(exam)})
    refused(case, S.SUMMONS_2, hr_user, "7 hari kerja",
            data={"missed_examination_date": exam, "examination_date": add_working_days(exam, 8),
                  "summons_2_date": exam})  # fmt: skip
    refused(case, S.SUMMONS_2, hr_user, "sesudah",
            data={"missed_examination_date": exam, "examination_date": exam, "summons_2_date": exam})  # fmt: skip
    go(case, S.EXAMINATION, hr_user)
    refused(case, S.EXAMINATION_REPORT, hr_user, "BAP")
    case.refresh_from_db()
    with pytest.raises(ValidationError, match="Tim Pemeriksa"):  # SKB #5 is rated berat: not the supervisor alone
        services.record_examination(case=case, held_on=exam, examiners="A", questions_answers="Q/A",
                                    acting_user=hr_user, expected_version=case.version)  # fmt: skip
    services.record_examination(case=case, held_on=exam, examiners="A\nB\nC", questions_answers="Q/A", acting_user=hr_user,
                                expected_version=case.version)  # fmt: skip
    refused(case, S.EXAMINATION_REPORT, hr_user, "LHP")
    go(case, S.EXAMINATION_REPORT, hr_user, data={"report_findings": "Terbukti"})
    refused(case, S.DECISION, hr_user, "keputusan")
    case.refresh_from_db()
    sanction = SanctionType.objects.get(code="PNS-B1")
    services.record_decision(case=case, track="discipline", sanction_type=sanction, acting_user=hr_user,
                             expected_version=case.version)  # fmt: skip
    go(case, S.DECISION, hr_user)
    refused(case, S.DELIVERED, hr_user, "penyampaian")
    case.refresh_from_db()
    services.set_delivered(decision=case.decisions.get(), delivered_on=dt.date.today(), acting_user=hr_user,
                           expected_version=case.version)  # fmt: skip
    go(case, S.DELIVERED, hr_user)
    go(case, S.APPEAL_WINDOW, hr_user)
    refused(case, S.FINAL, hr_user, "belum berakhir")


def test_stale_version_is_refused_and_nothing_saved(hr_user, employee):
    case = make_case(hr_user, employee)
    stale = case.version
    go(case, S.SCREENING, hr_user)  # another officer moved it on
    case.refresh_from_db()
    before = AuditEvent.objects.count()
    with pytest.raises(workflow.StaleCaseError, match="Kasus telah diubah oleh petugas lain"):
        workflow.transition(case, S.DISMISSED, acting_user=hr_user, reason="x", expected_version=stale)
    with pytest.raises(workflow.StaleCaseError):
        services.update_case(case=case, values={"summary": "baru"}, acting_user=hr_user, expected_version=stale)
    case.refresh_from_db()
    assert case.status == S.SCREENING and case.summary == "" and AuditEvent.objects.count() == before


def test_capability_required_for_a_step(hr_user, monitor_user, employee):
    case = make_case(hr_user, employee)
    with pytest.raises(PermissionDenied):
        go(case, S.SCREENING, monitor_user)


def test_stale_form_submit_shows_message(client, hr_user, employee):
    case = make_case(hr_user, employee)
    client.force_login(hr_user)
    url = f"/kasus/{case.pk}/status/"
    r = client.post(url, {"to": "screening", "version": case.version}, follow=True)
    assert "Status kasus diperbarui" in r.content.decode()
    r = client.post(url, {"to": "dismissed", "version": case.version, "reason": "x"}, follow=True)
    assert "Kasus telah diubah oleh petugas lain" in r.content.decode()
    case.refresh_from_db()
    assert case.status == S.SCREENING


def test_reference_numbers_are_gap_free_per_year(hr_user, employee, unit):
    from tests.factories import EmployeeFactory

    others = [EmployeeFactory(unit=unit) for _ in range(3)]
    post = services.report_post(acting_user=hr_user, platform="x", url="https://x.com/a/status/1",
                                employees=[employee, *others])[0]  # fmt: skip
    cases = services.open_cases(post=post, employees=[employee, *others], acting_user=hr_user)
    year = dt.date.today().year
    assert [c.reference for c in cases] == [f"NET/{year}/{n:04d}" for n in range(1, 5)]
    assert all(list(c.posts.all()) == [post] for c in cases)


def test_the_case_page_offers_a_bap_exactly_where_the_service_accepts_one(client, hr_user, employee):
    """One answer for "may a BAP be recorded now": workflow.case_actions (page) and the service agree."""
    import datetime as dt

    from django.core.exceptions import ValidationError

    case = make_case(hr_user, employee)
    client.force_login(hr_user)
    for status in Case.Status.values:
        Case.objects.filter(pk=case.pk).update(status=status)
        case.refresh_from_db()
        offered = workflow.case_actions(case, hr_user)["examination"]
        page = client.get(f"/kasus/{case.pk}/").content.decode()
        assert (f"/kasus/{case.pk}/bap/" in page) == offered, status
        try:
            services.record_examination(
                case=case, held_on=dt.date.today(), examiners="A", questions_answers="T/J",
                acting_user=hr_user, expected_version=case.version,
            )  # fmt: skip
            accepted = True
        except ValidationError:
            accepted = False
        assert accepted == offered, status
