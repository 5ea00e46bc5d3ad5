"""Time the officer case list at scale.

    python manage.py benchmark_case_list --cases 50000 [--runs 30] [--query "q=..."]

Creates (bulk) benchmark rows in the configured database until at least ``--cases`` cases exist,
then renders the case list through the test client as an officer ``--runs`` times and prints
median/p95 milliseconds and the number of queries per request.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import override_settings
from django.utils import timezone

from accounts.roles import HR, ROLE_GROUPS
from cases.models import Case, CaseCounter, ViolationType
from registry.models import Employee, OrgUnit

BENCH_YEAR = 2023
BATCH = 5000


def _insert(rows: list[Case]) -> None:
    """Bulk-insert cases: COPY on PostgreSQL (500,000 rows in well under a minute), bulk_create elsewhere."""
    if connection.vendor != "postgresql":
        Case.objects.bulk_create(rows)
        return
    fields = [f for f in Case._meta.concrete_fields if not f.primary_key]
    cols = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cur, cur.cursor.copy(f"COPY {Case._meta.db_table} ({cols}) FROM STDIN") as copy:
        for obj in rows:
            copy.write_row([f.get_db_prep_save(f.pre_save(obj, add=True), connection) for f in fields])


class Command(BaseCommand):
    help = "Benchmark the case list page (creates bulk rows if needed)."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, default=50000)
        parser.add_argument("--employees", type=int, default=5000)
        parser.add_argument("--runs", type=int, default=30)
        parser.add_argument("--query", default="", help="Query string for the list, e.g. 'status=screening'")

    def handle(self, *args, **opts):
        officer = self._officer()
        self._fill(opts["cases"], opts["employees"], officer)
        self._time(officer, opts["runs"], opts["query"])

    def _officer(self) -> User:
        from allauth.mfa.models import Authenticator

        user, _ = User.objects.get_or_create(username="bench_officer", defaults={"email": "bench@example.go.id"})
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[HR]))
        Authenticator.objects.get_or_create(user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": ""}})
        return user

    @transaction.atomic
    def _fill(self, target: int, n_employees: int, officer: User) -> None:
        have = Case.objects.count()
        if have >= target:
            self.stdout.write(f"{have} kasus sudah ada.")
            return
        rng = random.Random(42)
        units = [
            OrgUnit.objects.get_or_create(code=f"BENCH{i}", defaults={"name": f"Dinas Bench {i}"})[0] for i in range(20)
        ]
        existing = Employee.objects.filter(unit__code__startswith="BENCH").count()
        base = dt.date(1965, 1, 1)
        new_emps = []
        for i in range(existing, n_employees):
            born = base + dt.timedelta(days=i)
            new_emps.append(
                Employee(
                    full_name=f"Pegawai Bench {i}",
                    status=Employee.Status.PNS,
                    nip=f"{born:%Y%m%d}199001{1 + i % 2}{1 + i % 999:03d}",
                    unit=units[i % len(units)],
                    position="Pelaksana",
                )
            )
        Employee.objects.bulk_create(new_emps, batch_size=BATCH)
        emp_ids = list(Employee.objects.filter(unit__code__startswith="BENCH").values_list("pk", flat=True))
        vts = list(ViolationType.objects.values_list("pk", flat=True)) + [None]
        officers = [officer.pk, None]
        statuses = Case.Status.values
        counter, _ = CaseCounter.objects.select_for_update().get_or_create(year=BENCH_YEAR)
        now = timezone.now()
        today = timezone.localdate()
        todo = target - have
        start = counter.last_number
        rows = []
        for k in range(1, todo + 1):
            n = start + k
            status = rng.choice(statuses)
            rows.append(
                Case(
                    reference=f"NET/{BENCH_YEAR}/{n:04d}",
                    year=BENCH_YEAR,
                    number=n,
                    employee_id=rng.choice(emp_ids),
                    employee_status="pns",
                    violation_type_id=rng.choice(vts),
                    status=status,
                    assigned_officer_id=rng.choice(officers),
                    opened_by_id=officer.pk,
                    opened_at=now - dt.timedelta(minutes=rng.randint(0, 60 * 24 * 365)),
                    due_date=None
                    if status in ("final", "dismissed")
                    else today + dt.timedelta(days=rng.randint(-30, 30)),
                )
            )
            if len(rows) >= BATCH:
                _insert(rows)
                rows = []
        _insert(rows)
        counter.last_number = start + todo
        counter.save(update_fields=["last_number"])
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("ANALYZE")
        self.stdout.write(f"{todo} kasus dibuat (total {Case.objects.count()}).")

    def _time(self, officer: User, runs: int, query: str) -> None:
        url = "/kasus/" + (f"?{query}" if query else "")
        with override_settings(ALLOWED_HOSTS=["testserver", "*"], SECURE_SSL_REDIRECT=False):
            client = Client()
            client.force_login(officer)
            r = client.get(url)  # warm-up (templates, connection)
            assert r.status_code == 200, r.status_code
            stats = {"n": 0, "ms": 0.0}

            def counter(execute, sql, params, many, context):
                t = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    stats["n"] += 1
                    stats["ms"] += (time.perf_counter() - t) * 1000

            times, db_ms, queries = [], [], set()
            for _ in range(runs):
                stats.update(n=0, ms=0.0)
                with connection.execute_wrapper(counter):
                    t0 = time.perf_counter()
                    resp = client.get(url)
                    times.append((time.perf_counter() - t0) * 1000)
                assert resp.status_code == 200
                db_ms.append(stats["ms"])
                queries.add(stats["n"])
        times.sort()
        p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
        vendor = connection.vendor
        self.stdout.write(
            f"case list {url} on {vendor}, {Case.objects.count()} cases, {runs} runs: "
            f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
            f"database {statistics.median(db_ms):.1f} ms (median), queries per request {sorted(queries)}"
        )
