"""End-to-end harness: Playwright driving Debian's Chromium against a live Django server.

No browser is downloaded: Playwright launches /usr/bin/chromium (override with CHROMIUM_PATH).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import TOTP_SECRET, service_missing

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", "test-artifacts"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def totp_now(secret: str = TOTP_SECRET) -> str:
    import pyotp

    return pyotp.TOTP(secret).now()


@pytest.fixture(scope="session")
def _browser():
    if not Path(CHROMIUM).exists():
        service_missing(f"Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_url(live_server) -> str:
    return live_server.url


# Chromium reports every blocked script, handler or style on the console ("Refused to ... because it
# violates the following Content Security Policy directive"); the page also fires securitypolicyviolation.
CSP_RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


def is_csp_violation(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture
def browser_page(_browser, request):
    context = _browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    page.set_default_timeout(15_000)
    violations: list[str] = []
    page.on("console", lambda msg: violations.append(f"{page.url}: {msg.text}") if is_csp_violation(msg.text) else None)

    yield page
    try:  # what the last page recorded itself (the console has the earlier pages' reports)
        violations.extend(f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations || []"))
    except Exception:  # noqa: BLE001, S110  (a page that is closing has nothing to give)
        pass
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    if violations:
        pytest.fail("Content Security Policy violations:\n" + "\n".join(dict.fromkeys(violations)))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def answer_totp(page, secret: str) -> None:
    """Answer the two-factor step. allauth refuses a code already used in its 30-second window (the same account
    logging in twice within it, e.g. at two widths), so a refused code is retried once in the next window."""
    import time

    for attempt in range(2):
        page.fill("input[name=code]", totp_now(secret))
        page.click("form button[type=submit]")
        page.wait_for_load_state("networkidle")
        if "/2fa/authenticate" not in page.url or attempt:
            return
        time.sleep(30 - time.time() % 30 + 1)


def login(page, live_url: str, username: str, password: str, totp_secret: str | None = None) -> None:
    """Log in through the real allauth pages, answering the TOTP step when asked."""
    page.goto(f"{live_url}/accounts/login/")
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if "/2fa/authenticate" in page.url:
        assert totp_secret, "this account asks for a TOTP code"
        answer_totp(page, totp_secret)


@pytest.fixture
def demo(settings, tmp_path):
    """The demo data of `./dev run` (seed_demo), on a flushed test database."""
    from io import StringIO

    from django.apps import apps
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from accounts.roles import ROLE_GROUPS
    from cases.catalogue import seed

    settings.MEDIA_ROOT = str(tmp_path / "media")
    for name in ROLE_GROUPS.values():  # a transactional test may follow a flush of the seeded groups
        Group.objects.get_or_create(name=name)
    seed(apps)
    call_command("seed_demo", stdout=StringIO())


def demo_login(page, base: str, username: str, report, width: int, shots: bool = False) -> None:
    """Log a demo account in through the real pages, checking the login and two-factor screens on the way."""
    from accounts.demo import DEMO_ACCOUNTS

    from . import panduan, screens

    account = next(a for a in DEMO_ACCOUNTS if a.username == username)
    page.goto(f"{base}/accounts/login/")
    screens.check_page(page, report, width=width)
    if shots and panduan.enabled():
        page.screenshot(path=str(panduan.OUT / "login.png"))
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", account.password)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if "/2fa/authenticate" in page.url:
        screens.check_page(page, report, width=width)
        if shots and panduan.enabled():
            page.screenshot(path=str(panduan.OUT / "login-2fa.png"))
        answer_totp(page, account.totp_secret)
    assert "/accounts/" not in page.url, f"{username} did not get in: {page.url}"
