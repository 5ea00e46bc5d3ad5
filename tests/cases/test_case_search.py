"""Case-list keyword search and the capped count (issue 12, item 5: the list at 500,000 cases)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from cases.models import Case
from netralitas_site.pagination import CappedPaginator
from tests.cases.conftest import make_case
from tests.conftest import service_missing
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def _listed(client, **params) -> str:
    r = client.get(reverse("cases:case_list"), params)
    assert r.status_code == 200
    return r.content.decode()


def test_keyword_finds_name_reference_and_identifier(client, hr_user, unit):
    a = make_case(hr_user, EmployeeFactory(unit=unit, full_name="Zulkifli Cari"))
    b = make_case(hr_user, EmployeeFactory(unit=unit, full_name="Bambang Lain"))
    client.force_login(hr_user)
    assert a.reference in _listed(client, q="ulkif") and b.reference not in _listed(client, q="ulkif")
    # A full case number typed in lower case finds exactly that case.
    html = _listed(client, q=b.reference.lower())
    assert b.reference in html and a.reference not in html
    # Part of a number ("2026/0001") searches inside case numbers.
    part = a.reference.split("/", 1)[1]
    assert a.reference in _listed(client, q=part)
    # An identifier prefix (NIP) finds the employee's cases.
    assert a.reference in _listed(client, q=a.employee.nip[:10] + " ")
    assert "0 kasus" in _listed(client, q="tidak-ada-nama-ini")


def test_count_stops_at_the_cap_and_says_so(client, hr_user, unit, monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", 3)
    for i in range(5):
        make_case(hr_user, EmployeeFactory(unit=unit, full_name=f"Pegawai {'Dicari' if i < 2 else 'Lain'} {i}"))
    client.force_login(hr_user)
    assert Case.objects.count() == 5
    assert "Lebih dari 3 kasus" in _listed(client)
    assert "2 kasus" in _listed(client, q="dicari")  # below the cap the count is exact


def test_keyword_search_uses_the_trigram_index_on_postgresql(hr_user, unit):
    if connection.vendor != "postgresql":
        service_missing("PostgreSQL (DATABASE_URL)")
    from cases.selectors import case_list_for

    make_case(hr_user, EmployeeFactory(unit=unit, full_name="Zulkifli Cari"))
    sql, params = case_list_for(user=hr_user, filters={"q": "ulkif"}).query.sql_with_params()
    with connection.cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")  # a tiny table would be scanned; ask whether the index fits
        cur.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cur.fetchall())
    assert "employee_name_trgm_idx" in plan, plan
