"""Access rules: the one module that says who may do what.

Views never test group names themselves. They declare a capability with
``@capability_required("...")`` (or ``CapabilityRequiredMixin``) and fetch objects
through the scoped selectors of their app, which call ``can()`` and ``employee_of()``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .roles import ADMIN, HR, LEADER, MONITOR, ROLE_GROUPS, STAFF, SUPERVISOR

# capability -> roles that hold it
CAPABILITIES: dict[str, frozenset[str]] = {
    "dashboard.view": frozenset({ADMIN, HR, MONITOR, LEADER}),
    "employees.view": frozenset({ADMIN, HR, LEADER}),
    "employees.edit": frozenset({ADMIN, HR}),
    "employees.import": frozenset({ADMIN, HR}),
    "elections.view": frozenset({ADMIN, HR, MONITOR, LEADER}),
    "elections.edit": frozenset({ADMIN}),
    "posts.report": frozenset({ADMIN, HR, MONITOR}),
    "posts.view": frozenset({ADMIN, HR, MONITOR, LEADER}),
    "cases.view_all": frozenset({ADMIN, HR, LEADER}),
    "cases.manage": frozenset({ADMIN, HR}),
    "cases.export": frozenset({ADMIN, HR, LEADER}),
    "evidence.view": frozenset({ADMIN, HR, MONITOR, LEADER}),
    "detection.review": frozenset({ADMIN, HR}),
    "letters.draft": frozenset({ADMIN, HR}),
    "letters.view_all": frozenset({ADMIN, HR, LEADER}),
    "letters.verify": frozenset({ADMIN, HR, LEADER}),
    "letters.sign": frozenset({LEADER}),
    "letterhead.edit": frozenset({ADMIN}),
    "training.manage": frozenset({ADMIN, HR}),
    "training.reports": frozenset({ADMIN, HR, LEADER}),
    "training.take": frozenset({ADMIN, HR, MONITOR, LEADER, STAFF, SUPERVISOR}),
    "catalogue.edit": frozenset({ADMIN}),
    "legal.view": frozenset({ADMIN, HR, LEADER}),
    "calendar.edit": frozenset({ADMIN}),
    "self.view": frozenset({STAFF, ADMIN, HR, MONITOR, LEADER, SUPERVISOR}),
    # Atasan langsung (PP 94/2021): only the duties for their own staff, through cases.supervision selectors.
    "supervision.view": frozenset({SUPERVISOR}),
    "supervision.record": frozenset({SUPERVISOR}),
    "cases.assign": frozenset({ADMIN, HR}),
    "cases.decide": frozenset({ADMIN, HR}),
    "cases.dismiss": frozenset({ADMIN, HR}),
    "accounts.link": frozenset({ADMIN, HR}),
    "cases.refer": frozenset({ADMIN, HR}),  # referral bundles to BKN/Bawaslu, recommendation follow-up
    "reports.triage": frozenset({ADMIN, HR, MONITOR}),  # the public-report queue
}


def roles_of(user: Any) -> frozenset[str]:
    """Role codes of a user, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_netralitas_roles", None)
    if cached is None:
        names = {name: code for code, name in ROLE_GROUPS.items()}
        cached = frozenset(names[g] for g in user.groups.values_list("name", flat=True) if g in names)
        if user.is_superuser:
            cached = cached | {ADMIN}
        user._netralitas_roles = cached
    return cached


def has_role(user: Any, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def can(user: Any, capability: str) -> bool:
    if capability not in CAPABILITIES:
        raise KeyError(f"Unknown capability {capability!r}")
    return bool(roles_of(user) & CAPABILITIES[capability])


def employee_of(user: Any):
    """The Employee record linked to this account, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    from registry.models import Employee

    return Employee.objects.filter(user=user).select_related("unit").first()


def require(user: Any, capability: str) -> None:
    if not can(user, capability):
        raise PermissionDenied


def capability_required(capability: str) -> Callable:
    """View decorator: anonymous -> login page, authenticated without the capability -> 403."""
    if capability not in CAPABILITIES:
        raise KeyError(f"Unknown capability {capability!r}")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            require(request.user, capability)
            return view(request, *args, **kwargs)

        wrapped.capability = capability  # read by the permission-matrix test
        return wrapped

    return decorator


class CapabilityRequiredMixin(LoginRequiredMixin):
    capability: str = ""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, self.capability)
        return super().dispatch(request, *args, **kwargs)
