"""Writes of the outreach app that are not bundles or public reports: recommendation follow-up."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from cases.models import Recommendation


@transaction.atomic
def record_follow_up(
    *, recommendation: Recommendation, follow_up: str, followed_up_on: dt.date, acting_user: Any, request: Any = None
) -> Recommendation:
    """Say what the Pemda did about a recommendation (stops its clock). Audited on the case."""
    rec = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    follow_up = (follow_up or "").strip()
    if not follow_up:
        raise ValidationError(_("Uraian tindak lanjut wajib diisi."))
    if followed_up_on < rec.received_on:
        raise ValidationError(_("Tanggal tindak lanjut tidak boleh sebelum rekomendasi diterima."))
    if followed_up_on > timezone.localdate():
        raise ValidationError(_("Tanggal tindak lanjut tidak boleh di masa depan."))
    old = [rec.follow_up, rec.followed_up_on]
    rec.follow_up, rec.followed_up_on = follow_up, followed_up_on
    rec.save(update_fields=["follow_up", "followed_up_on"])
    record(
        "recommendation.follow_up",
        actor=acting_user,
        subject=rec,
        case_id=rec.case_id,
        changes={"follow_up": [old[0], follow_up], "followed_up_on": [old[1], followed_up_on]},
        request=request,
    )
    return rec
