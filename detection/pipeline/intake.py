"""Image intake: decode by content, respect EXIF orientation, refuse bad input.

Plain Python (Pillow + numpy); no Django imports.
"""

from __future__ import annotations

import io
import os
import warnings
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

DEFAULT_MAX_BYTES = 25 * 1024 * 1024  # 25 MB encoded
DEFAULT_MAX_PIXELS = 40_000_000  # 40 megapixels decoded
ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "BMP", "GIF", "TIFF", "MPO"})

ImageSource = bytes | bytearray | memoryview | str | os.PathLike | np.ndarray


class ImageRejected(ValueError):
    """The input cannot be used as an image. ``str(exc)`` is a human-readable message."""

    def __init__(self, message: str, *, reason: str = "invalid", size: tuple[int, int] | None = None):
        super().__init__(message)
        self.reason = reason  # one of: empty, too_large, too_many_pixels, unreadable, damaged, unsupported
        self.size = size  # (width, height) when the header was read


@dataclass
class IntakeImage:
    image: np.ndarray  # H x W x 3 RGB uint8, EXIF orientation applied
    original_size: tuple  # (width, height) after EXIF orientation (= image size)
    format: str  # "JPEG", "PNG", ... or "ARRAY"
    n_bytes: int


def _read_bytes(src, max_bytes: int) -> bytes:
    if isinstance(src, (bytes, bytearray, memoryview)):
        data = bytes(src)
    else:
        path = os.fspath(src)
        try:
            size = os.path.getsize(path)
        except OSError as exc:
            raise ImageRejected(f"Cannot read file {path!r}: {exc.strerror or exc}", reason="unreadable") from exc
        if size > max_bytes:
            raise ImageRejected(
                f"File is too large ({size / 1e6:.1f} MB; limit {max_bytes / 1e6:.1f} MB).", reason="too_large"
            )
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    if not data:
        raise ImageRejected("The file is empty.", reason="empty")
    if len(data) > max_bytes:
        raise ImageRejected(
            f"File is too large ({len(data) / 1e6:.1f} MB; limit {max_bytes / 1e6:.1f} MB).", reason="too_large"
        )
    return data


def probe(data: bytes) -> tuple[str, int, int] | None:
    """(format, width, height) from the header alone, nothing decoded, or None when unrecognised.

    Unlike ``Image.open`` this does not raise Pillow's decompression-bomb error, so a refusal can name the
    real dimensions, and a request can add up its pixels before decoding any of its files."""
    Image.init()
    prefix = data[:16]
    for fmt in Image.ID:
        factory, accept = Image.OPEN[fmt]
        if accept is not None and not accept(prefix):
            continue
        try:
            im = factory(io.BytesIO(data), "")
        except Exception:  # noqa: BLE001, S112  (each plugin raises its own kinds on foreign data)
            continue
        return im.format or fmt, im.size[0], im.size[1]
    return None


def load_image(
    src: ImageSource,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    allowed_formats: frozenset[str] = ALLOWED_FORMATS,
) -> IntakeImage:
    """Decode ``src`` (bytes, a path, or an RGB/BGR-agnostic uint8 array) into RGB uint8.

    The format is recognised from the content, never from the file name. Raises
    :class:`ImageRejected` for empty, oversized, truncated, non-image or decompression-bomb input, and for
    formats outside ``allowed_formats`` (checked from the header, before decoding). Evidence custody
    (``cases.evidence``) uses this same decoder with its own limits and formats.
    """
    if isinstance(src, np.ndarray):
        arr = src
        if arr.dtype != np.uint8:
            raise ImageRejected("Array images must be uint8.", reason="unsupported")
        if arr.ndim == 2:
            arr = np.stack([arr] * 3, axis=-1)
        if arr.ndim != 3 or arr.shape[2] not in (3, 4):
            raise ImageRejected("Array images must be HxWx3 (RGB).", reason="unsupported")
        if arr.shape[0] * arr.shape[1] > max_pixels:
            raise ImageRejected("Image has too many pixels.", reason="too_many_pixels")
        arr = np.ascontiguousarray(arr[:, :, :3])
        return IntakeImage(arr, (arr.shape[1], arr.shape[0]), "ARRAY", arr.nbytes)

    data = _read_bytes(src, max_bytes)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as im:
                fmt = im.format or "UNKNOWN"
                if fmt not in allowed_formats:
                    raise ImageRejected(f"Unsupported image format {fmt}.", reason="unsupported")
                w, h = im.size
                # Header check before decoding: refuses decompression bombs cheaply.
                if w <= 0 or h <= 0 or w * h > max_pixels:
                    raise ImageRejected(
                        f"Image is too big ({w}x{h} = {w * h / 1e6:.1f} MP; limit {max_pixels / 1e6:.1f} MP).",
                        reason="too_many_pixels",
                        size=(w, h),
                    )
                if getattr(im, "is_animated", False):
                    im.seek(0)
                im.load()  # full decode: raises on truncated data
                im = ImageOps.exif_transpose(im)
                if im.mode != "RGB":
                    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
                        rgba = im.convert("RGBA")
                        bg = Image.new("RGB", rgba.size, (255, 255, 255))
                        bg.paste(rgba, mask=rgba.split()[3])
                        im = bg
                    else:
                        im = im.convert("RGB")
                arr = np.asarray(im, dtype=np.uint8).copy()
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        header = probe(data)
        size = (header[1], header[2]) if header else None
        raise ImageRejected(
            "Image is too big (decompression bomb guard).", reason="too_many_pixels", size=size
        ) from exc
    except UnidentifiedImageError as exc:
        raise ImageRejected("The file is not a recognised image.", reason="unreadable") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ImageRejected(f"The image is damaged or truncated ({exc}).", reason="damaged") from exc
    return IntakeImage(arr, (arr.shape[1], arr.shape[0]), fmt, len(data))
