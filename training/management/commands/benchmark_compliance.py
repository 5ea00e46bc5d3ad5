"""Time the compliance report on a realistic volume: python manage.py benchmark_compliance --employees 5000"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.roles import HR, ROLE_GROUPS
from registry.models import Employee, OrgUnit
from training.models import Assignment, Attempt, Campaign, Quiz, Topic
from training.services import launch_campaign

UNITS = 24
STATUSES = ["pns", "pns", "pns", "cpns", "pppk", "pppk", "honorer"]


class Command(BaseCommand):
    help = "Isi data pegawai/penugasan bila kurang, lalu ukur waktu halaman laporan kepatuhan."

    def add_arguments(self, parser):
        parser.add_argument("--employees", type=int, default=5000)
        parser.add_argument("--runs", type=int, default=7)

    def handle(self, *args, employees: int, runs: int, **options):
        campaign = self._populate(employees)
        client = Client(HTTP_HOST="localhost")
        client.force_login(self._officer())
        url = reverse("training:compliance")
        timings, queries = [], 0
        for params in [{}] + [{"campaign": campaign.pk}] * runs:
            with CaptureQueriesContext(connection) as ctx:
                started = time.perf_counter()
                response = client.get(url, params)
                elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, response.status_code
            if params:
                timings.append(elapsed)
                queries = len(ctx.captured_queries)
        total = Assignment.objects.filter(campaign=campaign).count()
        self.stdout.write(
            f"database={connection.vendor} employees={Employee.objects.filter(is_active=True).count()} "
            f"assignments_in_campaign={total} runs={len(timings)}\n"
            f"compliance report: median {statistics.median(timings):.1f} ms "
            f"(min {min(timings):.1f}, max {max(timings):.1f}), {queries} queries per request"
        )

    def _officer(self) -> User:
        from allauth.mfa.models import Authenticator
        from allauth.mfa.utils import encrypt

        user, _ = User.objects.get_or_create(username="bench_officer", defaults={"email": "bench@localhost"})
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[HR]))
        Authenticator.objects.get_or_create(
            user=user, type=Authenticator.Type.TOTP, defaults={"data": {"secret": encrypt("JBSWY3DPEHPK3PXP")}}
        )
        return user

    @transaction.atomic
    def _populate(self, wanted: int) -> Campaign:
        rng = random.Random(5000)
        units = [
            OrgUnit.objects.get_or_create(code=f"BENCH{i:02d}", defaults={"name": f"Dinas Benchmark {i:02d}"})[0]
            for i in range(UNITS)
        ]
        have = Employee.objects.filter(is_active=True).count()
        start = Employee.objects.filter(full_name__startswith="Bench ").count()
        missing = max(0, wanted - have)
        rows = []
        for i in range(start, start + missing):
            status = rng.choice(STATUSES)
            ident = {"nip": None, "ni_pppk": None, "nik": None}
            if status in ("pns", "cpns"):
                ident["nip"] = f"19{i:016d}"
            elif status == "pppk":
                ident["ni_pppk"] = f"28{i:016d}"
            else:
                ident["nik"] = f"39{i:014d}"
            rows.append(Employee(full_name=f"Bench {i:05d}", status=status, unit=rng.choice(units), **ident))
        Employee.objects.bulk_create(rows, batch_size=1000)
        topic, _ = Topic.objects.get_or_create(name="Benchmark")
        quiz, created = Quiz.objects.get_or_create(title="Kuis benchmark", defaults={"num_questions": 1})
        if created:
            quiz.topics.set([topic])
        today = timezone.localdate()
        campaign = Campaign.objects.filter(title="Kampanye benchmark").first()
        if campaign is None:
            campaign = Campaign.objects.create(
                title="Kampanye benchmark", quiz=quiz, starts_on=today - dt.timedelta(days=20), due_date=today
            )
        new = launch_campaign(campaign=campaign, acting_user=None)
        if new:
            self._simulate(campaign, quiz, rng)
        if connection.vendor == "postgresql":  # fresh bulk data: give the planner statistics, as autovacuum would
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE cases_employee, training_assignment, training_attempt")
        self.stdout.write(f"created employees={missing} new assignments={new}")
        return campaign

    def _simulate(self, campaign: Campaign, quiz: Quiz, rng: random.Random) -> None:
        """Two thirds attempt the quiz; 80% of those pass, on a day spread over the campaign period."""
        now = timezone.now()
        attempts, done = [], []
        pending = campaign.assignments.filter(started_at__isnull=True).exclude(employee__quiz_attempts__quiz=quiz)
        for a in pending.iterator(chunk_size=2000):
            if rng.random() > 0.66:
                continue
            when = now - dt.timedelta(days=rng.randrange(0, 20), minutes=rng.randrange(0, 600))
            passed = rng.random() < 0.8
            attempts.append(Attempt(quiz=quiz, employee_id=a.employee_id, number=1, status="submitted",
                                    started_at=when, finished_at=when, time_limit_minutes=15, pass_mark=70,
                                    total=10, correct_count=8 if passed else 5, score=80 if passed else 50,
                                    passed=passed))  # fmt: skip
            a.started_at = when
            a.completed_at = when if passed else None
            done.append(a)
        Attempt.objects.bulk_create(attempts, batch_size=1000)
        Assignment.objects.bulk_update(done, ["started_at", "completed_at"], batch_size=1000)
