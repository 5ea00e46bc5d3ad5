"""Log in over HTTP the way a browser does (allauth form, then the TOTP step for officers and leaders).

Works with any ``requests.Session``, including locust's ``HttpSession``; used by the load scenario and by the
many-hosts test.
"""

from __future__ import annotations

import re
from typing import Any

import pyotp

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def csrf(html: str) -> str:
    found = CSRF.search(html)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def login(session: Any, base: str, username: str, password: str, totp_secret: str = "", **kw: Any) -> Any:
    """Returns the response after login; raises RuntimeError if the login did not get through."""
    url = f"{base}/accounts/login/"
    page = session.get(url, **kw)
    r = session.post(
        url,
        data={"csrfmiddlewaretoken": csrf(page.text), "login": username, "password": password},
        headers={"Referer": url},
        **kw,
    )
    if "/2fa/authenticate" in r.url:
        if not totp_secret:
            raise RuntimeError(f"{username} needs a TOTP secret")
        r = session.post(
            r.url,
            data={"csrfmiddlewaretoken": csrf(r.text), "code": pyotp.TOTP(totp_secret).now()},
            headers={"Referer": r.url},
            **kw,
        )
    if "/accounts/login" in r.url or "/2fa/" in r.url or r.status_code >= 400:
        raise RuntimeError(f"login of {username} failed: {r.status_code} {r.url}")
    return r
