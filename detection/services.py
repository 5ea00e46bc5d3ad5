"""Detection business rules: claiming a run, saving results, re-queueing, reviewing findings.

The job itself is :func:`detection.tasks.run_detection`; it calls the functions here. Nothing in this
module ever changes a case: detection only produces findings for an officer to review.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from accounts.access import require
from audit.services import record

from .models import DEFAULT_STALE_MINUTES, DetectedHand, DetectionRun, ReviewStatus, SymbolFinding

log = logging.getLogger(__name__)

QUEUE = "detection"
RETRIES = 3  # transient failures (storage, network): retried after 5 s, 30 s, 120 s (netralitas_site.jobs)
RETRY_INTERVALS = [5, 30, 120]
PREVIEW_MAX_SIDE = 1600


# --- Enqueueing ------------------------------------------------------------------------------------------


def enqueue_detection(evidence_id: int) -> None:
    """Send one detection job for this evidence after the current transaction commits (with retries).

    The run row is written first (queued), so the database, not Redis, says what still needs doing: a job
    lost with Redis (restart without persistence, outage while sending) is found by ``requeue_detections``.
    """
    from netralitas_site.jobs import enqueue

    from .tasks import run_detection

    DetectionRun.objects.get_or_create(evidence_id=evidence_id)
    enqueue(QUEUE, run_detection, evidence_id, retries=RETRIES)


DEFERRED_NOTE = gettext_lazy("Foto besar: dianalisis di luar permintaan unggah (manage.py requeue_detections).")


def defer_detection(evidence_id: int) -> DetectionRun:
    """Leave the run queued without running it now (a big photo on a server without workers): the next
    ``manage.py requeue_detections`` picks it up as a run never claimed."""
    run, _created = DetectionRun.objects.get_or_create(
        evidence_id=evidence_id,
        defaults={
            "status": DetectionRun.Status.QUEUED,
            "queued_at": timezone.now(),
            "error": str(DEFERRED_NOTE),
        },
    )
    return run


def _too_big_for_a_request(evidence: Any) -> bool:
    """Without workers a job runs inline; inside a web request a big photo must wait for the cron command."""
    from django.conf import settings

    from netralitas_site.jobs import queues_are_async

    pixels = (evidence.width or 0) * (evidence.height or 0)
    return not queues_are_async() and pixels > settings.DETECTION_INLINE_MAX_PIXELS


@transaction.atomic
def requeue(*, evidence: Any, acting_user: Any = None, request: Any = None, force: bool = False) -> DetectionRun:
    """Mark the evidence's run queued again and send a job. Only failed or dead runs unless ``force``.

    Evidence that has never been processed gets its run row here. The audit event records who asked.
    """
    run, _created = DetectionRun.objects.select_for_update().get_or_create(evidence=evidence)
    if not (_created or force or run.can_requeue):
        raise ValueError("This detection run is neither failed nor stale.")
    previous = run.status
    run.status = DetectionRun.Status.QUEUED
    run.queued_at = timezone.now()
    deferred = request is not None and _too_big_for_a_request(evidence)
    run.error = str(DEFERRED_NOTE) if deferred else ""
    run.requested_by = acting_user if getattr(acting_user, "is_authenticated", False) else None
    run.save(update_fields=["status", "queued_at", "error", "requested_by"])
    record(
        "detection.requeued",
        actor=acting_user,
        subject=run,
        changes={"status": [previous, run.status], "evidence_id": evidence.pk},
        request=request,
    )
    if not deferred:
        enqueue_detection(evidence.pk)
    return run


def dead_runs(*, stale_minutes: int = DEFAULT_STALE_MINUTES, include_failed: bool = False):
    """Runs whose worker died (running, no sign of life for ``stale_minutes``), runs queued that long and
    never claimed (lost job), and, with ``include_failed``, failed runs."""
    cutoff = timezone.now() - timedelta(minutes=stale_minutes)
    stale = DetectionRun.objects.filter(status=DetectionRun.Status.RUNNING, heartbeat_at__lt=cutoff) | (
        DetectionRun.objects.filter(status=DetectionRun.Status.QUEUED, queued_at__lt=cutoff)
    )
    if include_failed:
        stale = stale | DetectionRun.objects.filter(status=DetectionRun.Status.FAILED)
    return stale.select_related("evidence").order_by("pk")


def requeue_dead_runs(
    *, stale_minutes: int = DEFAULT_STALE_MINUTES, include_failed: bool = False, acting_user: Any = None
) -> list[int]:
    """Re-queue every dead (and optionally failed) run; returns their evidence ids."""
    from cases.models import Evidence

    done = []
    # Evidence that never got a run row (the process stopped between the upload's commit and the enqueue).
    cutoff = timezone.now() - timedelta(minutes=stale_minutes)
    for evidence in Evidence.objects.filter(detection_run__isnull=True, uploaded_at__lt=cutoff).order_by("pk"):
        requeue(evidence=evidence, acting_user=acting_user)
        done.append(evidence.pk)
    for run in dead_runs(stale_minutes=stale_minutes, include_failed=include_failed):
        with transaction.atomic():
            locked = DetectionRun.objects.select_for_update().get(pk=run.pk)
            is_dead = (
                (include_failed and locked.status == DetectionRun.Status.FAILED)
                or locked.is_stale(stale_minutes)
                or locked.is_lost(stale_minutes)
            )
            if not is_dead:
                continue  # a worker finished or picked it up meanwhile
            requeue(evidence=run.evidence, acting_user=acting_user, force=True)
        done.append(run.evidence_id)
    return done


# --- The job's steps ------------------------------------------------------------------------------------


def worker_id() -> str:
    from rq import get_current_job

    job = get_current_job()
    base = f"{socket.gethostname()}:{os.getpid()}"
    if job is not None:
        return f"{job.worker_name or base} job={job.id}"[:200]
    return f"{base} inline"[:200]


@transaction.atomic
def claim(*, evidence_id: int, stale_minutes: int = DEFAULT_STALE_MINUTES) -> tuple[DetectionRun, int] | None:
    """Mark the run running for this worker. None when another live worker is already on it.

    Returns ``(run, attempt)``; ``attempt`` is the fencing token :func:`save_results` checks.
    """
    from cases.models import Evidence

    if not Evidence.objects.filter(pk=evidence_id).exists():
        return None
    run, _created = DetectionRun.objects.select_for_update().get_or_create(evidence_id=evidence_id)
    if run.status == DetectionRun.Status.RUNNING and not run.is_stale(stale_minutes):
        log.info("Detection for evidence %s is already running on %s; skipping", evidence_id, run.worker)
        return None
    if run.status in (DetectionRun.Status.DONE, DetectionRun.Status.FAILED):
        # A duplicate job (e.g. RQ retrying the job of a killed worker after requeue_detections resent it):
        # every legitimate send marks the run queued first, so the run finishes once.
        log.info("Detection for evidence %s is already %s; skipping duplicate job", evidence_id, run.status)
        return None
    now = timezone.now()
    run.status = DetectionRun.Status.RUNNING
    run.attempts += 1
    run.started_at = now
    run.heartbeat_at = now
    run.finished_at = None
    run.error = ""
    run.worker = worker_id()
    run.save(update_fields=["status", "attempts", "started_at", "heartbeat_at", "finished_at", "error", "worker"])
    return run, run.attempts


def heartbeat(run_id: int, attempt: int) -> None:
    DetectionRun.objects.filter(pk=run_id, attempts=attempt, status=DetectionRun.Status.RUNNING).update(
        heartbeat_at=timezone.now()
    )


@transaction.atomic
def mark_failed(run_id: int, attempt: int, message: str, *, will_retry: bool = False) -> None:
    """Record a failure. A failure that will be retried leaves the run queued, with the message."""
    run = DetectionRun.objects.select_for_update().filter(pk=run_id).first()
    if run is None or run.attempts != attempt:
        return
    run.status = DetectionRun.Status.QUEUED if will_retry else DetectionRun.Status.FAILED
    run.error = message[:2000]
    run.finished_at = None if will_retry else timezone.now()
    if will_retry:
        run.queued_at = timezone.now()
    run.save(update_fields=["status", "error", "finished_at", "queued_at"])


# Symbol references (SIFT features) are computed once per worker process and reused.
_SYMBOL_CACHE: dict[tuple[int, str], Any] = {}
_SYMBOL_LOCK = threading.Lock()


def clear_symbol_cache() -> None:
    with _SYMBOL_LOCK:
        _SYMBOL_CACHE.clear()


def election_for(evidence: Any):
    """The election the evidence is judged against: its post's election if active, else the active one."""
    from registry.models import Election

    post_election = getattr(evidence.post, "election", None)
    if post_election is not None and post_election.is_active:
        return post_election
    return Election.objects.filter(is_active=True).order_by("-voting_day", "-pk").first()


