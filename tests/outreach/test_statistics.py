"""Public figures: counts per month, unit type, violation category and outcome for one election; no count
1-4 is ever shown, and no hidden cell can be recovered from the row and column totals (crafted data)."""

from __future__ import annotations

import datetime as dt
import json
import random

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, Decision, ReportedPost, SanctionType, ViolationType
from outreach import statistics
from outreach.suppression import derivable, suppress
from tests.factories import ElectionFactory, EmployeeFactory, OrgUnitFactory

pytestmark = pytest.mark.django_db
OUTCOMES = statistics.OUTCOMES
MONTHS = {"2024-09": 9, "2024-10": 10, "2024-11": 11}


@pytest.fixture
def crafted(hr_user):
    """60 cases of one election (plus 7 of another) with many small cells; returns the truth per case."""
    election, other = ElectionFactory(name="Pilkada Sukamaju 2024"), ElectionFactory(name="Pilkada Lain 2024")
    dinas = OrgUnitFactory(name="Dinas Pendidikan", code="DISDIK2")
    school = OrgUnitFactory(name="SD Negeri 7 Sukamaju", code="SDN7", kind="sub", parent=dinas)
    kec = OrgUnitFactory(name="Kecamatan Utara", code="KECUT")
    kel = OrgUnitFactory(name="Kelurahan Sukamulya", code="KELSM", kind="sub", parent=kec)
    badan = OrgUnitFactory(name="Badan Keuangan Daerah", code="BKD")
    units = [(school, "Dinas"), (kel, "Kecamatan"), (badan, "Badan")]
    violations = [ViolationType.objects.get(code="SKB-05"), ViolationType.objects.get(code="SKB-02")]
    sanction = {
        level: SanctionType.objects.filter(track="discipline", level=level).first()
        for level in ("ringan", "sedang", "berat")
    }
    sanction["moral"] = SanctionType.objects.filter(track="moral").first()
    rng = random.Random(15)
    truth = []
    weights = {"in_process": 30, "dismissed": 6, "moral": 4, "ringan": 12, "sedang": 3, "berat": 2}
    for n in range(67):
        target = election if n < 60 else other
        month = rng.choices(list(MONTHS), weights=[10, 40, 5])[0]
        unit, unit_type = rng.choices(units, weights=[20, 10, 2])[0]
        violation = rng.choices(violations, weights=[8, 2])[0]
        outcome = rng.choices(list(weights), weights=list(weights.values()))[0]
        employee = EmployeeFactory(unit=unit, full_name=f"Pegawai Rahasia {n}")
        case = Case.objects.create(
            reference=f"NET/2024/{n + 1:04d}", year=2024, number=n + 1, employee=employee, employee_status="pns",
            violation_type=violation, opened_by=hr_user,
            opened_at=timezone.make_aware(dt.datetime(2024, MONTHS[month], 15, 10)),
            status=Case.Status.DISMISSED if outcome == "dismissed" else Case.Status.NEW,
        )  # fmt: skip
        post = ReportedPost.objects.create(
            platform="facebook", url=f"https://facebook.com/p/{n}", normalized_url=f"facebook.com/p/{n}",
            election=target, reported_by=hr_user,
        )  # fmt: skip
        case.posts.add(post)
        if outcome not in ("in_process", "dismissed"):
            track = "moral" if outcome == "moral" else "discipline"
            Decision.objects.create(
                case=case, track=track, sanction_type=sanction[outcome], authorised_official="ppk", decided_by=hr_user
            )
        if target == election:
            truth.append((month, unit_type, f"{violation.number}. {violation.title}", outcome))
    return election, truth


def _true_values(truth):
    """The unsuppressed table values, keyed like (table index, row label or None, outcome or None)."""
    values, dims = {}, [0, 1, 2]
    for t in dims:
        labels = sorted({r[t] for r in truth})
        for label in labels:
            for o in OUTCOMES:
                values[(t, label, o)] = sum(1 for r in truth if r[t] == label and r[3] == o)
            values[(t, label, None)] = sum(1 for r in truth if r[t] == label)
        for o in OUTCOMES:
            values[(t, None, o)] = sum(1 for r in truth if r[3] == o)
        values[(t, None, None)] = len(truth)
    return values


def _published(payload):
    out = {}
    for t, table in enumerate(payload["tables"]):
        for row in table["rows"]:
            for o, n in zip(OUTCOMES, row["cells"], strict=True):
                out[(t, row["label"], o)] = n
            out[(t, row["label"], None)] = row["total"]
        for o, n in zip(OUTCOMES, table["totals"], strict=True):
            out[(t, None, o)] = n
        out[(t, None, None)] = table["total"]
    return out


