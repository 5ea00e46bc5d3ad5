"""Time the outreach hot spots: small-cell suppression of the public figures, the proof-of-work check,
the rate limiter on the configured cache, and (optionally) building a referral bundle.

    python manage.py benchmark_outreach [--cases 300 3000 30000] [--bundle NET/2024/0001]
"""

from __future__ import annotations

import random
import statistics as stats
import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from outreach import challenge, ratelimit
from outreach.statistics import OUTCOMES, tables


def _facts(n: int, seed: int = 15) -> list[dict[str, str]]:
    """Skewed synthetic cases: 12 months, 10 unit types, 13 violation items, 6 outcomes."""
    rng = random.Random(seed)
    months = [f"2024-{m:02d}" for m in range(1, 13)]
    return [
        {
            "month": rng.choices(months, weights=range(1, 13))[0],
            "unit_type": f"T{rng.choices(range(10), weights=[30, 20, 10, 8, 6, 5, 4, 3, 2, 1])[0]}",
            "violation": f"V{rng.choices(range(13), weights=[1, 12, 1, 9, 30, 1, 1, 2, 1, 3, 1, 1, 2])[0]}",
            "outcome": rng.choices(OUTCOMES, weights=[40, 10, 8, 25, 10, 7])[0],
        }
        for _ in range(n)
    ]


def _ms(samples: list[float]) -> str:
    return f"median {stats.median(samples) * 1000:.1f} ms, max {max(samples) * 1000:.1f} ms"


class Command(BaseCommand):
    help = "Ukur waktu penyembunyian sel statistik, pemeriksaan proof-of-work, pembatas laju, berkas rujukan."

    def add_arguments(self, parser):
        parser.add_argument("--cases", type=int, nargs="+", default=[300, 3000, 30000])
        parser.add_argument("--runs", type=int, default=5)
        parser.add_argument("--bundle", default="", help="Nomor kasus: ukur juga pembuatan berkas rujukan")

    def handle(self, *args, cases, runs, bundle, **options):
        for n in cases:
            rows = _facts(n)
            samples, hidden, cells = [], 0, 0
            for _ in range(runs):
                start = time.perf_counter()
                out = tables(rows, 5)
                samples.append(time.perf_counter() - start)
            for t in out:
                for r in t["rows"]:
                    cells += len(r["cells"])
                    hidden += sum(c is None for c in r["cells"])
            self.stdout.write(f"suppression, {n} cases: {_ms(samples)}; {hidden}/{cells} inner cells hidden")
        token = challenge.issue()
        start = time.perf_counter()
        answer = challenge.solve(token)
        solve_s = time.perf_counter() - start
        samples = []
        with override_settings(PUBLIC_REPORT_POW_BITS=8):  # the check is one hash whatever the difficulty
            for _ in range(200):
                t = challenge.issue()
                a = challenge.solve(t)
                start = time.perf_counter()
                challenge.verify(t, a)
                samples.append(time.perf_counter() - start)
        self.stdout.write(
            f"proof of work, {challenge.bits_of(token)} bits: solved in Python in {solve_s:.2f} s "
            f"(counter {answer}); server check (signature, bits, single use) {_ms(samples)}"
        )
        samples = []
        for i in range(2000):
            start = time.perf_counter()
            ratelimit.hit("bench", f"10.0.{i % 250}.{i % 7}", "1000/m")
            samples.append(time.perf_counter() - start)
        self.stdout.write(f"rate limiter, 2000 hits on the configured cache: {_ms(samples)}")
        if bundle:
            from cases.models import Case
            from outreach import bundle as bundles

            case = Case.objects.get(reference=bundle)
            with transaction.atomic():
                start = time.perf_counter()
                built = bundles.build(case=case, recipient="bawaslu", via="benchmark_outreach")
                took = time.perf_counter() - start
                transaction.set_rollback(True)
            self.stdout.write(
                f"referral bundle {bundle}: {took:.2f} s, {built.file_count} files, {built.total_bytes} bytes (rolled back)"
            )
