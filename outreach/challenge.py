"""Proof-of-work challenge for the public form, with no third-party service.

The server issues a signed nonce stating the difficulty; the browser (``static/outreach/pow.js``) finds a
counter such that SHA-256("<nonce>:<counter>") starts with that many zero bits. A nonce is good for one
hour and for one report only (remembered in the cache)."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SALT = "outreach.pow"
MAX_AGE = 3600


def issue() -> str:
    return signing.dumps({"n": secrets.token_hex(12), "b": settings.PUBLIC_REPORT_POW_BITS}, salt=SALT, compress=False)


def bits_of(token: str) -> int:
    return int(signing.loads(token, salt=SALT)["b"])


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        return bits + 8 - byte.bit_length()
    return bits


def solve(token: str) -> str:
    """What the browser does (used by tests and the command-line client)."""
    need, counter = bits_of(token), 0
    while leading_zero_bits(hashlib.sha256(f"{token}:{counter}".encode()).digest()) < need:
        counter += 1
    return str(counter)


def verify(token: str, answer: str) -> None:
    """Raise ValidationError unless the answer is right for a fresh, unused, untampered nonce."""
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ValidationError(_("Formulir kedaluwarsa. Muat ulang halaman dan kirim lagi.")) from exc
    except signing.BadSignature as exc:
        raise ValidationError(_("Pemeriksaan anti-spam gagal. Muat ulang halaman dan kirim lagi.")) from exc
    answer = (answer or "").strip()
    if not answer.isdigit() or len(answer) > 12:
        raise ValidationError(_("Pemeriksaan anti-spam belum selesai. Pastikan JavaScript aktif, lalu kirim lagi."))
    digest = hashlib.sha256(f"{token}:{answer}".encode()).digest()
    if leading_zero_bits(digest) < int(payload.get("b", 0)):
        raise ValidationError(_("Pemeriksaan anti-spam gagal. Muat ulang halaman dan kirim lagi."))
    if not cache.add("pow-used:" + hashlib.sha256(token.encode()).hexdigest(), 1, timeout=MAX_AGE + 60):
        raise ValidationError(_("Formulir ini sudah dikirim. Muat ulang halaman untuk laporan baru."))
