"""Case deadlines in working days (brief §3.2). Statuses declare whether the clock runs.

``runs``: the officer's clock runs; due = entry date + allowance in working days.
``paused``: waiting on someone else (the summoned employee, the appeal window); due is the
external date (examination date, end of the appeal window) and is not an officer's SLA.
``stopped``: closed cases have no due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from legal.procedure import (  # the day counts live with the legal tables (legal-basis page)
    DELIVERY_WORKING_DAYS,
    SUMMONS_1_MIN_WORKING_DAYS,
    SUMMONS_2_MAX_WORKING_DAYS,
)
from workdays.calendar import Calendar
from workdays.deadlines import deadline_state


@dataclass(frozen=True)
class Clock:
    mode: str  # "runs" | "paused" | "stopped"
    allowance: int | None = None  # working days when running


CLOCKS: dict[str, Clock] = {
    "new": Clock("runs", 3),
    "screening": Clock("runs", 10),
    "summons_1": Clock("paused"),
    "summons_2": Clock("paused"),
    "examination": Clock("runs", 5),
    "examination_report": Clock("runs", 10),
    "decision": Clock("runs", DELIVERY_WORKING_DAYS),
    "delivered": Clock("runs", 3),
    "appeal_window": Clock("paused"),
    "final": Clock("stopped"),
    "dismissed": Clock("stopped"),
}


def latest_summons_1_date(examination_date: dt.date, cal: Calendar | None = None) -> dt.date:
    return (cal or Calendar()).add_working_days(examination_date, -SUMMONS_1_MIN_WORKING_DAYS)


def latest_second_examination_date(missed_date: dt.date, cal: Calendar | None = None) -> dt.date:
    return (cal or Calendar()).add_working_days(missed_date, SUMMONS_2_MAX_WORKING_DAYS)


def due_date_for(case, status: str, *, entered: dt.date, cal: Calendar | None = None) -> dt.date | None:
    cal = cal or Calendar()
    clock = CLOCKS[status]
    if clock.mode == "stopped":
        return None
    if clock.mode == "runs":
        start = entered
        if status == "examination" and case.examination_date and case.examination_date > entered:
            start = case.examination_date  # the examination deadline never falls before the scheduled examination
        return cal.add_working_days(start, clock.allowance or 0)
    if status in ("summons_1", "summons_2"):
        return case.examination_date
    if status == "appeal_window":
        from legal.appeals import deadline
        from legal.regimes import appeal_kinds

        delivered = [d for d in case.decisions.select_related("sanction_type") if d.delivered_on]
        if not delivered:
            return deadline(entered, cal)
        # Only decisions the law lets the employee challenge hold the case open (PP 79/2021; legal.regimes).
        open_ = [d for d in delivered if appeal_kinds(case.employee_status, d.sanction_type.code)]
        if not open_:
            return max(d.delivered_on for d in delivered)
        return max(deadline(d.delivered_on, cal) for d in open_)
    return None


def urgency(case, today: dt.date | None = None, horizon: dt.date | None = None) -> str:
    """ "overdue", "due-soon" or "" for a case (workdays.deadlines); none while its clock is stopped.
    Pass ``horizon`` (workdays.deadlines.due_soon_horizon) when marking many rows."""
    if CLOCKS.get(case.status, Clock("stopped")).mode == "stopped":
        return ""
    return deadline_state(case.due_date, today=today, horizon=horizon)
