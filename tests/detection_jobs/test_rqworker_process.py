"""``manage.py rqworker detection --burst`` as a separate process (forking RQ worker), end to end.

The pytest database is in memory, so this test gives the web side and the worker process their own
file-based SQLite database and media folder (both in ``tmp_path``), shared the way hosts share
PostgreSQL and S3 in production.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import RQ, TWO_FINGERS, _dedicated_db

pytestmark = [pytest.mark.services, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]

UPLOAD = """
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from cases import services
from registry.models import CandidatePair, Election
e = Election.objects.create(name="P", region="R", campaign_start="2024-09-25", campaign_end="2024-11-23",
                            voting_day="2024-11-27", is_active=True)
CandidatePair.objects.create(election=e, ballot_number=2, head_name="C", deputy_name="D", gestures=["two", "v_sign"])
user = User.objects.create(username="uploader")
post, _dup, _res = services.report_post(acting_user=user, platform="facebook", url="https://facebook.com/p/9",
                                        employees=[], files=[])
f = SimpleUploadedFile("bukti.jpg", open(PHOTO, "rb").read(), content_type="image/jpeg")
(result,) = services.add_evidence(post=post, files=[f], acting_user=user)
print("EVIDENCE", result["evidence"].pk)
"""

REPORT = """
import json
from detection.models import DetectionRun
print("RUNS", json.dumps([
    {"evidence": r.evidence_id, "status": r.status, "worker": r.worker, "error": r.error,
     "fingers": [h.fingers for h in r.hands.all()], "numbers": [c["number"] for c in r.candidates]}
    for r in DetectionRun.objects.all()
]))
"""


def manage(env: dict, *args: str, timeout: int = 300) -> str:
    proc = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def test_rqworker_process_consumes_the_upload_job(redis_url, tmp_path):
    url = _dedicated_db(redis_url)
    rq = RQ(url)
    rq.clean()
    env = {
        **os.environ,
        "TESTING": "1",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "REDIS_URL": url,
    }
    try:
        manage(env, "migrate", "-v0")
        out = manage(env, "shell", "-c", f"PHOTO = {str(TWO_FINGERS)!r}\n" + UPLOAD)
        evidence_id = int(out.split("EVIDENCE ")[1].split()[0])
        (job,) = rq.jobs()  # the web side only enqueued: nothing has run yet
        assert job.func_name == "detection.tasks.run_detection" and job.args == (evidence_id,)

        log = manage(env, "rqworker", "detection", "--burst")
        assert "detection.tasks.run_detection" in log

        report = manage(env, "shell", "-c", REPORT)
        (run,) = json.loads(report.split("RUNS ")[1].splitlines()[0])
        assert run["status"] == "done", run["error"]
        assert run["evidence"] == evidence_id
        assert f"job={job.id}" in run["worker"]
        assert run["fingers"] == [2]
        assert 2 in run["numbers"]
        job.refresh()
        assert job.get_status() == "finished"
    finally:
        rq.clean()
