"""Public reports: a citizen's report (or an imported SP4N-LAPOR! row) lands in the monitors' queue as a post
with source "pengaduan masyarakat"; reports of a known URL are merged onto that post and counted.

The reporter receives a tracking code (only its SHA-256 is stored) that shows one of three status words,
nothing else. Files go through evidence custody (``cases/evidence.py``) like any other evidence."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import record
from cases.models import ReportedPost
from cases.services import report_post

from .models import PublicReport

CHANNEL_USERNAME = "pengaduan-masyarakat"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I

RECEIVED, REVIEWING, HANDLED = "diterima", "sedang ditelaah", "ditangani"
STATUS_WORDS = {
    RECEIVED: gettext_lazy("Diterima"),
    REVIEWING: gettext_lazy("Sedang ditelaah"),
    HANDLED: gettext_lazy("Ditangani"),
}

PLATFORM_HOSTS = {
    "facebook": ("facebook.com", "fb.com", "fb.watch"),
    "instagram": ("instagram.com",),
    "tiktok": ("tiktok.com",),
    "x": ("x.com", "twitter.com"),
    "youtube": ("youtube.com", "youtu.be"),
    "whatsapp": ("whatsapp.com", "wa.me"),
}


def platform_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    for platform, hosts in PLATFORM_HOSTS.items():
        if any(host == h or host.endswith("." + h) for h in hosts):
            return platform
    return "other"


def channel_user():
    """The account public reports are recorded under: inactive, no password, cannot log in."""
    user, created = get_user_model().objects.get_or_create(
        username=CHANNEL_USERNAME, defaults={"is_active": False, "first_name": "Pengaduan", "last_name": "Masyarakat"}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def code_hash(code: str) -> str:
    cleaned = "".join(ch for ch in (code or "").upper() if ch in CODE_ALPHABET)
    return hashlib.sha256(cleaned.encode()).hexdigest()


@transaction.atomic
def submit(
    *,
    url: str,
    description: str,
    platform: str = "",
    contact: str = "",
    screenshot: Any = None,
    channel: str = PublicReport.Channel.FORM,
    lapor_reference: str = "",
    received_at=None,
    request: Any = None,
) -> tuple[PublicReport, str]:
    """Record one public report. Returns (report, tracking code). One transaction: a refused file saves nothing."""
    system = channel_user()
    platform = platform or platform_of(url)
    reference = f"LAPOR! {lapor_reference}" if lapor_reference else _("Formulir pengaduan publik")
    post, duplicate, results = report_post(
        acting_user=system,
        platform=platform,
        url=url,
        source=ReportedPost.Source.PUBLIC,
        source_reference=reference,
        notes=description,
        files=[screenshot] if screenshot else [],
        request=request,
    )
    code = new_code()
    report = PublicReport.objects.create(
        post=post,
        channel=channel,
        tracking_hash=code_hash(code),
        platform=platform,
        url=url,
        description=description,
        contact=contact,
        evidence=results[0]["evidence"] if results else None,
        lapor_reference=lapor_reference,
        created_at=received_at or timezone.now(),
    )
    record(
        "public_report.received",
        actor=None,
        subject=report,
        changes={"post": post.pk, "merged": duplicate, "channel": channel, "count": post.public_reports.count()},
        request=request,
    )
    return report, code


def status_of(report: PublicReport, has_case: bool | None = None) -> str:
    """The report's status key; ``has_case`` (whether its post has a case) saves a query in lists."""
    if has_case is None:
        has_case = report.post.cases.exists()
    if report.closed_at or has_case:
        return HANDLED
    if report.taken_up_at:
        return REVIEWING
    return RECEIVED


def status_words(code: str) -> str | None:
    """The status word for a tracking code, or None for an unknown code. Nothing else is revealed."""
    report = PublicReport.objects.filter(tracking_hash=code_hash(code)).select_related("post").first()
    return str(STATUS_WORDS[status_of(report)]) if report else None


@transaction.atomic
def take_up(*, post: ReportedPost, acting_user: Any, request: Any = None) -> int:
    """A monitor starts reviewing a reported post: every open public report on it becomes 'sedang ditelaah'."""
    now = timezone.now()
    n = PublicReport.objects.filter(post=post, taken_up_at__isnull=True).update(
        taken_up_at=now, taken_up_by=acting_user
    )
    if n:
        record("public_report.taken_up", actor=acting_user, subject=post, changes={"reports": n}, request=request)
    return n


@transaction.atomic
def close(*, post: ReportedPost, note: str, acting_user: Any, request: Any = None) -> int:
    """Handled without a case (e.g. not an ASN, no violation): the reports become 'ditangani'."""
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("Tuliskan alasan penanganan (mis. bukan ASN, tidak ada pelanggaran)."))
    now = timezone.now()
    qs = PublicReport.objects.filter(post=post, closed_at__isnull=True)
    n = qs.update(closed_at=now, closed_by=acting_user, closing_note=note[:500])
    PublicReport.objects.filter(post=post, taken_up_at__isnull=True).update(taken_up_at=now, taken_up_by=acting_user)
    if n:
        record(
            "public_report.closed",
            actor=acting_user,
            subject=post,
            changes={"reports": n},
            reason=note,
            request=request,
        )
    return n
