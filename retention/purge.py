"""Purge the personal data of closed cases whose retention period has ended (rule: ``retention.rules``).

What goes: evidence photos, their previews and annotated detection previews, letter PDFs and referral ZIPs (the
bytes), free text that describes the person (summaries, examination records, grounds, addressee details) and the
reported post's URL and account name. What stays: every SHA-256 (evidence, letters, bundles), the audit trail
(append-only anyway), and the rows statistics count (case status, violation type, unit, sanction, dates,
detection findings). A post is purged only when every case it belongs to is purged with it or before it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from audit.services import record
from cases.models import Appeal, Case, Decision, Evidence, Examination, Recommendation, ReportedPost

from . import rules
from .models import PurgedCase

CLOSED = (Case.Status.FINAL, Case.Status.DISMISSED)
CASE_TEXT = ("summary", "report_findings", "report_recommendation", "dismissal_reason", "gakkumdu_outcome")
TEXT_FIELDS: dict[Any, tuple[str, ...]] = {
    Examination: ("place", "examiners", "questions_answers"),
    Recommendation: ("content", "follow_up"),
    Decision: ("deviation_reason",),
    Appeal: ("grounds", "outcome_notes"),
}
POST_TEXT = ("url", "normalized_url", "account_name", "notes", "source_reference")
LETTER_TEXT = (
    "addressee_name", "addressee_nip", "addressee_rank", "addressee_position", "addressee_unit",
    "body", "copies", "review_comment", "receipt_note",
)  # fmt: skip
PUBLIC_REPORT_TEXT = ("url", "description", "contact")


@dataclass
class Plan:
    case: Case
    closed_on: dt.date
    counts: Counter = field(default_factory=Counter)
    files: list[str] = field(default_factory=list)


def expired_cases(today: dt.date | None = None, days: int | None = None) -> QuerySet:
    """Closed cases past their retention period, not purged yet, with no appeal still pending."""
    today = today or timezone.localdate()
    days = rules.retention_days() if days is None else days
    last_closed = today - dt.timedelta(days=days)
    return (
        Case.objects.filter(status__in=CLOSED, status_since__lte=last_closed, purge__isnull=True)
        .exclude(appeals__outcome=Appeal.Outcome.PENDING)
        .order_by("status_since", "pk")
    )


def _blank(qs: QuerySet, names: tuple[str, ...], counts: Counter, label: str, *, dry_run: bool) -> None:
    """Blank ``names`` on every row of ``qs`` (a queryset update: no save() side effects, no version bump)."""
    filled = Q()
    for n in names:
        filled |= ~Q(**{n: ""})
    n_rows = qs.filter(filled).count()
    if n_rows:
        counts[label] += n_rows
        if not dry_run:
            qs.update(**{n: "" for n in names})


def _files(qs: QuerySet, fields: tuple[str, ...], plan: Plan, label: str) -> None:
    for row in qs.values_list(*fields):
        for name in row:
            if name:
                plan.files.append(name)
                plan.counts[label] += 1


def _posts_to_purge(case: Case, purging: set[int]) -> list[int]:
    """Posts of ``case`` whose every case is purged already or in this run."""
    out = []
    for post in case.posts.prefetch_related("cases__purge"):
        others = [c for c in post.cases.all() if c.pk not in purging and not hasattr(c, "purge")]
        if not others:
            out.append(post.pk)
    return out


def purge_case(case: Case, *, actor: Any = None, dry_run: bool = False, purging: set[int] | None = None) -> Plan:
    """Purge one case (or, with ``dry_run``, only count what would go). One transaction, audited."""
    plan = Plan(case=case, closed_on=case.status_since)
    Letter = apps.get_model("letters", "Letter")
    Bundle = apps.get_model("outreach", "ReferralBundle")
    PublicReport = apps.get_model("outreach", "PublicReport")
    Run = apps.get_model("detection", "DetectionRun")
    with transaction.atomic():
        _blank(Case.objects.filter(pk=case.pk), CASE_TEXT, plan.counts, "case_text", dry_run=dry_run)
        for model, names in TEXT_FIELDS.items():
            _blank(
                model.objects.filter(case=case), names, plan.counts, f"{model._meta.model_name}_text", dry_run=dry_run
            )
        letters = Letter.objects.filter(case=case)
        _files(letters, ("pdf",), plan, "letter_pdf")
        _blank(letters, LETTER_TEXT, plan.counts, "letter_text", dry_run=dry_run)
        if not dry_run:
            letters.update(pdf="", details={})
        bundles = Bundle.objects.filter(case=case)
        _files(bundles, ("file",), plan, "bundle_zip")
        if not dry_run:
            bundles.update(file="")
        post_ids = _posts_to_purge(case, purging or {case.pk})
        evidence = Evidence.objects.filter(post_id__in=post_ids)
        _files(evidence, ("file", "thumbnail"), plan, "evidence_file")
        runs = Run.objects.filter(evidence__in=evidence)
        _files(runs, ("annotated",), plan, "detection_preview")
        if not dry_run:
            runs.update(annotated="")
        if not dry_run:
            # The name stays (it is content-addressed by the hash, not personal); the bytes go after commit.
            evidence.update(thumbnail="", original_name="")
        _blank(ReportedPost.objects.filter(pk__in=post_ids), POST_TEXT, plan.counts, "post_text", dry_run=dry_run)
        reports = PublicReport.objects.filter(post_id__in=post_ids)
        _blank(reports, PUBLIC_REPORT_TEXT, plan.counts, "public_report_text", dry_run=dry_run)
        if dry_run:
            return plan
        PurgedCase.objects.create(
            case=case, purged_by=actor if getattr(actor, "is_authenticated", False) else None,
            retention_days=rules.retention_days(), counts=dict(plan.counts),
        )  # fmt: skip
        record(
            "retention.purge",
            actor=actor,
            subject=case,
            case_id=case.pk,
            changes={
                "closed_on": case.status_since.isoformat(),
                "retention_days": rules.retention_days(),
                "removed": dict(plan.counts),
                "basis": rules.ARTICLE,
            },
        )
        names = list(plan.files)
        transaction.on_commit(lambda: _delete_files(names))
    return plan


def _delete_files(names: list[str]) -> None:
    """Delete after commit: a rolled-back purge must not have lost a file its rows still name."""
    for name in names:
        if default_storage.exists(name):
            default_storage.delete(name)


def purge_expired(
    *, actor: Any = None, dry_run: bool = False, today: dt.date | None = None, days: int | None = None
) -> list[Plan]:
    cases = list(expired_cases(today, days))
    purging = {c.pk for c in cases}
    return [purge_case(c, actor=actor, dry_run=dry_run, purging=purging) for c in cases]
