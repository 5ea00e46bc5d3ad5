"""Detection views: the per-evidence results partial (htmx), the annotated preview, review and re-queue."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.access import can, capability_required
from audit.services import record
from netralitas_site.redirects import redirect_next

from . import selectors, services
from .models import DEFAULT_STALE_MINUTES, DetectionRun, ReviewStatus


def _case_id(request: HttpRequest) -> str:
    value = request.GET.get("case") or request.POST.get("case") or ""
    return value if value.isdigit() else ""


def _render_results(request: HttpRequest, evidence) -> HttpResponse:
    run = selectors.run_for_evidence(user=request.user, evidence=evidence)
    recent = evidence.uploaded_at >= timezone.now() - timedelta(minutes=DEFAULT_STALE_MINUTES)
    if run is None:
        # The upload enqueues the job before any run row exists: a fresh upload is "waiting".
        poll = recent
        can_requeue = not recent
    else:
        poll = not run.is_finished and not run.can_requeue
        can_requeue = run.can_requeue
    context = {
        "evidence": evidence,
        "run": run,
        "hands": list(run.hands.all()) if run else [],
        "symbols": list(run.symbols.all()) if run else [],
        "poll": poll,
        "can_review": can(request.user, "detection.review") and run is not None and run.status == run.Status.DONE,
        "can_requeue": can_requeue and can(request.user, "detection.review"),
        "case_id": _case_id(request),
        "Review": ReviewStatus,
    }
    response = render(request, "detection/partials/evidence_results.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@capability_required("evidence.view")
def evidence_results(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = selectors.evidence_for(user=request.user, pk=evidence_id)
    return _render_results(request, evidence)


@require_GET
@capability_required("evidence.view")
def annotated_image(request: HttpRequest, run_id: int) -> HttpResponse:
    run = selectors.run_for(user=request.user, pk=run_id)
    if not run.annotated:
        raise Http404
    regions = request.GET.get("regions") == "1"  # the regions looked at, drawn on request
    try:
        if regions:
            response = HttpResponse(services.render_looked(run), content_type="image/jpeg")
        else:
            response = FileResponse(run.annotated.storage.open(run.annotated.name, "rb"), content_type="image/jpeg")
    except (FileNotFoundError, OSError):
        raise Http404
    record(
        "evidence.view",
        actor=request.user,
        subject=run.evidence,
        changes={"kind": "annotated_regions" if regions else "annotated", "run_id": run.pk, "attempt": run.attempts},
        request=request,
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _back(request: HttpRequest, evidence) -> HttpResponse:
    if request.headers.get("HX-Request"):
        return _render_results(request, evidence)
    return redirect_next(request, "detection:evidence_results", evidence_id=evidence.pk)


@require_POST
@capability_required("detection.review")
def review_finding(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    finding = selectors.finding_for(user=request.user, kind=kind, pk=pk)
    decision = request.POST.get("decision", "")
    if decision not in (ReviewStatus.CONFIRMED, ReviewStatus.REJECTED):
        return HttpResponse(_("Keputusan tidak dikenal."), status=400)
    if finding.run.status != DetectionRun.Status.DONE:
        return HttpResponse(_("Deteksi belum selesai."), status=409)
    services.review_finding(
        finding=finding, decision=decision, note=request.POST.get("note", ""), acting_user=request.user, request=request
    )
    if not request.headers.get("HX-Request"):
        messages.success(request, _("Temuan ditelaah."))
    return _back(request, finding.run.evidence)


@require_POST
@capability_required("detection.review")
def requeue(request: HttpRequest, evidence_id: int) -> HttpResponse:
    evidence = selectors.evidence_for(user=request.user, pk=evidence_id)
    try:
        services.requeue(evidence=evidence, acting_user=request.user, request=request)
    except ValueError:
        return HttpResponse(_("Proses deteksi ini tidak gagal dan tidak macet."), status=409)
    if not request.headers.get("HX-Request"):
        messages.success(request, _("Deteksi dimasukkan ke antrean lagi."))
    return _back(request, evidence)
