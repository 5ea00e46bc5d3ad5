"""Many hosts, simulated on one machine (issue 12, item 7).

The web process (gunicorn) and an RQ worker run as separate processes in separate working folders (each with
its own, unused MEDIA_ROOT) and share nothing but PostgreSQL, Redis and an S3 bucket (moto in server mode).
A monitor uploads a photo through gunicorn; the worker analyses it and writes the annotated preview to the
bucket; an officer (with TOTP) sees the findings, fetches the evidence through the access-checked view and has
the worker merge letters into a bulk PDF in the bucket. Anonymous reads of the bucket are refused.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from loadtest.auth import csrf, login
from tests.conftest import service_missing
from tests.detection_jobs.conftest import TWO_FINGERS
from tests.faults.conftest import PrivateRedis

pytestmark = [pytest.mark.services, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
WEB_PORT = int(os.environ.get("MANY_HOSTS_WEB_PORT", "8105"))
S3_PORT = int(os.environ.get("MANY_HOSTS_S3_PORT", "8117"))
REDIS_PORT = int(os.environ.get("MANY_HOSTS_REDIS_PORT", "8118"))
BASE = f"http://127.0.0.1:{WEB_PORT}"
S3 = f"http://127.0.0.1:{S3_PORT}"
BUCKET = "netralitas-media"
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


def _wait_http(url: str, timeout: float = 60) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=10).status_code < 500:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def _until(check, timeout: float = 90, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _manage(env: dict, cwd: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done.stdout


@pytest.fixture
def services(tmp_path):
    """PostgreSQL database, private Redis and moto S3 server; each missing one skips locally, fails in CI."""
    moto = shutil.which("moto_server", path=str(Path(sys.executable).parent)) or shutil.which("moto_server")
    if moto is None:
        service_missing("moto_server (moto[server] from requirements-dev.txt)")
    if shutil.which("redis-server") is None:
        service_missing("redis-server (binary)")
    import psycopg

    try:
        admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError:
        service_missing("PostgreSQL at 127.0.0.1:5432")
    db = f"netr_ops_hosts_{uuid.uuid4().hex[:8]}"
    admin.execute(f"CREATE DATABASE {db}")
    (tmp_path / "redis").mkdir()
    redis = PrivateRedis(tmp_path / "redis", port=REDIS_PORT)
    redis.start()
    s3 = subprocess.Popen(
        [moto, "-H", "127.0.0.1", "-p", str(S3_PORT)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait_http(f"{S3}/")
        yield {"database_url": f"postgres://postgres@127.0.0.1:5432/{db}", "redis_url": redis.url}
    finally:
        s3.terminate()
        s3.wait(timeout=10)
        redis.stop()
        admin.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        admin.close()


def _bucket():
    import boto3

    return boto3.client(
        "s3", endpoint_url=S3, aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1"
    )


def _host_env(services: dict, folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_SETTINGS", "AWS_"))}
    env.update(
        TESTING="1",
        DEBUG="0",
        SECRET_KEY="many-hosts-test-key",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=services["database_url"],
        REDIS_URL=services["redis_url"],
        MEDIA_ROOT=str(folder / "media"),  # per host, and never written: media lives in the bucket
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=S3,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
        PYTHONPATH=str(ROOT),
    )
    return env


def test_web_and_worker_share_only_postgresql_redis_and_a_private_bucket(services, tmp_path):
    import requests

    from accounts.demo import DEMO_ACCOUNTS

    accounts = {a.username: a for a in DEMO_ACCOUNTS}
    s3 = _bucket()
    s3.create_bucket(Bucket=BUCKET)
    web_dir, worker_dir = tmp_path / "web-host", tmp_path / "worker-host"
    web_dir.mkdir()
    worker_dir.mkdir()
    web_env, worker_env = _host_env(services, web_dir), _host_env(services, worker_dir)

    _manage(web_env, web_dir, "migrate", "-v0")
    # Demo data from the web host, detection inline there (no REDIS_URL) so the worker's queue holds only our job.
    _manage({**web_env, "REDIS_URL": ""}, web_dir, "seed_demo")
    logs = open(tmp_path / "hosts.log", "w")
    web = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "netralitas_site.wsgi", "-b", f"127.0.0.1:{WEB_PORT}", "-w", "2"],
        cwd=web_dir, env=web_env, stdout=logs, stderr=logs,
    )  # fmt: skip
    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "rqworker", "detection", "pdf", "default"],
        cwd=worker_dir, env=worker_env, stdout=logs, stderr=logs,
    )  # fmt: skip
    try:
        _wait_http(f"{BASE}/health/")
        # A monitor reports a post with a photo through the web host.
        monitor = requests.Session()
        login(monitor, BASE, "monitor", accounts["monitor"].password)
        form = monitor.get(f"{BASE}/kasus/unggahan/baru/")
        with open(TWO_FINGERS, "rb") as fh:
            r = monitor.post(
                f"{BASE}/kasus/unggahan/baru/",
                data={"csrfmiddlewaretoken": csrf(form.text), "platform": "facebook", "source": "public",
                      "url": "https://facebook.com/banyak-host/posts/1", "found_at": "2024-11-01T10:00"},
                files={"files": ("bukti.jpg", fh, "image/jpeg")},
                headers={"Referer": form.url}, allow_redirects=False,
            )  # fmt: skip
        assert r.status_code == 302, r.text[-2000:]
        post_id = int(re.search(r"/unggahan/(\d+)/", r.headers["Location"]).group(1))

        # The officer (two-factor) sees what the worker found.
        officer = requests.Session()
        login(officer, BASE, "petugas", accounts["petugas"].password, accounts["petugas"].totp_secret)
        page = officer.get(f"{BASE}/kasus/unggahan/{post_id}/").text
        evidence_id = int(re.search(r"/deteksi/bukti/(\d+)/", page).group(1))
        results = _until(
            lambda: (t := officer.get(f"{BASE}/deteksi/bukti/{evidence_id}/").text) and "anotasi.jpg" in t and t,
            what="the worker's detection results",
        )
        preview_url, run_id = re.search(r"(/deteksi/proses/(\d+)/anotasi\.jpg)", results).groups()
        assert officer.get(BASE + preview_url).headers["Content-Type"].startswith("image/")
        evidence = officer.get(f"{BASE}/kasus/bukti/{evidence_id}/berkas/")
        assert evidence.status_code == 200 and evidence.content == TWO_FINGERS.read_bytes()

        # The worker merges the issued letters into one PDF in the bucket; the officer downloads it.
        letters = officer.get(f"{BASE}/surat/").text
        ids = sorted(set(re.findall(r'name="letters" value="(\d+)"', letters)))
        assert ids, "no issued letter to print"
        r = officer.post(
            f"{BASE}/surat/cetak-massal/", data={"csrfmiddlewaretoken": csrf(letters), "letters": ids},
            headers={"Referer": f"{BASE}/surat/"},
        )  # fmt: skip
        job_url = r.url
        _until(lambda: "/unduh/" in officer.get(job_url).text, what="the bulk print job")
        bulk = officer.get(job_url.rstrip("/") + "/unduh/")
        assert bulk.status_code == 200 and bulk.content.startswith(b"%PDF")

        keys = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET, MaxKeys=1000)["Contents"]]
        annotated = [k for k in keys if k.startswith(f"detection/annotated/run-{run_id}/")]
        assert annotated and any(k.startswith("letters/bulk/") for k in keys), keys
        import psycopg

        with psycopg.connect(services["database_url"]) as db:
            (worker_name,) = db.execute("SELECT worker FROM detection_detectionrun WHERE id = %s", [run_id]).fetchone()
        assert "job=" in worker_name  # analysed by the RQ worker process, not inline on the web host
        assert not any((d / "media").exists() and any((d / "media").rglob("*.*")) for d in (web_dir, worker_dir))

        # The bucket is private: anonymous reads are refused; files reach users only through the views.
        for key in [keys[0], annotated[0]]:
            assert requests.get(f"{S3}/{BUCKET}/{key}", timeout=5).status_code == 403
        assert requests.get(f"{BASE}/kasus/bukti/{evidence_id}/berkas/", allow_redirects=False).status_code == 302
    finally:
        for proc in (web, worker):
            proc.terminate()
        for proc in (web, worker):
            proc.wait(timeout=20)
        logs.close()
