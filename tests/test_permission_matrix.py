"""Every view of ours, every role: the permission matrix is derived from accounts.access.CAPABILITIES.

For each URL pattern of our apps the view must declare a capability (``@capability_required`` or
``CapabilityRequiredMixin``) unless it is listed as public. Then, for each role:
anonymous -> redirect to login; a role without the capability -> 403; a role with it -> anything but
403 (404 for a made-up object id is fine: it proves the capability gate let it through).

Routes naming an employee's record (employee, case, post, letter) get the REAL id of such a record in
another unit than the staff persona's, so a view that skipped its scoped selector would show it to the
wrong role (tests/test_scoped_access.py checks the unit scope itself).
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


def _fill(route: str, pk: int = 999999) -> str:
    """Turn a route into a concrete path with made-up ids/codes (or the given real id)."""
    route = re.sub(r"<int:[^>]+>", str(pk), route)
    route = re.sub(r"<uuid:[^>]+>", "00000000-0000-0000-0000-000000000000", route)
    route = re.sub(r"<(?:str|slug|path):[^>]+>|<[^:>]+>", "zzz-none", route)
    return "/" + route.lstrip("^").rstrip("$")


def our_views():
    out = []
    for namespace, pattern, route in _walk(get_resolver().url_patterns):
        name = pattern.name
        if namespace in OUR_NAMESPACES or (namespace is None and name in OUR_TOP_LEVEL | PUBLIC):
            out.append((f"{namespace}:{name}" if namespace else name, pattern.callback, route))
    return out


@pytest.fixture
def records(db):
    """One real record of each kind, belonging to an employee of another unit than the staff persona's."""
    from cases.models import Case, ReportedPost, ViolationType
    from letters import drafting, services
    from letters.kinds import LetterKind
    from letters.models import Letterhead
    from tests.factories import EmployeeFactory, OrgUnitFactory

    author = make_user("matrix_author", "admin")
    signer = make_user("matrix_signer", "leader")  # the letter needs a signer: the employee's supervisor
    other_unit = OrgUnitFactory(code="LAIN", name="Unit lain")
    employee = EmployeeFactory(unit=other_unit, supervisor=EmployeeFactory(unit=other_unit, user=signer))
    post = ReportedPost.objects.create(platform="facebook", url="https://facebook.com/p/matrix", reported_by=author)
    post.subjects.create(employee=employee)
    case = Case.objects.create(
        reference="NTR-2024-0999", year=2024, number=999, employee=employee, employee_status=employee.status,
        violation_type=ViolationType.objects.first(), opened_by=author, summary="matrix",
    )  # fmt: skip
    case.posts.add(post)
    letterhead = Letterhead.objects.create(government="PEMKAB", agency="BKPSDM", address="Jl. 1", city="X",
                                           unit_code="BKPSDM", is_default=True)  # fmt: skip
    data = drafting.initial_for(kind=LetterKind.COACHING, case=case, letterhead=letterhead)
    data.setdefault("signer", signer)
    letter = services.create_draft(acting_user=author, data=data)
    return {"employee": employee.pk, "post": post.pk, "case": case.pk, "letter": letter.pk}


def _path(name: str, route: str, records: dict) -> str:
    from tests.test_scoped_access import _kind

    kind = _kind(name)
    return _fill(route, records[kind]) if kind in records else _fill(route)


VIEWS = our_views()


def test_there_are_views_to_check():
    assert len(VIEWS) >= 4


@pytest.mark.parametrize("name,callback,route", VIEWS, ids=[v[0] for v in VIEWS])
def test_every_view_declares_a_capability(name, callback, route):
    path = _fill(route)
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
@pytest.mark.parametrize("name,callback,route", VIEWS, ids=[v[0] for v in VIEWS])
def test_role_matrix(client, records, name, callback, route):
    if name in PUBLIC:
        return
    path = _path(name, route, records)
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
