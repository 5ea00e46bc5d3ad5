"""Referral-bundle manifests: canonical JSON, an HMAC-SHA256 signature line, and verification of a ZIP.

The key comes from ``REFERRAL_BUNDLE_KEY`` (environment). Development and tests fall back to a key derived
from SECRET_KEY and say so in the manifest; production refuses to sign without the configured key."""

from __future__ import annotations

import hashlib
import hmac
import json
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
FORMAT = "netralitas-referral/1"
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # verification reads members in chunks; refuse absurd sizes


class BundleKeyMissing(ImproperlyConfigured):
    pass


def signing_key() -> tuple[bytes, str]:
    """(key, key label). The label (a short fingerprint) tells the verifier which key signed."""
    key = settings.REFERRAL_BUNDLE_KEY
    if key:
        raw = key.encode()
        return raw, "env:" + hashlib.sha256(raw).hexdigest()[:12]
    if not (settings.DEBUG or settings.TESTING):
        raise BundleKeyMissing(
            _("REFERRAL_BUNDLE_KEY belum diatur: berkas rujukan tidak dibuat tanpa kunci tanda tangan.")
        )
    raw = hmac.new(settings.SECRET_KEY.encode(), b"netralitas-referral-dev", hashlib.sha256).digest()
    return raw, "dev:" + hashlib.sha256(raw).hexdigest()[:12]


def canonical(manifest: dict) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode() + b"\n"


def signature_line(manifest_bytes: bytes) -> str:
    key, label = signing_key()
    mac = hmac.new(key, manifest_bytes, hashlib.sha256).hexdigest()
    return f"HMAC-SHA256 key={label} {mac}\n"


@dataclass
class Verification:
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    files_checked: int = 0
    manifest: dict = field(default_factory=dict)

    def fail(self, message: str) -> None:
        self.ok = False
        self.problems.append(message)


def _sha256_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with archive.open(info) as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            size += len(chunk)
            if size > MAX_MEMBER_BYTES:
                raise ValueError("member too large")
            digest.update(chunk)
    return digest.hexdigest(), size


def verify_zip(path_or_file) -> Verification:
    """Check the signature of the manifest, then every listed file's size and SHA-256, then that the ZIP
    holds nothing unlisted. Every problem names the file concerned."""
    result = Verification()
    try:
        archive = zipfile.ZipFile(path_or_file)
    except (zipfile.BadZipFile, OSError) as exc:
        result.fail(_("Bukan berkas ZIP yang dapat dibaca: %(e)s") % {"e": exc})
        return result
    with archive:
        names = {i.filename: i for i in archive.infolist() if not i.is_dir()}
        if MANIFEST not in names or SIGNATURE not in names:
            result.fail(_("manifest.json atau manifest.sig tidak ada di dalam ZIP."))
            return result
        manifest_bytes = archive.read(MANIFEST)
        sig = archive.read(SIGNATURE).decode("utf-8", "replace").strip()
        parts = sig.split()
        key, label = signing_key()
        if len(parts) != 3 or parts[0] != "HMAC-SHA256" or parts[1] != f"key={label}":
            result.fail(
                _("Baris tanda tangan manifest tidak dikenal atau dibuat dengan kunci lain: %(s)s") % {"s": sig}
            )
        else:
            expected = hmac.new(key, manifest_bytes, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(expected, parts[2]):
                result.fail(_("Tanda tangan manifest.json tidak cocok: manifest telah diubah."))
        try:
            manifest = json.loads(manifest_bytes)
        except ValueError:
            result.fail(_("manifest.json bukan JSON yang sah."))
            return result
        result.manifest = manifest
        listed = set()
        for entry in manifest.get("files", []):
            path = entry.get("path", "")
            listed.add(path)
            info = names.get(path)
            if info is None:
                result.fail(_("%(p)s: tercantum di manifest tetapi tidak ada di ZIP.") % {"p": path})
                continue
            try:
                digest, size = _sha256_member(archive, info)
            except (ValueError, zipfile.BadZipFile, OSError) as exc:
                result.fail(_("%(p)s: tidak dapat dibaca (%(e)s).") % {"p": path, "e": exc})
                continue
            result.files_checked += 1
            if size != entry.get("size"):
                result.fail(
                    _("%(p)s: ukuran %(a)s byte, manifest mencatat %(b)s byte.")
                    % {"p": path, "a": size, "b": entry.get("size")}
                )
            if digest != entry.get("sha256"):
                result.fail(_("%(p)s: SHA-256 tidak cocok dengan manifest (berkas telah diubah).") % {"p": path})
        for extra in sorted(set(names) - listed - {MANIFEST, SIGNATURE}):
            result.fail(_("%(p)s: ada di ZIP tetapi tidak tercantum di manifest.") % {"p": extra})
    return result
