"""The clock on a Bawaslu/BKN/KASN recommendation received for a case, and its follow-up state.

Rule (the one home): a recommendation is acted on within ``RECOMMENDATION_RULE.working_days`` working days
of its receipt (``workdays/`` calendar). No statutory day-count was found (domain brief §3.2, unconfirmed):
KASN/BKN recommendations bind the PPK, and a PPK who ignores one sees the employee's SIASN data blocked
(Peraturan BKN 1/2023; Perpres 116/2022). The default of 3 working days is conservative: in 2020 Kemendagri
gave PPKs 3 days. Configure with ``RECOMMENDATION_ACT_WORKING_DAYS`` once the Pemda's legal officer confirms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workdays.calendar import Calendar


@dataclass(frozen=True)
class RecommendationRule:
    working_days: int
    basis: str
    confirmed: bool


def rule() -> RecommendationRule:
    return RecommendationRule(
        working_days=settings.RECOMMENDATION_ACT_WORKING_DAYS,
        basis=str(
            _(
                "Tidak ada batas hari dalam peraturan yang ditemukan (belum terkonfirmasi). Rekomendasi KASN/BKN "
                "mengikat PPK; tanpa tindak lanjut BKN dapat memblokir data pegawai di SIASN (Peraturan BKN "
                "1/2023, Perpres 116/2022). Dipakai %(n)s hari kerja sejak diterima, konservatif mengikuti arahan "
                "Kemendagri 2020 (3 hari); dapat diatur dengan RECOMMENDATION_ACT_WORKING_DAYS."
            )
            % {"n": settings.RECOMMENDATION_ACT_WORKING_DAYS}
        ),
        confirmed=False,
    )


OPEN, OVERDUE, FOLLOWED_UP, ANSWERED = "open", "overdue", "followed_up", "answered"
STATE_LABELS = {
    OPEN: _("Menunggu tindak lanjut"),
    OVERDUE: _("Lewat batas waktu tindak lanjut"),
    FOLLOWED_UP: _("Ditindaklanjuti, jawaban belum dikirim"),
    ANSWERED: _("Dijawab (berkas rujukan dikirim)"),
}


@dataclass
class Clock:
    recommendation: Any
    due_on: dt.date
    state: str
    working_days_left: int
    answered_on: dt.date | None = None

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


def due_on(received_on: dt.date, cal: Calendar | None = None) -> dt.date:
    return (cal or Calendar()).add_working_days(received_on, rule().working_days)


def clocks_for(recommendations, *, answered: dict[int, dt.date] | None = None, today=None) -> list[Clock]:
    """One clock per recommendation. ``answered`` maps recommendation id -> date its answer was sent."""
    from .models import ReferralBundle

    recs = list(recommendations)
    if answered is None:
        answered = {}
        sent = ReferralBundle.objects.filter(recommendation__in=recs, sent_on__isnull=False).order_by("sent_on")
        for rec_id, sent_on in sent.values_list("recommendation_id", "sent_on"):
            answered.setdefault(rec_id, sent_on)
    today = today or timezone.localdate()
    cal = Calendar()
    out = []
    for rec in recs:
        due = due_on(rec.received_on, cal)
        if rec.pk in answered:
            state = ANSWERED
        elif rec.followed_up_on:
            state = FOLLOWED_UP
        elif due < today:
            state = OVERDUE
        else:
            state = OPEN
        out.append(Clock(rec, due, state, cal.working_days_between(today, due), answered.get(rec.pk)))
    return out
