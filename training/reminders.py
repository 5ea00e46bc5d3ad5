"""Reminders before and after due dates: in-app rows (shown on the staff home) plus email.

Idempotent: each reminder has a unique key (assignment, stage, due date, recipient), so running the command
twice a day sends nothing new; extending a due date produces fresh reminders for the new date. Emails that
failed are retried on the next run (``emailed_at`` stays empty).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import holders

from .models import Assignment, Campaign, Reminder
from .services import launch_campaign

log = logging.getLogger(__name__)
DEFAULT_DAYS_BEFORE = 3


def _stage(today: dt.date, due: dt.date, days_before: int) -> str | None:
    if today > due:
        return "overdue"
    if today == due:
        return "due"
    if (due - today).days <= days_before:
        return "before"
    return None


def _message(stage: str, a: Assignment, *, about: str = "") -> str:
    subject = str(a.subject)
    due = a.due_date.strftime("%d-%m-%Y")
    if about:
        return _("Bawahan Anda %(name)s belum menyelesaikan \"%(s)s\" (batas %(d)s).") % {
            "name": about, "s": subject, "d": due}  # fmt: skip
    return {
        "before": _('Pengingat: selesaikan "%(s)s" sebelum %(d)s.'),
        "due": _('Hari ini batas waktu "%(s)s" (%(d)s).'),
        "overdue": _('Terlambat: "%(s)s" melewati batas waktu %(d)s. Segera selesaikan.'),
    }[stage] % {"s": subject, "d": due}


def send_training_reminders(*, today: dt.date | None = None, sync: bool = True) -> dict[str, int]:
    today = today or timezone.localdate()
    stats = {"new_assignments": 0, "created": 0, "emailed": 0}
    if sync:
        for campaign in Campaign.objects.filter(is_active=True, due_date__gte=today - dt.timedelta(days=30)):
            stats["new_assignments"] += launch_campaign(campaign=campaign, acting_user=None)
    horizon = today + dt.timedelta(days=max([DEFAULT_DAYS_BEFORE, *Campaign.objects.values_list(
        "remind_days_before", flat=True)]))  # fmt: skip
    open_assignments = (
        Assignment.objects.filter(completed_at__isnull=True, employee__is_active=True, due_date__lte=horizon)
        .filter(Q(campaign__isnull=True) | Q(campaign__is_active=True))
        .select_related("employee__user", "employee__supervisor__user", "campaign", "programme", "quiz", "pact")
    )
    rows: list[Reminder] = []
    for a in open_assignments.iterator(chunk_size=2000):
        days_before = a.campaign.remind_days_before if a.campaign else DEFAULT_DAYS_BEFORE
        stage = _stage(today, a.due_date, days_before)
        if stage is None:
            continue
        emp = a.employee
        rows.append(Reminder(
            key=f"a{a.pk}:{stage}:{a.due_date:%Y%m%d}:e{emp.pk}", user=emp.user, employee=emp, assignment=a,
            message=_message(stage, a), email=emp.email or (emp.user.email if emp.user else ""),
        ))  # fmt: skip
        sup = emp.supervisor
        if stage == "overdue" and sup is not None and sup.is_active:
            rows.append(Reminder(
                key=f"a{a.pk}:overdue:{a.due_date:%Y%m%d}:s{sup.pk}", user=sup.user, employee=sup, assignment=a,
                message=_message(stage, a, about=emp.display_name), email=sup.email or (sup.user.email if sup.user else ""),
            ))  # fmt: skip
    rows += _officer_summaries(today)
    before = Reminder.objects.count()
    Reminder.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    stats["created"] = Reminder.objects.count() - before
    stats["emailed"] = _send_pending_emails()
    return stats


def _officer_summaries(today: dt.date) -> list[Reminder]:
    """One in-app/email summary per campaign and due date to each training officer once it is overdue."""
    officers = list(holders("training.manage"))
    if not officers:
        return []
    rows = []
    overdue = (
        Assignment.objects.filter(Assignment.overdue_q(today), employee__is_active=True, campaign__is_active=True)
        .values("campaign_id", "campaign__title", "due_date")
        .annotate(n=Count("id"))
    )
    for row in overdue:
        msg = _("Kampanye \"%(t)s\": %(n)s pegawai belum selesai setelah batas %(d)s.") % {
            "t": row["campaign__title"], "n": row["n"], "d": row["due_date"].strftime("%d-%m-%Y")}  # fmt: skip
        for user in officers:
            rows.append(Reminder(key=f"c{row['campaign_id']}:overdue:{row['due_date']:%Y%m%d}:u{user.pk}",
                                 user=user, message=msg, email=user.email))  # fmt: skip
    return rows


def _send_pending_emails(limit: int = 5000) -> int:
    sent = 0
    for reminder in Reminder.objects.filter(emailed_at__isnull=True).exclude(email="")[:limit]:
        try:
            send_mail(_("[Netralitas] Pengingat pelatihan"), reminder.message + "\n\n" + settings.SITE_URL,
                      None, [reminder.email])  # fmt: skip
        except Exception:  # a bad address must not stop the others; retried next run
            log.exception("Reminder email %s failed", reminder.pk)
            continue
        Reminder.objects.filter(pk=reminder.pk).update(emailed_at=timezone.now())
        sent += 1
    return sent


def mark_read(reminder: Reminder) -> None:
    """The recipient has seen it (no audit: reading one's own reminder changes nothing of record)."""
    Reminder.objects.filter(pk=reminder.pk, read_at__isnull=True).update(read_at=timezone.now())
