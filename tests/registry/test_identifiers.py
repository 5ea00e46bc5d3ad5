"""NIP, NI PPPK and NIK parsing (cases/identifiers.py) and Employee.clean() warnings."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from registry.identifiers import format_nip, parse_ni_pppk, parse_nik, parse_nip
from registry.models import Employee
from tests.factories import OrgUnitFactory

NIP = "199004122015032004"  # born 12 Apr 1990, CPNS March 2015, female, serial 4
NI_PPPK = "198505172021211003"  # born 17 May 1985, PPPK 2021, code 21, male, serial 3
NIK = "3204125204900001"  # female (52 = 12 + 40), born 12 Apr 1990


def test_valid_nip():
    info = parse_nip(NIP)
    assert info.birth_date == dt.date(1990, 4, 12)
    assert info.sex == "P"
    assert (info.appointment_year, info.appointment_month, info.serial) == (2015, 3, 4)
    assert info.warnings == []
    assert format_nip(NIP) == "19900412 201503 2 004"


def test_nip_separators_are_ignored():
    assert parse_nip("19900412 201503 2 004").serial == 4
    assert parse_nip("19900412.201503.2.004").sex == "P"


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("19900412201503200", "18 digit"),  # 17 digits
        ("1990041220150320045", "18 digit"),  # 19 digits
        ("1990041220150320a4", "18 digit"),
        ("199002302015032004", "tanggal lahir"),  # 30 February
        ("199013122015032004", "tanggal lahir"),  # month 13 in the birth date
        ("199004122015132004", "bulan pengangkatan"),  # appointment month 13
        ("199004122015002004", "bulan pengangkatan"),  # appointment month 00
        ("199004122015033004", "jenis kelamin"),  # sex digit 3
        ("199004122015032000", "001"),  # serial 000
    ],
)
def test_invalid_nip(value, fragment):
    with pytest.raises(ValidationError) as exc:
        parse_nip(value)
    assert fragment in " ".join(exc.value.messages)


def test_cpns_before_eighteen_is_a_warning_not_an_error():
    info = parse_nip("200501012020011001")  # born 2005, CPNS 2020
    assert any("18 tahun" in w for w in info.warnings)


def test_valid_ni_pppk_does_not_read_a_month():
    info = parse_ni_pppk(NI_PPPK)
    assert info.birth_date == dt.date(1985, 5, 17)
    assert info.sex == "L"
    assert info.appointment_month is None
    # digits 13-14 are a code, not a month: "24" is fine
    assert parse_ni_pppk("198505172022241003").appointment_year == 2022


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("19850517202121100", "18 digit"),
        ("198502302021211003", "tanggal lahir"),
        ("198505172015211003", "2019"),  # PPPK before 2019
        ("198505172021210003", "jenis kelamin"),
    ],
)
def test_invalid_ni_pppk(value, fragment):
    with pytest.raises(ValidationError) as exc:
        parse_ni_pppk(value)
    assert fragment in " ".join(exc.value.messages)


def test_valid_nik_female_day_plus_forty():
    info = parse_nik(NIK)
    assert info.birth_date == dt.date(1990, 4, 12)
    assert info.sex == "P"
    assert parse_nik("3204121204900001").sex == "L"


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("320412520490000", "16 digit"),
        ("32041252049000012", "16 digit"),
        ("3204127204900001", "tanggal lahir"),  # day 72 - 40 = 32
        ("3204121213900001", "tanggal lahir"),  # month 13
        ("3204125204900000", "0001"),  # serial 0000
    ],
)
def test_invalid_nik(value, fragment):
    with pytest.raises(ValidationError) as exc:
        parse_nik(value)
    assert fragment in " ".join(exc.value.messages)


@pytest.mark.django_db
def test_employee_clean_fills_birth_date_and_sex_and_collects_warnings():
    unit = OrgUnitFactory()
    emp = Employee(full_name="Uji Muda", status="cpns", nip="200501012020011001", unit=unit)
    emp.full_clean()
    assert emp.birth_date == dt.date(2005, 1, 1)
    assert emp.sex == "L"
    assert any("18 tahun" in w for w in emp.warnings)


@pytest.mark.django_db
def test_employee_clean_requires_the_identifier_of_the_status():
    unit = OrgUnitFactory()
    with pytest.raises(ValidationError) as exc:
        Employee(full_name="Tanpa NI", status="pppk", nik=NIK, unit=unit).full_clean()
    assert "ni_pppk" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        Employee(full_name="NIP salah", status="pns", nip="199004122015132004", unit=unit).full_clean()
    assert "nip" in exc.value.message_dict


def test_one_employee_search_by_identifier_prefix_or_exact_separators_ignored(db, unit):
    from registry.selectors import employee_by_identifier, identifier_q
    from tests.factories import EmployeeFactory

    emp = EmployeeFactory(unit=unit, nip="199004122015032004")
    assert list(Employee.objects.filter(identifier_q("19900412 2015"))) == [emp]  # grouped digits as printed
    assert list(Employee.objects.filter(identifier_q("1990.0412"))) == [emp]
    assert not Employee.objects.filter(identifier_q("20150320")).exists()  # a prefix, not "contains"
    assert identifier_q("19") is None and identifier_q("Agus") is None  # too short / not a number
    assert employee_by_identifier("1990 0412 2015 03 2 004") == emp
    assert employee_by_identifier("19900412") is None  # exact for lookups
