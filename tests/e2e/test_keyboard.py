"""Keyboard only through the main flows (issue 14): a staff member logs in past the skip link and signs the
integrity pact; an officer reaches a case section from the case page's section links. No mouse."""

from __future__ import annotations

import pytest

from . import screens
from .conftest import demo_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _tab_to(page, text: str, limit: int = 80) -> None:
    """Press Tab until the focused element's text contains ``text``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => (document.activeElement.innerText || document.activeElement.value || '')")
        if text in focused:
            return
    raise AssertionError(f"{text!r} is not reachable with Tab")


def _tab_to_field(page, name: str, limit: int = 80) -> None:
    """Press Tab until the form field named ``name`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.getAttribute('name')") == name:
            return
    raise AssertionError(f"field {name!r} is not reachable with Tab")


def test_staff_logs_in_and_signs_the_pact_with_the_keyboard(demo, _browser, live_url):
    from training.models import IntegrityPact, PactAcknowledgement

    context = _browser.new_context(viewport=screens.PHONE, locale="id-ID")
    page = context.new_page()
    try:
        page.goto(f"{live_url}/accounts/login/")
        page.keyboard.press("Tab")  # the skip link comes first
        assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#isi"
        _tab_to_field(page, "login")
        page.keyboard.type("pegawai")
        page.keyboard.press("Tab")
        page.keyboard.type("Pegawai-Netral-2024")
        page.keyboard.press("Enter")
        page.wait_for_url("**/saya/")
        pact = IntegrityPact.objects.order_by("pk").first()
        page.goto(f"{live_url}/pelatihan/pakta/{pact.pk}/")
        _tab_to_field(page, "agree")
        page.keyboard.press("Space")
        _tab_to(page, "Tandatangani")
        page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
        assert PactAcknowledgement.objects.filter(pact=pact, employee__user__username="pegawai").exists()
    finally:
        context.close()


def test_officer_jumps_to_a_case_section_with_the_keyboard(demo, _browser, live_url):
    from cases.models import Case

    context = _browser.new_context(viewport=screens.DESKTOP, locale="id-ID")
    screens.install_axe(context)
    page = context.new_page()
    try:
        demo_login(page, live_url, "petugas", screens.Report(), 1280)
        case = Case.objects.filter(assigned_officer__username="petugas").order_by("pk").first()
        page.goto(f"{live_url}/kasus/{case.pk}/")
        _tab_to(page, "Riwayat")
        page.keyboard.press("Enter")
        assert page.url.endswith("#riwayat")
        box = page.evaluate("() => document.getElementById('riwayat').getBoundingClientRect().toJSON()")
        assert box["top"] < page.viewport_size["height"] and box["bottom"] > 0  # the history is on screen
        summary = page.evaluate("() => document.querySelector('.case-summary').getBoundingClientRect().top")
        assert summary >= 0  # and the summary (status, deadline, next step, people) is still in view
    finally:
        context.close()
