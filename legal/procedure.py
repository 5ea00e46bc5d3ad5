"""Day counts of the procedure (brief §3.2, §3.4), in working days unless a Pemda option says otherwise.

``cases/deadlines.py`` (the case timetable) and the appeal rules read these; the legal-basis page prints them.
"""

from __future__ import annotations

from .articles import art

SUMMONS_1_MIN_WORKING_DAYS = 7  # Panggilan I at least 7 working days before the examination
SUMMONS_2_MAX_WORKING_DAYS = 7  # Panggilan II: examination within 7 working days of the missed date
DELIVERY_WORKING_DAYS = 14  # decision delivered within 14 working days of signing
APPEAL_DAYS = 14  # keberatan/banding within 14 days of delivery (unit: option appeal_window_unit)
PPK_RESPONSE_DAYS = 21  # PPK answers a banding within 21 days (PP 79/2021 Pasal 13 ayat (2))

SUMMONS_ARTICLE = art("pp94", "tata cara pemanggilan", unconfirmed=True)
DELIVERY_ARTICLE = art("perbkn6", "tata cara penyampaian", unconfirmed=True)
APPEAL_ARTICLE = art("pp79", "Pasal 11 ayat (3)", unconfirmed=True)
SUPERVISOR_DUTY_ARTICLE = art("pp94", "Pasal 26 ayat (1)", unconfirmed=True)
SUPERVISOR_FAILURE_ARTICLE = art("pp94", "Pasal 28", unconfirmed=True)
