"""Employee registry pages: list (search, filters, pagination, query count), detail, create, edit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from audit.models import AuditEvent
from registry.forms import STALE_MESSAGE
from registry.models import Employee
from tests.factories import EmployeeFactory, OrgUnitFactory

NIP = "199004122015032004"
NIK = "3204125204900001"


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def employee_form_data(emp=None, **overrides):
    data = {
        "full_name": "Dewi Lestari",
        "front_title": "",
        "back_title": "S.Kom.",
        "status": "pns",
        "nip": "19900412 201503 2 004",
        "ni_pppk": "",
        "nik": "",
        "contract_number": "",
        "sex": "",
        "birth_date": "",
        "rank": "III/a",
        "position": "Pranata Komputer",
        "position_kind": "fungsional",
        "unit": "",
        "supervisor_identifier": "",
        "email": "dewi@example.go.id",
        "phone": "",
        "is_active": "on",
    }
    if emp is not None:
        data.update(
            full_name=emp.full_name,
            status=emp.status,
            nip=emp.nip or "",
            ni_pppk=emp.ni_pppk or "",
            nik=emp.nik or "",
            rank=emp.rank,
            position=emp.position,
            position_kind=emp.position_kind,
            unit=emp.unit_id,
            version=emp.version,
            back_title=emp.back_title,
            email=emp.email,
        )
    data.update(overrides)
    return data


def test_list_search_by_name_and_identifier(hr_client, unit):
    EmployeeFactory(full_name="Agus Santoso", unit=unit, nip=NIP)
    EmployeeFactory(full_name="Budi Hartono", unit=unit)
    url = reverse("registry:employee_list")
    page = hr_client.get(url, {"q": "agus"}).content.decode()
    assert "Agus Santoso" in page and "Budi Hartono" not in page
    page = hr_client.get(url, {"q": "19900412 2015"}).content.decode()  # grouped digits as printed
    assert "Agus Santoso" in page and "Budi Hartono" not in page


def test_list_filter_by_unit_includes_sub_units_and_by_status(hr_client, unit):
    sub = OrgUnitFactory(code="DISDIK-SD1", name="SD Negeri 1", parent=unit)
    other = OrgUnitFactory(code="DINKES", name="Dinas Kesehatan")
    EmployeeFactory(full_name="Di Induk", unit=unit)
    EmployeeFactory(full_name="Di Sub", unit=sub)
    EmployeeFactory(full_name="Di Lain", unit=other)
    EmployeeFactory(full_name="Honorer Sub", unit=sub, status="honorer", nip=None, nik=NIK)
    url = reverse("registry:employee_list")
    page = hr_client.get(url, {"unit": unit.pk}).content.decode()
    assert "Di Induk" in page and "Di Sub" in page and "Di Lain" not in page
    page = hr_client.get(url, {"unit": unit.pk, "status": "honorer"}).content.decode()
    assert "Honorer Sub" in page and "Di Sub" not in page


def test_list_paginates_25_per_page(hr_client, unit):
    for i in range(30):
        EmployeeFactory(full_name=f"Pegawai {i:02d}", unit=unit)
    url = reverse("registry:employee_list")
    first = hr_client.get(url)
    assert len(first.context["employees"]) == 25
    assert first.context["page_obj"].paginator.num_pages == 2
    second = hr_client.get(url, {"page": 2})
    assert len(second.context["employees"]) == 5


def _count_queries(client, url, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow_with_rows(hr_client, unit):
    sub = OrgUnitFactory(code="DISDIK-SD1", name="SD Negeri 1", parent=unit)
    boss = EmployeeFactory(full_name="Kepala", unit=unit)
    EmployeeFactory(full_name="Satu", unit=sub, supervisor=boss)
    url = reverse("registry:employee_list")
    params = {"unit": unit.pk, "status": "pns", "q": "a"}
    hr_client.get(url, params)  # warm session/auth caches
    few = _count_queries(hr_client, url, params)
    for i in range(40):
        EmployeeFactory(full_name=f"Banyak {i}", unit=sub if i % 2 else unit, supervisor=boss)
    many = _count_queries(hr_client, url, params)
    assert few == many
    assert many <= 12


def test_detail_shows_identity_formatted_ids_unit_supervisor_and_account(hr_client, unit, staff_user):
    boss = EmployeeFactory(full_name="Kepala Dinas", unit=unit)
    emp = Employee.objects.get(user=staff_user)
    emp.supervisor = boss
    emp.nip = NIP
    emp.nik = NIK
    emp.save()
    page = hr_client.get(reverse("registry:employee_detail", args=[emp.pk])).content.decode()
    assert "19900412 201503 2 004" in page
    assert "320412 520490 0001" in page
    assert "Dinas Pendidikan" in page and "Kepala Dinas" in page
    assert staff_user.username in page


def test_create_employee_with_supervisor_and_audit(hr_client, hr_user, unit):
    boss = EmployeeFactory(full_name="Kepala", unit=unit)
    data = employee_form_data(unit=unit.pk, supervisor_identifier=boss.nip)
    response = hr_client.post(reverse("registry:employee_create"), data)
    assert response.status_code == 302
    emp = Employee.objects.get(nip=NIP)
    assert emp.supervisor == boss
    assert emp.sex == "P" and str(emp.birth_date) == "1990-04-12"  # filled from the NIP
    assert AuditEvent.objects.filter(action="cases.employee.created", subject_id=str(emp.pk), actor=hr_user).exists()


def test_create_shows_identifier_warnings_as_messages(hr_client, unit):
    data = employee_form_data(unit=unit.pk, status="cpns", nip="200501012020011001")
    response = hr_client.post(reverse("registry:employee_create"), data, follow=True)
    texts = [str(m) for m in response.context["messages"]]
    assert any("18 tahun" in t for t in texts)


def test_create_refuses_bad_identifier(hr_client, unit):
    data = employee_form_data(unit=unit.pk, nip="199004122015132004")
    response = hr_client.post(reverse("registry:employee_create"), data)
    assert response.status_code == 200
    assert "bulan pengangkatan" in response.content.decode()
    assert not Employee.objects.filter(full_name="Dewi Lestari").exists()


def test_edit_saves_bumps_version_and_audits_the_diff(hr_client, hr_user, unit):
    emp = EmployeeFactory(full_name="Lama", unit=unit)
    url = reverse("registry:employee_edit", args=[emp.pk])
    assert hr_client.get(url).status_code == 200
    response = hr_client.post(url, employee_form_data(emp, full_name="Baru", position="Kepala Seksi"))
    assert response.status_code == 302
    emp.refresh_from_db()
    assert emp.full_name == "Baru" and emp.version == 2
    event = AuditEvent.objects.get(action="cases.employee.changed", subject_id=str(emp.pk))
    assert event.actor == hr_user
    assert event.changes["full_name"] == ["Lama", "Baru"]
    assert "position" in event.changes and "nip" not in event.changes


def test_edit_with_stale_version_is_refused_and_nothing_saved(hr_client, unit):
    emp = EmployeeFactory(full_name="Asli", unit=unit)
    stale = employee_form_data(emp, full_name="Perubahan Saya")
    # somebody else saves first
    Employee.objects.filter(pk=emp.pk).update(full_name="Perubahan Orang Lain", version=emp.version + 1)
    response = hr_client.post(reverse("registry:employee_edit", args=[emp.pk]), stale)
    assert response.status_code == 409
    assert "Data pegawai telah diubah oleh pengguna lain" in response.content.decode()
    assert str(STALE_MESSAGE).startswith("Data pegawai telah diubah oleh pengguna lain")
    emp.refresh_from_db()
    assert emp.full_name == "Perubahan Orang Lain" and emp.version == 2
    assert not AuditEvent.objects.filter(action="cases.employee.changed").exists()


def test_save_service_refuses_a_race_after_the_form_check(hr_user, unit):
    from registry.services import StaleEmployeeError, save_employee

    emp = EmployeeFactory(unit=unit)
    mine = Employee.objects.get(pk=emp.pk)
    mine.full_name = "Saya"
    Employee.objects.filter(pk=emp.pk).update(version=5)
    with pytest.raises(StaleEmployeeError):
        save_employee(acting_user=hr_user, employee=mine, expected_version=1)
    assert Employee.objects.get(pk=emp.pk).full_name == emp.full_name


def test_supervisor_cannot_be_self(hr_client, unit):
    emp = EmployeeFactory(unit=unit)
    response = hr_client.post(
        reverse("registry:employee_edit", args=[emp.pk]), employee_form_data(emp, supervisor_identifier=emp.nip)
    )
    assert response.status_code == 200
    assert "atasan dirinya sendiri" in response.content.decode()


def test_navigation_lists_registry_for_hr(hr_client):
    page = hr_client.get(reverse("registry:employee_list")).content.decode()
    assert reverse("registry:employee_list") in page and reverse("registry:election_list") in page


def test_supervisor_chain_cannot_loop(hr_client, unit):
    top = EmployeeFactory(unit=unit)
    middle = EmployeeFactory(unit=unit, supervisor=top)
    bottom = EmployeeFactory(unit=unit, supervisor=middle)
    response = hr_client.post(
        reverse("registry:employee_edit", args=[top.pk]), employee_form_data(top, supervisor_identifier=bottom.nip)
    )
    assert response.status_code == 200
    assert "rantai atasan berputar" in response.content.decode()
    top.refresh_from_db()
    assert top.supervisor is None
