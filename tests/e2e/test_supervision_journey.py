"""The atasan langsung in a real browser: notified of a case about their staff, sees what the law asks and
by when, records the summons; another supervisor's duty stays out of reach."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from accounts.roles import HR, ROLE_GROUPS, SUPERVISOR
from tests.conftest import TOTP_SECRET, make_user
from tests.factories import EmployeeFactory, OrgUnitFactory

from .conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
GUIDE_IMG = Path(__file__).resolve().parents[2] / "docs" / "panduan" / "img"


@pytest.fixture
def world(settings, tmp_path):
    from django.apps import apps

    from cases import services
    from cases.catalogue import seed
    from cases.models import ViolationType

    settings.MEDIA_ROOT = str(tmp_path / "media")
    for name in ROLE_GROUPS.values():
        Group.objects.get_or_create(name=name)
    seed(apps)
    officer = make_user("e2e_petugas_atasan", HR, totp=True)
    boss_user = make_user("e2e_atasan", SUPERVISOR, totp=True)
    unit = OrgUnitFactory(code="E2E-SD", name="Dinas Pendidikan")
    boss = EmployeeFactory(full_name="Sri Wahyuni", unit=unit, user=boss_user, position="Kepala Sekolah")
    teacher = EmployeeFactory(full_name="Bambang Sutrisno", unit=unit, supervisor=boss, position="Guru")
    stranger = EmployeeFactory(full_name="Orang Lain", unit=unit, supervisor=EmployeeFactory(unit=unit))
    vt = ViolationType.objects.get(code="SKB-05")
    cases = []
    for i, person in enumerate((teacher, stranger)):
        post, _d, _r = services.report_post(acting_user=officer, platform="facebook",
                                            url=f"https://facebook.com/p/e2e-atasan-{i}", employees=[person])  # fmt: skip
        cases += services.open_cases(post=post, employees=[person], acting_user=officer, violation_type=vt)
    return {"mine": cases[0], "theirs": cases[1]}


def test_supervisor_sees_duty_and_clock_and_records_the_summons(browser_page, live_url, world):
    from cases.models import SupervisorDuty

    page = browser_page
    login(page, live_url, "e2e_atasan", "Rahasia-Uji-123", TOTP_SECRET)
    page.click("nav.mainnav a:has-text('Notifikasi')")
    page.wait_for_load_state("networkidle")
    assert "wajib memanggil" in page.content() and world["mine"].reference in page.content()
    page.click("nav.mainnav a:has-text('Tugas atasan')")
    page.wait_for_load_state("networkidle")
    body = page.locator("main").inner_text()
    duty = SupervisorDuty.objects.get(case=world["mine"])
    assert world["mine"].reference in body and duty.due_on.strftime("%d-%m-%Y") in body
    assert world["theirs"].reference not in body
    GUIDE_IMG.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(GUIDE_IMG / "atasan-tugas.png"))
    page.click(f"a:has-text('{world['mine'].reference}')")
    page.wait_for_load_state("networkidle")
    assert "Yang diwajibkan kepada Anda" in page.content()
    from workdays.calendar import Calendar

    today = duty.notified_on
    page.fill("input[name=summoned_on]", today.isoformat())
    page.fill("input[name=examination_on]", Calendar().add_working_days(today, 7).isoformat())
    page.click("button:has-text('Catat panggilan')")
    page.wait_for_load_state("networkidle")
    assert "Tersimpan" in page.content() and "Bawahan telah dipanggil" in page.content()
    page.screenshot(path=str(GUIDE_IMG / "atasan-detail.png"), full_page=True)
    theirs = SupervisorDuty.objects.get(case=world["theirs"])
    response = page.goto(f"{live_url}/kasus/atasan/{theirs.pk}/")
    assert response.status == 404
