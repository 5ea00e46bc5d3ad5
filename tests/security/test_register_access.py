"""Probe replay (medium): the monitor (no employees.view) tags employees without reading the register."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.cases.conftest import make_case, make_post
from tests.factories import EmployeeFactory

NIK = "3204124101900001"


@pytest.fixture
def people(unit):
    return [
        EmployeeFactory(unit=unit, full_name="Sitorus Andini"),
        EmployeeFactory(unit=unit, full_name="Siregar Bayu", status="honorer", nip=None, nik=NIK),
        EmployeeFactory(unit=unit, full_name="Rahmat Siswanto"),
    ]


def _search(client, **params):
    return client.get(reverse("cases:people_search"), params).content.decode()


def test_monitor_cannot_list_employees_by_id(client, monitor_user, people):
    client.force_login(monitor_user)
    body = _search(client, employees=[p.pk for p in people])
    for p in people:
        assert p.full_name not in body and f'value="{p.pk}"' not in body


def test_monitor_needs_three_letters_and_never_sees_a_full_identifier(client, monitor_user, people):
    client.force_login(monitor_user)
    assert "Sitorus" not in _search(client, q="Si")  # two letters: nothing
    body = _search(client, q="Sir")
    assert "Siregar Bayu" in body and NIK not in body and "NIK …0001" in body
    assert "Sitorus" not in body
    for prefix in ("3204", "320412410190", people[0].nip[:8]):  # identifier prefixes list nobody
        assert 'value="' not in _search(client, q=prefix)
    body = _search(client, q=NIK)  # a complete NIK finds exactly that person, still masked on screen
    assert "Siregar Bayu" in body and NIK not in body.replace(f"q={NIK}", "")
    body = _search(client, q=people[0].nip)
    assert "Sitorus Andini" in body and people[0].nip not in body


def test_monitor_sees_at_most_ten_matches(client, monitor_user, unit):
    for i in range(15):
        EmployeeFactory(unit=unit, full_name=f"Wulandari {i}")
    client.force_login(monitor_user)
    assert _search(client, q="Wulan").count('type="checkbox"') == 10


def test_ticked_employees_stay_only_when_the_monitor_found_them(client, monitor_user, people):
    client.force_login(monitor_user)
    _search(client, q="Sitorus")
    body = _search(client, q="Rahmat", employees=[people[0].pk, people[1].pk])
    assert "Sitorus Andini" in body and "checked" in body  # found earlier: stays ticked
    assert "Siregar Bayu" not in body  # never found by this session


def test_monitor_cannot_tag_an_employee_it_did_not_find(client, monitor_user, people):
    post = make_post(monitor_user, url="https://facebook.com/p/tag-1")
    client.force_login(monitor_user)
    client.post(reverse("cases:post_add_subjects", args=[post.pk]), {"employees": [people[1].pk]})
    assert not post.subjects.exists()
    _search(client, q="Siregar")
    client.post(reverse("cases:post_add_subjects", args=[post.pk]), {"employees": [people[1].pk]})
    assert list(post.subjects.values_list("employee_id", flat=True)) == [people[1].pk]


def test_post_page_hides_cases_and_identifiers_from_the_monitor(client, monitor_user, hr_user, people):
    case = make_case(hr_user, people[1])
    post = case.post if hasattr(case, "post") else case.posts.first()
    client.force_login(monitor_user)
    body = client.get(reverse("cases:post_detail", args=[post.pk])).content.decode()
    assert case.reference not in body and case.get_status_display() not in body
    assert NIK not in body and "NIK …0001" in body
    client.force_login(hr_user)
    body = client.get(reverse("cases:post_detail", args=[post.pk])).content.decode()
    assert case.reference in body and NIK in body


def test_hr_still_searches_the_register_by_identifier_prefix(client, hr_user, people):
    client.force_login(hr_user)
    body = _search(client, q="3204")
    assert "Siregar Bayu" in body and NIK in body
