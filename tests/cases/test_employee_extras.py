"""The employee page's extra sections (cases, sanctions, trainings, certificates) via the registry hook."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases import selectors
from cases.models import Decision, SanctionType
from tests.cases.conftest import make_case
from tests.factories import EmployeeFactory
from training.models import Assignment, Certificate, Programme

pytestmark = pytest.mark.django_db


def decide(case, user, code="PNS-R2", track="discipline"):
    return Decision.objects.create(
        case=case,
        track=track,
        sanction_type=SanctionType.objects.get(code=code),
        authorised_official="head_of_opd",
        decision_number=f"800/{case.pk}/BKPSDM",
        decided_by=user,
    )


@pytest.fixture
def history(hr_user, employee):
    today = timezone.localdate()
    case = make_case(hr_user, employee)
    decide(case, hr_user)
    programme = Programme.objects.create(title="Etika dan netralitas ASN")
    late = Assignment.objects.create(
        employee=employee, programme=programme, source="remedial", due_date=today - dt.timedelta(days=3)
    )
    done = Assignment.objects.create(
        employee=employee,
        programme=Programme.objects.create(title="Literasi media sosial"),
        due_date=today + dt.timedelta(days=3),
        completed_at=timezone.now(),
    )
    cert = Certificate.objects.create(employee=employee, kind="programme", programme=done.programme, title="Lulus LMS")
    other = EmployeeFactory(full_name="Orang Lain", unit=employee.unit)
    other_case = make_case(hr_user, other)
    Assignment.objects.create(employee=other, programme=programme, due_date=today)
    return {"case": case, "late": late, "done": done, "cert": cert, "other_case": other_case}


def test_employee_page_shows_cases_sanctions_trainings_and_certificates(client, hr_user, employee, history):
    client.force_login(hr_user)
    r = client.get(reverse("registry:employee_detail", args=[employee.pk]))
    html = r.content.decode()
    assert r.status_code == 200
    case = history["case"]
    assert reverse("cases:case_detail", args=[case.pk]) in html and case.reference in html
    assert case.get_status_display() in html
    assert str(SanctionType.objects.get(code="PNS-R2")) in html and f"800/{case.pk}/BKPSDM" in html
    assert "Etika dan netralitas ASN" in html and "lewat batas waktu" in html
    assert "Literasi media sosial" in html and 'class="badge ok">selesai' in html
    assert "Lulus LMS" in html and history["cert"].number in html
    assert history["other_case"].reference not in html  # only this employee's


def test_extras_are_scoped_to_the_viewer(monitor_user, hr_user, employee, history):
    ctx = selectors.employee_extras_for(user=monitor_user, employee=employee)
    assert not ctx["show_cases"] and not ctx["show_training"] and "cases" not in ctx
    ctx = selectors.employee_extras_for(user=hr_user, employee=employee)
    assert [c.pk for c in ctx["cases"]] == [history["case"].pk]
    assert {a.pk for a in ctx["assignments"]} == {history["late"].pk, history["done"].pk}
    assert {a.pk: a.overdue for a in ctx["assignments"]} == {history["late"].pk: True, history["done"].pk: False}


def test_extras_use_a_fixed_number_of_queries(hr_user, employee, history):
    def count():
        with CaptureQueriesContext(connection) as ctx:
            from django.template.loader import render_to_string

            render_to_string("cases/employees/_extra.html", {"employee": employee, "user": hr_user})
        return len(ctx)

    count()  # warm up: the viewer's roles are cached on the user object
    before = count()
    for _ in range(3):
        decide(make_case(hr_user, employee), hr_user, code="MORAL-TERTUTUP", track="moral")
        Assignment.objects.create(
            employee=employee, programme=Programme.objects.create(title="P"), due_date=timezone.localdate()
        )
    assert count() == before
