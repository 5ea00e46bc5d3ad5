"""When a due date is "overdue" or "due soon": one definition for cases, training and recommendations.

Overdue: the due date has passed (today is the last day to act). Due soon: not overdue, and the due date falls
within the next DUE_SOON_WORKING_DAYS working days (weekends, public holidays and cuti bersama skipped).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from workdays.calendar import Calendar

DUE_SOON_WORKING_DAYS = 2
OVERDUE, DUE_SOON = "overdue", "due-soon"


def due_soon_horizon(today: dt.date | None = None, cal: Calendar | None = None) -> dt.date:
    """The last due date that still counts as due soon (compute once per page, then compare)."""
    return (cal or Calendar()).add_working_days(today or timezone.localdate(), DUE_SOON_WORKING_DAYS)


def is_overdue(due: dt.date | None, today: dt.date | None = None) -> bool:
    return due is not None and due < (today or timezone.localdate())


def deadline_state(due: dt.date | None, *, today: dt.date | None = None, horizon: dt.date | None = None) -> str:
    """``"overdue"``, ``"due-soon"`` or ``""`` (also the CSS class of a row)."""
    today = today or timezone.localdate()
    if due is None:
        return ""
    if is_overdue(due, today):
        return OVERDUE
    if due <= (horizon or due_soon_horizon(today)):
        return DUE_SOON
    return ""


def overdue_q(today: dt.date | None = None, field: str = "due_date") -> Q:
    """The same "overdue" for querysets."""
    return Q(**{f"{field}__lt": today or timezone.localdate()})
