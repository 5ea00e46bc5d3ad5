"""Issued documents: every letter and certificate that leaves the system.

A row is written once, when the PDF is frozen; the public verification page reads it.
It holds no personal data: only the number, date, kind and the file's SHA-256.
"""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

# No 0/O/1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


class IssuedDocument(models.Model):
    code = models.CharField(_("kode verifikasi"), max_length=16, unique=True, default=new_verification_code)
    kind = models.CharField(_("jenis dokumen"), max_length=80)
    number = models.CharField(_("nomor"), max_length=120, blank=True)
    issued_on = models.DateField(_("tanggal"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    revoked = models.BooleanField(_("dicabut/diganti"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dokumen terbit")
        verbose_name_plural = _("dokumen terbit")

    def __str__(self) -> str:
        return f"{self.kind} {self.number} ({self.code})"
