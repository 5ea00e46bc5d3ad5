"""Scoped reads: every selector takes the viewer and never returns what they may not see."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from accounts.access import can, employee_of, scoped
from registry.selectors import identifier_q
from workdays.deadlines import due_soon_horizon, overdue_q

from .models import Case, Evidence, FollowUpAction, Notification, ReportedPost

CLOSED = (Case.Status.FINAL, Case.Status.DISMISSED)
FULL_REFERENCE = re.compile(r"^[A-Za-z]+/\d{4}/\d{4,}$")

SORTS = {
    "reference": ("year", "number"),
    "-reference": ("-year", "-number"),
    "opened": ("opened_at", "id"),
    "-opened": ("-opened_at", "-id"),
    "due": ("due_date", "-id"),
    "-due": ("-due_date", "-id"),
    "name": ("employee__full_name", "id"),
    "-name": ("-employee__full_name", "id"),
    "status": ("status", "-id"),
}


def case_base_queryset() -> QuerySet:
    return Case.objects.select_related("employee", "employee__unit", "violation_type", "assigned_officer")


def cases_visible_to(user: Any) -> QuerySet:
    """Every case the viewer reaches: ``cases.view_all`` narrowed to their scope (accounts.access.ROLE_SCOPES)."""
    if not can(user, "cases.view_all"):
        return Case.objects.none()
    return scoped(case_base_queryset(), user, "cases.view_all")


def case_list_for(*, user: Any, filters: dict | None = None, sort: str = "") -> QuerySet:
    """Cases the viewer may list: everything for ``cases.view_all``, nothing otherwise."""
    qs = cases_visible_to(user)
    f = filters or {}
    if f.get("status"):
        qs = qs.filter(status=f["status"])
    if f.get("unit"):
        qs = qs.filter(employee__unit=f["unit"])
    if f.get("employee_status"):
        qs = qs.filter(employee_status=f["employee_status"])
    if f.get("violation_type"):
        qs = qs.filter(violation_type=f["violation_type"])
    if f.get("officer"):
        qs = qs.filter(assigned_officer=f["officer"])
    if f.get("overdue"):
        qs = qs.filter(overdue_q()).exclude(status__in=CLOSED)
    q = (f.get("q") or "").strip()
    if q:
        qs = qs.filter(_keyword(q))
    return qs.order_by(*SORTS.get(sort) or SORTS["-opened"])


def _keyword(q: str) -> Q:
    """Name, identifier or case number. Each condition is one an index answers on PostgreSQL: names through
    the trigram index on UPPER(full_name) (what ``icontains`` compiles to), identifiers by prefix, and case
    numbers (always upper-case ``NET/…``) only when the text looks like one, so that no OR spans two tables
    and forces a scan of every case."""
    if FULL_REFERENCE.match(q):
        return Q(reference=q.upper())  # the unique index; a trigram scan of "NET/2026/…" reads every row
    if "/" in q:
        return Q(reference__contains=q.upper())
    cond = Q(employee__full_name__icontains=q)
    by_identifier = identifier_q(q, via="employee")
    return cond | by_identifier if by_identifier else cond


def priority_cases_for(*, user: Any, limit: int = 10) -> list[Case]:
    """The viewer's own open cases (and those of officers they supervise) that are overdue or due soon,
    most urgent first. Shown above the list so the assigned officer and their supervisor see them first."""
    if not can(user, "cases.view_all"):
        return []
    horizon = due_soon_horizon()
    mine = Q(assigned_officer=user)
    emp = employee_of(user)
    if emp is not None and emp.subordinates.exists():
        mine |= Q(assigned_officer__employee__supervisor=emp)
    return list(
        cases_visible_to(user)
        .filter(mine, due_date__lte=horizon)
        .exclude(status__in=CLOSED)
        .order_by("due_date", "id")[:limit]
    )


def case_for(*, user: Any, pk: int) -> Case:
    return get_object_or_404(cases_visible_to(user), pk=pk)


def case_evidence_for(*, user: Any, case: Case) -> list[Evidence]:
    """Evidence of a (visible) case's posts."""
    if not can(user, "evidence.view"):
        return []
    return list(Evidence.objects.filter(post__in=case.posts.all()))


