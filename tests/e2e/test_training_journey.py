"""Staff journey in a real browser: log in, check in by code, take the quiz, pass, download the certificate."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from tests.e2e.conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Rahasia-Uji-123"


@pytest.fixture
def journey(db):
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from accounts.roles import ROLE_GROUPS, STAFF
    from tests.factories import EmployeeFactory, OrgUnitFactory, UserFactory
    from training.models import Option, Question, Quiz, Session, Topic

    for name in ROLE_GROUPS.values():  # transactional tests may have flushed the migrated groups
        Group.objects.get_or_create(name=name)
    unit = OrgUnitFactory(code="E2E", name="Dinas Uji E2E")
    user = UserFactory(username="e2e_pegawai", role=STAFF, password=PASSWORD)
    EmployeeFactory(user=user, full_name="Rina Peserta", unit=unit)
    now = timezone.now()
    session = Session.objects.create(
        title="Sosialisasi Netralitas E2E",
        starts_at=now - dt.timedelta(minutes=2),
        ends_at=now + dt.timedelta(hours=1),
        place="Aula",
    )
    session.target_units.set([unit])
    topic = Topic.objects.create(name="E2E")
    for i in range(4):
        q = Question.objects.create(topic=topic, text=f"Pertanyaan E2E {i}", explanation="Pembahasan.")
        for j in range(3):
            Option.objects.create(question=q, text=f"Jawaban {i}.{j}", is_correct=j == 1, order=j)
    quiz = Quiz.objects.create(title="Kuis E2E", num_questions=3, time_limit_minutes=10, pass_mark=60, max_attempts=2)
    quiz.topics.set([topic])
    return {"session": session, "quiz": quiz}


def test_staff_checks_in_takes_quiz_and_downloads_certificate(browser_page, live_url, journey, tmp_path):
    from pypdf import PdfReader

    from training import checkin
    from training.models import Attempt, Attendance, Option

    page = browser_page
    login(page, live_url, "e2e_pegawai", PASSWORD)
    assert "/accounts/login" not in page.url

    session = journey["session"]
    # the code the officer's screen shows right now
    page.goto(f"{live_url}/pelatihan/sesi/{session.pk}/hadir/")
    page.fill("input[name=code]", checkin.current_code(session))
    page.click("form.inline-form button[type=submit]")
    page.wait_for_selector("#attendance-status")
    assert "Hadir" in page.inner_text("#attendance-status")
    assert Attendance.objects.get(session=session).status == "present"

    quiz = journey["quiz"]
    page.goto(f"{live_url}/pelatihan/kuis/{quiz.pk}/")
    page.click("text=Mulai kuis")
    page.wait_for_selector("#attempt-form")
    html = page.content()
    assert "is_correct" not in html and "Pembahasan." not in html
    attempt = Attempt.objects.get(quiz=quiz)
    for item in attempt.items.all():
        right = Option.objects.get(question_id=item.question_id, is_correct=True)
        page.check(f"input[name=q{item.pk}][value='{item.option_order.index(right.pk) + 1}']")
    page.click("#submit-attempt")
    page.wait_for_selector("#result")
    assert "LULUS" in page.inner_text("#result")

    with page.expect_download() as download_info:
        page.click("#download-certificate")
    path = tmp_path / "sertifikat.pdf"
    download_info.value.save_as(path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "Rina Peserta" in text
    from training.models import Certificate

    assert Certificate.objects.get(attempt=attempt).document.code in text
