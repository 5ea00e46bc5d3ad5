"""Upaya administratif (brief §3.4; PP 79/2021): which route, by when, and when a decision takes effect.

``refusal(...)`` returns the Indonesian reason a filing must be refused, or "" when it may be recorded;
``cases.services.file_appeal`` raises it. ``deadline`` and ``effective_date`` use a working-day calendar
(``workdays.calendar.Calendar`` by default) so cuti bersama count as holidays.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from . import options, procedure, regimes

KIND_LABELS = {
    regimes.KEBERATAN: "keberatan kepada atasan pejabat yang berwenang menghukum",
    regimes.BANDING: "banding administratif kepada BPASN",
}


def _calendar(cal: Any) -> Any:
    if cal is not None:
        return cal
    from workdays.calendar import Calendar

    return Calendar()


def deadline(delivered_on: dt.date, cal: Any = None) -> dt.date:
    """Last day to file: 14 working days after delivery (or 14 calendar days where the Pemda chose so)."""
    if options.value("appeal_window_unit") == "calendar":
        return delivered_on + dt.timedelta(days=procedure.APPEAL_DAYS)
    return _calendar(cal).add_working_days(delivered_on, procedure.APPEAL_DAYS)


def effective_date(delivered_on: dt.date, status: str, sanction_code: str, cal: Any = None) -> dt.date:
    """When the decision takes effect if nobody appeals. Never inside the appeal window: where an appeal
    lies, the first working day after the deadline (or the 15th day after delivery, whichever is later);
    where none lies, the day it is delivered."""
    if not regimes.appeal_kinds(status, sanction_code):
        return delivered_on
    cal = _calendar(cal)
    after_window = cal.add_working_days(deadline(delivered_on, cal), 1)
    if options.value("effective_rule") == "day_15_calendar":
        return max(after_window, delivered_on + dt.timedelta(days=15))
    return after_window


def refusal(
    *, kind: str, status: str, sanction_code: str, delivered_on: dt.date | None, filed_on: dt.date, cal: Any = None
) -> str:
    """Why this filing cannot be recorded ("" if it can)."""
    allowed = regimes.appeal_kinds(status, sanction_code)
    if status == "honorer":
        return (
            "Pegawai non-ASN (honorer) tidak dapat mengajukan keberatan atau banding administratif menurut "
            "PP 79/2021; keberatan mengikuti perjanjian kerja."
        )
    if not allowed:
        rule = regimes.BY_CODE.get(sanction_code)
        if rule is not None and rule.level == "ringan":
            return (
                "Hukuman disiplin ringan tidak dapat diajukan upaya administratif menurut pengaturan Pemda "
                "(opsi ringan_appealable)."
            )
        return "Keputusan ini tidak dapat diajukan upaya administratif menurut PP 79/2021."
    if kind not in allowed:
        return "Terhadap keputusan ini hanya dapat diajukan " + " atau ".join(KIND_LABELS[k] for k in allowed) + "."
    if delivered_on is None:
        return "Keputusan belum disampaikan; tenggat upaya administratif belum berjalan."
    if filed_on < delivered_on:
        return "Tanggal pengajuan sebelum keputusan disampaikan."
    last = deadline(delivered_on, cal)
    if filed_on > last:
        unit = "hari kerja" if options.value("appeal_window_unit") == "workdays" else "hari"
        return (
            f"Pengajuan terlambat: batasnya {procedure.APPEAL_DAYS} {unit} sejak keputusan disampaikan, "
            f"yaitu {last.strftime('%d-%m-%Y')}."
        )
    return ""
