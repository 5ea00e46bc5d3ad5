"""Indonesian working-day arithmetic: Monday–Friday minus public holidays
(``holidays.Indonesia``) minus the cuti bersama admins enter as ``JointLeaveDay``."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.Indonesia(years=year).keys())


def _joint_leave(year: int) -> frozenset[dt.date]:
    from .models import JointLeaveDay

    return frozenset(JointLeaveDay.objects.filter(date__year=year).values_list("date", flat=True))


class Calendar:
    """Caches holiday sets per year for one computation (one query per year for cuti bersama)."""

    def __init__(self) -> None:
        self._years: dict[int, frozenset[dt.date]] = {}

    def holidays(self, year: int) -> frozenset[dt.date]:
        if year not in self._years:
            self._years[year] = _public_holidays(year) | _joint_leave(year)
        return self._years[year]

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays(day.year)

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The date ``n`` working days after ``start`` (before, when n < 0). n=0 returns ``start``."""
        step = 1 if n >= 0 else -1
        day, remaining = start, abs(n)
        while remaining:
            day += dt.timedelta(days=step)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """Working days in (a, b]; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a
        while day < b:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def is_working_day(day: dt.date) -> bool:
    return Calendar().is_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    return Calendar().add_working_days(start, n)


def working_days_between(a: dt.date, b: dt.date) -> int:
    return Calendar().working_days_between(a, b)
