"""The e2e harness fails a test on any Content Security Policy violation; prove the guard sees one."""

from __future__ import annotations

import pytest

from .conftest import is_csp_violation

pytestmark = pytest.mark.e2e


def test_an_inline_script_under_our_policy_is_reported(_browser, live_url):
    from django.test import Client

    policy = Client().get("/accounts/login/")["Content-Security-Policy"]
    context = _browser.new_context()
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda msg: messages.append(msg.text))
    html = "<html><body><p style='color:red'>x</p><script>document.title='ran'</script></body></html>"
    page.route(
        f"{live_url}/csp-probe",
        lambda route: route.fulfill(
            status=200, body=html, headers={"Content-Type": "text/html", "Content-Security-Policy": policy}
        ),
    )
    page.goto(f"{live_url}/csp-probe")
    page.wait_for_timeout(200)
    assert page.title() != "ran"  # the inline script was blocked
    assert any(is_csp_violation(m) for m in messages), messages
    context.close()


def test_the_login_page_has_no_violation(browser_page, live_url):
    browser_page.goto(f"{live_url}/accounts/login/")
    browser_page.wait_for_load_state("networkidle")
