"""Scoped reads for the outreach views: every selector takes the viewer."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from accounts.access import can
from cases.models import ReportedPost
from cases.selectors import case_for

from .models import PublicReport, ReferralBundle


def bundles_for_case(*, user: Any, case: Any) -> QuerySet[ReferralBundle]:
    if not can(user, "cases.refer"):
        return ReferralBundle.objects.none()
    return ReferralBundle.objects.filter(case=case).select_related("built_by", "recommendation")


def bundle_for(*, user: Any, pk: int) -> ReferralBundle:
    if not can(user, "cases.refer"):
        raise Http404
    bundle = ReferralBundle.objects.filter(pk=pk).first()
    if bundle is None:
        raise Http404
    case_for(user=user, pk=bundle.case_id)  # the case must be visible too
    return bundle


def recommendation_for(*, user: Any, case: Any, pk: int):
    if not can(user, "cases.refer"):
        raise Http404
    rec = case.recommendations.filter(pk=pk).first()
    if rec is None:
        raise Http404
    return rec


def report_queue_for(*, user: Any, state: str = "") -> QuerySet[PublicReport]:
    """The monitors' queue of public reports (newest first), optionally one state."""
    if not can(user, "reports.triage"):
        return PublicReport.objects.none()
    qs = PublicReport.objects.select_related("post", "evidence", "taken_up_by")
    if state == "new":
        qs = qs.filter(taken_up_at__isnull=True, closed_at__isnull=True)
    elif state == "review":
        qs = qs.filter(taken_up_at__isnull=False, closed_at__isnull=True)
    elif state == "done":
        qs = qs.filter(closed_at__isnull=False)
    return qs


def posts_with_case(*, user: Any, post_ids: list[int]) -> set[int]:
    """Of the queued posts ``post_ids``, those a case was already opened from (drives each row's status)."""
    if not can(user, "reports.triage"):
        return set()
    return set(ReportedPost.objects.filter(pk__in=post_ids, cases__isnull=False).values_list("pk", flat=True))


def report_for(*, user: Any, pk: int) -> PublicReport:
    report = report_queue_for(user=user).filter(pk=pk).first()
    if report is None:
        raise Http404
    return report
