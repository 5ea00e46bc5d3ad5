"""Every view of ours, every role: the permission matrix is derived from accounts.access.CAPABILITIES.

For each URL pattern of our apps the view must declare a capability (``@capability_required`` or
``CapabilityRequiredMixin``) unless it is listed as public. Then, for each role:
anonymous -> redirect to login; a role without the capability -> 403; a role with it -> anything but
403 (404 for a made-up object id is fine: it proves the capability gate let it through).
"""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.access import CAPABILITIES
from accounts.roles import ALL_ROLES
from tests.conftest import make_user

OUR_NAMESPACES = {"cases", "detection", "legal", "letters", "training", "outreach"}
OUR_TOP_LEVEL = {"home", "dashboard", "my_home", "shared_media"}
# Public by design: the document verification page, health probe, QR check-in landing (login enforced inside),
# the citizen report form, its tracking page and the public figures.
PUBLIC = {
    "health",
    "verify_document",
    "verify_lookup",
    "outreach:report",
    "outreach:track",
    "outreach:statistics",
    "outreach:statistics_json",
    "outreach:statistics_csv",
}
# Views that only require a login (their selectors scope data to the user) rather than a capability.
LOGIN_ONLY = {"home", "shared_media"}  # shared_media: symbols, logos, training materials


def _walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield namespace, p, prefix + str(p.pattern)


def _capability(callback):
    cap = getattr(callback, "capability", None)
    if cap is None and hasattr(callback, "view_class"):
        cap = getattr(callback.view_class, "capability", None)
    return cap


def _fill(route: str) -> str:
    """Turn a route into a concrete path with made-up ids/codes."""
    route = re.sub(r"<int:[^>]+>", "999999", route)
    route = re.sub(r"<uuid:[^>]+>", "00000000-0000-0000-0000-000000000000", route)
    route = re.sub(r"<(?:str|slug|path):[^>]+>|<[^:>]+>", "zzz-none", route)
    return "/" + route.lstrip("^").rstrip("$")


def our_views():
    out = []
    for namespace, pattern, route in _walk(get_resolver().url_patterns):
        name = pattern.name
        if namespace in OUR_NAMESPACES or (namespace is None and name in OUR_TOP_LEVEL | PUBLIC):
            out.append((f"{namespace}:{name}" if namespace else name, pattern.callback, _fill(route)))
    return out


VIEWS = our_views()


def test_there_are_views_to_check():
    assert len(VIEWS) >= 4


@pytest.mark.parametrize("name,callback,path", VIEWS, ids=[v[0] for v in VIEWS])
def test_every_view_declares_a_capability(name, callback, path):
    if name in PUBLIC or name in LOGIN_ONLY:
        return
    cap = _capability(callback)
    assert cap in CAPABILITIES, f"{name} ({path}) has no @capability_required / CapabilityRequiredMixin"


def _request(client, path):
    response = client.get(path)
    if response.status_code == 405:
        response = client.post(path, {})
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("name,callback,path", VIEWS, ids=[v[0] for v in VIEWS])
def test_role_matrix(client, name, callback, path):
    if name in PUBLIC:
        return
    cap = _capability(callback)
    response = _request(client, path)
    assert response.status_code in (302, 401), f"anonymous got {response.status_code} on {name}"
    if response.status_code == 302:
        assert "/accounts/login/" in response["Location"]
    for role in ALL_ROLES:
        user = make_user(f"matrix_{role}", role, totp=True)
        client.force_login(user)
        response = _request(client, path)
        allowed = cap is None or role in CAPABILITIES[cap]
        if allowed:
            assert response.status_code != 403, f"{role} should reach {name} ({cap}) but got 403"
        else:
            assert response.status_code in (403, 404), (
                f"{role} must not reach {name} ({cap}); got {response.status_code}"
            )
        client.logout()
    # A logged-in user with no role at all gets nothing but the login-only pages.
    nobody = make_user("matrix_nobody", None)
    client.force_login(nobody)
    response = _request(client, path)
    if cap is not None:
        assert response.status_code in (403, 404), f"role-less user reached {name}: {response.status_code}"
