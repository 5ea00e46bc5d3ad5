"""One definition of "overdue" and "due soon" (workdays/deadlines.py), shared by cases and training."""

import datetime as dt

import pytest

from workdays.deadlines import deadline_state, due_soon_horizon, is_overdue

FRIDAY = dt.date(2025, 3, 7)  # an ordinary week: no holiday from Friday 7 to Wednesday 12 March 2025


@pytest.mark.django_db
def test_due_soon_counts_working_days_not_calendar_days():
    assert due_soon_horizon(FRIDAY) == dt.date(2025, 3, 11)  # Mon 10, Tue 11: two working days
    assert deadline_state(dt.date(2025, 3, 11), today=FRIDAY) == "due-soon"  # four calendar days away
    assert deadline_state(dt.date(2025, 3, 12), today=FRIDAY) == ""
    assert deadline_state(FRIDAY, today=FRIDAY) == "due-soon"  # the last day is not yet overdue


@pytest.mark.django_db
def test_overdue_once_the_due_date_has_passed():
    assert is_overdue(dt.date(2025, 3, 6), FRIDAY) and not is_overdue(FRIDAY, FRIDAY)
    assert deadline_state(dt.date(2025, 3, 6), today=FRIDAY) == "overdue"
    assert deadline_state(None, today=FRIDAY) == ""


@pytest.mark.django_db
def test_a_completed_training_assignment_is_never_overdue():
    from training.models import Assignment

    late = Assignment(due_date=dt.date(2025, 3, 6))
    assert late.is_overdue(FRIDAY) and late.deadline_state(FRIDAY) == "overdue"
    late.completed_at = dt.datetime(2025, 3, 7, 9, tzinfo=dt.UTC)
    assert not late.is_overdue(FRIDAY) and late.deadline_state(FRIDAY) == ""
