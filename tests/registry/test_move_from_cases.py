"""The registry moved out of cases (issue 10): old addresses still lead to the pages, old audit events still show."""

import pytest
from django.urls import reverse

from audit.models import AuditEvent
from audit.services import events_for
from tests.factories import EmployeeFactory


@pytest.mark.parametrize(
    "old,new",
    [
        ("/kasus/pegawai/", "/pegawai/"),
        ("/kasus/pegawai/12/ubah/?x=1", "/pegawai/12/ubah/?x=1"),
        ("/kasus/pemilihan/3/paslon/baru/", "/pemilu/3/paslon/baru/"),
        ("/kasus/akun-medsos/baru/?employee=4", "/pegawai/akun-medsos/baru/?employee=4"),
    ],
)
def test_old_registry_addresses_redirect_to_the_new_ones(client, old, new):
    response = client.get(old)
    assert response.status_code in (301, 302)
    assert response["Location"] == new


def test_new_addresses(db):
    assert reverse("registry:employee_detail", args=[7]) == "/pegawai/7/"
    assert reverse("registry:election_list") == "/pemilu/"


def test_events_recorded_under_the_old_cases_label_still_belong_to_the_employee(db, unit):
    employee = EmployeeFactory(unit=unit)
    AuditEvent.objects.create(action="cases.employee.changed", subject_type="cases.employee", subject_id=employee.pk)
    AuditEvent.objects.create(action="x.other", subject_type="cases.case", subject_id=employee.pk)
    assert [e.action for e in events_for(subject=employee)] == ["cases.employee.changed"]
    assert employee._meta.db_table == "cases_employee"  # the table kept its name: no data moved
