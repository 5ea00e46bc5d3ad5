"""Probe replay (low): no view follows a ``next`` off the site (POST /kasus/tugaskan/ next=https://…)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.cases.conftest import make_case
from tests.factories import EmployeeFactory

HOSTILE = ["https://evil.example/", "//evil.example/", "/\\evil.example/", "https:evil.example", "javascript:alert(1)"]


@pytest.mark.parametrize("target", HOSTILE)
def test_bulk_assign_refuses_an_offsite_next(client, admin_user, hr_user, unit, target):
    case = make_case(hr_user, EmployeeFactory(unit=unit))
    client.force_login(admin_user)
    data = {"cases": [case.pk], "officer": hr_user.pk, "next": target}
    response = client.post(reverse("cases:case_bulk_assign"), data)
    assert response.status_code == 302 and response["Location"] == reverse("cases:case_list")


def test_bulk_assign_follows_an_onsite_next(client, admin_user, hr_user, unit):
    case = make_case(hr_user, EmployeeFactory(unit=unit))
    client.force_login(admin_user)
    data = {"cases": [case.pk], "officer": hr_user.pk, "next": "/kasus/?page=2"}
    assert client.post(reverse("cases:case_bulk_assign"), data)["Location"] == "/kasus/?page=2"


def test_only_the_one_helper_reads_next():
    root = Path(settings.BASE_DIR)
    offenders = []
    for path in root.glob("*/**/*.py"):
        if path.relative_to(root).parts[0] in {".venv", "tests", "var"} or path.match("netralitas_site/redirects.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value == "next":
                offenders.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offenders == []
