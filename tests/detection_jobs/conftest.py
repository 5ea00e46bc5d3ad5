"""Fixtures for the detection job tests: real photos, real MediaPipe, a real RQ worker on a real Redis.

The worker is ``rq.SimpleWorker`` run in the test process (``work(burst=True)``): it dequeues the job that
the production path (``cases.services.add_evidence`` -> ``netralitas_site.jobs.enqueue``) pushed to Redis,
unpickles ``detection.tasks.run_detection`` and runs it against the test database.

The tests use their own Redis database (``DETECTION_JOBS_REDIS_DB``, default 14) on the server of the
``redis_url`` fixture, so other suites' jobs on the shared queue name never reach this worker.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cases import services as case_services
from cases.models import Evidence
from registry.models import CandidatePair, Election
from tests.factories import EmployeeFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "jobs"
ONE_FINGER = FIXTURES / "d0025_subhi_one_35_pic00008.jpg"
TWO_FINGERS = FIXTURES / "d0052_subhi_two_46_pic00009.jpg"


@pytest.fixture(autouse=True)
def media_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture(autouse=True)
def inline_jobs(settings):
    """Default: no REDIS_URL, jobs run inline. The ``rq`` fixture switches to the real Redis."""
    settings.REDIS_URL = ""


def _dedicated_db(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + os.environ.get("DETECTION_JOBS_REDIS_DB", "14")))


class RQ:
    def __init__(self, url: str):
        import redis
        from rq import Queue

        self.url = url
        self.conn = redis.Redis.from_url(url)
        self.queue = Queue("detection", connection=self.conn)

    def clean(self) -> None:
        # The database is dedicated to these tests, so emptying it is the whole clean-up; rq 2.x
        # registries cannot remove a job that is still marked as started one by one.
        self.conn.flushdb()

    def work(self, *, with_scheduler: bool = False):
        """Run a real RQ worker until the queue is empty; returns the worker (its name is on the run)."""
        from rq import SimpleWorker

        worker = SimpleWorker([self.queue], connection=self.conn)
        worker.work(burst=True, with_scheduler=with_scheduler, logging_level="WARNING")
        return worker

    def jobs(self):
        return self.queue.get_jobs()

    def wait_for_scheduled(self, timeout: float = 20.0) -> None:
        """Sleep until the scheduled (retry) jobs are due."""
        registry = self.queue.scheduled_job_registry
        deadline = time.time() + timeout
        while time.time() < deadline:
            due = [registry.get_scheduled_time(j) for j in registry.get_job_ids()]
            if not due:
                return
            wait = max(d.timestamp() for d in due) - time.time()
            if wait <= 0:
                return
            time.sleep(min(wait + 0.2, deadline - time.time()))


@pytest.fixture
def rq(redis_url, settings, monkeypatch):
    """Point the production enqueue path (jobs.enqueue -> django_rq) at a real Redis."""
    import django_rq.settings

    url = _dedicated_db(redis_url)
    settings.REDIS_URL = url
    config = {"URL": url, "DEFAULT_TIMEOUT": 600}
    settings.RQ_QUEUES = {name: dict(config) for name in settings.RQ_QUEUE_NAMES}
    # django_rq reads RQ_QUEUES once at import: update its copy too.
    for name in settings.RQ_QUEUE_NAMES:
        monkeypatch.setitem(django_rq.settings.QUEUES, name, dict(config))
    env = RQ(url)
    env.clean()
    yield env
    env.clean()


@pytest.fixture
def election(db):
    e = Election.objects.create(
        name="Pilkada Uji 2024",
        region="Kabupaten Uji",
        campaign_start="2024-09-25",
        campaign_end="2024-11-23",
        voting_day="2024-11-27",
        is_active=True,
    )
    CandidatePair.objects.create(election=e, ballot_number=1, head_name="A", deputy_name="B", gestures=["one"])
    CandidatePair.objects.create(
        election=e, ballot_number=2, head_name="C", deputy_name="D", gestures=["two", "v_sign"]
    )
    return e


@pytest.fixture
def employee(unit):
    return EmployeeFactory(full_name="Ahmad Terlapor", unit=unit)


@pytest.fixture
def post(hr_user, employee):
    post, _dup, _res = case_services.report_post(
        acting_user=hr_user,
        platform="facebook",
        url="https://www.facebook.com/ahmad/posts/1",
        account_name="ahmad",
        employees=[employee],
        files=[],
    )
    return post


@pytest.fixture
def case(post, employee, hr_user):
    (case,) = case_services.open_cases(post=post, employees=[employee], acting_user=hr_user)
    return case


@pytest.fixture
def upload(hr_user, django_capture_on_commit_callbacks):
    """Upload a photo through the production service; on-commit callbacks (the enqueue) really run."""

    def _upload(post, path: Path = ONE_FINGER) -> Evidence:
        f = SimpleUploadedFile(path.name, path.read_bytes(), content_type="image/jpeg")
        with django_capture_on_commit_callbacks(execute=True):
            (result,) = case_services.add_evidence(post=post, files=[f], acting_user=hr_user)
        return result["evidence"]

    return _upload
