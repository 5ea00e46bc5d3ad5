"""``{% history events %}``: the one rendering of audit events as sentences (see audit.presenting)."""

from __future__ import annotations

from django import template

from audit.presenting import describe_all

register = template.Library()


@register.inclusion_tag("includes/history.html")
def history(events, hide_details: bool = False) -> dict:
    """``hide_details``: only who did what and when (for readers who may not see the values)."""
    return {"entries": describe_all(events), "hide_details": hide_details}
