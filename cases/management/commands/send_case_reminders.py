"""Notify assigned officers (and their supervisors) of approaching and passed deadlines.

Idempotent: each (case, kind, due date, recipient) is notified once, however often this runs
(a unique ``dedupe_key`` on Notification). Run daily from cron or a scheduler.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.deadlines import CLOCKS
from cases.models import Case, Notification
from cases.selectors import CLOSED
from cases.services import notify
from workdays.calendar import Calendar
from workdays.deadlines import due_soon_horizon, is_overdue


class Command(BaseCommand):
    help = "Kirim pengingat batas waktu kasus (idempoten)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        cal = Calendar()
        horizon = due_soon_horizon(today, cal)
        qs = (
            Case.objects.exclude(status__in=CLOSED)
            .filter(due_date__isnull=False, due_date__lte=horizon, assigned_officer__isnull=False)
            .select_related("assigned_officer", "assigned_officer__employee__supervisor__user")
        )
        sent = 0
        for case in qs.iterator(chunk_size=500):
            if CLOCKS[case.status].mode == "stopped":
                continue
            overdue = is_overdue(case.due_date, today)
            kind = Notification.Kind.OVERDUE if overdue else Notification.Kind.DUE_SOON
            if overdue:
                message = _("Kasus %(ref)s lewat batas waktu (%(d)s).")
            else:
                message = _("Batas waktu kasus %(ref)s: %(d)s.")
            message = message % {"ref": case.reference, "d": case.due_date.strftime("%d-%m-%Y")}
            recipients = [case.assigned_officer]
            emp = getattr(case.assigned_officer, "employee", None)
            if overdue and emp is not None and emp.supervisor_id and emp.supervisor.user_id:
                recipients.append(emp.supervisor.user)
            for user in recipients:
                key = f"{kind}:{case.pk}:{case.status}:{case.due_date:%Y%m%d}:{user.pk}"
                if notify(user=user, case=case, kind=kind, message=message, dedupe_key=key):
                    sent += 1
        # clocks on Bawaslu/BKN recommendations (outreach/recommendations.py)
        from outreach.reminders import send_recommendation_reminders

        sent += send_recommendation_reminders(today)
        from cases.supervision import flag_missed

        missed = flag_missed(today=today)  # atasan langsung who did not summon in time (PP 94/2021)
        self.stdout.write(f"{sent} notifikasi dikirim; {missed} tugas atasan lewat batas dilaporkan.")
