"""Dashboard panel for officers: the detection queue and findings awaiting review."""

from __future__ import annotations

from django.utils.translation import gettext as _

from accounts.access import can


def dashboard_panels(request) -> list[dict]:
    if not can(request.user, "detection.review"):
        return []
    from .selectors import dashboard_summary

    return [
        {
            "title": _("Deteksi gestur"),
            "template": "detection/panels/dashboard.html",
            "context": dashboard_summary(user=request.user),
        }
    ]
