"""Probe replay (low): the employee import is bounded in memory and explains its refusals in Indonesian."""

from __future__ import annotations

import io
import tracemalloc

import pytest
from openpyxl import Workbook

from registry.importing import MAX_COLUMNS, TEMPLATE_HEADERS, ImportFileError, read_table


def _xlsx(rows) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_tiny_xlsx_reaching_the_last_column_costs_little_memory():
    data = _xlsx([None] * 16383 + ["x"] for _ in range(5000))  # column XFD on 5,000 rows
    assert len(data) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(ImportFileError) as exc:
            read_table(data, "pegawai.xlsx")
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 60 * 1024 * 1024, f"{peak / 1e6:.0f} MB"
    assert "kosong" in str(exc.value)  # nothing in the columns an import reads


def test_an_xlsx_wider_than_the_limit_is_refused_with_the_row():
    header = TEMPLATE_HEADERS + [f"x{i}" for i in range(MAX_COLUMNS + 5 - len(TEMPLATE_HEADERS))]
    with pytest.raises(ImportFileError) as exc:
        read_table(_xlsx([header]), "pegawai.xlsx")
    assert f"Baris 1 berisi lebih dari {MAX_COLUMNS} kolom" in str(exc.value)


def test_a_csv_wider_than_the_limit_is_refused():
    line = ",".join(["a"] * (MAX_COLUMNS + 1))
    with pytest.raises(ImportFileError) as exc:
        read_table((line + "\n").encode(), "pegawai.csv")
    assert f"lebih dari {MAX_COLUMNS} kolom" in str(exc.value)


def test_a_huge_csv_field_gets_an_indonesian_message():
    content = (",".join(TEMPLATE_HEADERS) + "\n" + '"' + "x" * 200_000 + '"\n').encode()
    with pytest.raises(ImportFileError) as exc:
        read_table(content, "pegawai.csv")
    message = str(exc.value)
    assert "Isi satu sel di baris 2 terlalu panjang" in message and "field" not in message


def test_a_broken_csv_names_the_row_in_indonesian():
    content = (",".join(TEMPLATE_HEADERS) + "\n" + 'a,"b\x00' + "\n").encode()
    with pytest.raises(ImportFileError) as exc:
        read_table(content, "pegawai.csv")
    assert "Error" not in str(exc.value)
