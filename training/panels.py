"""Panels for the staff home and the officers' dashboard (collected by netralitas_site.widgets)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import can
from workdays.deadlines import DUE_SOON, OVERDUE, due_soon_horizon

from . import selectors
from .models import Assignment, Attempt, Attendance, Certificate


def staff_overview(request, employee) -> dict:
    """Everything the staff member needs to see about their own training (a few queries)."""
    today = timezone.localdate()
    assignments = list(
        Assignment.objects.filter(employee=employee)
        .select_related("programme", "quiz", "pact", "campaign")
        .order_by("completed_at", "due_date")[:50]
    )
    horizon = due_soon_horizon(today)
    for a in assignments:
        state = a.deadline_state(today, horizon)
        a.overdue, a.due_soon = state == OVERDUE, state == DUE_SOON
    sessions = selectors.sessions_for(employee, upcoming_only=True)[:10]
    attended = dict(
        Attendance.objects.filter(employee=employee, session__in=sessions).values_list("session_id", "status")
    )
    session_rows = [{"s": s, "status": attended.get(s.pk)} for s in sessions]
    attempts = list(Attempt.objects.filter(employee=employee).select_related("quiz").order_by("-started_at")[:10])
    quiz_ids = {a.quiz_id for a in assignments if a.quiz_id} | {
        a.programme.quiz_id for a in assignments if a.programme_id and a.programme.quiz_id
    }
    from .models import Quiz

    quizzes = list(Quiz.objects.filter(Q(pk__in=quiz_ids) | Q(is_published=True)).distinct()[:20])
    certificates = list(Certificate.objects.filter(employee=employee).defer("pdf"))
    return {
        "assignments": assignments,
        "sessions": session_rows,
        "attempts": attempts,
        "quizzes": quizzes,
        "certificates": certificates,
        "pacts": selectors.pending_pacts(employee),
        "programmes": selectors.programmes_for(employee),
        "reminders": list(selectors.reminders_for(request.user, employee)[:10]),
        "today": today,
    }


def my_home_panels(request, employee) -> list[dict]:
    if employee is None or not can(request.user, "training.take"):
        reminders = list(selectors.reminders_for(request.user, None)[:10]) if request.user.is_authenticated else []
        if reminders:
            return [{"title": _("Pengingat pelatihan"), "template": "training/panels/reminders.html",
                     "context": {"reminders": reminders}}]  # fmt: skip
        return []
    ctx = staff_overview(request, employee)
    panels = []
    if ctx["reminders"]:
        panels.append({"title": _("Pengingat pelatihan"), "template": "training/panels/reminders.html", "context": ctx})
    if ctx["pacts"]:
        panels.append({"title": _("Pakta integritas"), "template": "training/panels/pacts.html", "context": ctx})
    panels += [
        {"title": _("Pelatihan saya"), "template": "training/panels/assignments.html", "context": ctx},
        {"title": _("Sesi saya"), "template": "training/panels/sessions.html", "context": ctx},
        {"title": _("Kuis saya"), "template": "training/panels/quizzes.html", "context": ctx},
        {"title": _("Sertifikat saya"), "template": "training/panels/certificates.html", "context": ctx},
    ]
    return panels


def dashboard_panels(request) -> list[dict]:
    if not can(request.user, "training.reports"):
        return []
    today = timezone.localdate()
    overall = Assignment.objects.filter(employee__is_active=True).aggregate(
        total=Count("id"),
        done=Count("id", filter=Q(completed_at__isnull=False)),
        overdue=Count("id", filter=Assignment.overdue_q(today)),
    )
    overall["pct"] = round(100 * overall["done"] / overall["total"], 1) if overall["total"] else 0
    return [{"title": _("Kepatuhan pelatihan"), "template": "training/panels/dashboard.html", "context": overall}]
