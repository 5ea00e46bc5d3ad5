"""The outreach section of a case page: recommendation clocks and referral bundles."""

from __future__ import annotations

from django.utils.translation import gettext as _

from accounts.access import can

from .forms import BundleForm, BundleSentForm, FollowUpForm
from .recommendations import clocks_for, rule
from .selectors import bundles_for_case


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
