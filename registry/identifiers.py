"""Indonesian personnel identifiers: NIP (PNS), NI PPPK and NIK.

Structural errors are refused. Semantic oddities (a CPNS appointment before age 18)
are returned as warnings: real SIASN data has such errors and a clerk must still be
able to record the person.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

DIGITS_18 = re.compile(r"^\d{18}$")
DIGITS_16 = re.compile(r"^\d{16}$")


@dataclass(frozen=True)
class IdentifierInfo:
    birth_date: dt.date
    sex: str  # "L" or "P"
    appointment_year: int
    appointment_month: int | None
    serial: int
    warnings: list[str] = field(default_factory=list)


def clean_digits(value: str) -> str:
    """Drop the spaces, dots and dashes people type between digit groups."""
    return re.sub(r"[\s.\-]", "", value or "")


def _birth_date(value: str, label: str) -> dt.date:
    try:
        return dt.date(int(value[0:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        raise ValidationError(
            _("%(label)s: 8 digit pertama bukan tanggal lahir yang sah (YYYYMMDD).") % {"label": label}
        )


def _sex(digit: str, label: str) -> str:
    if digit not in ("1", "2"):
        raise ValidationError(
            _("%(label)s: digit jenis kelamin harus 1 (laki-laki) atau 2 (perempuan).") % {"label": label}
        )
    return "L" if digit == "1" else "P"


def parse_nip(raw: str) -> IdentifierInfo:
    """NIP PNS: YYYYMMDD (birth) YYYYMM (CPNS appointment) S (sex) NNN (serial)."""
    nip = clean_digits(raw)
    if not DIGITS_18.match(nip):
        raise ValidationError(_("NIP harus 18 digit angka."))
    birth = _birth_date(nip, "NIP")
    year, month = int(nip[8:12]), int(nip[12:14])
    if not 1 <= month <= 12:
        raise ValidationError(_("NIP: digit 13-14 harus bulan pengangkatan CPNS (01-12)."))
    sex = _sex(nip[14], "NIP")
    serial = int(nip[15:18])
    if serial == 0:
        raise ValidationError(_("NIP: nomor urut (3 digit terakhir) dimulai dari 001."))
    warnings = []
    if year < birth.year + 18:
        warnings.append(_("NIP: pengangkatan CPNS sebelum usia 18 tahun; periksa data SIASN."))
    if year > timezone.localdate().year:
        warnings.append(_("NIP: tahun pengangkatan di masa depan."))
    return IdentifierInfo(birth, sex, year, month, serial, warnings)


def parse_ni_pppk(raw: str) -> IdentifierInfo:
    """NI PPPK: birth date, year of appointment, 2-digit code (not a month), sex, serial."""
    ni = clean_digits(raw)
    if not DIGITS_18.match(ni):
        raise ValidationError(_("NI PPPK harus 18 digit angka."))
    birth = _birth_date(ni, "NI PPPK")
    year = int(ni[8:12])
    if year < 2019 or year > timezone.localdate().year + 1:
        raise ValidationError(_("NI PPPK: digit 9-12 harus tahun pengangkatan PPPK (2019 atau sesudahnya)."))
    sex = _sex(ni[14], "NI PPPK")
    serial = int(ni[15:18])
    warnings = []
    if year < birth.year + 18:
        warnings.append(_("NI PPPK: pengangkatan sebelum usia 18 tahun; periksa data."))
    return IdentifierInfo(birth, sex, year, None, serial, warnings)


def parse_nik(raw: str) -> IdentifierInfo:
    """NIK: PP KK CC (region) DD (+40 for women) MM YY SSSS."""
    nik = clean_digits(raw)
    if not DIGITS_16.match(nik):
        raise ValidationError(_("NIK harus 16 digit angka."))
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    sex = "P" if day > 40 else "L"
    if day > 40:
        day -= 40
    century = 1900 if yy > timezone.localdate().year % 100 else 2000
    try:
        birth = dt.date(century + yy, month, day)
    except ValueError:
        raise ValidationError(_("NIK: digit 7-12 bukan tanggal lahir yang sah (DDMMYY, perempuan +40)."))
    if int(nik[12:16]) == 0:
        raise ValidationError(_("NIK: nomor urut (4 digit terakhir) dimulai dari 0001."))
    return IdentifierInfo(birth, sex, 0, None, int(nik[12:16]))


def format_nip(nip: str) -> str:
    """Group 18 digits 8-6-1-3 for display."""
    if nip and len(nip) == 18:
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip or ""


def cross_check(*, nip_info: IdentifierInfo | None, nik_info: IdentifierInfo | None) -> list[str]:
    """Warnings when NIP/NI and NIK disagree on birth date or sex."""
    if not (nip_info and nik_info):
        return []
    out = []
    if nip_info.birth_date != nik_info.birth_date:
        out.append(_("Tanggal lahir pada NIP dan NIK berbeda."))
    if nip_info.sex != nik_info.sex:
        out.append(_("Jenis kelamin pada NIP dan NIK berbeda."))
    return out
