import datetime as dt

import pytest
from django.db import transaction

from letters import numbering
from letters.dates import hari_tanggal, tanggal
from letters.kinds import LetterKind
from letters.models import LetterCounter, NumberingRule


def test_indonesian_dates_do_not_depend_on_locale():
    assert tanggal(dt.date(2024, 11, 25)) == "25 November 2024"
    assert tanggal(dt.date(2024, 2, 1)) == "1 Februari 2024"
    assert tanggal("2024-08-17") == "17 Agustus 2024"
    assert hari_tanggal(dt.date(2024, 11, 25)) == "Senin, 25 November 2024"
    assert tanggal(None) == ""


def test_pattern_formatting_and_validation():
    number = numbering.format_number(
        "{code}/{seq}/{unit}/{year}", code="800.1.6.4", seq=7, width=4, unit="BKPSDM", on=dt.date(2024, 11, 25)
    )
    assert number == "800.1.6.4/0007/BKPSDM/2024"
    assert (
        numbering.format_number(
            "{code}/{seq}/{unit}/{roman_month}/{year}", code="800", seq=12, width=3, unit="X", on=dt.date(2024, 11, 2)
        )
        == "800/012/X/XI/2024"
    )
    with pytest.raises(ValueError):
        numbering.validate_pattern("{code}/{unit}")
    with pytest.raises(ValueError):
        numbering.validate_pattern("{code}/{seq}/{bogus}")


def test_allocation_only_inside_a_transaction(letterhead):
    with pytest.raises(RuntimeError):
        # pytest-django wraps the test in a transaction; leave it to prove the guard
        conn = transaction.get_connection()
        conn.in_atomic_block, saved = False, conn.in_atomic_block
        try:
            numbering.allocate(letterhead=letterhead, kind=LetterKind.WRITTEN_WARNING, on=dt.date(2024, 11, 25))
        finally:
            conn.in_atomic_block = saved


@pytest.mark.django_db
def test_permendagri_1_2023_one_register_per_archive_code_unit_and_year(letterhead):
    NumberingRule.objects.filter(letterhead=letterhead, kind=LetterKind.COACHING).update(
        pattern="{code}/{seq}/{unit}/{year}", classification_code="800.1.2", unit_code="BKPSDM-BIN"
    )
    # The dissatisfaction letter is filed under the same code as the written warning: one shared register.
    NumberingRule.objects.filter(letterhead=letterhead, kind=LetterKind.DISSATISFACTION).update(
        classification_code="800.1.6.4"
    )
    day = dt.date(2024, 11, 25)
    with transaction.atomic():
        a = numbering.allocate(letterhead=letterhead, kind=LetterKind.WRITTEN_WARNING, on=day)
        b = numbering.allocate(letterhead=letterhead, kind=LetterKind.DISSATISFACTION, on=day)
        c = numbering.allocate(letterhead=letterhead, kind=LetterKind.COACHING, on=day)
        d = numbering.allocate(letterhead=letterhead, kind=LetterKind.WRITTEN_WARNING, on=dt.date(2025, 1, 2))
    assert a == ("800.1.6.4/0001/BKPSDM/2024", 1)
    assert b == ("800.1.6.4/0002/BKPSDM/2024", 2)
    assert c == ("800.1.2/0001/BKPSDM-BIN/2024", 1)
    assert d == ("800.1.6.4/0001/BKPSDM/2025", 1)
    assert LetterCounter.objects.get(code="800.1.6.4", unit="BKPSDM", year=2024).last_value == 2


@pytest.mark.django_db
def test_permendagri_83_2022_placeholder_archive_code_refused_on_a_signed_letter(letterhead):
    from django.core.management import call_command

    from letters.checks import configuration_check
    from letters.workflow import IllegalStep

    NumberingRule.objects.filter(letterhead=letterhead, kind=LetterKind.DECISION).update(code_confirmed=False)
    with pytest.raises(IllegalStep, match="masih contoh"), transaction.atomic():
        numbering.allocate(letterhead=letterhead, kind=LetterKind.DECISION, on=dt.date(2024, 11, 25))
    warnings = [w for w in configuration_check() if w.id == "letters.W001"]
    assert warnings and "decision" in warnings[0].msg
    call_command("check")  # a warning, not an error: the project still starts


@pytest.mark.django_db
def test_rolled_back_approval_gives_the_number_back(letterhead):
    day = dt.date(2024, 11, 25)
    with pytest.raises(ZeroDivisionError), transaction.atomic():
        numbering.allocate(letterhead=letterhead, kind=LetterKind.WRITTEN_WARNING, on=day)
        1 / 0
    with transaction.atomic():
        assert numbering.allocate(letterhead=letterhead, kind=LetterKind.WRITTEN_WARNING, on=day)[1] == 1
