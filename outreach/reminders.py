"""Reminders for recommendations whose clock to act is about to run out or has run out.

Goes through the cases app's notification path (in-app + email, deduplicated), so a daily run of
``send_case_reminders`` (which calls this) sends each reminder once."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.access import members
from accounts.roles import HR
from cases.models import Notification, Recommendation
from cases.services import notify
from workdays.deadlines import DUE_SOON_WORKING_DAYS

from .recommendations import ANSWERED, FOLLOWED_UP, OVERDUE, clocks_for


def _recipients(case, overdue: bool) -> list:
    if case.assigned_officer_id is None:
        return list(members(HR))
    users = [case.assigned_officer]
    emp = getattr(case.assigned_officer, "employee", None)
    if overdue and emp is not None and emp.supervisor_id and emp.supervisor.user_id:
        users.append(emp.supervisor.user)
    return users


def send_recommendation_reminders(today: dt.date | None = None) -> int:
    """Stored notification texts are in the site language, whatever language the caller has active."""
    with translation.override(settings.LANGUAGE_CODE):
        return _send(today or timezone.localdate())


def _send(today: dt.date) -> int:
    open_recs = Recommendation.objects.filter(followed_up_on__isnull=True).select_related(
        "case__assigned_officer__employee__supervisor__user"
    )
    sent = 0
    for clock in clocks_for(open_recs, today=today):
        if clock.state in (ANSWERED, FOLLOWED_UP):
            continue
        overdue = clock.state == OVERDUE
        if not overdue and clock.working_days_left > DUE_SOON_WORKING_DAYS:
            continue
        rec, case = clock.recommendation, clock.recommendation.case
        values = {"src": rec.get_source_display(), "no": rec.number or "-", "ref": case.reference}
        values["d"] = clock.due_on.strftime("%d-%m-%Y")
        if overdue:
            kind, message = (
                Notification.Kind.OVERDUE,
                _("Rekomendasi %(src)s %(no)s (kasus %(ref)s) lewat batas tindak lanjut %(d)s."),
            )
        else:
            kind, message = (
                Notification.Kind.DUE_SOON,
                _("Rekomendasi %(src)s %(no)s (kasus %(ref)s): tindak lanjuti paling lambat %(d)s."),
            )
        for user in _recipients(case, overdue):
            key = f"rec:{kind}:{rec.pk}:{clock.due_on:%Y%m%d}:{user.pk}"
            if notify(user=user, case=case, kind=kind, message=message % values, dedupe_key=key):
                sent += 1
    return sent
