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
from django.db.models import Q, QuerySet
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


def holders(capability: str) -> QuerySet:
    """Active accounts holding ``capability`` through their groups, plus superusers when admins hold it
    (a superuser counts as an admin in roles_of). The one answer to "who may do X"."""
    from django.contrib.auth import get_user_model

    roles = CAPABILITIES[capability]
    reach = Q(groups__name__in=[ROLE_GROUPS[r] for r in roles])
    if ADMIN in roles:
        reach |= Q(is_superuser=True)
    found = get_user_model().objects.filter(reach, is_active=True).values("pk")
    return get_user_model().objects.filter(pk__in=found).order_by("first_name", "last_name", "username")


def members(role: str) -> QuerySet:
    """Active accounts in one role's group (superusers too for the admin role)."""
    from django.contrib.auth import get_user_model

    reach = Q(groups__name=ROLE_GROUPS[role]) | (Q(is_superuser=True) if role == ADMIN else Q(pk__in=[]))
    found = get_user_model().objects.filter(reach, is_active=True).values("pk")
    return get_user_model().objects.filter(pk__in=found).order_by("first_name", "last_name", "username")


def employee_of(user: Any):
    """The Employee record linked to this account, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    from registry.models import Employee

    return Employee.objects.filter(user=user).select_related("unit").first()


# --------------------------------------------------------------------------- scope: whose records a role reaches
#
# A capability says *what* a role may do; a scope says *whose* records it may do it to. Roles missing from
# ROLE_SCOPES reach every employee (today's officers). A scoped role maps to a function giving the employees
# whose records (employee page, cases, posts, evidence, letters, training records) it reaches; everything else
# answers 404. To add one (e.g. an "atasan langsung" who reaches only their subordinates), add the role to
# roles.py and CAPABILITIES, then one line here:
#     ROLE_SCOPES[SUPERVISOR] = lambda user: Employee.objects.filter(supervisor__user=user)
# Every scoped selector already goes through employee_scope()/scoped(), so no view changes.
ScopeRule = Callable[[Any], QuerySet]
ROLE_SCOPES: dict[str, ScopeRule] = {}


def _supervised_staff(user: Any) -> QuerySet:
    from registry.models import Employee

    return Employee.objects.filter(supervisor__user=user)


# The atasan langsung reaches only the employees whose Employee.supervisor is linked to their account.
ROLE_SCOPES[SUPERVISOR] = _supervised_staff


def employee_scope(user: Any, capability: str) -> QuerySet | None:
    """The employees whose records ``user`` reaches through ``capability``; None means every employee.

    Only the user's roles that hold the capability count: a supervisor who is also plain staff is scoped by
    the supervisor rule, not widened by the staff role (which does not hold the capability).
    """
    from registry.models import Employee

    roles = roles_of(user) & CAPABILITIES[capability]
    if not roles:
        return Employee.objects.none()
    if any(role not in ROLE_SCOPES for role in roles):
        return None
    reach = Q()
    for role in sorted(roles):
        reach |= Q(pk__in=ROLE_SCOPES[role](user).values("pk"))
    return Employee.objects.filter(reach)


def scoped(qs: QuerySet, user: Any, capability: str, via: str = "employee") -> QuerySet:
    """``qs`` narrowed to rows whose employee (reached through the lookup ``via``; "" for employees
    themselves) is in the user's scope for ``capability``. Multi-valued paths (``subjects__employee``) are
    matched through a subquery so rows never repeat."""
    scope = employee_scope(user, capability)
    if scope is None:
        return qs
    if not via:
        return qs.filter(pk__in=scope.values("pk"))
    if "__" in via:
        return qs.filter(pk__in=qs.model.objects.filter(**{f"{via}__in": scope.values("pk")}).values("pk"))
    return qs.filter(**{f"{via}__in": scope.values("pk")})


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
