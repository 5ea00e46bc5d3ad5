"""Certificate PDFs: reserve a verification code, render with code and QR, seal with SHA-256, store once."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from printing.pdf import render_pdf
from printing.verification import qr_data_uri, reserve, seal, verification_url

from .models import Certificate

DOCUMENT_KIND = "Sertifikat Pelatihan Netralitas ASN"


def render_certificate(certificate_id: int) -> Certificate:
    """Render and store the PDF if it is not stored yet; afterwards the stored bytes never change."""
    with transaction.atomic():
        cert = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("employee", "employee__unit", "quiz", "programme", "attempt")
            .get(pk=certificate_id)
        )
        if cert.pdf:
            return cert
        issued_on = timezone.localdate(cert.issued_at)
        document = reserve(kind=DOCUMENT_KIND, number=cert.number, issued_on=issued_on)
        url = verification_url(document.code)
        pdf = render_pdf(
            "training/certificate_pdf.html",
            {
                "cert": cert,
                "employee": cert.employee,
                "issued_on": issued_on,
                "code": document.code,
                "verify_url": url,
                "qr": qr_data_uri(url),
            },
        )
        seal(document, pdf)
        cert.document = document
        cert.pdf = pdf
        cert.save(update_fields=["document", "pdf"])
        return cert


def certificate_bytes(certificate: Certificate) -> bytes:
    if not certificate.pdf:
        certificate = render_certificate(certificate.pk)
    return bytes(certificate.pdf)
