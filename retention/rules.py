"""The retention rule for closed cases (UU 27/2022 on personal data protection), in one place.

Pasal 43 ayat (1) and Pasal 44 ayat (1) UU 27/2022 oblige the controller to erase personal data once it is no
longer needed and to destroy it when its retention period (the archive retention schedule, JRA) has run out.
The article numbers are from the project's domain brief, which marks them as unconfirmed (§6.6, §7). The
period is the Pemda's choice from its JRA: ``CASE_RETENTION_DAYS`` (default 1825 days, five years) counted from
the day a case became final or was dismissed.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings

ARTICLE = "UU 27/2022 Pasal 43 ayat (1) dan Pasal 44 ayat (1) (belum dikonfirmasi)"
SUMMARY = (
    "Data pribadi kasus yang telah selesai atau dihentikan dihapus setelah masa retensi berakhir; "
    "hash bukti, jejak audit dan statistik anonim tetap disimpan."
)
DEFAULT_DAYS = 5 * 365


def retention_days() -> int:
    return int(getattr(settings, "CASE_RETENTION_DAYS", DEFAULT_DAYS))


def purge_after(closed_on: dt.date, days: int | None = None) -> dt.date:
    """First day on which a case closed on ``closed_on`` may be purged."""
    return closed_on + dt.timedelta(days=retention_days() if days is None else days)


def is_expired(closed_on: dt.date, today: dt.date, days: int | None = None) -> bool:
    return today >= purge_after(closed_on, days)
