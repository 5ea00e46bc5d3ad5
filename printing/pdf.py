"""The one home of PDF rendering: an HTML template in, PDF bytes out (WeasyPrint).

Fonts come from the system's DejaVu/Liberation packages and are embedded by
WeasyPrint, so a PDF looks the same on every machine.
"""

from __future__ import annotations

import hashlib
import mimetypes
from typing import Any

from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string

STATIC_SCHEME = "static:"


def _url_fetcher(url: str, *args: Any, **kwargs: Any) -> dict:
    """Serve only the app's own static files (``static:path``) and inline ``data:`` images.

    Everything else is refused: no ``file://`` (a letterhead field could otherwise attach /etc/passwd or
    /proc/self/environ to a signed letter), no http(s) (intranet, no CDN, no server-side requests).
    """
    if url.startswith(STATIC_SCHEME):
        return _static_file(url.removeprefix(STATIC_SCHEME))
    if url.startswith("data:"):
        return _weasyprint().default_url_fetcher(url)  # decoded in memory by urllib, no I/O
    raise ValueError(f"Refusing to fetch {url[:80]!r} while rendering a PDF")


def _static_file(relative: str) -> dict:
    relative = relative.split("?", 1)[0].lstrip("/")
    try:
        path = finders.find(relative)  # safe_join: '..' or an absolute path raises
    except SuspiciousFileOperation:
        path = None
    if not path:
        raise ValueError(f"No static file {relative[:80]!r}")
    with open(path, "rb") as fh:
        data = fh.read()
    return {"string": data, "mime_type": mimetypes.guess_type(path)[0] or "application/octet-stream"}


def _weasyprint():
    import weasyprint
    from PIL import ImageFile

    # WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process when imported; evidence and
    # detection intake must keep refusing truncated photos, so switch it back off.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    return html_to_pdf(render_to_string(template_name, context))


def html_to_pdf(html: str) -> bytes:
    # No base URL: a relative or absolute path in the HTML resolves to nothing instead of a server file.
    return _weasyprint().HTML(string=html, url_fetcher=_url_fetcher).write_pdf()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
