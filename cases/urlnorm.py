"""Normalise social-media post URLs so the same post reported twice is recognised."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = {
    "fbclid", "gclid", "igshid", "igsh", "mibextid", "si", "s", "t_s", "ref", "ref_src", "ref_url", "_rdr",
    "share_id", "sender_device", "sender_web_id", "is_from_webapp", "is_copy_url", "feature", "rdid", "sfnsn",
}  # fmt: skip
HOST_PREFIXES = ("www.", "m.", "mobile.", "web.", "mbasic.")
HOST_ALIASES = {"twitter.com": "x.com", "fb.com": "facebook.com", "youtu.be": "youtube.com"}


def normalize_url(raw: str) -> str:
    raw = (raw or "").strip()
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in HOST_PREFIXES:
        if host.startswith(prefix):
            host = host[len(prefix) :]
            break
    path = parts.path or ""
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=False)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]  # fmt: skip
    if host == "youtu.be" and path.strip("/"):
        query.append(("v", path.strip("/")))
        path = "/watch"
    host = HOST_ALIASES.get(host, host)
    path = path.rstrip("/")
    query.sort()
    return urlunsplit(("https", host, path, urlencode(query), ""))
