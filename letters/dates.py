"""Indonesian dates for letters ("25 November 2024"), independent of the process locale."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def tanggal(value: dt.date | str | None) -> str:
    """``25 November 2024``; empty string for no date."""
    d = _as_date(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else ""


def hari_tanggal(value: dt.date | str | None) -> str:
    """``Senin, 25 November 2024``."""
    d = _as_date(value)
    return f"{DAYS[d.weekday()]}, {tanggal(d)}" if d else ""


def roman_month(value: dt.date) -> str:
    return ROMAN[value.month - 1]


def zone_label() -> str:
    """WIB, WITA or WIT for the configured time zone (printed after an hour on a letter)."""
    from django.conf import settings

    labels = {tz: label for label, tz in settings.PEMDA_ZONES.items()}
    return labels.get(settings.TIME_ZONE, settings.TIME_ZONE)
