"""Every screen of every role, as people meet them (issue 14), on the demo data in a real Chromium:

- staff and monitor pages fit a 360 px phone: nothing scrolls sideways (the page or a box inside it);
- every page, at 1280 px and at 360 px: no internal code
  (snake_case words), no English text in the Indonesian interface, and no serious or critical axe-core
  violation (every role, at 1280 px and at 360 px);
- the monitor reports a post from a phone, the photo taken with the camera input.

Each role logs in through the real allauth pages (two-factor step included) and follows its own links
(screens.crawl); a URL shape already checked for an earlier role at the same width is not checked again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from . import panduan, screens
from .conftest import demo_login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "hands" / "d0054_subhi_two_3_1528499009.07_pic00011.jpg"
# role (demo username) -> must its pages fit a phone (issue 14: staff and monitors are phone first)
ROLES = [("pegawai", True), ("monitor", True), ("pimpinan", False), ("petugas", False), ("admin", False)]
# Known and owned elsewhere, so not failed here: the legal-basis page lists rule keys and the tests proving each
# article by design (legal issue); the election form asks for JSON with a "ballot_number" key (registry issue).
WORDS_EXEMPT = (("/dasar-hukum/", ""), ("/pemilihan/", "ballot_number"), ("/pemilu/", "ballot_number"))


def _words_ok(report: screens.Report) -> screens.Report:
    kept = screens.Report(pages=report.pages)
    kept.findings = [
        f
        for f in report.findings
        if not any(
            path in f.url and word in f.problem and f.problem.startswith(("internal code", "English"))
            for path, word in WORDS_EXEMPT
        )
    ]
    return kept


def test_every_screen_fits_reads_indonesian_and_passes_axe(demo, _browser, live_url):
    report = screens.Report()
    for viewport in (screens.DESKTOP, screens.PHONE):
        checked: set[str] = set()
        for username, phone_first in ROLES:
            context = _browser.new_context(viewport=viewport, locale="id-ID")
            screens.install_axe(context)
            page = context.new_page()
            page.set_default_timeout(15_000)
            try:
                phone = viewport is screens.PHONE
                demo_login(
                    page, live_url, username, report, viewport["width"], shots=username == "petugas" and not phone
                )
                # at 360 px: fit for staff and monitors; axe on every page at both widths
                screens.crawl(page, live_url, [page.url], width=viewport["width"], report=report,
                              checked=checked, fit=phone_first and phone, axe=True)  # fmt: skip
                panduan.shoot(page, live_url, username, phone=phone)  # the guides' screenshots, regenerated
            finally:
                context.close()
    report = _words_ok(report)
    assert len(report.pages) >= 60, report.pages  # the crawl really went through the app
    assert not report.findings, f"{len(report.findings)} problems on {len(report.pages)} pages:\n{report.text()}"


def test_monitor_reports_a_post_from_a_phone_with_the_camera(demo, _browser, live_url):
    from cases.models import ReportedPost

    context = _browser.new_context(viewport=screens.PHONE, locale="id-ID", has_touch=True, is_mobile=True)
    screens.install_axe(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        report = screens.Report()
        demo_login(page, live_url, "monitor", report, 360)
        page.goto(f"{live_url}/kasus/unggahan/baru/")
        camera = page.locator("input#id_camera")
        assert camera.get_attribute("accept") == "image/*" and camera.get_attribute("capture") == "environment"
        page.select_option("select[name=platform]", index=1)
        page.fill("input[name=url]", "https://www.instagram.com/p/DariPonsel360/")
        page.fill("input[name=account_name]", "akun.dari.ponsel")
        camera.set_input_files(str(PHOTO))
        page.locator("form button[type=submit]", has_text="Simpan").click()
        page.wait_for_load_state("networkidle")
        screens.check_page(page, report, width=360)
        assert not report.findings, report.text()
        post = ReportedPost.objects.get(url__contains="DariPonsel360")
        assert post.evidence.count() == 1 and f"/kasus/unggahan/{post.pk}/" in page.url
    finally:
        context.close()


def test_pages_before_login_read_indonesian_and_pass_axe(_browser, live_url):
    """The allauth pages an anonymous visitor reaches (login, password reset, closed sign-up) at both widths."""
    report = screens.Report()
    for viewport in (screens.DESKTOP, screens.PHONE):
        context = _browser.new_context(viewport=viewport, locale="id-ID")
        screens.install_axe(context)
        page = context.new_page()
        try:
            for path in ("/accounts/login/", "/accounts/password/reset/", "/accounts/signup/"):
                page.goto(live_url + path)
                report.pages.append(page.url)
                screens.check_page(page, report, width=viewport["width"])
        finally:
            context.close()
    assert not report.findings, report.text()
