"""Probe replay (medium): the audit trail cannot be replaced, and the app refuses to run unprotected.

Runs on SQLite locally and on PostgreSQL in CI (DATABASE_URL); each vendor's own rewrite path is tried.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from audit import triggers
from audit.checks import assert_protected, trigger_errors
from audit.models import AuditEvent
from audit.services import record

pytestmark = pytest.mark.django_db


class _Rollback(Exception):
    pass


@pytest.fixture
def event(hr_user):
    record("case.open", actor=hr_user, reason="asli")
    return AuditEvent.objects.get(reason="asli")


def _raw_rewrite_sql() -> str:
    if connection.vendor == "sqlite":
        return "INSERT OR REPLACE INTO audit_auditevent (id, at, action, subject_type, subject_id, changes, reason) VALUES (%s, CURRENT_TIMESTAMP, 'dipalsukan', '', '', '{}', 'palsu')"
    return (
        "INSERT INTO audit_auditevent (id, at, action, subject_type, subject_id, changes, reason) "
        "VALUES (%s, now(), 'dipalsukan', '', '', '{}', 'palsu') "
        "ON CONFLICT (id) DO UPDATE SET action = EXCLUDED.action, reason = EXCLUDED.reason"
    )


def test_insert_or_replace_cannot_rewrite_an_event(event):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_raw_rewrite_sql(), [event.pk])
    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.action, event.reason) == ("case.open", "asli")


def test_plain_inserts_still_work(event, hr_user):
    record("case.note", actor=hr_user)
    assert AuditEvent.objects.count() == 2


def test_every_trigger_is_in_place_after_migrate():
    assert triggers.missing(connection) == [] and trigger_errors() == []


def _without(name: str):
    sql = f"DROP TRIGGER {name}" + (f" ON {triggers.TABLE}" if connection.vendor == "postgresql" else "")
    with connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.mark.parametrize("name", sorted(triggers.expected(connection)))  # this database's own triggers
def test_a_dropped_trigger_stops_the_app_from_starting(name):
    with pytest.raises(_Rollback), transaction.atomic():
        _without(name)
        errors = trigger_errors()
        assert [e.id for e in errors] == ["audit.E001"] and name in errors[0].msg
        with pytest.raises(ImproperlyConfigured, match="install_audit_triggers"):
            assert_protected()
        raise _Rollback
    assert trigger_errors() == []


def test_a_disabled_trigger_counts_as_missing():
    """PostgreSQL can disable a trigger without dropping it; SQLite cannot, so there only dropping applies."""
    name = "audit_event_no_update"
    with pytest.raises(_Rollback), transaction.atomic():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"ALTER TABLE {triggers.TABLE} DISABLE TRIGGER {name}")
            else:
                cursor.execute(f"DROP TRIGGER {name}")
        assert name in trigger_errors()[0].msg
        raise _Rollback


def test_install_command_and_post_migrate_put_triggers_back():
    from django.apps import apps
    from django.db.models.signals import post_migrate

    with pytest.raises(_Rollback), transaction.atomic():
        first, *rest = sorted(triggers.expected(connection))
        _without(first)
        call_command("install_audit_triggers", stdout=open("/dev/null", "w"))
        assert triggers.missing(connection) == []
        for name in triggers.expected(connection):  # as if a migration rebuilt the table without them
            _without(name)
        post_migrate.send(sender=apps.get_app_config("audit"), app_config=apps.get_app_config("audit"), using="default")
        assert triggers.missing(connection) == []
        raise _Rollback


def test_admin_cannot_delete_a_detection_run(client, hr_user):
    """Deleting a run would cascade its findings away without an audit event: the admin refuses."""
    from detection.models import DetectionRun
    from tests.cases.conftest import image_bytes, make_array, make_post, upload
    from tests.conftest import give_totp
    from tests.factories import UserFactory

    post = make_post(hr_user, files=[upload(image_bytes(make_array(3)))])
    run = DetectionRun.objects.create(evidence=post.evidence.get())
    superuser = UserFactory(username="t_super", is_superuser=True, is_staff=True)
    give_totp(superuser)
    client.force_login(superuser)
    url = f"/admin/detection/detectionrun/{run.pk}/delete/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    changelist = "/admin/detection/detectionrun/"
    client.post(changelist, {"action": "delete_selected", "_selected_action": [run.pk], "post": "yes"})
    assert DetectionRun.objects.filter(pk=run.pk).exists()
