"""The one home of spreadsheet-safe export cells (CSV and XLSX), used by every export.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a formula by
Excel/LibreOffice (``=HYPERLINK(...)`` leaks data, ``@SUM(...)`` runs). Such text gets a leading apostrophe,
the OWASP-recommended neutraliser; numbers, dates and empty cells pass unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(v) for v in values]
