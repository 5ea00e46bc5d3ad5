"""A citizen reports a post through the public form (proof-of-work solved by static/outreach/pow.js in
Chromium), follows it with the tracking code; a monitor takes it up from the queue and names the employee;
an officer opens the case; the anonymous statistics page shows figures without names."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from accounts.roles import HR, MONITOR, ROLE_GROUPS
from tests.conftest import TOTP_SECRET, make_user
from tests.factories import ElectionFactory, EmployeeFactory, OrgUnitFactory

from .conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "Rahasia-Uji-123"
PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "hands" / "d0054_subhi_two_3_1528499009.07_pic00011.jpg"
POST_URL = "https://www.instagram.com/p/CitizenReport123/"


@pytest.fixture
def world(settings, tmp_path):
    from django.apps import apps
    from django.core.cache import cache

    from cases.catalogue import seed

    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PUBLIC_REPORT_POW_BITS = 12  # real work for pow.js, a second at most
    cache.clear()
    for name in ROLE_GROUPS.values():
        Group.objects.get_or_create(name=name)
    seed(apps)
    make_user("e2e_pemantau", MONITOR)
    make_user("e2e_petugas", HR, totp=True)
    unit = OrgUnitFactory(code="E2E-KEC", name="Kecamatan Selatan")
    return {
        "employee": EmployeeFactory(full_name="Bambang Sutrisno", nip="198507152010011003", unit=unit),
        "election": ElectionFactory(name="Pilkada Sukamaju 2024", region="Kabupaten Sukamaju"),
    }


def _track(page, live_url: str, code: str) -> str:
    page.goto(f"{live_url}/pengaduan/lacak/")
    page.fill("input[name=code]", code)
    page.click("main form button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page.locator("#report-status").inner_text()


def test_citizen_reports_monitor_takes_it_up_officer_opens_a_case(browser_page, live_url, world):
    from cases.models import Case, ReportedPost

    page = browser_page
    console_errors: list[str] = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)

    # 1. a citizen, not logged in, reports the post with a screenshot
    page.goto(f"{live_url}/pengaduan/")
    page.select_option("select[name=platform]", "instagram")
    page.fill("input[name=url]", POST_URL)
    page.fill("textarea[name=description]", "Pegawai kecamatan berpose dua jari bersama calon nomor 2.")
    page.set_input_files("input[name=screenshot]", str(PHOTO))
    page.click("#public-report button[type=submit]")
    page.wait_for_selector("#tracking-code", timeout=60_000)
    code = page.locator("#tracking-code").inner_text()
    assert len(code) == 14 and "Bambang" not in page.content()
    assert _track(page, live_url, code) == "Status laporan: Diterima"
    post = ReportedPost.objects.get()
    assert post.get_source_display() == "Pengaduan masyarakat" and post.evidence.count() == 1

    # 2. the monitor sees it in the queue, takes it up and names the employee
    monitor = page.context.browser.new_context(locale="id-ID").new_page()
    login(monitor, live_url, "e2e_pemantau", PASSWORD)
    monitor.click("nav.mainnav >> text=Pengaduan masyarakat")
    row = monitor.locator("tr", has_text="instagram.com/p/CitizenReport123")
    assert row.locator("td.count").inner_text() == "1"
    row.locator("button:has-text('Telaah')").click()
    monitor.wait_for_url(f"**/kasus/unggahan/{post.pk}/")
    monitor.fill("#people-q", "Bambang")
    option = monitor.locator(f"#people-options input[name=employees][value='{world['employee'].pk}']")
    option.wait_for()
    option.check()
    monitor.click("button:has-text('Tambah pegawai')")
    monitor.wait_for_load_state("networkidle")
    assert "Bambang Sutrisno" in monitor.content()
    assert _track(page, live_url, code) == "Status laporan: Sedang ditelaah"

    # 3. the officer confirms the employee and opens the case; the case page offers the referral bundle
    officer = page.context.browser.new_context(locale="id-ID").new_page()
    login(officer, live_url, "e2e_petugas", PASSWORD, totp_secret=TOTP_SECRET)
    officer.goto(f"{live_url}/kasus/unggahan/{post.pk}/")
    open_form = officer.locator("form[action$='/buka-kasus/']")
    open_form.locator(f"input[name=employees][value='{world['employee'].pk}']").check()
    open_form.locator("button[type=submit]").click()
    officer.wait_for_load_state("networkidle")
    case = Case.objects.get(employee=world["employee"])
    officer.goto(f"{live_url}/kasus/{case.pk}/")
    assert officer.locator("button:has-text('Buat berkas rujukan')").count() == 1
    assert _track(page, live_url, code) == "Status laporan: Ditangani"
    assert "Bambang" not in page.content() and case.reference not in page.content()
    assert not [e for e in console_errors if "Content Security Policy" in e], console_errors
    monitor.context.close()
    officer.context.close()


def test_anonymous_statistics_page(browser_page, live_url, world):
    page = browser_page
    page.goto(f"{live_url}/statistik/")
    assert page.locator("h1").inner_text() == "Statistik penegakan netralitas ASN"
    assert page.locator("select#pemilihan option").first.inner_text().startswith("Pilkada Sukamaju 2024")
    assert page.locator("section.stats-table h2").all_inner_texts() == [
        "Bulan kasus dibuka",
        "Jenis perangkat daerah",
        "Kategori pelanggaran (SKB 2022)",
    ]
    with page.expect_download() as download:
        page.click("text=Unduh CSV")
    assert download.value.suggested_filename == f"statistik-netralitas-{world['election'].pk}.csv"
