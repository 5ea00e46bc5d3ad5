"""Employee import from CSV/XLSX: all rows land or none, every bad row named, refusal of wrong files."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from audit.models import AuditEvent
from registry import importing
from registry.models import Employee
from tests.factories import EmployeeFactory, OrgUnitFactory

HEADERS = importing.TEMPLATE_HEADERS


def row(**values):
    base = dict.fromkeys(HEADERS, "")
    base.update(values)
    return base


GOOD_ROWS = [
    row(nama="Hendra Wijaya", status="PNS", nip="197001012000031001", kode_unit="DISDIK", jabatan="Kepala Dinas",
        jenis_jabatan="jpt", pangkat_golongan="IV/c"),
    row(nama="Dewi Lestari", status="PNS", nip="199004122015032004", nik="3204125204900001", kode_unit="DISDIK-SD1",
        nip_atasan="197001012000031001", pangkat_golongan="iii/a", email="dewi@example.go.id"),
    row(nama="Agus Saputra", status="PPPK", ni_pppk="198505172021211003", kode_unit="disdik",
        pangkat_golongan="IX", nip_atasan="19700101 200003 1 001", tanggal_lahir="17/05/1985"),
    row(nama="Sari Rahayu", status="HONORER", nik="3204124506950002", kode_unit="DISDIK", jenis_kelamin="P",
        nomor_kontrak="SKM/HON/2024/0001"),
]  # fmt: skip


def csv_bytes(rows, *, encoding="utf-8", bom=False, delimiter=",", headers=HEADERS):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=headers, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    text = buffer.getvalue()
    return (("\ufeff" if bom else "") + text).encode(encoding)


def xlsx_bytes(rows, headers=HEADERS):
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for r in rows:
        ws.append([r.get(h) or None for h in headers])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.fixture
def units(unit):
    return {"DISDIK": unit, "DISDIK-SD1": OrgUnitFactory(code="DISDIK-SD1", name="SD Negeri 1", parent=unit)}


def run(content, name="pegawai.csv", user=None):
    return importing.run_import(acting_user=user, content=content, filename=name)


def test_good_csv_lands_with_supervisor_from_the_same_file(units, hr_user):
    plan = run(csv_bytes(GOOD_ROWS), user=hr_user)
    assert plan.ok, plan.errors
    assert plan.written == 4 and len(plan.to_create) == 4
    head = Employee.objects.get(nip="197001012000031001")
    dewi = Employee.objects.get(nip="199004122015032004")
    assert dewi.supervisor == head and dewi.unit.code == "DISDIK-SD1" and dewi.rank == "III/a"
    assert dewi.sex == "P" and str(dewi.birth_date) == "1990-04-12"
    agus = Employee.objects.get(ni_pppk="198505172021211003")
    assert agus.supervisor == head and agus.status == "pppk"
    sari = Employee.objects.get(nik="3204124506950002")
    assert sari.status == "honorer" and sari.contract_number == "SKM/HON/2024/0001"
    event = AuditEvent.objects.get(action="cases.employee.imported")
    assert event.changes["created"] == 4 and event.changes["updated"] == 0 and event.actor == hr_user


def test_good_xlsx_lands(units):
    plan = run(xlsx_bytes(GOOD_ROWS), name="pegawai.xlsx")
    assert plan.ok, plan.errors
    assert Employee.objects.filter(unit__code__startswith="DISDIK").count() == 4


def test_xlsx_identifier_stored_as_number_is_refused(units):
    rows = [dict(GOOD_ROWS[0], nip=197001012000031001.0)]
    plan = run(xlsx_bytes(rows), name="pegawai.xlsx")
    assert not plan.ok
    assert plan.errors[0].row == 2 and plan.errors[0].column == "nip" and "Teks" in plan.errors[0].message


def test_csv_identifier_in_scientific_notation_is_refused_with_a_hint(units):
    plan = run(csv_bytes([dict(GOOD_ROWS[0], nip="1,97E+17")], delimiter=";"))
    [issue] = plan.errors
    assert (issue.row, issue.column) == (2, "nip") and "Teks" in issue.message


def test_reimport_updates_matched_by_identifier_and_counts_unchanged(units):
    run(csv_bytes(GOOD_ROWS))
    rows = [dict(r) for r in GOOD_ROWS]
    rows[1]["jabatan"] = "Pranata Komputer Ahli Pertama"
    # the honorer is matched by NIK and now gets a NI PPPK and status PPPK
    rows[3].update(status="PPPK", ni_pppk="199505052023241002", nik="3204124506950002")
    rows[3]["jenis_kelamin"] = "P"
    plan = run(csv_bytes(rows))
    assert plan.ok, plan.errors
    assert (len(plan.to_create), len(plan.to_update), plan.unchanged) == (0, 2, 2)
    dewi = Employee.objects.get(nip="199004122015032004")
    assert dewi.position == "Pranata Komputer Ahli Pertama" and dewi.version == 2
    sari = Employee.objects.get(nik="3204124506950002")
    assert sari.status == "pppk" and sari.ni_pppk == "199505052023241002"
    assert Employee.objects.count() == 4


def test_one_bad_row_lands_nothing_and_names_row_field_reason(units):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[2]["ni_pppk"] = "198505172021210003"  # sex digit 0 -> row 4 in the spreadsheet
    plan = run(csv_bytes(rows))
    assert not plan.ok and plan.written == 0
    assert Employee.objects.count() == 0
    assert not AuditEvent.objects.filter(action="cases.employee.imported").exists()
    [issue] = plan.errors
    assert (issue.row, issue.column) == (4, "ni_pppk")
    assert "jenis kelamin" in issue.message


def test_every_bad_row_is_reported(units):
    rows = [dict(r) for r in GOOD_ROWS]
    rows[0]["status"] = "PEJABAT"
    rows[1]["email"] = "bukan-email"
    rows[3]["nik"] = ""
    plan = run(csv_bytes(rows))
    found = {(i.row, i.column) for i in plan.errors}
    assert {(2, "status"), (3, "email"), (5, "nik")} <= found
    assert Employee.objects.count() == 0


def test_duplicate_identifiers_within_file(units):
    rows = [GOOD_ROWS[0], dict(GOOD_ROWS[1], nip=GOOD_ROWS[0]["nip"], nip_atasan="")]
    plan = run(csv_bytes(rows))
    [issue] = plan.errors
    assert (issue.row, issue.column) == (3, "nip") and "baris 2" in issue.message
    assert Employee.objects.count() == 0


def test_unknown_unit_code_and_unknown_supervisor(units):
    rows = [dict(GOOD_ROWS[0], kode_unit="TIDAKADA"), dict(GOOD_ROWS[3], nip_atasan="196001012000031009")]
    plan = run(csv_bytes(rows))
    found = {(i.row, i.column): i.message for i in plan.errors}
    assert "TIDAKADA" in found[(2, "kode_unit")]
    assert "tidak ditemukan" in found[(3, "nip_atasan")]


def test_identifiers_of_two_different_people_in_one_row(units):
    a = EmployeeFactory(nip="199004122015032004", unit=units["DISDIK"])
    b = EmployeeFactory(status="honorer", nip=None, nik="3204125204900001", unit=units["DISDIK"])
    rows = [dict(GOOD_ROWS[1], nip_atasan="")]
    plan = run(csv_bytes(rows))
    [issue] = plan.errors
    assert issue.row == 2 and a.full_name in issue.message and b.full_name in issue.message


def test_supervisor_loop_within_file_is_refused(units):
    a = dict(GOOD_ROWS[0], nip_atasan=GOOD_ROWS[1]["nip"])
    b = dict(GOOD_ROWS[1], nip_atasan=GOOD_ROWS[0]["nip"])
    plan = run(csv_bytes([a, b, GOOD_ROWS[3]]))
    [issue] = plan.errors
    assert (issue.row, issue.column) == (2, "nip_atasan") and "2, 3" in issue.message
    assert Employee.objects.count() == 0


def test_supervisor_from_registry(units):
    boss = EmployeeFactory(unit=units["DISDIK"])
    plan = run(csv_bytes([dict(GOOD_ROWS[3], nip_atasan=boss.nip)]))
    assert plan.ok, plan.errors
    assert Employee.objects.get(nik="3204124506950002").supervisor == boss


@pytest.mark.parametrize(
    "content, name, fragment",
    [
        (b"%PDF-1.4 bukan csv", "data.pdf", "tidak didukung"),
        (b"", "kosong.csv", "kosong"),
        (b"\n\n", "kosong.csv", "kosong"),
        (b"nama,status,nip\nA,PNS,199004122015032004\n", "kurang.csv", "kode_unit"),
        (b"nama,status,kode_unit\nA,PNS,DISDIK\n", "tanpa-id.csv", "nip, ni_pppk atau nik"),
        (",".join(HEADERS).encode() + b"\n", "judul-saja.csv", "tidak berisi baris"),
        (b"PK\x03\x04 rusak", "rusak.xlsx", "tidak dapat dibaca"),
        (b"nama;status", "palsu.xlsx", "bukan XLSX"),
        (b"\x81\x8d\x8f\x90\x9d", "aneh.csv", "Pengodean"),
    ],
)
def test_wrong_files_are_refused(units, content, name, fragment):
    with pytest.raises(importing.ImportFileError) as exc:
        run(content, name=name)
    assert fragment in exc.value.message


def test_file_over_ten_megabytes_is_refused(units):
    with pytest.raises(importing.ImportFileError) as exc:
        run(b"x" * (10 * 1024 * 1024 + 1))
    assert "10 MB" in exc.value.message


def test_utf8_bom_and_excel_cp1252_semicolon(units):
    rows = [dict(GOOD_ROWS[3], nama="Désirée Ñoño")]
    plan = run(csv_bytes(rows, bom=True))
    assert plan.ok, plan.errors
    assert Employee.objects.get(nik="3204124506950002").full_name == "Désirée Ñoño"
    rows = [dict(GOOD_ROWS[0], nama="José Müller")]
    plan = run(csv_bytes(rows, encoding="cp1252", delimiter=";"))
    assert plan.ok, plan.errors
    assert Employee.objects.get(nip="197001012000031001").full_name == "José Müller"


def test_headers_are_case_insensitive_and_unknown_ones_ignored(units):
    content = b"Nama;STATUS;NIP;Kode Unit;Catatan\nBudi;pns;199004122015031004;DISDIK;abc\n"
    plan = run(content)
    assert plan.ok, plan.errors
    assert plan.ignored_headers == ["catatan"]


# ----------------------------------------------------------------- through the pages


def upload(client, content, name):
    return client.post(reverse("registry:employee_import"), {"file": SimpleUploadedFile(name, content)})


def test_upload_preview_then_confirm(hr_client, units):
    response = upload(hr_client, csv_bytes(GOOD_ROWS), "pegawai.csv")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Konfirmasi impor" in page and "Hendra Wijaya" in page
    assert Employee.objects.count() == 0  # preview writes nothing
    stash = hr_client.session["registry_import"]
    assert f'value="{stash["sha256"]}"' in page  # the confirm form carries the hash of the previewed file
    response = hr_client.post(reverse("registry:employee_import_confirm"), {"sha256": stash["sha256"]})
    assert response.status_code == 302
    assert Employee.objects.count() == 4
    assert "registry_import" not in hr_client.session
    assert importing.load_upload(stash) is None  # the stored file is gone


def test_confirm_revalidates(hr_client, units):
    upload(hr_client, csv_bytes(GOOD_ROWS), "pegawai.csv")
    units["DISDIK-SD1"].delete()  # unit vanished between preview and confirm
    stash = hr_client.session["registry_import"]
    response = hr_client.post(reverse("registry:employee_import_confirm"), {"sha256": stash["sha256"]})
    assert response.status_code == 200
    assert "DISDIK-SD1" in response.content.decode()
    assert Employee.objects.count() == 0


def test_confirm_without_preview_is_refused(hr_client, units):
    response = hr_client.post(reverse("registry:employee_import_confirm"), {"sha256": "x"})
    assert response.status_code == 302
    assert Employee.objects.count() == 0


def test_upload_with_errors_shows_them_and_offers_no_confirm(hr_client, units):
    rows = [dict(GOOD_ROWS[0], kode_unit="TIDAKADA")]
    page = upload(hr_client, csv_bytes(rows), "pegawai.csv").content.decode()
    assert "TIDAKADA" in page and "Konfirmasi impor" not in page
    assert "registry_import" not in hr_client.session


def test_upload_wrong_type_shows_message(hr_client, units):
    page = upload(hr_client, b"hello", "foto.png").content.decode()
    assert "tidak didukung" in page


def test_template_csv_download(hr_client):
    response = hr_client.get(reverse("registry:employee_import_template"))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert text.strip().split(",")[:3] == ["nama", "status", "nip"]
    assert "kode_unit" in text and "nip_atasan" in text
