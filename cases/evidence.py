"""Evidence custody: validate images by content, store content-addressed, hash, thumbnail, pHash."""

from __future__ import annotations

import errno
import hashlib
import importlib
import io
import logging
from dataclasses import dataclass

import cv2
import numpy as np
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from detection.pipeline.intake import ImageRejected, load_image, probe

log = logging.getLogger(__name__)

# MPO is the JPEG that many phone cameras write (a JPEG with a second, depth or preview, frame).
FORMATS = {
    "JPEG": ("jpg", "image/jpeg"),
    "MPO": ("jpg", "image/jpeg"),
    "PNG": ("png", "image/png"),
    "WEBP": ("webp", "image/webp"),
}
PHASH_NEAR_DISTANCE = 10  # Hamming distance (of 64 bits) below which two images are near-duplicates
THUMB_SIZE = (480, 480)


@dataclass
class CheckedImage:
    data: bytes
    sha256: str
    phash: str
    width: int
    height: int
    ext: str
    content_type: str
    original_name: str
    thumb_data: bytes = b""  # made from the one decode of check_image, so store() decodes nothing

    @property
    def path(self) -> str:
        return f"evidence/{self.sha256[:2]}/{self.sha256}.{self.ext}"

    @property
    def thumb_path(self) -> str:
        return f"evidence/thumbs/{self.sha256[:2]}/{self.sha256}.jpg"


