"""Dashboard panel for leaders/verifiers (letters waiting) and staff home panel (letters to acknowledge)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from accounts.access import can

from . import selectors
from .models import Letter


def dashboard_panels(request) -> list[dict]:
    if not can(request.user, "letters.verify"):
        return []
    qs = selectors.inbox_for(user=request.user)
    return [
        {
            "title": _("Surat menunggu Anda"),
            "template": "letters/panel_waiting.html",
            "context": {"letters": list(qs[:5]), "count": qs.count()},
        }
    ]


def my_home_panels(request, employee) -> list[dict]:
    if employee is None or not can(request.user, "self.view"):
        return []
    letters = selectors.my_letters(user=request.user).filter(status=Letter.Status.ISSUED)
    return [
        {
            "title": _("Surat yang perlu saya konfirmasi"),
            "template": "letters/panel_mine.html",
            "context": {"letters": list(letters[:10])},
        }
    ]
