"""Register issued PDFs and draw the QR code that leads to their public verification page."""

from __future__ import annotations

import base64
import datetime as dt
import io

from django.conf import settings
from django.urls import reverse

from .models import IssuedDocument


def verification_url(code: str) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("verify_document", args=[code])


def qr_data_uri(text: str) -> str:
    """A PNG QR code as a data: URI, for embedding in an HTML template rendered to PDF."""
    import qrcode

    img = qrcode.make(text, box_size=4, border=1)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def reserve(*, kind: str, number: str, issued_on: dt.date) -> IssuedDocument:
    """Create the verification record before rendering (the code goes into the PDF); hash set after."""
    return IssuedDocument.objects.create(kind=kind, number=number, issued_on=issued_on, sha256="")


def seal(document: IssuedDocument, pdf_bytes: bytes) -> IssuedDocument:
    import hashlib

    document.sha256 = hashlib.sha256(pdf_bytes).hexdigest()
    document.save(update_fields=["sha256"])
    return document