def follow_ups_for(*, user: Any, case: Case) -> list[FollowUpAction]:
    """A case's follow-up actions with their remedial training assignment (programme, due date, completion)
    in one query. Each row gets ``training_overdue``: assigned, not completed and past its due date."""
    if not can(user, "cases.view_all"):
        return []
    today = timezone.localdate()
    rows = list(
        FollowUpAction.objects.filter(case=case).select_related("training_assignment", "training_assignment__programme")
    )
    for f in rows:
        a = f.training_assignment
        f.training_overdue = bool(a and a.is_overdue(today))
    return rows


def employee_extras_for(*, user: Any, employee: Any) -> dict:
    """Context for the employee page's extra sections: their cases (status, decisions and sanctions),
    training assignments with completion, and certificates. Each part only for viewers who may see it;
    a fixed number of queries whatever the counts."""
    from django.db.models import Prefetch

    from .models import Decision

    ctx: dict[str, Any] = {"employee": employee, "show_cases": False, "show_training": False}
    if can(user, "cases.view_all"):
        ctx["show_cases"] = True
        ctx["cases"] = list(
            scoped(Case.objects.filter(employee=employee), user, "cases.view_all")
            .select_related("violation_type")
            .prefetch_related(Prefetch("decisions", queryset=Decision.objects.select_related("sanction_type")))
            .order_by("-opened_at", "-id")
        )
    if can(user, "training.reports") or can(user, "training.manage"):
        from training.models import Assignment, Certificate

        today = timezone.localdate()
        assignments = list(
            Assignment.objects.filter(employee=employee)
            .select_related("programme", "quiz", "pact")
            .order_by("-due_date", "-pk")
        )
        for a in assignments:
            a.overdue = a.is_overdue(today)
        ctx["show_training"] = True
        ctx["assignments"] = assignments
        ctx["certificates"] = list(Certificate.objects.filter(employee=employee).defer("pdf").order_by("-issued_at"))
    return ctx


def own_cases(*, user: Any) -> QuerySet:
    """The viewer's own cases as the employee concerned (staff self-service).

    A case becomes visible to the employee once they are formally summoned: intake and screening are
    internal, and a case dismissed before any summons was never put to them.
    """
    emp = employee_of(user)
    if emp is None:
        return Case.objects.none()
    return (
        Case.objects.filter(employee=emp)
        .exclude(status__in=[Case.Status.NEW, Case.Status.SCREENING])
        .exclude(status=Case.Status.DISMISSED, summons_1_date__isnull=True)
        .select_related("violation_type")
        .prefetch_related("decisions__sanction_type")
    )


def own_case(*, user: Any, pk: int) -> Case:
    return get_object_or_404(own_cases(user=user), pk=pk)


def _posts_visible_to(user: Any, capability: str) -> QuerySet:
    """Posts naming at least one employee in the viewer's scope (all posts for unscoped roles)."""
    if not can(user, capability):
        return ReportedPost.objects.none()
    return scoped(ReportedPost.objects.all(), user, capability, via="subjects__employee")


def employees_to_open_for(*, user: Any, post: ReportedPost) -> QuerySet:
    """Employees named in ``post`` that the viewer may open a case for and who have no live case from it yet."""
    from registry.models import Employee

    with_case = Case.objects.filter(posts=post).exclude(status=Case.Status.DISMISSED).values("employee_id")
    named = Employee.objects.filter(post_subjects__post=post).exclude(pk__in=with_case)
    return scoped(named, user, "cases.manage", via="")


def post_list_for(*, user: Any) -> QuerySet:
    return _posts_visible_to(user, "posts.view").select_related("reported_by").prefetch_related("subjects__employee")


def post_for(*, user: Any, pk: int) -> ReportedPost:
    return get_object_or_404(_posts_visible_to(user, "posts.view").select_related("reported_by", "election"), pk=pk)


def evidence_for(*, user: Any, pk: int) -> Evidence:
    posts = _posts_visible_to(user, "evidence.view")
    return get_object_or_404(Evidence.objects.select_related("post").filter(post__in=posts), pk=pk)


def notifications_for(*, user: Any) -> QuerySet:
    return Notification.objects.filter(user=user).select_related("case")


def unread_count(user: Any) -> int:
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(user=user, read_at__isnull=True).count()
