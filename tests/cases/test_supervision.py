"""The atasan langsung (PP 94/2021; brief §3.1): notified, scoped to their own staff, records summons and
examination, and a missed duty is flagged to BKPSDM and to their own superior and can become a case."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.roles import SUPERVISOR
from audit.models import AuditEvent
from cases import supervision
from cases.models import Case, Notification, SupervisorDuty
from tests.cases.conftest import make_case
from tests.conftest import make_user
from tests.factories import EmployeeFactory
from workdays.calendar import Calendar

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(unit):
    superior_user = make_user("t_kepala", SUPERVISOR, totp=True)
    boss_user = make_user("t_atasan", SUPERVISOR, totp=True)
    other_user = make_user("t_atasan_lain", SUPERVISOR, totp=True)
    superior = EmployeeFactory(unit=unit, full_name="Kepala Dinas", user=superior_user)
    boss = EmployeeFactory(unit=unit, full_name="Kepala Bidang", user=boss_user, supervisor=superior)
    other_boss = EmployeeFactory(unit=unit, full_name="Kepala Bidang Lain", user=other_user)
    staff = EmployeeFactory(unit=unit, full_name="Guru Terlapor", supervisor=boss)
    other_staff = EmployeeFactory(unit=unit, full_name="Staf Lain", supervisor=other_boss)
    return {"superior": superior, "boss": boss, "other_boss": other_boss, "staff": staff, "other_staff": other_staff}


def test_pp94_pasal_26_supervisor_notified_and_missed_duty_flagged(hr_user, people):
    case = make_case(hr_user, people["staff"])
    duty = SupervisorDuty.objects.get(case=case)
    assert duty.supervisor == people["boss"] and duty.status == "pending"
    assert duty.due_on == Calendar().add_working_days(timezone.localdate(), 7)
    note = Notification.objects.get(user=people["boss"].user)
    assert case.reference in note.message and "wajib memanggil" in note.message and note.case is None
    # nothing happened by the date: flagged once to BKPSDM and to the supervisor's own superior
    assert supervision.flag_missed(today=duty.due_on) == 0
    assert supervision.flag_missed(today=duty.due_on + dt.timedelta(days=1)) == 1
    assert supervision.flag_missed(today=duty.due_on + dt.timedelta(days=2)) == 0
    duty.refresh_from_db()
    assert duty.status == "missed" and duty.missed_flagged_at
    assert Notification.objects.filter(user=hr_user, message__contains="belum memanggil").count() == 1
    assert Notification.objects.filter(user=people["superior"].user, message__contains="Kepala Bidang").count() == 1
    assert AuditEvent.objects.filter(action="supervision.duty_missed", case_id=case.pk).exists()
    # ... and can become a case of its own, against the supervisor
    own = supervision.open_case_for_missed_duty(duty=duty, acting_user=hr_user)
    assert own.employee == people["boss"] and own.violation_type.code == "PP94-ATASAN"
    assert SupervisorDuty.objects.get(case=own).supervisor == people["superior"]
    with pytest.raises(ValidationError, match="sudah dibuka"):
        supervision.open_case_for_missed_duty(duty=duty, acting_user=hr_user)


def test_pp94_summons_and_examination_recorded_by_the_supervisor_with_date_rules(hr_user, people):
    case = make_case(hr_user, people["staff"])
    duty = SupervisorDuty.objects.get(case=case)
    today = timezone.localdate()
    boss = people["boss"].user
    with pytest.raises(ValidationError, match="Catat surat panggilan"):
        supervision.record_examination(duty=duty, examined_on=today, acting_user=boss)
    with pytest.raises(ValidationError, match="paling cepat 7 hari kerja"):
        supervision.record_summons(duty=duty, summoned_on=today, examination_on=today + dt.timedelta(days=2),
                                   acting_user=boss)  # fmt: skip
    with pytest.raises(ValidationError, match="masa depan"):
        supervision.record_summons(duty=duty, summoned_on=today + dt.timedelta(days=1),
                                   examination_on=today + dt.timedelta(days=30), acting_user=boss)  # fmt: skip
    exam = Calendar().add_working_days(today, 7)
    duty = supervision.record_summons(duty=duty, summoned_on=today, examination_on=exam, acting_user=boss)
    assert duty.status == "summoned"
    with pytest.raises(ValidationError, match="sebelum jadwal"):
        supervision.record_examination(duty=duty, examined_on=today, acting_user=boss)
    assert supervision.flag_missed(today=duty.due_on + dt.timedelta(days=5)) == 0  # summoned in time


def test_supervisor_reaches_only_their_own_staff(client, hr_user, people):
    mine = SupervisorDuty.objects.get(case=make_case(hr_user, people["staff"]))
    theirs = SupervisorDuty.objects.get(case=make_case(hr_user, people["other_staff"]))
    client.force_login(people["boss"].user)
    page = client.get(reverse("cases:supervision_list")).content.decode()
    assert mine.case.reference in page and theirs.case.reference not in page
    detail = client.get(reverse("cases:supervision_detail", args=[mine.pk])).content.decode()
    assert "Yang diwajibkan kepada Anda" in detail and mine.due_on.strftime("%d-%m-%Y") in detail
    assert client.get(reverse("cases:supervision_detail", args=[theirs.pk])).status_code == 404
    r = client.post(reverse("cases:supervision_summons", args=[theirs.pk]),
                    {"summoned_on": "2024-01-01", "examination_on": "2024-02-01"})  # fmt: skip
    assert r.status_code == 404
    # no way into the officer's case pages
    assert client.get(reverse("cases:case_detail", args=[mine.case.pk])).status_code == 403
    assert client.get(reverse("cases:case_list")).status_code == 403
    exam = Calendar().add_working_days(timezone.localdate(), 8)
    r = client.post(reverse("cases:supervision_summons", args=[mine.pk]),
                    {"summoned_on": timezone.localdate().isoformat(), "examination_on": exam.isoformat()},
                    follow=True)  # fmt: skip
    assert "Tersimpan" in r.content.decode()
    mine.refresh_from_db()
    assert mine.status == "summoned"


def test_officer_sees_the_duty_and_opens_a_case_for_a_missed_one(client, hr_user, people):
    case = make_case(hr_user, people["staff"])
    duty = SupervisorDuty.objects.get(case=case)
    client.force_login(hr_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Tugas atasan langsung" in page and "Kepala Bidang" in page
    supervision.flag_missed(today=duty.due_on + dt.timedelta(days=1))
    r = client.post(reverse("cases:case_missed_duty", args=[case.pk]), follow=True)
    assert "atas kelalaian atasan langsung" in r.content.decode()
    assert Case.objects.filter(employee=people["boss"]).count() == 1


def test_reminder_command_flags_missed_duties(hr_user, people):
    case = make_case(hr_user, people["staff"])
    SupervisorDuty.objects.filter(case=case).update(due_on=timezone.localdate() - dt.timedelta(days=3))
    call_command("send_case_reminders")
    assert SupervisorDuty.objects.get(case=case).status == "missed"


def test_seed_demo_prints_a_supervisor_who_has_a_duty():
    from io import StringIO

    from django.contrib.auth.models import User

    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "username=atasan" in out.getvalue() and "Atasan-Netral-2024" in out.getvalue()
    user = User.objects.get(username="atasan")
    duties = list(supervision.duties_for(user=user))
    assert duties and Notification.objects.filter(user=user, message__contains="wajib memanggil").exists()


def test_supervisor_scope_goes_through_the_access_hook(hr_user, people):
    from accounts import access
    from accounts.roles import SUPERVISOR

    assert SUPERVISOR in access.ROLE_SCOPES
    boss_user = people["boss"].user
    scope = access.employee_scope(boss_user, "supervision.view")
    assert list(scope) == [people["staff"]]
    duty = SupervisorDuty.objects.get(case=make_case(hr_user, people["staff"]))
    assert list(supervision.duties_for(user=boss_user)) == [duty]
    # the staff member moves to another supervisor: the old one no longer reaches the case
    people["staff"].supervisor = people["other_boss"]
    people["staff"].save()
    assert list(supervision.duties_for(user=boss_user)) == []
