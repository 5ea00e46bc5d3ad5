"""Backup and restore (issue 12, item 4): a fresh install gets every row, file, evidence hash and audit event."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.services import record
from cases.models import Evidence
from tests.cases.conftest import make_post, upload
from tests.conftest import service_missing
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"

# Printed by the fresh install after the restore; the same code reads the source in-process.
SNAPSHOT = """
import hashlib, json
from django.core.files.storage import default_storage
from django.core.serializers.json import DjangoJSONEncoder
from audit.models import AuditEvent
from cases.models import Evidence

def file_hash(name):
    with default_storage.open(name, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()

snap = {
    "evidence": [[e.pk, e.sha256, file_hash(e.file.name), e.thumbnail.name] for e in Evidence.objects.order_by("pk")],
    "audit": [
        [a.pk, a.at.isoformat(), a.actor_id, a.action, a.subject_type, a.subject_id, a.case_id, a.changes, a.reason]
        for a in AuditEvent.objects.order_by("pk")
    ],
}
print(json.dumps(snap, cls=DjangoJSONEncoder, sort_keys=True))
"""


def _snapshot_here() -> dict:
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out):
        exec(SNAPSHOT, {})
    return json.loads(out.getvalue())


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _fresh_env(tmp_path: Path, database_url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "REDIS_URL"))}
    env.update(DEBUG="1", DATABASE_URL=database_url, MEDIA_ROOT=str(tmp_path / "fresh-media"))
    return env


def _source(hr_user, unit, jpeg) -> None:
    employee = EmployeeFactory(unit=unit, full_name="Ahmad Terlapor")
    make_post(hr_user, url="https://facebook.com/ahmad/posts/1", employees=[employee], files=[upload(jpeg)])
    record("test.marker", actor=hr_user, changes={"catatan": "baris audit ke-n", "angka": [1, 2]})


@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_backup_restores_into_a_fresh_install_with_every_hash_and_audit_row(tmp_path, hr_user, unit, jpeg, target):
    _source(hr_user, unit, jpeg)
    archive = tmp_path / "cadangan.tar"
    call_command("backup", out=str(archive), stdout=io.StringIO())
    before = _snapshot_here()
    assert before["evidence"] and len(before["audit"]) >= 2
    assert all(e[1] == e[2] for e in before["evidence"])

    if target == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    else:
        import psycopg

        name = f"netr_ops_restore_{uuid.uuid4().hex[:8]}"
        try:
            admin = psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3)
        except psycopg.OperationalError:
            service_missing("PostgreSQL at 127.0.0.1:5432")
        admin.execute(f"CREATE DATABASE {name}")
        url = f"postgres://postgres@127.0.0.1:5432/{name}"
    try:
        env = _fresh_env(tmp_path, url)
        _manage(env, "migrate", "--noinput", "-v", "0")
        out = _manage(env, "restore", str(archive))
        assert "hash semua bukti cocok" in out
        after = json.loads(_manage(env, "shell", "-c", SNAPSHOT).strip().splitlines()[-1])
        assert after == before
        # The restored audit table is still append-only.
        done = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c",
             "from django.db import connection\nwith connection.cursor() as c: c.execute('UPDATE audit_auditevent SET action=%s', ['x'])"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode != 0 and "append-only" in done.stderr
        # A second restore into the now non-empty install is refused.
        refused = subprocess.run(
            [sys.executable, "manage.py", "restore", str(archive)], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert refused.returncode != 0 and "instalasi baru" in refused.stderr
    finally:
        if target == "postgresql":
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            admin.close()


def test_a_tampered_archive_is_refused_before_anything_is_written(tmp_path, hr_user, unit, jpeg, settings):
    _source(hr_user, unit, jpeg)
    archive, tampered = tmp_path / "cadangan.tar", tmp_path / "diubah.tar"
    call_command("backup", out=str(archive), stdout=io.StringIO())
    evidence_name = "media/" + Evidence.objects.get().file.name
    with tarfile.open(archive) as src, tarfile.open(tampered, "w") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            if member.name == evidence_name:
                data = data[:-1] + bytes([data[-1] ^ 1])
            dst.addfile(member, io.BytesIO(data))
    settings.MEDIA_ROOT = str(tmp_path / "other-media")
    with pytest.raises(CommandError, match="Hash tidak cocok"):
        call_command("restore", str(tampered))
    assert not (tmp_path / "other-media").exists()  # verified before a single file was written


def test_backup_of_an_install_without_media_files(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path / "no-media-yet")
    archive = tmp_path / "kosong.tar"
    out = io.StringIO()
    call_command("backup", out=str(archive), stdout=out)
    assert "0 berkas media" in out.getvalue()
    with tarfile.open(archive) as tar:
        assert sorted(tar.getnames()) == ["db.xml", "manifest.json"]
