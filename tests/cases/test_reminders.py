import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from cases.models import Case, Notification
from tests.cases.conftest import make_case

pytestmark = pytest.mark.django_db


def test_reminders_are_idempotent(hr_user, employee, django_capture_on_commit_callbacks):
    late = make_case(hr_user, employee)
    soon = make_case(hr_user, employee)
    closed = make_case(hr_user, employee)
    today = dt.date.today()
    Case.objects.filter(pk=late.pk).update(assigned_officer=hr_user, due_date=today - dt.timedelta(days=3))
    Case.objects.filter(pk=soon.pk).update(assigned_officer=hr_user, due_date=today)
    Case.objects.filter(pk=closed.pk).update(assigned_officer=hr_user, due_date=today, status="final")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_case_reminders")
    kinds = dict(Notification.objects.values_list("case_id", "kind"))
    assert kinds == {late.pk: "overdue", soon.pk: "due_soon"}
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_case_reminders")
    assert Notification.objects.count() == 2 and len(mail.outbox) == 2
