"""Dashboard and staff-home panels for cases (server-rendered bar charts)."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, F
from django.db.models.functions import TruncWeek
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import can
from registry.models import Election
from workdays.deadlines import overdue_q

from .models import Case, ReportedPost
from .selectors import CLOSED, own_cases

BAR_TEMPLATE = "cases/panels/bars.html"


def _bars(pairs, link: str = "") -> dict:
    pairs = list(pairs)
    top = max((n for _l, n in pairs), default=0) or 1
    return {"rows": [{"label": label, "n": n, "pct": round(100 * n / top)} for label, n in pairs], "link": link}


def _todo_panels(user) -> list[dict]:
    """What this person should do next, first on their landing page (issue 14, point 13)."""
    panels = []
    if can(user, "posts.report") and not can(user, "cases.manage"):  # the monitor's job
        posts = (
            ReportedPost.objects.filter(reported_by=user)
            .annotate(n_evidence=Count("evidence", distinct=True), n_cases=Count("cases", distinct=True))
            .order_by("-found_at", "-pk")[:8]
        )
        panels.append({"title": _("Laporkan unggahan"), "template": "cases/panels/report_todo.html",
                       "context": {"posts": list(posts)}, "wide": True})  # fmt: skip
    if can(user, "cases.manage"):
        mine = (
            Case.objects.filter(assigned_officer=user)
            .exclude(status__in=CLOSED)
            .select_related("employee")
            .order_by(F("due_date").asc(nulls_last=True), "pk")[:8]
        )
        today = timezone.localdate()
        rows = [{"case": c, "late": bool(c.due_date and c.due_date < today)} for c in mine]
        panels.append({"title": _("Kasus saya yang perlu ditangani"), "template": "cases/panels/case_todo.html",
                       "context": {"rows": rows}, "wide": True})  # fmt: skip
    return panels


def dashboard_panels(request) -> list[dict]:
    user = request.user
    todo = _todo_panels(user)
    if not can(user, "cases.view_all"):
        return todo
    list_url = reverse("cases:case_list")
    labels = dict(Case.Status.choices)
    by_status = Case.objects.values_list("status").annotate(n=Count("id")).order_by("status")
    by_status = sorted(by_status, key=lambda r: list(labels).index(r[0]))
    by_unit = (
        Case.objects.values_list("employee__unit__name")
        .annotate(n=Count("id"))
        .order_by("-n", "employee__unit__name")[:10]
    )
    by_type = (
        Case.objects.values_list("violation_type__number", "violation_type__title")
        .annotate(n=Count("id"))
        .order_by("-n")[:10]
    )
    today = timezone.localdate()
    overdue = Case.objects.filter(overdue_q(today)).exclude(status__in=CLOSED)
    mine = overdue.filter(assigned_officer=user).count()
    panels = [
        *todo,
        {
            "title": _("Kasus menurut status"),
            "template": BAR_TEMPLATE,
            "context": _bars(((labels[s], n) for s, n in by_status), list_url),
        },
        {
            "title": _("Lewat batas waktu"),
            "template": BAR_TEMPLATE,
            "context": _bars(
                [(_("Semua"), overdue.count()), (_("Ditugaskan ke saya"), mine)], f"{list_url}?overdue=on"
            ),
        },
        {"title": _("Kasus menurut unit kerja"), "template": BAR_TEMPLATE, "context": _bars(by_unit)},
        {
            "title": _("Kasus menurut jenis pelanggaran"),
            "template": BAR_TEMPLATE,
            "context": _bars(
                (f"{num or '—'}. {(title or _('Belum ditetapkan'))[:40]}", n) for num, title, n in by_type
            ),
        },
    ]
    election = Election.objects.filter(is_active=True).first()
    if election:
        start = election.campaign_start - dt.timedelta(days=28)
        # Cases keep being handled long after voting day: the trend runs until today.
        end = max(election.voting_day + dt.timedelta(days=28), timezone.localdate())
        weeks = (
            Case.objects.filter(opened_at__date__gte=start, opened_at__date__lte=end)
            .annotate(week=TruncWeek("opened_at"))
            .values_list("week")
            .annotate(n=Count("id"))
            .order_by("week")
        )
        panels.append(
            {
                "title": _("Tren kasus per minggu (%(e)s)") % {"e": election.name},
                "template": BAR_TEMPLATE,
                "context": _bars((f"{w:%d-%m-%Y}", n) for w, n in weeks),
            }
        )
    return panels


def my_home_panels(request, employee) -> list[dict]:
    if employee is None:
        return []
    cases = list(own_cases(user=request.user).order_by("-opened_at")[:20])
    return [{"title": _("Kasus saya"), "template": "cases/panels/my_cases.html", "context": {"cases": cases}}]
