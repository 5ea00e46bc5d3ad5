"""The detection job: ``detection.tasks.run_detection(evidence_id)`` on the ``detection`` queue.

Enqueued by the evidence upload (``netralitas_site.jobs.enqueue("detection", run_detection, pk)``), by
officers' "run again" button and by ``manage.py requeue_detections``. Runs in any number of
``manage.py rqworker detection`` processes on any host, or inline when there is no REDIS_URL.

* Idempotent: the evidence's one :class:`~detection.models.DetectionRun` is claimed (attempt + 1) and
  its findings are replaced in one transaction; a duplicate job while another worker is on it exits.
* Transient failures (``OSError``: storage, network) are raised so RQ retries them with backoff
  (5 s, 30 s, 120 s). A job enqueued without a retry policy gets that policy here, so every caller of
  ``jobs.enqueue`` benefits. When no retry is left the run is marked failed with the message.
* Permanent failures (``ImageRejected``: not an image, too big) mark the run failed and are not retried.
* The MediaPipe models are loaded once per worker process by the pipeline; the candidate symbols'
  features are cached per process in :mod:`detection.services`.
* Detection never changes a case's status.
"""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from . import services

log = logging.getLogger(__name__)


def _current_job():
    from rq import get_current_job

    return get_current_job()


def _ensure_retry_policy() -> bool:
    """Give the running RQ job the standard retry policy if it has none; True if it will be retried."""
    job = _current_job()
    if job is None:
        return False  # inline: no retry
    if job.retries_left is None:
        job.retries_left = services.RETRIES
        job.retry_intervals = list(services.RETRY_INTERVALS)
    return job.should_retry


def run_detection(evidence_id: int) -> None:
    from cases.models import Evidence
    from detection.pipeline import ImageRejected, detect

    claimed = services.claim(evidence_id=evidence_id)
    if claimed is None:
        return
    run, attempt = claimed
    try:
        evidence = Evidence.objects.select_related("post__election").get(pk=evidence_id)
        with evidence.file.storage.open(evidence.file.name, "rb") as fh:
            data = fh.read()
        election = services.election_for(evidence)
        pair_config = services.pair_config_for(election)
        refs, symbols_by_name = services.symbol_references(election)
        result = detect(data, symbols=refs, pair_config=pair_config, config=services.detect_config())
        services.heartbeat(run.pk, attempt)
        preview_name = services.store_preview(run, attempt, services.render_preview(data, result))
        services.save_results(
            run_id=run.pk,
            attempt=attempt,
            result=result,
            election=election,
            symbols_by_name=symbols_by_name,
            preview_name=preview_name,
        )
    except ImageRejected as exc:
        log.info("Evidence %s rejected by detection: %s", evidence_id, exc)
        services.mark_failed(run.pk, attempt, _("Gambar tidak dapat diproses: %(msg)s") % {"msg": exc})
    except OSError as exc:
        will_retry = _ensure_retry_policy()
        message = _("Kesalahan sementara saat membaca/menyimpan berkas (percobaan %(n)s): %(msg)s") % {
            "n": attempt,
            "msg": exc,
        }
        if will_retry:
            message += " " + _("Akan dicoba ulang otomatis.")
        services.mark_failed(run.pk, attempt, message, will_retry=will_retry)
        raise
    except Exception as exc:
        job = _current_job()
        will_retry = bool(job is not None and job.should_retry)
        services.mark_failed(
            run.pk,
            attempt,
            _("Deteksi gagal: %(err)s") % {"err": f"{type(exc).__name__}: {exc}"},
            will_retry=will_retry,
        )
        raise
