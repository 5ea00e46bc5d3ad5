import datetime as dt

import pytest

from workdays.calendar import add_working_days, is_working_day, working_days_between
from workdays.models import JointLeaveDay

pytestmark = pytest.mark.django_db


def test_weekends_and_public_holidays_are_not_working_days():
    assert is_working_day(dt.date(2024, 11, 26))  # Tuesday
    assert not is_working_day(dt.date(2024, 11, 23))  # Saturday
    assert not is_working_day(dt.date(2024, 11, 27))  # Pilkada voting day (national holiday)
    assert not is_working_day(dt.date(2024, 8, 17))  # Independence Day
    assert not is_working_day(dt.date(2024, 12, 25))


def test_joint_leave_days_entered_by_admin_count():
    day = dt.date(2024, 12, 26)  # cuti bersama Natal 2024
    assert is_working_day(day)
    JointLeaveDay.objects.create(date=day, name="Cuti bersama Natal")
    assert not is_working_day(day)


def test_add_working_days_skips_weekend_and_holiday():
    # Fri 22 Nov 2024 + 3 working days: Mon 25, Tue 26, (Wed 27 holiday) Thu 28
    assert add_working_days(dt.date(2024, 11, 22), 3) == dt.date(2024, 11, 28)
    assert add_working_days(dt.date(2024, 11, 28), -3) == dt.date(2024, 11, 22)
    assert add_working_days(dt.date(2024, 11, 22), 0) == dt.date(2024, 11, 22)


def test_working_days_between():
    assert working_days_between(dt.date(2024, 11, 22), dt.date(2024, 11, 28)) == 3
    assert working_days_between(dt.date(2024, 11, 28), dt.date(2024, 11, 22)) == -3
    assert working_days_between(dt.date(2024, 11, 22), dt.date(2024, 11, 22)) == 0
