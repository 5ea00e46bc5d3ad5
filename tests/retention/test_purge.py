"""Retention (issue 12, item 6): personal data of closed cases goes after the period; hashes, audit, stats stay."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from audit.models import AuditEvent
from cases.models import Case, Evidence, Examination, ReportedPost
from retention import rules
from retention.models import PurgedCase
from tests.cases.conftest import make_case, make_post, upload
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db
DAYS = 365


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.CASE_RETENTION_DAYS = DAYS


def _close(case: Case, days_ago: int, status: str = Case.Status.FINAL) -> None:
    Case.objects.filter(pk=case.pk).update(
        status=status,
        status_since=dt.date.today() - dt.timedelta(days=days_ago),
        summary="Ahmad berfoto dengan dua jari",
        report_findings="Terbukti",
    )


def _with_evidence(hr_user, employee, jpeg, url: str) -> Case:
    post = make_post(hr_user, url=url, employees=[employee], files=[upload(jpeg)])
    from cases import services

    (case,) = services.open_cases(post=post, employees=[employee], acting_user=hr_user)
    Examination.objects.create(
        case=case, held_on=dt.date.today(), place="Ruang BKPSDM", examiners="Budi", questions_answers="T: …",
        recorded_by=hr_user,
    )  # fmt: skip
    return case


def _run(*args) -> str:
    out = io.StringIO()
    call_command("purge_expired", *args, stdout=out)
    return out.getvalue()


def test_uu_27_2022_pasal_44_purge_after_retention_dry_run_first_then_real(
    client, hr_user, unit, jpeg, django_capture_on_commit_callbacks
):
    employee = EmployeeFactory(unit=unit, full_name="Ahmad Terlapor")
    old = _with_evidence(hr_user, employee, jpeg, "https://facebook.com/ahmad/posts/1")
    _close(old, DAYS + 1)
    recent = make_case(hr_user, EmployeeFactory(unit=unit))
    _close(recent, DAYS - 1)
    evidence = Evidence.objects.get(post__cases=old)
    files = [evidence.file.name, evidence.thumbnail.name]
    assert all(default_storage.exists(n) for n in files)
    sha = evidence.sha256
    events_before = AuditEvent.objects.count()

    out = _run("--dry-run")
    assert old.reference in out and recent.reference not in out and "Uji coba" in out and "evidence_file 2" in out
    assert all(default_storage.exists(n) for n in files)
    assert Case.objects.get(pk=old.pk).summary and AuditEvent.objects.count() == events_before
    assert not PurgedCase.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):  # files go only once the purge has committed
        out = _run()
    assert "1 kasus dihapus" in out
    old.refresh_from_db()
    evidence.refresh_from_db()
    post = ReportedPost.objects.get(cases=old)
    # Files and personal fields are gone ...
    assert not any(default_storage.exists(n) for n in files)
    assert (old.summary, old.report_findings, post.url, post.account_name) == ("", "", "", "")
    assert Examination.objects.get(case=old).questions_answers == ""
    # ... hashes, statistics and the audit trail stay.
    assert evidence.sha256 == sha and old.status == Case.Status.FINAL and old.employee_id == employee.pk
    event = AuditEvent.objects.get(action="retention.purge", case_id=old.pk)
    assert event.changes["removed"]["evidence_file"] == 2 and event.changes["basis"] == rules.ARTICLE
    assert AuditEvent.objects.count() == events_before + 1
    # The recent case is untouched; a second run has nothing left to do.
    assert Case.objects.get(pk=recent.pk).summary
    assert "0 kasus dihapus" in _run()
    # The evidence view answers 404, not a server error.
    client.force_login(hr_user)
    assert client.get(reverse("cases:evidence_file", args=[evidence.pk])).status_code == 404


def test_uu_27_2022_pasal_44_a_post_shared_with_an_open_case_keeps_its_evidence(
    hr_user, unit, jpeg, django_capture_on_commit_callbacks
):
    a, b = EmployeeFactory(unit=unit), EmployeeFactory(unit=unit)
    post = make_post(hr_user, url="https://facebook.com/grup/posts/9", employees=[a, b], files=[upload(jpeg)])
    from cases import services

    closed, still_open = services.open_cases(post=post, employees=[a, b], acting_user=hr_user)
    _close(closed, DAYS + 10)
    evidence = post.evidence.get()
    with django_capture_on_commit_callbacks(execute=True):
        _run()
    assert PurgedCase.objects.filter(case=closed).exists()
    assert default_storage.exists(evidence.file.name)
    assert ReportedPost.objects.get(pk=post.pk).url == "https://facebook.com/grup/posts/9"
    assert Case.objects.get(pk=closed.pk).summary == ""
    assert Case.objects.get(pk=still_open.pk).status not in (Case.Status.FINAL, Case.Status.DISMISSED)


def test_uu_27_2022_pasal_44_retention_period_comes_from_the_setting(settings):
    closed = dt.date(2025, 1, 1)
    settings.CASE_RETENTION_DAYS = 30
    assert rules.purge_after(closed) == dt.date(2025, 1, 31)
    assert not rules.is_expired(closed, dt.date(2025, 1, 30)) and rules.is_expired(closed, dt.date(2025, 1, 31))
