"""Public figures for one election: case counts per month, unit type, violation category and outcome.

No names, NIP, case numbers or units below OPD level (only the OPD's *type*, e.g. Dinas, Kecamatan).
Every count from 1 to ``PUBLIC_STATS_MIN_CELL - 1`` is hidden, and more cells are hidden until no hidden
cell can be derived from row or column totals (``suppression.py``). The result is cached."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import Case, Decision
from registry.models import Election, OrgUnit

from .suppression import suppress

UNIT_TYPES = (  # OPD name prefix -> public unit type (first match wins)
    ("sekretariat", "Sekretariat"),
    ("inspektorat", "Inspektorat"),
    ("dinas", "Dinas"),
    ("badan", "Badan"),
    ("satuan polisi", "Satpol PP"),
    ("rumah sakit", "RSUD"),
    ("rsud", "RSUD"),
    ("kecamatan", "Kecamatan"),
    ("kantor", "Kantor"),
)
OUTCOMES = ("in_process", "dismissed", "moral", "ringan", "sedang", "berat")


def outcome_labels() -> dict[str, str]:
    return {
        "in_process": _("Dalam proses"),
        "dismissed": _("Dihentikan / tidak terbukti"),
        "moral": _("Sanksi moral"),
        "ringan": _("Hukuman disiplin ringan"),
        "sedang": _("Hukuman disiplin sedang"),
        "berat": _("Hukuman disiplin berat"),
    }


def unit_type(name: str) -> str:
    lowered = name.strip().lower()
    for prefix, label in UNIT_TYPES:
        if lowered.startswith(prefix):
            return label
    return _("Perangkat daerah lain")


def _opd_types() -> dict[int, str]:
    """Unit id -> type of its top-level OPD (one query for the whole tree)."""
    units = {u.pk: u for u in OrgUnit.objects.only("pk", "name", "parent_id")}
    out = {}
    for pk, unit in units.items():
        node, seen = unit, set()
        while node.parent_id and node.parent_id in units and node.pk not in seen:
            seen.add(node.pk)
            node = units[node.parent_id]
        out[pk] = unit_type(node.name)
    return out


def _outcome(case: Case, decisions: list[Decision]) -> str:
    if case.status == Case.Status.DISMISSED:
        return "dismissed"
    if decisions and not any(d.substantiated for d in decisions):
        return "dismissed"
    levels = [d.sanction_type.level for d in decisions if d.substantiated and d.track == "discipline"]
    for level in ("berat", "sedang", "ringan"):
        if level in levels:
            return level
    if any(d.substantiated for d in decisions):
        return "moral"
    return "in_process"


def facts(election: Election) -> list[dict[str, str]]:
    """One row per case of the election (cases whose posts belong to it): its four public attributes."""
    cases = (
        Case.objects.filter(posts__election=election)
        .distinct()
        .select_related("employee", "violation_type")
        .prefetch_related("decisions__sanction_type")
    )
    types = _opd_types()
    none_type = _("Belum ditetapkan")
    rows = []
    for case in cases:
        opened = timezone.localtime(case.opened_at)
        violation = case.violation_type
        rows.append(
            {
                "month": f"{opened:%Y-%m}",
                "unit_type": types.get(case.employee.unit_id, _("Tidak diketahui")),
                "violation": f"{violation.number}. {violation.title}"
                if violation and violation.number
                else (violation.title if violation else none_type),
                "outcome": _outcome(case, list(case.decisions.all())),
            }
        )
    return rows


DIMENSIONS = (
    ("month", _("Bulan kasus dibuka")),
    ("unit_type", _("Jenis perangkat daerah")),
    ("violation", _("Kategori pelanggaran (SKB 2022)")),
)


def tables(rows: list[dict[str, str]], minimum: int) -> list[dict[str, Any]]:
    """Cross-tables dimension x outcome with margins, suppressed. Shared margins (outcome totals and the
    grand total) are the same variables in every table."""
    values: dict[Any, int] = {("total",): len(rows)}
    equations: list[tuple[Any, list[Any]]] = []
    outcome_totals = Counter(r["outcome"] for r in rows)
    for o in OUTCOMES:
        values[("outcome", o)] = outcome_totals[o]
    equations.append((("total",), [("outcome", o) for o in OUTCOMES]))
    layout = []
    for dim, title in DIMENSIONS:
        labels = sorted({r[dim] for r in rows})
        counts = Counter((r[dim], r["outcome"]) for r in rows)
        row_totals = Counter(r[dim] for r in rows)
        for label in labels:
            for o in OUTCOMES:
                values[(dim, label, o)] = counts[(label, o)]
            values[(dim, label)] = row_totals[label]
            equations.append(((dim, label), [(dim, label, o) for o in OUTCOMES]))
        for o in OUTCOMES:
            equations.append((("outcome", o), [(dim, label, o) for label in labels]))
        equations.append((("total",), [(dim, label) for label in labels]))
        layout.append((dim, title, labels))
    hidden = suppress(values, equations, minimum)

    def shown(key: Any) -> int | None:
        return None if key in hidden else values[key]

    out = []
    for dim, title, labels in layout:
        out.append(
            {
                "dimension": dim,
                "title": str(title),
                "rows": [
                    {
                        "label": label,
                        "cells": [shown((dim, label, o)) for o in OUTCOMES],
                        "total": shown((dim, label)),
                    }
                    for label in labels
                ],
                "totals": [shown(("outcome", o)) for o in OUTCOMES],
                "total": shown(("total",)),
            }
        )
    return out


def figures(election: Election) -> dict[str, Any]:
    """The public payload for one election (cached)."""
    minimum = settings.PUBLIC_STATS_MIN_CELL
    key = f"public-stats:v1:{election.pk}:{minimum}:{timezone.localdate():%Y%m%d}"
    payload = cache.get(key)
    if payload is None:
        labels = outcome_labels()
        payload = {
            "election": {"id": election.pk, "name": election.name, "region": election.region},
            "generated_at": timezone.now().isoformat(timespec="seconds"),
            "min_cell": minimum,
            "note": _(
                "Angka 1 sampai %(m)s disembunyikan, begitu pula sel lain yang dapat dipakai menghitungnya "
                "kembali dari jumlah baris atau kolom (null / *)."
            )
            % {"m": minimum - 1},
            "outcomes": [str(labels[o]) for o in OUTCOMES],
            "tables": tables(facts(election), minimum),
        }
        cache.set(key, payload, settings.PUBLIC_STATS_CACHE_SECONDS)
    return payload


def csv_rows(payload: dict[str, Any]) -> list[list[Any]]:
    """Long format: table, row, column, count ("*" = hidden)."""
    out: list[list[Any]] = [["tabel", "baris", "kolom", "jumlah"]]
    total_label = _("Jumlah")
    for table in payload["tables"]:
        for row in table["rows"]:
            for label, n in zip([*payload["outcomes"], total_label], [*row["cells"], row["total"]], strict=True):
                out.append([table["title"], row["label"], label, "*" if n is None else n])
        for label, n in zip([*payload["outcomes"], total_label], [*table["totals"], table["total"]], strict=True):
            out.append([table["title"], total_label, label, "*" if n is None else n])
    return out