def _read(uploaded) -> bytes:
    max_bytes = settings.EVIDENCE_MAX_BYTES
    size = getattr(uploaded, "size", None)
    if size is not None and size > max_bytes:
        raise ValidationError(_("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": max_bytes // (1024 * 1024)})
    if hasattr(uploaded, "seek"):
        uploaded.seek(0)
    data = uploaded.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(_("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": max_bytes // (1024 * 1024)})
    if not data:
        raise ValidationError(_("Berkas kosong."))
    return data


def check_batch(files: list) -> None:
    """Refuse a request before decoding any of its files: too many files, or too many pixels in total.

    Pixels are read from the headers (a 6 KB PNG can declare 7000×7000), so one request cannot make the
    server decode, hash and analyse hundreds of megapixels."""
    max_files = settings.EVIDENCE_MAX_FILES
    if len(files) > max_files:
        raise ValidationError(
            _("Terlalu banyak berkas dalam satu kiriman: %(n)s (maksimal %(max)s). Kirim dalam beberapa bagian.")
            % {"n": len(files), "max": max_files}
        )
    total = 0
    for uploaded in files:
        if hasattr(uploaded, "seek"):
            uploaded.seek(0)
        header = probe(uploaded.read(64 * 1024))  # headers sit at the start; nothing is decoded
        if hasattr(uploaded, "seek"):
            uploaded.seek(0)
        if header:
            total += header[1] * header[2]
    budget = settings.EVIDENCE_REQUEST_MAX_PIXELS
    if total > budget:
        raise ValidationError(
            _(
                "Gambar dalam satu kiriman terlalu besar: %(mp)s megapiksel (maksimal %(max)s megapiksel). "
                "Kirim dalam beberapa bagian."
            )
            % {"mp": round(total / 1e6, 1), "max": round(budget / 1e6, 1)}
        )


def phash_of_array(rgb: np.ndarray) -> str:
    digest = cv2.img_hash.PHash_create().compute(np.ascontiguousarray(rgb[:, :, ::-1]))
    return bytes(digest.flatten().tolist()).hex()


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def check_image(uploaded) -> CheckedImage:
    """Refuse anything that is not a real JPEG/PNG/WebP image within the byte and pixel limits.

    Decoding, the pixel and decompression-bomb guards and EXIF orientation are the detection pipeline's
    intake (plain Python, one decoder for custody and analysis); custody adds its formats, limits and
    clerk-readable messages."""
    name = getattr(uploaded, "name", "") or ""
    data = _read(uploaded)
    try:
        image = load_image(
            data,
            max_bytes=settings.EVIDENCE_MAX_BYTES,
            max_pixels=settings.EVIDENCE_MAX_PIXELS,
            allowed_formats=frozenset(FORMATS),
        )
    except ImageRejected as exc:
        raise ValidationError(_refusal(exc, name)) from exc
    height, width = image.image.shape[:2]
    ext, content_type = FORMATS[image.format]
    thumb = Image.fromarray(image.image)  # already upright (intake applied EXIF orientation)
    thumb.thumbnail(THUMB_SIZE, reducing_gap=2.0)
    buf = io.BytesIO()
    thumb.save(buf, "JPEG", quality=82)
    return CheckedImage(
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
        phash=phash_of_array(image.image),
        width=width,
        height=height,
        ext=ext,
        content_type=content_type,
        original_name=name[:255],
        thumb_data=buf.getvalue(),
    )


def _refusal(exc: ImageRejected, name: str) -> str:
    if exc.reason == "too_many_pixels":
        w, h = exc.size or ("?", "?")
        return _("Gambar terlalu besar: %(w)s×%(h)s piksel (maksimal %(max)s piksel).") % {
            "w": w,
            "h": h,
            "max": settings.EVIDENCE_MAX_PIXELS,
        }
    if exc.reason == "too_large":
        return _("Berkas terlalu besar (maksimal %(mb)s MB).") % {"mb": settings.EVIDENCE_MAX_BYTES // (1024 * 1024)}
    if exc.reason == "empty":
        return _("Berkas kosong.")
    if exc.reason == "damaged":
        return _("“%(name)s” rusak atau terpotong dan tidak dapat dibaca.") % {"name": name}
    return _("“%(name)s” bukan gambar yang sah (hanya JPEG, PNG atau WebP).") % {"name": name}


def store(checked: CheckedImage) -> tuple[str, str]:
    """Write the file and its display thumbnail once; an existing file is reused, never overwritten.

    A write that fails (disk full, I/O error) leaves no partial file behind and raises a ValidationError the
    upload form shows; the caller's transaction then saves nothing. A file already at the content-addressed
    path with the wrong size can only be the leftover of such a failure, so it is written again.
    """
    path = checked.path
    _write_once(path, checked.data)
    thumb = checked.thumb_path
    if not default_storage.exists(thumb):
        _write_once(thumb, checked.thumb_data or _thumbnail(checked.data))
    return path, thumb


def _thumbnail(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as img:
        upright = ImageOps.exif_transpose(img).convert("RGB")
        upright.thumbnail(THUMB_SIZE)
        buf = io.BytesIO()
        upright.save(buf, "JPEG", quality=82)
    return buf.getvalue()


def _write_once(path: str, data: bytes) -> None:
    if default_storage.exists(path):
        if default_storage.size(path) == len(data):
            return
        default_storage.delete(path)  # a truncated leftover: its name promises bytes it does not hold
    try:
        saved = default_storage.save(path, ContentFile(data))
    except OSError as exc:
        if default_storage.exists(path) and default_storage.size(path) != len(data):
            default_storage.delete(path)
        if exc.errno == errno.ENOSPC:
            raise ValidationError(
                _("Ruang penyimpanan berkas penuh; bukti tidak disimpan. Beri tahu admin, lalu unggah lagi.")
            ) from exc
        raise ValidationError(
            _("Berkas bukti gagal disimpan (%(err)s); tidak ada yang tersimpan. Coba lagi.")
            % {"err": exc.strerror or exc.__class__.__name__}
        ) from exc
    if saved != path:  # a concurrent writer won the race: keep theirs (same bytes)
        default_storage.delete(saved)


def _detection_service(name: str):
    """A function of ``detection.services``, else None (looked up at run time: cases does not import detection)."""
    try:
        module = importlib.import_module("detection.services")
    except ImportError:
        return None
    return getattr(module, name, None)


def detection_enqueuer():
    """``detection.services.enqueue_detection`` (one job on the detection queue, with retries, sent after
    commit) when the detection app is installed, else None."""
    return _detection_service("enqueue_detection")


def enqueue_detection(evidence_pk: int, pixels: int = 0) -> None:
    """Ask the detection app to analyse this evidence; does nothing when the app is absent.

    Without Redis jobs run inline, i.e. inside the upload request: a photo above
    ``DETECTION_INLINE_MAX_PIXELS`` is left queued for ``manage.py requeue_detections`` instead, so one
    request never analyses an unbounded image. With Redis a worker does it, never the request."""
    from netralitas_site.jobs import queues_are_async

    if not queues_are_async() and pixels > settings.DETECTION_INLINE_MAX_PIXELS:
        defer = _detection_service("defer_detection")
        if defer is not None:
            defer(evidence_pk)
            return
    enqueuer = detection_enqueuer()
    if enqueuer is not None:
        enqueuer(evidence_pk)


def record_gallery_view(*, user, evidence_list, where: dict, request=None) -> None:
    """One audit event per page that shows evidence thumbnails (not one per thumbnail request).

    Opening a photo full size is audited per request (``evidence.download``); thumbnails are audited once
    per view of the page that shows them, naming every evidence on it. Not linked to the case timeline,
    so reading a case does not fill its history."""
    from audit.services import record

    ids = [e.pk for e in evidence_list]
    if ids:
        record("evidence.gallery_view", actor=user, changes={**where, "evidence": ids}, request=request)


def similar_evidence(evidence_list, *, distance: int = PHASH_NEAR_DISTANCE) -> dict[int, dict]:
    """For each evidence: identical (same SHA-256) and near-duplicate (pHash) evidence elsewhere.

    Returns ``{pk: {"identical": [Evidence...], "near": [(Evidence, distance)...]}}``. Two queries.
    """
    from .models import Evidence

    items = list(evidence_list)
    out: dict[int, dict] = {e.pk: {"identical": [], "near": []} for e in items}
    if not items:
        return out
    own = {e.pk for e in items}
    shas = {e.sha256 for e in items}
    for other in Evidence.objects.filter(sha256__in=shas).exclude(pk__in=own).select_related("post"):
        for e in items:
            if e.sha256 == other.sha256:
                out[e.pk]["identical"].append(other)
    candidates = Evidence.objects.exclude(pk__in=own).exclude(phash="").exclude(sha256__in=shas)
    for pk, ph in candidates.values_list("pk", "phash").iterator():
        for e in items:
            if e.phash:
                d = hamming(e.phash, ph)
                if d <= distance:
                    out[e.pk]["near"].append((pk, d))
    near_ids = {pk for v in out.values() for pk, _d in v["near"]}
    if near_ids:
        objs = Evidence.objects.select_related("post").in_bulk(near_ids)
        for v in out.values():
            v["near"] = [(objs[pk], d) for pk, d in v["near"]]
    return out
