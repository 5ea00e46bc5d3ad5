"""Time the employee import on a generated file, and show that one bad row lands nothing.

    python manage.py benchmark_import --rows 5000 [--keep]

Everything runs in one transaction that is rolled back at the end (unless --keep), so the command can be run
against any database without leaving benchmark employees behind.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from registry import importing
from registry.models import Employee, OrgUnit

UNIT_CODES = [f"BENCH-{i}" for i in range(1, 6)]


class _Rollback(Exception):
    pass


def generate_rows(count: int) -> list[dict[str, str]]:
    """Valid, unique identifiers; one head per 50 rows; everyone else reports to a head in the same file."""
    rows = []
    head_nip = ""
    for i in range(count):
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=i * 3)
        sex = "1" if i % 2 else "2"
        kind = "pns" if i % 50 == 0 else ("pns", "pppk", "honorer", "pns")[i % 4]
        row = dict.fromkeys(importing.TEMPLATE_HEADERS, "")
        row.update(nama=f"Pegawai Benchmark {i:05d}", kode_unit=UNIT_CODES[i % len(UNIT_CODES)], jabatan="Pelaksana")
        if kind == "pns":
            year = birth.year + 25
            row.update(status="PNS", nip=f"{birth:%Y%m%d}{year}{1 + i % 12:02d}{sex}{1 + i % 999:03d}")
            row.update(pangkat_golongan="III/a", jenis_jabatan="pelaksana")
        elif kind == "pppk":
            row.update(status="PPPK", ni_pppk=f"{birth:%Y%m%d}{2021 + i % 3}21{sex}{1 + i % 999:03d}")
            row.update(pangkat_golongan="IX", jenis_jabatan="fungsional")
        else:
            day = birth.day + (40 if sex == "2" else 0)
            row.update(status="HONORER", nik=f"320412{day:02d}{birth:%m%y}{1 + i % 9999:04d}", nomor_kontrak=f"H/{i}")
        if i % 50 == 0:
            head_nip = row["nip"]
            row["jabatan"] = "Kepala Seksi"
        else:
            row["nip_atasan"] = head_nip
        rows.append(row)
    return rows


def to_csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=importing.TEMPLATE_HEADERS)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def to_xlsx(rows: list[dict[str, str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(importing.TEMPLATE_HEADERS)
    for row in rows:
        sheet.append([row[h] or None for h in importing.TEMPLATE_HEADERS])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


class Command(BaseCommand):
    help = "Generate an employee file, import it (and a variant with one bad row) and print the timings."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=5000)
        parser.add_argument("--keep", action="store_true", help="keep the imported employees")

    def timed(self, label: str, content: bytes, filename: str, *, keep: bool) -> importing.ImportPlan:
        start, cpu_start = time.perf_counter(), time.process_time()
        plan = None
        try:
            with transaction.atomic():
                plan = importing.run_import(acting_user=None, content=content, filename=filename)
                elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
                if not keep:
                    raise _Rollback
        except _Rollback:
            pass
        counts = plan.counts()
        outcome = (
            f"created={counts['created']} updated={counts['updated']} unchanged={counts['unchanged']}"
            if plan.ok
            else f"errors={counts['errors']}"
        )
        self.stdout.write(f"{label:<32} {elapsed:6.2f} s wall {cpu:6.2f} s CPU  written={plan.written} {outcome}")
        return plan

    def handle(self, *args, rows: int, keep: bool, **options):
        data = generate_rows(rows)
        bad = [dict(r) for r in data]
        bad_index = len(bad) // 2
        # a PNS who heads nobody, so that exactly one row is wrong
        bad_nip_row = next(i for i in range(bad_index, len(bad)) if bad[i]["nip"] and i % 50)
        bad[bad_nip_row]["nip"] = bad[bad_nip_row]["nip"][:12] + "13" + bad[bad_nip_row]["nip"][14:]  # month 13
        good_csv, bad_csv = to_csv(data), to_csv(bad)
        good_xlsx = to_xlsx(data)
        self.stdout.write(
            f"{rows} rows; CSV {len(good_csv) / 1024:.0f} KiB, XLSX {len(good_xlsx) / 1024:.0f} KiB; "
            f"bad row planted at spreadsheet row {bad_nip_row + 2}"
        )
        try:
            with transaction.atomic():
                for i, code in enumerate(UNIT_CODES):
                    OrgUnit.objects.get_or_create(code=code, defaults={"name": f"Unit Benchmark {i + 1}"})
                before = Employee.objects.count()

                plan = self.timed("bad CSV (one bad row)", bad_csv, "buruk.csv", keep=False)
                after = Employee.objects.count()
                self.stdout.write(f"  rows written: {after - before} (employees before {before}, after {after})")
                for issue in plan.errors:
                    self.stdout.write(f"  row {issue.row}, column {issue.column}: {issue.message}")

                self.timed("good XLSX (all new)", good_xlsx, "baik.xlsx", keep=False)
                self.timed("good CSV (all new)", good_csv, "baik.csv", keep=True)
                self.timed("same CSV again (all unchanged)", good_csv, "baik.csv", keep=False)
                changed = [dict(r, jabatan="Pelaksana Utama") for r in data]
                self.timed("changed CSV (all updated)", to_csv(changed), "ubah.csv", keep=False)
                if not keep:
                    raise _Rollback
        except _Rollback:
            self.stdout.write("Rolled back: no benchmark data left in the database (use --keep to keep it).")
