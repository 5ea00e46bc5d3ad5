"""Rate limits in the cache (Redis when REDIS_URL is set, so limits hold across web hosts).

Each window starts at the first attempt and lasts its period (the counter's expiry), so N attempts within one
period of each other are counted together wherever the clock's minute boundary falls.

Rates are written like allauth's: ``"9/m,30/h"`` = 9 per minute and 30 per hour."""

from __future__ import annotations

import hashlib

from django.core.cache import cache

from accounts.client_address import client_ip

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse(rates: str) -> list[tuple[int, int]]:
    out = []
    for part in filter(None, (p.strip() for p in rates.split(","))):
        count, _slash, period = part.partition("/")
        out.append((int(count), PERIODS[period.strip()[-1]] * int(period.strip()[:-1] or 1)))
    return out


def client_address(request) -> str:
    """The client address as the login throttle sees it (trusted proxies only), "unknown" when absent."""
    return client_ip(request) or "unknown"


def hit(scope: str, ident: str, rates: str) -> bool:
    """Count one attempt; False when any window of ``rates`` is already full (the attempt is refused)."""
    key_id = hashlib.sha256(f"{scope}:{ident}".encode()).hexdigest()[:32]  # no raw addresses/URLs in keys
    allowed = True
    for limit, seconds in parse(rates):
        key = f"rl:{scope}:{seconds}:{key_id}"
        cache.add(key, 0, timeout=seconds + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=seconds + 5)
            count = 1
        if count > limit:
            allowed = False
    return allowed
