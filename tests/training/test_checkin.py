import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from training import checkin, services
from training.models import Attendance

pytestmark = pytest.mark.django_db


def test_current_code_checks_in_and_marks_present(staff_client, staff_employee, session_now):
    code = checkin.current_code(session_now)
    assert len(code) == 6
    r = staff_client.post(reverse("training:checkin", args=[session_now.pk]), {"code": code.lower()}, follow=True)
    assert "Presensi tercatat" in r.content.decode()
    a = Attendance.objects.get(session=session_now, employee=staff_employee)
    assert a.status == Attendance.Status.PRESENT and a.method == Attendance.Method.QR


def test_previous_window_still_accepted_but_older_codes_expire(staff_user, staff_employee, session_now):
    now = timezone.now()
    previous = checkin.code_for(session_now, checkin.window_of(now) - 1)
    assert checkin.verify(session_now, previous, now) == checkin.VALID
    three_min_old = checkin.code_for(session_now, checkin.window_of(now) - 3)
    assert checkin.verify(session_now, three_min_old, now) == checkin.EXPIRED
    assert checkin.verify(session_now, "ZZZZZZ", now) == checkin.INVALID


def test_photo_of_yesterdays_code_is_refused_with_a_clear_message(staff_client, staff_employee, session_now):
    yesterday = timezone.now() - dt.timedelta(hours=20)
    old_code = checkin.current_code(session_now, yesterday)
    r = staff_client.post(reverse("training:checkin", args=[session_now.pk]), {"code": old_code}, follow=True)
    assert "kedaluwarsa" in r.content.decode()
    assert not Attendance.objects.filter(employee=staff_employee).exists()


def test_code_of_another_session_is_invalid(staff_client, staff_employee, session_now):
    from training.models import Session

    other = Session.objects.create(
        title="Lain", starts_at=session_now.starts_at, ends_at=session_now.ends_at, place="Aula 2"
    )
    r = staff_client.post(
        reverse("training:checkin", args=[session_now.pk]), {"code": checkin.current_code(other)}, follow=True
    )
    assert "tidak dikenal" in r.content.decode()


def test_late_after_grace(staff_user, staff_employee, session_now):
    session_now.starts_at = timezone.now() - dt.timedelta(minutes=30)
    session_now.save()
    attendance, created = services.check_in(
        session=session_now, employee=staff_employee, code=checkin.current_code(session_now), acting_user=staff_user
    )
    assert created and attendance.status == Attendance.Status.LATE


def test_closed_after_session_end(staff_user, staff_employee, session_now):
    later = session_now.ends_at + dt.timedelta(hours=2)
    with pytest.raises(services.TrainingError, match="berakhir"):
        services.check_in(
            session=session_now,
            employee=staff_employee,
            code=checkin.current_code(session_now, later),
            acting_user=staff_user,
            now=later,
        )


def test_officer_page_shows_code_qr_and_polls(hr_client, session_now, staff_employee):
    r = hr_client.get(reverse("training:session_manage", args=[session_now.pk]))
    body = r.content.decode()
    assert r.status_code == 200
    assert checkin.current_code(session_now) in body
    assert "data:image/png;base64," in body
    assert 'hx-trigger="every 20s"' in body
    partial = hr_client.get(reverse("training:session_code", args=[session_now.pk]))
    assert checkin.current_code(session_now) in partial.content.decode()


def test_bulk_mark_and_absent_visible(hr_client, session_now, staff_employee, other_employee):
    r = hr_client.post(
        reverse("training:session_bulk_mark", args=[session_now.pk]),
        {"status": "late", "employees": [staff_employee.pk]},
        follow=True,
    )
    assert "1 pegawai ditandai" in r.content.decode()
    assert Attendance.objects.get(employee=staff_employee).status == "late"
    session_now.starts_at = timezone.now() - dt.timedelta(hours=3)
    session_now.ends_at = timezone.now() - dt.timedelta(hours=2)
    session_now.save()
    body = hr_client.get(reverse("training:session_manage", args=[session_now.pk])).content.decode()
    assert "Terlambat: 1" in body and "Tidak hadir: 1" in body  # the other targeted employee is absent


def test_staff_cannot_open_officer_session_page(staff_client, session_now):
    assert staff_client.get(reverse("training:session_manage", args=[session_now.pk])).status_code == 403
    assert staff_client.get(reverse("training:session_code", args=[session_now.pk])).status_code == 403


def test_officer_page_shows_no_code_before_the_checkin_window_opens(hr_client, session_now):
    """Issue 14 point 11: a code shown early was refused ("belum dibuka") when staff typed it."""
    session_now.starts_at = timezone.now() + dt.timedelta(days=2)
    session_now.ends_at = session_now.starts_at + dt.timedelta(hours=2)
    session_now.save()
    assert services.checkin_window(session_now) == "early"
    for name in ("training:session_manage", "training:session_code"):
        body = hr_client.get(reverse(name, args=[session_now.pk])).content.decode()
        assert checkin.current_code(session_now) not in body
        assert 'data-testid="checkin-not-open"' in body and "data:image/png" not in body
        assert 'hx-trigger="every 20s"' in body  # the code appears by itself once the window opens
