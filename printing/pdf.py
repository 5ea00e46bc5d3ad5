"""The one home of PDF rendering: an HTML template in, PDF bytes out (WeasyPrint).

Fonts come from the system's DejaVu/Liberation packages and are embedded by
WeasyPrint, so a PDF looks the same on every machine.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def _url_fetcher(url: str, *args: Any, **kwargs: Any) -> dict:
    """Serve /static/ files from disk; refuse any network fetch (intranet, no CDN)."""
    default_url_fetcher = _weasyprint().default_url_fetcher

    if url.startswith(settings.STATIC_URL) or url.startswith("static:"):
        path = finders.find(url.removeprefix(settings.STATIC_URL).removeprefix("static:"))
        if path:
            return default_url_fetcher(f"file://{path}")
    if url.startswith(("file://", "data:")):
        return default_url_fetcher(url)
    raise ValueError(f"Refusing to fetch {url!r} while rendering a PDF")


def _weasyprint():
    import weasyprint
    from PIL import ImageFile

    # WeasyPrint turns on Pillow's LOAD_TRUNCATED_IMAGES for the whole process when imported; evidence and
    # detection intake must keep refusing truncated photos, so switch it back off.
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    return weasyprint


def render_pdf(template_name: str, context: dict[str, Any]) -> bytes:
    HTML = _weasyprint().HTML

    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=_url_fetcher).write_pdf()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
