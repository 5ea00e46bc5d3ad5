"""Recommendation follow-up: a dated, numbered record with a working-day clock, shown on the case page,
reminded through the notification path, stopped by a follow-up and answered by a BKN bundle."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEvent
from cases.models import Notification, Recommendation
from outreach import bundle as bundles
from outreach.recommendations import ANSWERED, FOLLOWED_UP, OPEN, OVERDUE, clocks_for, due_on, rule
from workdays.calendar import Calendar

pytestmark = pytest.mark.django_db


def _rec(case, user, received_on, **kw):
    values = {"source": "bkn", "number": "R-77/BKN/2024", "content": "Jatuhkan hukuman disiplin."} | kw
    return Recommendation.objects.create(case=case, received_on=received_on, recorded_by=user, **values)


def test_recommendation_clock_is_three_working_days_peraturan_bkn_1_2023_unconfirmed_count(settings):
    # Friday 1 Nov 2024 + 3 working days = Wednesday 6 Nov (weekend skipped)
    assert due_on(dt.date(2024, 11, 1)) == dt.date(2024, 11, 6)
    # Christmas 2024 is a public holiday: Monday 23 Dec + 3 working days skips 25 Dec
    assert due_on(dt.date(2024, 12, 23)) == Calendar().add_working_days(dt.date(2024, 12, 23), 3)
    assert due_on(dt.date(2024, 12, 23)) > dt.date(2024, 12, 26)
    assert "Peraturan BKN 1/2023" in rule().basis and not rule().confirmed
    settings.RECOMMENDATION_ACT_WORKING_DAYS = 10
    assert rule().working_days == 10 and due_on(dt.date(2024, 11, 1)) == dt.date(2024, 11, 15)


def test_states_open_overdue_followed_up_answered(case, hr_user, tmp_path):
    today = dt.date.today()
    cal = Calendar()
    fresh = _rec(case, hr_user, today, number="A")
    old = _rec(case, hr_user, cal.add_working_days(today, -5), number="B")
    done = _rec(
        case, hr_user, cal.add_working_days(today, -5), number="C", follow_up="SK teguran", followed_up_on=today
    )
    states = {c.recommendation.number: c.state for c in clocks_for([fresh, old, done])}
    assert states == {"A": OPEN, "B": OVERDUE, "C": FOLLOWED_UP}
    built = bundles.build(case=case, recipient="bkn", acting_user=hr_user)
    assert built.recommendation == old  # the oldest unanswered BKN recommendation
    bundles.mark_sent(bundle=built, sent_on=today, reference="800/99/BKPSDM", acting_user=hr_user)
    assert {c.recommendation.number: c.state for c in clocks_for([old])} == {"B": ANSWERED}
    assert bundles.build(case=case, recipient="bkn", acting_user=hr_user).recommendation.number == "C"


def test_reminders_go_through_the_notification_path_once(case, hr_user):
    today = dt.date.today()
    cal = Calendar()
    _rec(case, hr_user, cal.add_working_days(today, -5), number="LEWAT")
    _rec(case, hr_user, cal.add_working_days(today, -2), number="SEGERA")
    _rec(case, hr_user, cal.add_working_days(today, -5), number="SELESAI", follow_up="x", followed_up_on=today)
    call_command("send_case_reminders")
    messages = list(Notification.objects.filter(user=hr_user).values_list("kind", "message"))
    rec_messages = [(k, m) for k, m in messages if "Rekomendasi" in m]
    assert {k for k, _m in rec_messages} == {"overdue", "due_soon"}
    assert any("LEWAT" in m and "lewat batas" in m for _k, m in rec_messages)
    assert not any("SELESAI" in m for _k, m in rec_messages)
    count = Notification.objects.count()
    call_command("send_case_reminders")
    assert Notification.objects.count() == count


def test_case_page_shows_the_clock_and_officer_records_the_follow_up(case, hr_user, monitor_user, client):
    today = dt.date.today()
    rec = _rec(case, hr_user, today)
    client.force_login(hr_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Menunggu tindak lanjut" in page and due_on(today).strftime("%d-%m-%Y") in page
    url = reverse("outreach:recommendation_follow_up", args=[case.pk, rec.pk])
    bad = client.post(url, {"follow_up": "SK", "followed_up_on": (today - dt.timedelta(days=30)).isoformat()})
    assert bad.status_code == 302
    rec.refresh_from_db()
    assert rec.followed_up_on is None
    client.post(url, {"follow_up": "SK teguran tertulis 800/12", "followed_up_on": today.isoformat()})
    rec.refresh_from_db()
    assert rec.followed_up_on == today
    assert AuditEvent.objects.filter(action="recommendation.follow_up", case_id=case.pk).exists()
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Ditindaklanjuti, jawaban belum dikirim" in page
    client.force_login(monitor_user)
    assert client.post(url, {"follow_up": "x", "followed_up_on": today.isoformat()}).status_code == 403


def test_dashboard_lists_waiting_recommendations_and_new_public_reports(case, hr_user, monitor_user, client):
    from cases.services import report_post
    from outreach.models import PublicReport

    _rec(case, hr_user, Calendar().add_working_days(dt.date.today(), -5), number="R-DASBOR")
    post, _d, _r = report_post(acting_user=monitor_user, platform="x", url="https://x.com/a/status/77")
    PublicReport.objects.create(post=post, tracking_hash="h" * 64, platform="x", url=post.url, description="uji")
    client.force_login(hr_user)
    page = client.get(reverse("dashboard")).content.decode()
    assert "R-DASBOR" in page and "Lewat batas waktu tindak lanjut" in page and "1 pengaduan masyarakat baru" in page
    client.force_login(monitor_user)
    page = client.get(reverse("dashboard")).content.decode()
    assert "R-DASBOR" not in page and "1 pengaduan masyarakat baru" in page
