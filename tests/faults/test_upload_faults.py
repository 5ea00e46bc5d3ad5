"""Faults during an upload (issue 12, item 3): the database connection lost half-way, and the media volume full.
Either way nothing is half-saved: no post, no evidence row, no partial file, and the user reads why in Indonesian."""

from __future__ import annotations

import errno
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.urls import reverse

from audit.models import AuditEvent
from cases import evidence as ev
from cases import services
from cases.models import Evidence, ReportedPost
from tests.cases.conftest import upload
from tests.conftest import service_missing


def _form(jpeg: bytes, url: str = "https://facebook.com/ahmad/posts/77") -> dict:
    return {"platform": "facebook", "url": url, "source": "public", "found_at": "2024-11-01T10:00",
            "files": [upload(jpeg)]}  # fmt: skip


def _nothing_saved() -> None:
    assert not ReportedPost.objects.exists() and not Evidence.objects.exists()
    assert not AuditEvent.objects.filter(action__in=["post.create", "evidence.upload"]).exists()


class FullVolume(FileSystemStorage):
    """A volume that fills up mid-write: half the bytes land, then ENOSPC, as a real full disk does."""

    def _save(self, name, content):
        full = self.path(name)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = content.read()
        with open(full, "wb") as fh:
            fh.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), full)


@pytest.mark.django_db
def test_media_volume_full_gives_a_clear_error_and_no_partial_evidence(client, monitor_user, jpeg, settings, tmp_path):
    media = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": f"{__name__}.FullVolume", "OPTIONS": {"location": str(media)}},
    }
    client.force_login(monitor_user)
    r = client.post(reverse("cases:post_create"), _form(jpeg))
    assert r.status_code == 200
    assert "Ruang penyimpanan berkas penuh; bukti tidak disimpan" in r.content.decode()
    _nothing_saved()
    assert not [p for p in media.rglob("*") if p.is_file()]  # the half-written file was removed

    # Space again. Even a truncated leftover at the content-addressed path is replaced, not reused.
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    settings.MEDIA_ROOT = str(media)
    path = ev.check_image(upload(jpeg)).path
    default_storage.save(path, ContentFile(jpeg[:100]))
    r = client.post(reverse("cases:post_create"), _form(jpeg))
    assert r.status_code == 302
    evidence = Evidence.objects.get()
    with default_storage.open(evidence.file.name, "rb") as fh:
        assert fh.read() == jpeg


@pytest.mark.django_db(transaction=True)
def test_database_connection_lost_during_an_upload_saves_nothing(client, monitor_user, jpeg, monkeypatch):
    if connection.vendor != "postgresql":
        service_missing("PostgreSQL as the test database (DATABASE_URL)")
    import psycopg

    original = services.add_subjects

    def lose_connection(**kwargs):
        """The evidence row is written; now the database server drops this connection."""
        pid = connection.connection.info.backend_pid
        s = connection.settings_dict
        with psycopg.connect(
            dbname=s["NAME"], user=s["USER"], host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432, autocommit=True
        ) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        return original(**kwargs)

    monkeypatch.setattr(services, "add_subjects", lose_connection)
    client.force_login(monitor_user)
    client.raise_request_exception = False
    r = client.post(reverse("cases:post_create"), _form(jpeg))
    assert r.status_code == 503
    assert "Sambungan ke basis data terputus" in r.content.decode() and r["Retry-After"]
    connection.close()
    _nothing_saved()

    monkeypatch.setattr(services, "add_subjects", original)
    r = client.post(reverse("cases:post_create"), _form(jpeg))
    assert r.status_code == 302 and Evidence.objects.count() == 1
