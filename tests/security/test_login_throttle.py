"""Probe replay (medium): login throttling keys on the real client address and cannot lock others out."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.urls import reverse

from accounts.client_address import client_ip
from accounts.roles import STAFF
from tests.conftest import make_user

PASSWORD = "Rahasia-Uji-123"


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _login(client, login, password, addr="10.0.0.1", xff=None):
    extra = {"REMOTE_ADDR": addr}
    if xff:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    client.logout()
    client.post(reverse("account_login"), {"login": login, "password": password}, **extra)
    return "_auth_user_id" in client.session


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/5m/ip,100/5m/key"})
def test_spoofed_forwarded_for_does_not_bypass_the_per_address_limit(client, db):
    make_user("korban", STAFF)
    for i in range(3):
        assert not _login(client, f"tebak{i}", "salah-salah", xff=f"203.0.113.{i}")
    assert not _login(client, "korban", PASSWORD, xff="198.51.100.99")  # same real address: still limited
    assert _login(client, "korban", PASSWORD, addr="10.0.0.2")  # another address is not affected


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "100/5m/ip,3/5m/key"})
def test_failures_from_one_address_do_not_lock_the_account_for_others(client, db):
    make_user("target", STAFF)
    for i in range(5):
        assert not _login(client, "target", "salah-salah", addr="10.6.6.6", xff=f"10.0.0.{i}")
    assert not _login(client, "target", PASSWORD, addr="10.6.6.6")  # the guessing address is locked out
    assert _login(client, "target", PASSWORD, addr="10.0.0.1")  # the owner, elsewhere, is not


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "100/5m/ip,3/5m/key"}, TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_each_client_is_counted_on_its_own(client, db):
    make_user("target", STAFF)
    proxy = "10.0.0.254"
    for _ in range(3):
        assert not _login(client, "target", "salah", addr=proxy, xff="1.1.1.1, 192.0.2.10")
    assert not _login(client, "target", PASSWORD, addr=proxy, xff="9.9.9.9, 192.0.2.10")  # forged left part
    assert _login(client, "target", PASSWORD, addr=proxy, xff="192.0.2.20")


def test_default_rate_lets_an_office_behind_nat_have_more_failures_than_one_account():
    from allauth.core.internal.ratelimit import parse_rates
    from django.conf import settings

    rates = {r.per: r for r in parse_rates(settings.ACCOUNT_RATE_LIMITS["login_failed"])}
    assert rates["ip"].amount >= 5 * rates["key"].amount


@pytest.mark.parametrize(
    "meta,settings_,expected",
    [
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, {}, "10.0.0.1"),
        (
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 5.6.7.8"},
            {"TRUSTED_PROXY_COUNT": 1},
            "5.6.7.8",
        ),
        (
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, 5.6.7.8"},
            {"TRUSTED_PROXY_COUNT": 2},
            "1.2.3.4",
        ),
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "5.6.7.8"}, {"TRUSTED_PROXY_COUNT": 2}, "10.0.0.1"),
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "bukan-ip"}, {"TRUSTED_PROXY_COUNT": 1}, "10.0.0.1"),
        (
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_REAL_IP": "192.0.2.5"},
            {"CLIENT_IP_HEADER": "HTTP_X_REAL_IP"},
            "192.0.2.5",
        ),
        ({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_REAL_IP": "x"}, {"CLIENT_IP_HEADER": "HTTP_X_REAL_IP"}, "10.0.0.1"),
    ],
)
def test_client_ip_believes_only_configured_proxies(settings, meta, settings_, expected):
    settings.TRUSTED_PROXY_COUNT = 0
    settings.CLIENT_IP_HEADER = ""
    for k, v in settings_.items():
        setattr(settings, k, v)
    request = RequestFactory().get("/", **meta)
    request.META.update(meta)
    assert client_ip(request) == expected


def test_counters_are_shared_in_redis_when_configured(client, db, settings, redis_url):
    """With REDIS_URL the cache is Redis, so every web process and host sees the same counters."""
    import redis

    prefix = "t-throttle"
    settings.CACHES = {  # Django's setting_changed handler rebuilds the cache handler
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": prefix,
        }
    }
    conn = redis.Redis.from_url(redis_url)
    try:
        make_user("target", STAFF)
        _login(client, "target", "salah", addr="10.0.0.7")
        keys = conn.keys(f"{prefix}:*allauth:rl:login_failed*")
        assert len(keys) == 2  # one per address, one per (account, address)
    finally:
        for key in conn.keys(f"{prefix}:*"):
            conn.delete(key)
