"""The bulk print job on a real RQ worker (needs Redis: skipped locally without it, required in CI)."""

import pytest

from letters import bulk
from letters.kinds import LetterKind
from letters.models import BulkPrintJob

pytestmark = pytest.mark.services


def test_bulk_job_runs_on_a_real_rq_worker(
    redis_url, settings, monkeypatch, issue, leader_user, django_capture_on_commit_callbacks
):
    import django_rq
    import redis
    import rq

    connection = redis.Redis.from_url(redis_url)
    queue = rq.Queue("pdf", connection=connection)
    queue.empty()
    settings.REDIS_URL = redis_url  # jobs.enqueue now sends to RQ instead of running inline
    monkeypatch.setattr(django_rq, "get_queue", lambda name: rq.Queue(name, connection=connection))
    letters = [issue(LetterKind.WRITTEN_WARNING), issue(LetterKind.COACHING), issue(LetterKind.SUMMONS_1)]
    with django_capture_on_commit_callbacks(execute=True):
        job = bulk.start(acting_user=leader_user, letter_ids=[lt.pk for lt in letters])
    job.refresh_from_db()
    assert job.status == BulkPrintJob.Status.QUEUED and queue.count == 1
    rq.SimpleWorker([queue], connection=connection).work(burst=True)
    job.refresh_from_db()
    assert job.status == BulkPrintJob.Status.DONE, job.error
    assert job.done_count == job.total == 3 and job.file
