"""Shared fixtures: one persona per role, logged-in clients, service guards.

Personas: ``admin_user``, ``hr_user`` (Petugas BKPSDM), ``monitor_user`` (DKIP),
``leader_user`` (Pimpinan), ``staff_user`` (Pegawai, linked to an Employee),
``other_staff_user`` (another Pegawai) and ``outsider`` (logged in, no role).
Officer personas have TOTP set up so the two-factor gate lets them through.
"""

from __future__ import annotations

import os

import pytest

from accounts.roles import ADMIN, HR, LEADER, MONITOR, STAFF
from tests.factories import EmployeeFactory, OrgUnitFactory, UserFactory

REQUIRE_SERVICES = os.environ.get("REQUIRE_SERVICES") == "1"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXA"


def service_missing(what: str) -> None:
    """A missing service skips locally but fails in CI (REQUIRE_SERVICES=1)."""
    if REQUIRE_SERVICES:
        pytest.fail(f"{what} is required (REQUIRE_SERVICES=1) but not available")
    pytest.skip(f"{what} not available")  # REQUIRE_SERVICES turns this into a failure


def give_totp(user) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    Authenticator.objects.get_or_create(
        user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": encrypt(TOTP_SECRET)}}
    )


def make_user(username: str, role: str | None, *, totp: bool = False):
    user = UserFactory(username=username, role=role)
    if totp:
        give_totp(user)
    return user


@pytest.fixture
def unit(db):
    return OrgUnitFactory(code="DISDIK", name="Dinas Pendidikan")


@pytest.fixture
def admin_user(db):
    return make_user("t_admin", ADMIN, totp=True)


@pytest.fixture
def hr_user(db):
    return make_user("t_hr", HR, totp=True)


@pytest.fixture
def monitor_user(db):
    return make_user("t_monitor", MONITOR)


@pytest.fixture
def leader_user(db):
    return make_user("t_leader", LEADER, totp=True)


@pytest.fixture
def staff_user(db, unit):
    user = make_user("t_staff", STAFF)
    EmployeeFactory(user=user, full_name="Siti Uji", unit=unit)
    return user


@pytest.fixture
def other_staff_user(db, unit):
    user = make_user("t_staff2", STAFF)
    EmployeeFactory(user=user, full_name="Budi Lain", unit=unit)
    return user


@pytest.fixture
def outsider(db):
    return make_user("t_outsider", None)


@pytest.fixture
def personas(admin_user, hr_user, monitor_user, leader_user, staff_user, outsider):
    return {
        "anon": None,
        "admin": admin_user,
        "hr": hr_user,
        "monitor": monitor_user,
        "leader": leader_user,
        "staff": staff_user,
        "outsider": outsider,
    }


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def hr_client(client, hr_user):
    return client_for(client, hr_user)


@pytest.fixture
def staff_client(client, staff_user):
    return client_for(client, staff_user)


@pytest.fixture
def redis_url():
    """A reachable Redis URL (the REDIS_URL of the environment, else localhost db 15)."""
    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception:
        service_missing(f"Redis at {url}")
    return url


@pytest.fixture(scope="session", autouse=True)
def _flush_past_audit_triggers():
    """Transactional tests end with a database flush; the audit table's append-only triggers refuse it.

    Lift the triggers for exactly that flush (test database only) and reinstall them right after.
    """
    from django.core.management.commands import flush
    from django.db import connections

    from audit.triggers import suspended

    original = flush.Command.handle

    def handle(self, **options):
        with suspended(connections[options.get("database") or "default"]):
            return original(self, **options)

    flush.Command.handle = handle
    yield
    flush.Command.handle = original


@pytest.fixture(autouse=True)
def _jobs_inline_unless_asked(settings):
    """Tests run jobs inline by default, whatever REDIS_URL the environment has.

    Tests that claim asynchronous behaviour take the ``redis_url`` fixture and point the settings at it.
    """
    settings.REDIS_URL = ""
