"""The outreach section of a case page: recommendation clocks and referral bundles."""

from __future__ import annotations

from django.utils.translation import gettext as _

from accounts.access import can

from .forms import BundleForm, BundleSentForm, FollowUpForm
from .recommendations import clocks_for, rule
from .selectors import bundles_for_case


def dashboard_panels(request) -> list[dict]:
    """Officers: recommendations still waiting for follow-up (most urgent first) and new public reports."""
    from cases.models import Recommendation

    from .models import PublicReport

    user = request.user
    if not (can(user, "cases.refer") or can(user, "reports.triage")):
        return []
    clocks = []
    if can(user, "cases.refer"):
        waiting = Recommendation.objects.filter(followed_up_on__isnull=True).select_related("case")
        clocks = sorted(clocks_for(waiting), key=lambda c: c.due_on)[:10]
    queue = 0
    if can(user, "reports.triage"):
        queue = PublicReport.objects.filter(taken_up_at__isnull=True, closed_at__isnull=True).count()
    return [
        {
            "title": _("Rekomendasi dan pengaduan masyarakat"),
            "template": "outreach/panel_recommendations.html",
            "context": {"clocks": [c for c in clocks if c.state != "answered"], "queue": queue},
        }
    ]


def case_panels(request, case) -> list[dict]:
    if not can(request.user, "cases.view_all"):
        return []
    refer = can(request.user, "cases.refer")
    recs = list(case.recommendations.all())
    return [
        {
            "title": _("Rekomendasi dan rujukan"),
            "template": "outreach/case_panel.html",
            "context": {
                "case": case,
                "clocks": clocks_for(recs),
                "rule": rule(),
                "refer": refer,
                "bundles": list(bundles_for_case(user=request.user, case=case)),
                "bundle_form": BundleForm(),
                "sent_form": BundleSentForm(),
                "follow_up_form": FollowUpForm(),
            },
        }
    ]