def pair_config_for(election: Any) -> dict:
    """``Election.pair_config()`` plus its two-hand combinations, in the pipeline's format.

    Without an active election there is nothing to suggest: an empty config (not the pipeline default).
    """
    if election is None:
        return {}
    config: dict[Any, Any] = dict(election.pair_config())
    combos = []
    for item in election.two_hand_combinations or []:
        number = item.get("ballot_number", item.get("number"))
        gestures = item.get("gestures") or []
        if number is not None and len(gestures) == 2:
            combos.append({"number": int(number), "gestures": list(gestures)})
    if combos:
        config["combinations"] = combos
    return config


def symbol_references(election: Any) -> tuple[list, dict[str, Any]]:
    """``(references, {reference name: CandidateSymbol})`` for the election's candidate symbols."""
    from detection.pipeline import ImageRejected, SymbolReference
    from registry.models import CandidateSymbol

    if election is None:
        return [], {}
    refs, by_name = [], {}
    for symbol in CandidateSymbol.objects.filter(pair__election=election).select_related("pair").order_by("pk"):
        if not symbol.image:
            continue
        key = (symbol.pk, symbol.image.name)
        name = f"{symbol.pair.ballot_number}: {symbol.label} #{symbol.pk}"
        with _SYMBOL_LOCK:
            ref = _SYMBOL_CACHE.get(key)
        if ref is None:
            try:
                with symbol.image.storage.open(symbol.image.name, "rb") as fh:
                    data = fh.read()
                ref = SymbolReference.from_source(name, data)
            except (OSError, ImageRejected) as exc:
                log.warning("Candidate symbol %s is unusable for detection: %s", symbol.pk, exc)
                continue
            with _SYMBOL_LOCK:
                _SYMBOL_CACHE[key] = ref
        refs.append(ref)
        by_name[ref.name] = symbol
    return refs, by_name


