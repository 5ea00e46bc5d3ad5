"""Backup archive: the database (Django's portable dumpdata) and the media files in one tar, with a manifest of hashes.

Why dumpdata/loaddata rather than pg_dump: the same archive restores into SQLite or PostgreSQL, and loading only
INSERTs rows, which the audit table's append-only triggers allow (a pg_dump restore would recreate the table and
its triggers from the dump, so a tampered dump could bring the audit table back without them). Loading uses raw
saves, so the evidence and letter immutability checks in ``save()`` do not fire; rows arrive exactly as dumped.

XML rather than JSON: Django's JSON encoder cuts timestamps to milliseconds; the XML serializer keeps every
microsecond, so audit times come back exactly.

Layout: ``db.xml``, ``media/<storage name>`` for every file in the default storage, ``manifest.json`` (last).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "netralitas-backup/1"
CHUNK = 1024 * 1024
# Rebuilt by `migrate` on the fresh install (content types, permissions) or worthless after a restore (sessions).
EXCLUDE = ["contenttypes", "auth.permission", "sessions"]


class BackupError(Exception):
    """A backup or restore refused, with an Indonesian message for the operator."""


def sha256_of(fh: IO[bytes]) -> tuple[str, int]:
    h, size = hashlib.sha256(), 0
    for chunk in iter(lambda: fh.read(CHUNK), b""):
        h.update(chunk)
        size += len(chunk)
    return h.hexdigest(), size


def media_names(path: str = "") -> Iterator[str]:
    """Every file in the default storage (local folder or S3 bucket), recursively."""
    try:
        dirs, files = default_storage.listdir(path)
    except FileNotFoundError:  # a fresh install has no media folder yet
        return
    for f in sorted(files):
        yield f"{path}/{f}" if path else f
    for d in sorted(dirs):
        yield from media_names(f"{path}/{d}" if path else d)


def applied_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return latest


def _dump_database(path: Path) -> None:
    """One consistent snapshot: on PostgreSQL a read-only REPEATABLE READ transaction."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cur:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        unmanaged = [m._meta.label for m in apps.get_models() if not m._meta.managed]  # e.g. django_rq's Queue
        call_command(
            "dumpdata", format="xml", natural_foreign=True, exclude=EXCLUDE + unmanaged, output=str(path), verbosity=0
        )


def _add(tar: tarfile.TarFile, name: str, fh: IO[bytes], size: int) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = size, int(timezone.now().timestamp()), 0o640
    tar.addfile(info, fh)


def write_backup(out: Path) -> dict[str, Any]:
    """Write the archive to ``out`` (atomically: a temporary name, renamed when complete)."""
    manifest: dict[str, Any] = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": applied_migrations(),
        "media": {},
    }
    tmp = out.with_name(out.name + ".part")
    with tempfile.TemporaryDirectory() as work:
        db_path = Path(work) / "db.xml"
        _dump_database(db_path)
        with tarfile.open(tmp, "w") as tar:
            with open(db_path, "rb") as fh:
                digest, size = sha256_of(fh)
                fh.seek(0)
                _add(tar, "db.xml", fh, size)
            manifest["database"] = {"sha256": digest, "size": size}
            for name in media_names():
                with default_storage.open(name, "rb") as fh:
                    digest, size = sha256_of(fh)
                    fh.seek(0)
                    _add(tar, f"media/{name}", fh, size)
                manifest["media"][name] = {"sha256": digest, "size": size}
            data = json.dumps(manifest, indent=1, sort_keys=True).encode()
            _add(tar, "manifest.json", io.BytesIO(data), len(data))
    os.replace(tmp, out)
    return manifest


def read_manifest(tar: tarfile.TarFile) -> dict[str, Any]:
    try:
        manifest = json.load(tar.extractfile("manifest.json"))
    except (KeyError, ValueError) as exc:
        raise BackupError("Berkas ini bukan cadangan Netralitas: manifest.json tidak ada atau rusak.") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Format cadangan tidak dikenal: {manifest.get('format')!r}.")
    return manifest


def verify_archive(tar: tarfile.TarFile, manifest: dict[str, Any]) -> None:
    """Every member hashes to what the manifest says, and nothing is missing or extra."""
    expected = {"db.xml": manifest["database"]["sha256"]}
    expected.update({f"media/{n}": v["sha256"] for n, v in manifest["media"].items()})
    seen = set()
    for member in tar.getmembers():
        if member.name == "manifest.json":
            continue
        if member.name not in expected or not member.isfile():
            raise BackupError(f"Berkas tak terdaftar di manifest: {member.name}.")
        digest, _size = sha256_of(tar.extractfile(member))
        if digest != expected[member.name]:
            raise BackupError(f"Hash tidak cocok untuk {member.name}: cadangan rusak atau diubah.")
        seen.add(member.name)
    missing = sorted(set(expected) - seen)
    if missing:
        raise BackupError(f"Berkas hilang dari cadangan: {', '.join(missing[:5])}.")


def check_fresh_target(manifest: dict[str, Any]) -> None:
    from audit.models import AuditEvent
    from cases.models import Case

    have = applied_migrations()
    behind = [f"{app}.{name}" for app, name in manifest["migrations"].items() if have.get(app, "") < name]
    if behind:
        raise BackupError(
            "Basis data tujuan belum dimigrasikan sejauh cadangan (jalankan `migrate` dengan versi aplikasi yang "
            f"sama): {', '.join(sorted(behind)[:5])}."
        )
    if Case.objects.exists() or AuditEvent.objects.exists():
        raise BackupError("Pemulihan hanya ke instalasi baru: basis data tujuan sudah berisi kasus atau audit.")


def restore_backup(path: Path) -> dict[str, int]:
    """Verify, then write media (content-addressed, so idempotent), then load the database in one transaction."""
    try:
        tar = tarfile.open(path, "r")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Berkas cadangan tidak dapat dibaca: {exc}.") from exc
    with tar:
        manifest = read_manifest(tar)
        verify_archive(tar, manifest)
        check_fresh_target(manifest)
        for name, meta in manifest["media"].items():
            if default_storage.exists(name):
                with default_storage.open(name, "rb") as fh:
                    if sha256_of(fh)[0] != meta["sha256"]:
                        raise BackupError(f"Berkas {name} sudah ada di penyimpanan tujuan dengan isi berbeda.")
                continue
            saved = default_storage.save(name, File(tar.extractfile(f"media/{name}"), name=name))
            if saved != name:
                raise BackupError(f"Penyimpanan menyimpan {name} dengan nama lain ({saved}).")
        with tempfile.TemporaryDirectory() as work:
            db_path = Path(work) / "db.xml"
            with open(db_path, "wb") as out, tar.extractfile("db.xml") as src:
                for chunk in iter(lambda: src.read(CHUNK), b""):
                    out.write(chunk)
            with transaction.atomic():
                call_command("loaddata", str(db_path), verbosity=0)
    return {"media": len(manifest["media"]), "database_bytes": manifest["database"]["size"]}


def verify_restored() -> list[str]:
    """Problems after a restore: evidence or letter files whose bytes no longer match their stored hash."""
    from cases.models import Evidence

    problems = []
    for pk, name, digest in Evidence.objects.values_list("pk", "file", "sha256"):
        if not default_storage.exists(name):
            continue  # removed when the retention period ended: the hash stays, the file does not
        with default_storage.open(name, "rb") as fh:
            if sha256_of(fh)[0] != digest:
                problems.append(f"bukti {pk}: {name}")
    return problems
