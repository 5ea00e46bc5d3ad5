import pytest

from accounts.roles import HR, STAFF
from tests.conftest import TOTP_SECRET, make_user

from .conftest import login, totp_now

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_officer_logs_in_with_totp_and_lands_on_dashboard(browser_page, live_url):
    make_user("petugas_e2e", HR, totp=True)
    page = browser_page
    page.goto(f"{live_url}/")
    assert "/accounts/login/" in page.url
    page.fill("input[name=login]", "petugas_e2e")
    page.fill("input[name=password]", "Rahasia-Uji-123")
    page.click("form button[type=submit]")
    page.wait_for_url("**/2fa/authenticate/**")
    page.fill("input[name=code]", totp_now(TOTP_SECRET))
    page.click("form button[type=submit]")
    page.wait_for_url("**/dasbor/")
    assert page.locator("h1").first.inner_text() == "Dasbor"
    assert page.locator("nav.mainnav a", has_text="Dasbor").count() == 1


def test_wrong_totp_code_keeps_officer_out(browser_page, live_url):
    make_user("petugas_e2e2", HR, totp=True)
    page = browser_page
    page.goto(f"{live_url}/accounts/login/")
    page.fill("input[name=login]", "petugas_e2e2")
    page.fill("input[name=password]", "Rahasia-Uji-123")
    page.click("form button[type=submit]")
    page.wait_for_url("**/2fa/authenticate/**")
    page.fill("input[name=code]", "000000" if totp_now(TOTP_SECRET) != "000000" else "111111")
    page.click("form button[type=submit]")
    assert "/2fa/authenticate" in page.url
    page.goto(f"{live_url}/dasbor/")
    assert "/dasbor/" not in page.url  # still at the login or the code step
    assert "/accounts/" in page.url


def test_staff_logs_in_by_email_and_lands_on_own_home(browser_page, live_url):
    make_user("pegawai_e2e", STAFF)
    login(browser_page, live_url, "pegawai_e2e@example.go.id", "Rahasia-Uji-123")
    assert browser_page.url.endswith("/saya/")
    assert browser_page.locator("nav.mainnav a", has_text="Dasbor").count() == 0
