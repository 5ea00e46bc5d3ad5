"""Bounded load scenario: the five roles at once, as browsers would use the app (``loadtest/run.sh`` runs it).

Each virtual user logs in once with its own account (``loadtest.accounts``: TOTP for admin, officer, leader),
then loops over its role's pages with 1–3 s of thinking time. Monitors upload real photos (each a new file and a
new post), which puts detection jobs on the queue for the RQ workers; ``run.sh`` watches that backlog drain.
Every response other than the expected status counts as an error.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
import statistics
import time
import uuid
from pathlib import Path

from locust import HttpUser, between, events, task

from loadtest.accounts import PASSWORD, PER_ROLE, TOTP_ROLES, totp_secret, username
from loadtest.auth import csrf, login

PHOTOS = sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "jobs").glob("*.jpg"))
_workstations = itertools.count()
_counters = {role: itertools.count() for role in ("admin", "hr", "monitor", "leader", "staff")}


_pages: list[float] = []  # response times of every request but the one-time logins
_errors = [0]
_window: list[float] = []


@events.request.add_listener
def _record(name: str, response_time: float, exception: Exception | None = None, **_kw) -> None:
    if name == "login":
        return
    _pages.append(response_time)
    _window.append(time.time())
    if exception is not None:
        _errors[0] += 1


@events.quitting.add_listener
def _summary(**_kw) -> None:
    """Exact percentiles of the steady state (locust's own aggregate includes the logins)."""
    out = os.environ.get("LOADTEST_PAGES_JSON")
    if not out or not _pages:
        return
    q = statistics.quantiles(_pages, n=100)
    seconds = max(_window) - min(_window) or 1
    summary = {"n": len(_pages), "errors": _errors[0], "rps": len(_pages) / seconds,
               "p50": q[49], "p95": q[94], "p99": q[98]}  # fmt: skip
    Path(out).write_text(json.dumps(summary))


class Role(HttpUser):
    abstract = True
    role = ""
    wait_time = between(1, 3)

    def on_start(self) -> None:
        # Each virtual user sits at its own workstation behind the reverse proxy (run.sh sets
        # TRUSTED_PROXY_COUNT=1), as in an office; from one address the login throttle would refuse them.
        n = next(_workstations)
        self.client.headers["X-Forwarded-For"] = f"10.20.{n // 250}.{n % 250 + 1}"
        name = username(self.role, next(_counters[self.role]) % PER_ROLE)
        secret = totp_secret(name) if self.role in TOTP_ROLES else ""
        login(self.client, "", name, PASSWORD, secret, name="login")

    def page(self, url: str, name: str | None = None) -> str:
        with self.client.get(url, name=name or url, catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"HTTP {r.status_code}")
            return r.text or ""


class Admin(Role):
    role = "admin"

    @task(3)
    def dashboard(self):
        self.page("/dasbor/")

    @task(2)
    def register(self):
        self.page("/pegawai/")

    @task(1)
    def legal_basis(self):
        self.page("/dasar-hukum/")

    @task(1)
    def statistics(self):
        self.page("/statistik/")


class Officer(Role):
    role = "hr"
    case_ids: list[str] = []

    @task(3)
    def case_list(self):
        html = self.page("/kasus/")
        self.case_ids = re.findall(r'href="/kasus/(\d+)/"', html)[:20] or self.case_ids

    @task(2)
    def case_search(self):
        self.page(f"/kasus/?status=screening&q=Bench%20{random.randint(1, 999)}", name="/kasus/?status&q")

    @task(3)
    def case_detail(self):
        if self.case_ids:
            self.page(f"/kasus/{random.choice(self.case_ids)}/", name="/kasus/[id]/")

    @task(1)
    def posts(self):
        self.page("/kasus/unggahan/")

    @task(1)
    def compliance(self):
        self.page("/pelatihan/kepatuhan/")

    @task(1)
    def badge(self):
        self.page("/kasus/notifikasi/lencana/")


class Monitor(Role):
    role = "monitor"

    @task(3)
    def posts(self):
        self.page("/kasus/unggahan/")

    @task(1)
    def report_post(self):
        form = self.page("/kasus/unggahan/baru/")
        if not form:
            return
        photo = random.choice(PHOTOS).read_bytes() + uuid.uuid4().bytes  # a new file (and hash) every time
        with self.client.post(
            "/kasus/unggahan/baru/",
            data={"csrfmiddlewaretoken": csrf(form), "platform": "facebook", "source": "public",
                  "url": f"https://facebook.com/muat-uji/posts/{uuid.uuid4().hex}", "found_at": "2024-11-01T10:00"},
            files={"files": ("bukti.jpg", photo, "image/jpeg")},
            headers={"Referer": "/kasus/unggahan/baru/"}, allow_redirects=False, name="POST /kasus/unggahan/baru/",
            catch_response=True,
        ) as r:  # fmt: skip
            if r.status_code != 302:
                r.failure(f"HTTP {r.status_code}")
                return
            location = r.headers["Location"]
        self.page(location, name="/kasus/unggahan/[id]/")


class Leader(Role):
    role = "leader"
    letter_pdfs: list[str] = []

    @task(2)
    def letters(self):
        html = self.page("/surat/")
        self.letter_pdfs = re.findall(r'href="(/surat/\d+/surat\.pdf)"', html)[:10] or self.letter_pdfs

    @task(2)
    def inbox(self):
        self.page("/surat/kotak-masuk/")

    @task(2)
    def dashboard(self):
        self.page("/dasbor/")

    @task(1)
    def letter_pdf(self):
        if self.letter_pdfs:
            self.page(random.choice(self.letter_pdfs), name="/surat/[id]/surat.pdf")


class Staff(Role):
    role = "staff"

    @task(3)
    def home(self):
        self.page("/saya/")

    @task(2)
    def training(self):
        self.page("/pelatihan/saya/")

    @task(1)
    def letters(self):
        self.page("/surat/saya/")
