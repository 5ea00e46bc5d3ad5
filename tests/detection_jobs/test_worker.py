"""The detection job on a real RQ worker and a real Redis, with real MediaPipe on real photos."""

from __future__ import annotations

import hashlib
import shutil
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from cases.models import Evidence
from detection.models import DetectedHand, DetectionRun, ReviewStatus
from detection.services import requeue
from detection.tasks import run_detection
from netralitas_site.jobs import enqueue

from .conftest import TWO_FINGERS

pytestmark = [pytest.mark.django_db, pytest.mark.services, pytest.mark.slow]


def test_worker_consumes_upload_and_stores_hands(rq, election, post, upload):
    evidence = upload(post)  # cases.services.add_evidence -> jobs.enqueue -> django_rq -> Redis

    jobs = rq.jobs()
    assert [j.func_name for j in jobs] == ["detection.tasks.run_detection"]
    assert jobs[0].args == (evidence.pk,)
    assert not DetectionRun.objects.filter(evidence=evidence, status="done").exists()  # nothing ran inline

    worker = rq.work()

    job = jobs[0]
    job.refresh()
    assert job.get_status() == "finished"
    assert job.worker_name == worker.name
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.DONE, run.error
    assert worker.name in run.worker
    assert run.attempts == 1
    hands = list(run.hands.all())
    assert [h.fingers for h in hands] == [1]  # the photo shows one raised index finger
    assert hands[0].review_status == ReviewStatus.PENDING
    assert len(hands[0].landmarks) == 21
    assert 1 in [c["number"] for c in run.candidates]  # pair 1 is signalled by "one"
    assert run.election == election
    assert run.model_version and "total" in run.timings_ms
    # The annotated preview is a new file named after run and attempt; the evidence file is untouched.
    assert f"run-{run.pk}/attempt-1" in run.annotated.name
    assert default_storage.exists(run.annotated.name)
    with default_storage.open(evidence.file.name, "rb") as fh:
        assert hashlib.sha256(fh.read()).hexdigest() == evidence.sha256


def test_rerun_is_idempotent_and_keeps_reviews(rq, election, post, upload, hr_user, django_capture_on_commit_callbacks):
    evidence = upload(post, TWO_FINGERS)
    rq.work()
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == "done", run.error
    first = [(h.fingers, h.gesture) for h in run.hands.all()]
    assert [f for f, _g in first] == [2]
    assert 2 in [c["number"] for c in run.candidates]
    hand = run.hands.get()
    hand.review_status, hand.reviewed_by, hand.reviewed_at = ReviewStatus.CONFIRMED, hr_user, timezone.now()
    hand.save()
    old_preview = run.annotated.name

    # The same job delivered twice more, through the production enqueue path: duplicates, skipped.
    with django_capture_on_commit_callbacks(execute=True):
        enqueue("detection", run_detection, evidence.pk)
        enqueue("detection", run_detection, evidence.pk, retries=3)
    assert len(rq.jobs()) == 2
    with django_capture_on_commit_callbacks(execute=True):  # the worker's transactions commit
        rq.work()
    run.refresh_from_db()
    assert (run.status, run.attempts, run.annotated.name) == ("done", 1, old_preview)

    # "Run again" marks the run queued and sends one job: it runs, replacing the findings in place.
    with django_capture_on_commit_callbacks(execute=True):
        requeue(evidence=evidence, acting_user=hr_user, force=True)
    with django_capture_on_commit_callbacks(execute=True):
        rq.work()

    run.refresh_from_db()
    assert run.status == "done"
    assert run.attempts == 2
    assert DetectionRun.objects.filter(evidence=evidence).count() == 1
    assert [(h.fingers, h.gesture) for h in run.hands.all()] == first
    assert DetectedHand.objects.filter(run__evidence=evidence).count() == len(first)
    assert run.hands.get().review_status == ReviewStatus.CONFIRMED  # the officer's review survives a re-run
    assert "attempt-2" in run.annotated.name
    assert not default_storage.exists(old_preview)  # older previews are cleaned up


