"""The one home of "which address is the client": used by login throttling and the audit trail.

``X-Forwarded-For`` is only believed as far as our own proxies wrote it. With ``TRUSTED_PROXY_COUNT=N``
the client is the N-th address from the right (each of our N proxies appends the address it saw; anything
further left was typed by the client and may be forged). ``CLIENT_IP_HEADER`` (e.g. ``HTTP_X_REAL_IP``)
names a header our proxy overwrites with the client address. With neither, REMOTE_ADDR is the client.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str:
    """The client's address, or "" when the request carries none (a management command's fake request)."""
    remote = _valid(request.META.get("REMOTE_ADDR", "")) or ""
    header = getattr(settings, "CLIENT_IP_HEADER", "")
    if header:
        return _valid(request.META.get(header, "")) or remote
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        hops = [h for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if h.strip()]
        if len(hops) >= count:
            return _valid(hops[-count]) or remote
    return remote
