"""The audit trail cannot be rewritten: model, queryset, raw SQL and admin paths all refuse."""

import pytest
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent, AuditImmutableError
from audit.services import record
from tests.cases.conftest import make_case
from tests.conftest import give_totp
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(hr_user, employee):
    case = make_case(hr_user, employee)
    return AuditEvent.objects.filter(case_id=case.pk).first()


def test_model_save_and_delete_refused(event):
    event.reason = "dipalsukan"
    with pytest.raises(AuditImmutableError):
        event.save()
    with pytest.raises(AuditImmutableError):
        event.delete()


def test_queryset_update_delete_bulk_update_refused(event):
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.filter(pk=event.pk).update(reason="x")
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(AuditImmutableError):
        AuditEvent.objects.bulk_update([event], ["reason"])


@pytest.mark.parametrize(
    "sql", ["UPDATE audit_auditevent SET reason = 'x' WHERE id = %s", "DELETE FROM audit_auditevent WHERE id = %s"]
)
def test_raw_sql_refused_by_trigger(event, sql):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk, reason="").exists()


def test_admin_change_and_delete_refused_for_superuser(client, event):
    su = UserFactory(username="t_super", is_superuser=True, is_staff=True)
    give_totp(su)
    client.force_login(su)
    change = f"/admin/audit/auditevent/{event.pk}/change/"
    delete = f"/admin/audit/auditevent/{event.pk}/delete/"
    assert client.post(change, {"action": "hacked", "reason": "x"}).status_code == 403
    assert client.get(delete).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert client.get("/admin/audit/auditevent/add/").status_code == 403
    event.refresh_from_db()
    assert event.action == "case.open"


def test_record_writes_inside_the_callers_transaction(hr_user):
    with pytest.raises(RuntimeError), transaction.atomic():
        record("test.rollback", actor=hr_user)
        raise RuntimeError
    assert not AuditEvent.objects.filter(action="test.rollback").exists()