def test_transient_storage_failure_is_retried_with_backoff(rq, election, post, upload, media_tmp):
    evidence = upload(post)
    stored = media_tmp / evidence.file.name
    hidden = stored.with_suffix(".away")
    shutil.move(stored, hidden)  # the shared storage is briefly unavailable

    rq.work()

    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.QUEUED
    assert "Akan dicoba ulang" in run.error
    (job_id,) = rq.queue.scheduled_job_registry.get_job_ids()
    job = rq.queue.fetch_job(job_id)
    assert job.retries_left == 2  # enqueued by the upload without a policy: the task added 3 retries

    shutil.move(hidden, stored)  # storage is back
    rq.wait_for_scheduled()  # the first retry is due after 5 s
    rq.work(with_scheduler=True)

    run.refresh_from_db()
    assert run.status == DetectionRun.Status.DONE, run.error
    assert run.attempts == 2
    assert run.error == ""
    assert [h.fingers for h in run.hands.all()] == [1]
    job.refresh()
    assert job.get_status() == "finished"


def test_bad_file_marks_run_failed_without_retry(rq, post, hr_user, django_capture_on_commit_callbacks):
    name = default_storage.save("evidence/bad/not-an-image.jpg", ContentFile(b"this is not a photo at all"))
    evidence = Evidence.objects.create(
        post=post,
        file=name,
        sha256=hashlib.sha256(b"x").hexdigest(),
        width=1,
        height=1,
        content_type="image/jpeg",
        uploaded_by=hr_user,
    )
    with django_capture_on_commit_callbacks(execute=True):
        enqueue("detection", run_detection, evidence.pk, retries=3)
    rq.work()

    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.FAILED
    assert run.error.startswith("Gambar tidak dapat diproses")
    assert run.attempts == 1
    assert rq.queue.scheduled_job_registry.count == 0  # a rejected image is not retried
    assert run.can_requeue


def test_stale_run_is_requeued_by_the_command(
    rq, election, post, upload, settings, capsys, django_capture_on_commit_callbacks
):
    dead = upload(post)
    alive = upload(post, TWO_FINGERS)
    rq.clean()  # both jobs were taken by workers...
    long_ago = timezone.now() - timedelta(minutes=40)
    # ...one worker died 40 minutes ago in the middle of its run, the other one is busy right now.
    # (The upload wrote each run row, queued; the workers then marked them running.)
    DetectionRun.objects.filter(evidence=dead).update(
        status="running", attempts=1, started_at=long_ago, heartbeat_at=long_ago
    )
    DetectionRun.objects.filter(evidence=alive).update(status="running", attempts=1, heartbeat_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_detections", "--stale-minutes", "15")
    assert f"Re-queued 1 detection run(s): evidence [{dead.pk}]" in capsys.readouterr().out
    assert [j.args for j in rq.jobs()] == [(dead.pk,)]
    assert DetectionRun.objects.get(evidence=dead).status == DetectionRun.Status.QUEUED

    rq.work()
    run = DetectionRun.objects.get(evidence=dead)
    assert run.status == DetectionRun.Status.DONE, run.error
    assert run.attempts == 2
    assert [h.fingers for h in run.hands.all()] == [1]
    assert DetectionRun.objects.get(evidence=alive).status == DetectionRun.Status.RUNNING


def test_failed_run_requeued_by_the_command_and_worked(rq, election, post, upload, django_capture_on_commit_callbacks):
    evidence = upload(post)
    rq.clean()  # the upload's job is gone: the failed run below is what its worker left behind
    DetectionRun.objects.filter(evidence=evidence).update(status="failed", error="boom", attempts=1)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_detections")  # without --failed: nothing
    assert rq.jobs() == []
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_detections", "--failed")
    (job,) = rq.jobs()
    assert job.func_name == "detection.tasks.run_detection"
    assert job.retries_left == 3  # the requeue path asks for retries itself

    rq.work()
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == "done", run.error
    assert run.attempts == 2
