"""Compliance selectors: every figure is aggregated in the database (a handful of queries whatever the size)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.access import scoped
from registry.models import Employee

from .models import Assignment, Campaign

STATUS_LABELS = dict(Employee.Status.choices)


def _counts(today: dt.date) -> dict:
    return {
        "total": Count("id"),
        "done": Count("id", filter=Q(completed_at__isnull=False)),
        "started": Count("id", filter=Q(started_at__isnull=False)),
        "overdue": Count("id", filter=Assignment.overdue_q(today)),
        "quiz_started": Count(
            "id", filter=Q(started_at__isnull=False) & (Q(quiz__isnull=False) | Q(programme__quiz__isnull=False))
        ),
        "quiz_passed": Count(
            "id", filter=Q(completed_at__isnull=False) & (Q(quiz__isnull=False) | Q(programme__quiz__isnull=False))
        ),
    }


def _rates(row: dict) -> dict:
    row["pending"] = row["total"] - row["done"]
    row["completion_pct"] = round(100 * row["done"] / row["total"], 1) if row["total"] else 0.0
    row["pass_pct"] = round(100 * row["quiz_passed"] / row["quiz_started"], 1) if row["quiz_started"] else None
    return row


def assignments_for(
    *, user: Any, campaign: Campaign | None = None, unit_ids: list[int] | None = None, status: str = ""
):
    """Assignments of active employees in the viewer's scope for ``training.reports``."""
    qs = scoped(Assignment.objects.filter(employee__is_active=True), user, "training.reports")
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    if unit_ids:
        qs = qs.filter(employee__unit_id__in=unit_ids)
    if status:
        qs = qs.filter(employee__status=status)
    return qs


def compliance_summary(
    *, user: Any, campaign: Campaign | None = None, unit_ids: list[int] | None = None, status: str = ""
):
    today = timezone.localdate()
    base = assignments_for(user=user, campaign=campaign, unit_ids=unit_ids, status=status)
    counts = _counts(today)
    overall = _rates(base.aggregate(**counts))
    by_unit = [
        _rates(dict(row))
        for row in base.values("employee__unit_id", "employee__unit__name", "employee__unit__code")
        .annotate(**counts)
        .order_by("employee__unit__name")
    ]
    by_status = [
        _rates({**row, "label": str(STATUS_LABELS.get(row["employee__status"], row["employee__status"]))})
        for row in base.values("employee__status").annotate(**counts).order_by("employee__status")
    ]
    return {
        "overall": overall,
        "by_unit": by_unit,
        "by_status": by_status,
        "trend": trend(base, campaign, today, total=overall["total"]),
    }


def trend(base, campaign: Campaign | None, today: dt.date, *, total: int | None = None) -> list[dict]:
    """Cumulative completion per day over the campaign period (or the last 30 days)."""
    tz = timezone.get_current_timezone()
    per_day = dict(
        base.filter(completed_at__isnull=False)
        .annotate(day=TruncDate("completed_at", tzinfo=tz))
        .values("day")
        .annotate(n=Count("id"))
        .values_list("day", "n")
    )
    total = base.count() if total is None else total
    if campaign is not None:
        # through today, so completions after the due date still show
        start, end = campaign.starts_on, max(campaign.starts_on, today)
        start = max(start, end - dt.timedelta(days=119))
    else:
        start, end = today - dt.timedelta(days=29), today
    before = sum(n for day, n in per_day.items() if day and day < start)
    rows, running = [], before
    day = start
    while day <= end and len(rows) < 120:
        running += per_day.get(day, 0)
        rows.append({"day": day, "new": per_day.get(day, 0), "cumulative": running,
                     "pct": round(100 * running / total, 1) if total else 0.0})  # fmt: skip
        day += dt.timedelta(days=1)
    return rows


def not_completed(*, user: Any, campaign: Campaign | None = None, unit_ids: list[int] | None = None, status: str = ""):
    return (
        assignments_for(user=user, campaign=campaign, unit_ids=unit_ids, status=status)
        .filter(completed_at__isnull=True)
        .select_related("employee", "employee__unit", "campaign", "programme", "quiz", "pact")
        .order_by("employee__unit__name", "employee__full_name", "due_date")
    )
