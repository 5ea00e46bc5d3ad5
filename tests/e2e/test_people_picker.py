"""Issue 14 point 14: a late search result must not drop a tick made while it was on its way."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from accounts.roles import MONITOR, ROLE_GROUPS
from tests.conftest import make_user
from tests.factories import EmployeeFactory, OrgUnitFactory

from .conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "Rahasia-Uji-123"


def test_a_late_search_result_keeps_every_tick(browser_page, live_url):
    for name in ROLE_GROUPS.values():  # a transactional test may follow a flush of the seeded groups
        Group.objects.get_or_create(name=name)
    make_user("e2e_pemantau", MONITOR)
    unit = OrgUnitFactory(code="E2E-PICK", name="Dinas Pendidikan")
    first = EmployeeFactory(full_name="Bambang Sutrisno", unit=unit)
    second = EmployeeFactory(full_name="Bambang Hartono", unit=unit)
    page = browser_page
    login(page, live_url, "e2e_pemantau", PASSWORD)
    page.goto(f"{live_url}/kasus/unggahan/baru/")

    def box(employee):
        return page.locator(f"#people-options input[name=employees][value='{employee.pk}']")

    page.fill("#people-q", "Bambang")
    box(second).wait_for()
    box(first).check()

    held = []  # the next search is held back until the second person has been ticked
    page.route("**/cari-pegawai/**", lambda route: held.append(route))
    page.fill("#people-q", "Bambang Hart")
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the search request was not sent"
    box(second).check()  # ticked while the request (sent with only the first tick) is on its way
    held[0].continue_()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)

    assert box(first).is_checked() and box(second).is_checked()
    assert page.locator("#people-options input[name=employees]:checked").count() == 2