def _recoverable(published, truth_values):
    """Independent check: hidden values as unknowns of every row/column/total equation of every table,
    with the shared margins (outcome totals, grand total) equal across tables; a hidden value is recoverable
    when appending its unit vector does not raise the rank."""
    hidden = sorted((k for k, v in published.items() if v is None), key=repr)
    shared = {}
    for k in hidden:  # margins shared between tables are one unknown
        shared.setdefault(("m", k[2]) if k[1] is None else k, []).append(k)
    names = sorted(shared, key=repr)
    idx = {k: names.index(("m", k[2]) if k[1] is None else k) for k in hidden}
    equations = []
    for t in range(3):
        labels = sorted({k[1] for k in truth_values if k[0] == t and k[1] is not None})
        for label in labels:
            equations.append([(t, label, o) for o in OUTCOMES] + [("-", (t, label, None))])
        for o in [*OUTCOMES, None]:
            equations.append([(t, label, o) for label in labels] + [("-", (t, None, o))])
    rows = []
    for eq in equations:
        row = np.zeros(len(names))
        for term in eq:
            sign, key = (-1, term[1]) if term[0] == "-" else (1, term)
            if key in idx:
                row[idx[key]] += sign
        if row.any():
            rows.append(row)
    matrix = np.array(rows) if rows else np.zeros((0, len(names)))
    rank = np.linalg.matrix_rank(matrix) if rows else 0
    found = []
    for k in hidden:
        unit = np.zeros(len(names))
        unit[idx[k]] = 1
        if np.linalg.matrix_rank(np.vstack([matrix, unit])) == rank:
            found.append(k)
    return found


def test_no_count_between_1_and_4_and_hidden_cells_cannot_be_recovered_from_totals(crafted):
    election, truth = crafted
    payload = statistics.figures(election)
    published, true = _published(payload), _true_values(truth)
    assert set(published) == set(true)
    shown = [v for v in published.values() if v is not None]
    assert shown and not [v for v in shown if 1 <= v <= 4]
    assert all(published[k] == true[k] for k in published if published[k] is not None)
    small = {k for k, v in true.items() if 1 <= v <= 4}
    hidden = {k for k, v in published.items() if v is None}
    assert small and small <= hidden
    assert hidden - small, "secondary suppression must have hidden some cells of 0 or >= 5"
    assert _recoverable(published, true) == []
    # and no single row/column line (with its total) has exactly one hidden entry
    for t in range(3):
        labels = sorted({k[1] for k in true if k[0] == t and k[1] is not None})
        lines = [[(t, label, o) for o in [*OUTCOMES, None]] for label in labels]
        lines += [[(t, label, o) for label in [*labels, None]] for o in [*OUTCOMES, None]]
        assert all(sum(published[k] is None for k in line) != 1 for line in lines)


def test_suppression_on_a_textbook_table():
    # 2x2 with totals: a=3 is primary; b, c, d must follow so that a is not total-minus-others.
    values = {"a": 3, "b": 10, "c": 7, "d": 20, "r1": 13, "r2": 27, "c1": 10, "c2": 30, "t": 40}
    eqs = [("r1", ["a", "b"]), ("r2", ["c", "d"]), ("c1", ["a", "c"]), ("c2", ["b", "d"]), ("t", ["r1", "r2"])]
    hidden = suppress(values, eqs, 5)
    assert hidden == {"a", "b", "c", "d"}
    assert derivable(eqs, hidden) == []
    assert derivable(eqs, {"a"}) == ["a"]


def test_public_page_csv_and_json_show_no_names_nip_units_or_case_numbers(
    crafted, client, django_assert_max_num_queries
):
    election, _truth = crafted
    q = f"?pemilihan={election.pk}"
    page = client.get(reverse("outreach:statistics") + q)
    data = client.get(reverse("outreach:statistics_json") + q)
    table = client.get(reverse("outreach:statistics_csv") + q)
    assert page.status_code == data.status_code == table.status_code == 200
    texts = [page.content.decode(), data.content.decode(), table.content.decode()]
    for text in texts:
        for secret in ("Pegawai Rahasia", "NET/2024", "SD Negeri", "Kelurahan", "Dinas Pendidikan", "Kecamatan Utara"):
            assert secret not in text
        assert "198" not in text.replace("2024", "")  # no NIP-like digits
    assert "Kecamatan" in texts[0] and "Dinas" in texts[0]
    assert json.loads(texts[1])["election"]["name"] == "Pilkada Sukamaju 2024"
    with django_assert_max_num_queries(2):  # cached: the election list only (+ nothing per table)
        client.get(reverse("outreach:statistics_json") + q)


def test_publish_statistics_writes_a_static_snapshot(crafted, tmp_path):
    election, _truth = crafted
    call_command("publish_statistics", "--out", str(tmp_path / "situs"))
    files = {p.name for p in (tmp_path / "situs").iterdir()}
    assert {"index.html", "statistik.css", f"statistik-{election.pk}.json", f"statistik-{election.pk}.csv"} <= files
    snapshot = json.loads((tmp_path / "situs" / f"statistik-{election.pk}.json").read_text())
    assert snapshot["tables"] == statistics.figures(election)["tables"]
    html = (tmp_path / "situs" / f"statistik-{election.pk}.html").read_text()
    assert "<script" not in html and "Pegawai Rahasia" not in html
