"""Faults in the job machinery (issue 12, item 3), with real processes: an RQ worker killed in the middle of a
detection job, and Redis restarted (without persistence) while jobs wait. The database says what is still to
do; `requeue_detections` sends it again; every run finishes, once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.detection_jobs.conftest import TWO_FINGERS

from .conftest import ROOT, manage, process_env, shell

pytestmark = [pytest.mark.services, pytest.mark.slow]

UPLOAD = """
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from cases import services
user, _ = User.objects.get_or_create(username="uploader")
ids = []
for i in range(N):
    post, _dup, _res = services.report_post(acting_user=user, platform="facebook", url=f"https://facebook.com/p/{TAG}{i}",
                                            employees=[], files=[])
    data = open(PHOTO, "rb").read() + bytes([i])  # a different file (and hash) per post
    f = SimpleUploadedFile("bukti.jpg", data, content_type="image/jpeg")
    (result,) = services.add_evidence(post=post, files=[f], acting_user=user)
    ids.append(result["evidence"].pk)
print("EVIDENCE", *ids)
"""

RUNS = """
import json
from detection.models import DetectionRun
print("RUNS", json.dumps({r.evidence_id: [r.status, r.attempts, [h.fingers for h in r.hands.all()], r.error]
                          for r in DetectionRun.objects.order_by("evidence_id")}))
"""

# Time passing, for the stale check only: the runs look as if their last sign of life was 20 minutes ago.
TWENTY_MINUTES_LATER = """
from datetime import timedelta
from django.utils import timezone
from detection.models import DetectionRun
ago = timezone.now() - timedelta(minutes=20)
DetectionRun.objects.update(queued_at=ago, heartbeat_at=ago, started_at=ago)
"""


def _upload(env: dict, n: int, tag: str) -> list[int]:
    out = shell(env, f"PHOTO = {str(TWO_FINGERS)!r}\nN = {n}\nTAG = {tag!r}\n" + UPLOAD)
    (line,) = [line for line in out.splitlines() if line.startswith("EVIDENCE ")]
    return [int(x) for x in line.split()[1:]]


def _runs(env: dict) -> dict:
    out = shell(env, RUNS)
    return {int(k): v for k, v in json.loads(out.split("RUNS ")[1].splitlines()[0]).items()}


def _children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` (RQ's work horse calls setsid, so a process-group kill misses it)."""
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _queued_jobs(url: str) -> int:
    import redis
    from rq import Queue

    return len(Queue("detection", connection=redis.Redis.from_url(url)))


def test_worker_killed_mid_job_is_recovered_and_the_run_finishes_once(private_redis, tmp_path):
    env = process_env(tmp_path, private_redis.url)
    manage(env, "migrate", "-v0")
    (evidence,) = _upload(env, 1, "kill")
    db = sqlite3.connect(tmp_path / "shared.sqlite3", timeout=10)

    log = open(tmp_path / "worker.log", "w")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "rqworker", "detection"], cwd=ROOT, env=env, stdout=log, stderr=log,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline:
            row = db.execute("SELECT status FROM detection_detectionrun WHERE evidence_id = ?", (evidence,)).fetchone()
            status = row and row[0]
            if status != "queued":
                break
            time.sleep(0.02)
        for pid in [*_children(worker.pid), worker.pid]:  # the work horse (its own session) and the worker
            os.kill(pid, signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
        log.close()
    assert status == "running", f"the job was not caught mid-run (status {status})"
    assert _runs(env)[evidence][:2] == ["running", 1]  # left behind by the dead worker

    shell(env, TWENTY_MINUTES_LATER)
    assert f"Re-queued 1 detection run(s): evidence [{evidence}]" in manage(env, "requeue_detections")
    manage(env, "rqworker", "detection", "--burst")
    status, attempts, fingers, error = _runs(env)[evidence]
    assert (status, fingers) == ("done", [2]), error
    assert attempts == 2  # the killed attempt and the recovered one; no duplicate run


def test_redis_restart_loses_no_detection_work(private_redis, tmp_path):
    env = process_env(tmp_path, private_redis.url)
    manage(env, "migrate", "-v0")
    queued = _upload(env, 2, "restart")
    assert _queued_jobs(private_redis.url) == 2

    private_redis.restart()  # no persistence: the queue is gone
    assert _queued_jobs(private_redis.url) == 0
    private_redis.stop()
    # An upload while Redis is down still succeeds; its run waits, queued, in the database.
    during_outage = _upload(env, 1, "outage")
    private_redis.start()
    runs = _runs(env)
    assert {e: runs[e][0] for e in queued + during_outage} == dict.fromkeys(queued + during_outage, "queued")

    shell(env, TWENTY_MINUTES_LATER)
    assert "Re-queued 3 detection run(s)" in manage(env, "requeue_detections")
    manage(env, "rqworker", "detection", "--burst")
    runs = _runs(env)
    assert {e: runs[e][:3] for e in queued + during_outage} == dict.fromkeys(queued + during_outage, ["done", 1, [2]])
