"""Rotating check-in codes: HMAC of the session and a 60-second time window, six characters.

The officer's screen shows the code of the current window; a code is accepted during its own window
and the next one, so a staff member has between one and two minutes to type it. A photo of an older
code is recognised as expired (rather than just wrong) so the person gets a clear message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

from printing.models import CODE_ALPHABET

WINDOW_SECONDS = 60
CODE_LENGTH = 6
EXPIRED_LOOKBACK_WINDOWS = 24 * 60  # recognise codes of the last day as "expired"

VALID, EXPIRED, INVALID = "valid", "expired", "invalid"


def window_of(moment: dt.datetime | None = None) -> int:
    moment = moment or timezone.now()
    return int(moment.timestamp()) // WINDOW_SECONDS


def code_for(session, window: int) -> str:
    key = f"{settings.SECRET_KEY}:{session.checkin_secret}".encode()
    digest = hmac.new(key, f"training-checkin:{session.pk}:{window}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:8], "big")
    chars = []
    for _ in range(CODE_LENGTH):
        number, index = divmod(number, len(CODE_ALPHABET))
        chars.append(CODE_ALPHABET[index])
    return "".join(chars)


def current_code(session, moment: dt.datetime | None = None) -> str:
    return code_for(session, window_of(moment))


def seconds_left(moment: dt.datetime | None = None) -> int:
    moment = moment or timezone.now()
    return WINDOW_SECONDS - int(moment.timestamp()) % WINDOW_SECONDS


def normalise(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def verify(session, code: str, moment: dt.datetime | None = None) -> str:
    """VALID for the current or previous window, EXPIRED for an older code of this session, else INVALID."""
    code = normalise(code)
    if len(code) != CODE_LENGTH:
        return INVALID
    now_window = window_of(moment)
    for window in (now_window, now_window - 1):
        if hmac.compare_digest(code_for(session, window), code):
            return VALID
    for back in range(2, EXPIRED_LOOKBACK_WINDOWS):
        if hmac.compare_digest(code_for(session, now_window - back), code):
            return EXPIRED
    return INVALID