def detect_config():
    """The pipeline's settings for evidence: the same byte and pixel limits as evidence upload, so a
    photo accepted into custody is never refused by detection for its size."""
    from django.conf import settings

    from detection.pipeline import DetectConfig

    return DetectConfig(max_bytes=settings.EVIDENCE_MAX_BYTES, max_pixels=settings.EVIDENCE_MAX_PIXELS)


def render_preview(image_bytes: bytes, result: Any) -> bytes:
    """JPEG of the photo with hands, labels and symbols drawn by the pipeline (at most 1600 px)."""
    import io

    from PIL import Image

    from detection.pipeline import annotate, load_image

    config = detect_config()
    drawn = annotate(load_image(image_bytes, max_bytes=config.max_bytes, max_pixels=config.max_pixels).image, result)
    img = Image.fromarray(drawn)
    img.thumbnail((PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    return buf.getvalue()


def render_looked(run: DetectionRun) -> bytes:
    """The stored preview with every region the detector looked at outlined (pass, window), drawn on
    request so an officer can see where a missed hand was not looked at and report it with the case."""
    import io

    import numpy as np
    from PIL import Image

    from detection.pipeline import draw_looked

    with run.annotated.storage.open(run.annotated.name, "rb") as fh:
        preview = np.asarray(Image.open(fh).convert("RGB"))
    width = (run.image_size or [preview.shape[1]])[0] or preview.shape[1]
    drawn = draw_looked(preview, run.looked or [], scale=preview.shape[1] / float(width))
    buf = io.BytesIO()
    Image.fromarray(drawn).save(buf, "JPEG", quality=85)
    return buf.getvalue()


def store_preview(run: DetectionRun, attempt: int, data: bytes) -> str:
    """Save the preview under a path that names the run and attempt (evidence files are never touched)."""
    return default_storage.save(f"detection/annotated/run-{run.pk}/attempt-{attempt}.jpg", ContentFile(data))


def _iou(a: list, b: list) -> float:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def _carry_review(new: Any, old_rows: list, key: str) -> None:
    """Copy the review of an old finding that is the same finding (same gesture/label, IoU >= 0.5)."""
    for old in old_rows:
        if old.review_status == ReviewStatus.PENDING or getattr(old, key) != getattr(new, key):
            continue
        if _iou(old.bbox, new.bbox) >= 0.5:
            for field in DetectedHand.REVIEW_FIELDS:
                setattr(new, field, getattr(old, field))
            old_rows.remove(old)
            return


def _suggestions(result: Any, symbol_rows: list[SymbolFinding]) -> list[dict]:
    by_number: dict[int, dict] = {}
    for c in result.candidates:
        d = c.to_dict()
        by_number[d["number"]] = d
    for s in symbol_rows:
        if s.ballot_number is None:
            continue
        d = by_number.setdefault(s.ballot_number, {"number": s.ballot_number, "reasons": [], "confidence": 0.0})
        d["reasons"].append(f"symbol: {s.label}")
        d["confidence"] = max(d["confidence"], round(float(s.score), 3))
    return [by_number[n] for n in sorted(by_number)]


def save_results(
    *, run_id: int, attempt: int, result: Any, election: Any, symbols_by_name: dict, preview_name: str
) -> bool:
    """Replace the run's findings with ``result`` in one transaction. False if this attempt was superseded."""
    with transaction.atomic():
        run = DetectionRun.objects.select_for_update().filter(pk=run_id).first()
        if run is None or run.attempts != attempt or run.status != DetectionRun.Status.RUNNING:
            superseded = True
        else:
            superseded = False
            old_hands = list(run.hands.all())
            old_symbols = list(run.symbols.all())
            old_preview = run.annotated.name
            hands = []
            for i, h in enumerate(result.hands):
                d = h.to_dict()
                row = DetectedHand(
                    run=run,
                    index=i,
                    bbox=d["bbox"],
                    landmarks=d.get("landmarks", []),
                    fingers=d["fingers"],
                    extended=d["extended"],
                    gesture=d["gesture"],
                    confidence=d["confidence"],
                    handedness=d["handedness"],
                    score=d["score"],
                    source=d["source"],
                )
                _carry_review(row, old_hands, "gesture")
                hands.append(row)
            symbols = []
            for s in result.symbols:
                d = s.to_dict()
                symbol = symbols_by_name.get(s.name)
                row = SymbolFinding(
                    run=run,
                    symbol=symbol,
                    ballot_number=symbol.pair.ballot_number if symbol is not None else None,
                    label=symbol.label if symbol is not None else s.name[:200],
                    inliers=d["inliers"],
                    score=d["score"],
                    bbox=d["bbox"],
                    quad=d["quad"],
                )
                _carry_review(row, old_symbols, "label")
                symbols.append(row)
            run.hands.all().delete()
            run.symbols.all().delete()
            DetectedHand.objects.bulk_create(hands)
            SymbolFinding.objects.bulk_create(symbols)
            run.status = DetectionRun.Status.DONE
            run.error = ""
            run.model_version = result.model_version[:200]
            run.timings_ms = {k: round(float(v), 1) for k, v in result.timings_ms.items()}
            run.image_size = list(result.image_size) if result.image_size else None
            run.second_pass = (result.second_pass or "")[:60]
            run.panels = [list(map(int, p)) for p in result.panels]
            run.looked = [[str(r[0]), *(int(v) for v in r[1:5])] for r in getattr(result, "looked", [])]
            run.candidates = _suggestions(result, symbols)
            run.election = election
            run.annotated.name = preview_name
            run.finished_at = timezone.now()
            run.heartbeat_at = run.finished_at
            run.save()
            if old_preview and old_preview != preview_name:
                transaction.on_commit(lambda: _delete_quietly(old_preview))
    if superseded:
        log.info("Detection run %s attempt %s was superseded; discarding its results", run_id, attempt)
        _delete_quietly(preview_name)
        return False
    return True


def _delete_quietly(name: str) -> None:
    try:
        default_storage.delete(name)
    except OSError:
        log.warning("Could not delete old detection preview %s", name, exc_info=True)


# --- Review ------------------------------------------------------------------------------------------------

FINDING_MODELS = {"hand": DetectedHand, "symbol": SymbolFinding}


def case_ids_for_evidence(evidence: Any) -> list[int]:
    from cases.models import Case

    return list(Case.objects.filter(posts=evidence.post_id).order_by("pk").values_list("pk", flat=True))


@transaction.atomic
def review_finding(*, finding: Any, decision: str, acting_user: Any, note: str = "", request: Any = None) -> Any:
    """Confirm or reject one finding; one audit event per case the evidence belongs to (or one without)."""
    require(acting_user, "detection.review")
    if decision not in (ReviewStatus.CONFIRMED, ReviewStatus.REJECTED):
        raise ValueError(f"Unknown decision {decision!r}")
    finding = type(finding).objects.select_for_update().select_related("run__evidence").get(pk=finding.pk)
    previous = finding.review_status
    finding.review_status = decision
    finding.reviewed_by = acting_user
    finding.reviewed_at = timezone.now()
    finding.note = (note or "").strip()[:500]
    finding.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "note"])
    evidence = finding.run.evidence
    detail = {
        "review_status": [previous, decision],
        "evidence_id": evidence.pk,
        "run_id": finding.run_id,
        "finding": str(finding),
    }
    for case_id in case_ids_for_evidence(evidence) or [None]:
        record(
            f"detection.finding.{decision}",
            actor=acting_user,
            subject=finding,
            case_id=case_id,
            changes=detail,
            reason=finding.note,
            request=request,
        )
    return finding
