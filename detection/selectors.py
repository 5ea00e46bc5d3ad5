"""Read side of detection. Every selector takes the viewer; outside their scope -> 403/404."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.access import require

from .models import DetectedHand, DetectionRun, ReviewStatus, SymbolFinding
from .services import FINDING_MODELS


def evidence_for(*, user: Any, pk: int):
    """Evidence the viewer may see (officers, leaders, monitors: ``evidence.view``; staff never).

    Delegates to the cases app's scoped selector, so detection follows whatever scope evidence has.
    """
    from cases import selectors as case_selectors

    require(user, "evidence.view")
    return case_selectors.evidence_for(user=user, pk=pk)


def run_for_evidence(*, user: Any, evidence: Any) -> DetectionRun | None:
    require(user, "evidence.view")
    return (
        DetectionRun.objects.filter(evidence=evidence)
        .select_related("election", "requested_by")
        .prefetch_related("hands__reviewed_by", "symbols__reviewed_by", "symbols__symbol")
        .first()
    )


def run_for(*, user: Any, pk: int) -> DetectionRun:
    require(user, "evidence.view")
    run = get_object_or_404(DetectionRun.objects.only("pk", "evidence_id"), pk=pk)
    evidence_for(user=user, pk=run.evidence_id)  # the same scope as the evidence itself
    return DetectionRun.objects.select_related("evidence").get(pk=pk)


def finding_for(*, user: Any, kind: str, pk: int) -> DetectedHand | SymbolFinding:
    require(user, "detection.review")
    model = FINDING_MODELS.get(kind)
    if model is None:
        raise Http404
    finding = get_object_or_404(model.objects.select_related("run__evidence"), pk=pk)
    evidence_for(user=user, pk=finding.run.evidence_id)
    return finding


def dashboard_summary(*, user: Any, stale_minutes: int | None = None) -> dict:
    """Counts for the officers' dashboard panel and the latest failed runs."""
    from .models import DEFAULT_STALE_MINUTES

    require(user, "detection.review")
    counts = DetectionRun.objects.aggregate(
        queued=Count("pk", filter=Q(status=DetectionRun.Status.QUEUED)),
        running=Count("pk", filter=Q(status=DetectionRun.Status.RUNNING)),
        failed=Count("pk", filter=Q(status=DetectionRun.Status.FAILED)),
    )
    minutes = stale_minutes or DEFAULT_STALE_MINUTES
    running = DetectionRun.objects.filter(status=DetectionRun.Status.RUNNING).only(
        "status", "heartbeat_at", "started_at", "queued_at"
    )
    counts["stale"] = sum(1 for r in running if r.is_stale(minutes))
    done = Q(run__status=DetectionRun.Status.DONE, review_status=ReviewStatus.PENDING)
    counts["pending_hands"] = DetectedHand.objects.filter(done).count()
    counts["pending_symbols"] = SymbolFinding.objects.filter(done).count()
    counts["pending"] = counts["pending_hands"] + counts["pending_symbols"]
    failed = list(
        DetectionRun.objects.filter(status=DetectionRun.Status.FAILED)
        .select_related("evidence__post")
        .order_by("-finished_at", "-pk")[:5]
    )
    return {"counts": counts, "failed": failed}
