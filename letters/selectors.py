"""Scoped reads: every query that shows letters takes the viewer."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404

from accounts.access import can, employee_of, scoped

from .models import BulkPrintJob, Letter, LetterVerifier

S = Letter.Status
VISIBLE_TO_EMPLOYEE = (S.ISSUED, S.ACKNOWLEDGED, S.SUPERSEDED)


def letter_list_for(*, user: Any) -> QuerySet[Letter]:
    if not can(user, "letters.view_all"):
        return Letter.objects.none()
    return scoped(Letter.objects.select_related("employee", "letterhead", "signer", "case"), user, "letters.view_all")


def letter_for(*, user: Any, pk: int) -> Letter:
    letter = letter_list_for(user=user).filter(pk=pk).first()
    if letter is None:
        raise Http404
    return letter


def case_letters_for(*, user: Any, case: Any) -> QuerySet[Letter]:
    """A case's letters for its case page (newest first); only the letter's own columns are read."""
    if not can(user, "letters.view_all"):
        return Letter.objects.none()
    return scoped(Letter.objects.filter(case=case), user, "letters.view_all").only(
        "pk", "kind", "number", "status", "issued_on", "created_at", "case_id"
    )


def my_letters(*, user: Any) -> QuerySet[Letter]:
    """Issued letters addressed to the viewer's own employee record (never drafts, never others')."""
    employee = employee_of(user)
    if employee is None or not can(user, "self.view"):
        return Letter.objects.none()
    return Letter.objects.filter(employee=employee, status__in=VISIBLE_TO_EMPLOYEE).select_related("letterhead")


def my_letter(*, user: Any, pk: int) -> Letter:
    letter = my_letters(user=user).filter(pk=pk).first()
    if letter is None:
        raise Http404
    return letter


def inbox_for(*, user: Any) -> QuerySet[Letter]:
    """Letters waiting for this user's signature, or for this user's paraf as the next verifier in line."""
    if not can(user, "letters.verify"):
        return Letter.objects.none()
    earlier_open = LetterVerifier.objects.filter(
        letter=OuterRef("letter"), position__lt=OuterRef("position"), initialled_at__isnull=True
    )
    my_turn = (
        LetterVerifier.objects.filter(user=user, initialled_at__isnull=True)
        .annotate(blocked=Exists(earlier_open))
        .filter(blocked=False)
        .values("letter_id")
    )
    waiting_signature = Letter.objects.filter(status=S.AWAITING_SIGNATURE, signer=user)
    waiting_paraf = Letter.objects.filter(status=S.VERIFYING, pk__in=my_turn)
    return (waiting_signature | waiting_paraf).select_related("employee", "case").order_by("updated_at")


def bulk_job_for(*, user: Any, pk: int) -> BulkPrintJob:
    job = BulkPrintJob.objects.filter(pk=pk, created_by=user).first()
    if job is None or not can(user, "letters.view_all"):
        raise Http404
    return job
