"""Scoped reads. Staff see only their own attempts, certificates and reminders (404 for anything else)."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from accounts.access import employee_of

from .models import Assignment, Attempt, Certificate, IntegrityPact, PactAcknowledgement, Programme, Reminder, Session


def require_employee(user):
    employee = employee_of(user)
    if employee is None:
        raise Http404("no employee record")
    return employee


def own_attempt(user, pk: int) -> Attempt:
    employee = require_employee(user)
    attempt = Attempt.objects.select_related("quiz").filter(pk=pk, employee=employee).first()
    if attempt is None:
        raise Http404
    return attempt


def own_attempts(user, quiz) -> list[Attempt]:
    """The viewer's own attempts at ``quiz``, in order."""
    employee = require_employee(user)
    return list(Attempt.objects.filter(quiz=quiz, employee=employee).order_by("number"))


def certificate_for_attempt(attempt: Attempt) -> Certificate | None:
    """The certificate an (own, already fetched) attempt earned, or the one for the same quiz if it passed."""
    cert = Certificate.objects.filter(attempt=attempt).defer("pdf").first()
    if cert is None and attempt.passed:
        cert = Certificate.objects.filter(employee=attempt.employee, quiz=attempt.quiz).defer("pdf").first()
    return cert


def own_certificate(user, pk: int) -> Certificate:
    employee = require_employee(user)
    cert = Certificate.objects.filter(pk=pk, employee=employee).defer("pdf").first()
    if cert is None:
        raise Http404
    return cert


def _matches(obj, employee) -> bool:
    statuses = obj.target_statuses or []
    if statuses and employee.status not in statuses:
        return False
    unit_ids = [u.pk for u in obj.target_units.all()]
    if not unit_ids:
        return True
    node = employee.unit
    while node is not None:
        if node.pk in unit_ids:
            return True
        node = node.parent
    return False


def programmes_for(employee):
    assigned = set(
        Assignment.objects.filter(employee=employee, programme__isnull=False).values_list("programme_id", flat=True)
    )
    result = []
    for programme in Programme.objects.filter(is_published=True).prefetch_related("target_units"):
        if programme.pk in assigned or _matches(programme, employee):
            result.append(programme)
    return result


def sessions_for(employee, *, upcoming_only: bool = False):
    qs = Session.objects.prefetch_related("target_units")
    if upcoming_only:
        qs = qs.filter(ends_at__gte=timezone.now() - timezone.timedelta(hours=1))
    return [s for s in qs.order_by("starts_at")[:200] if _matches(s, employee)]


def pending_pacts(employee):
    done = set(PactAcknowledgement.objects.filter(employee=employee).values_list("pact_id", flat=True))
    assigned = set(Assignment.objects.filter(employee=employee, pact__isnull=False).values_list("pact_id", flat=True))
    pacts = IntegrityPact.objects.select_related("election").prefetch_related("target_units")
    return [p for p in pacts if p.pk not in done and (p.pk in assigned or _matches(p, employee))]


def pact_for(user, pk: int) -> IntegrityPact:
    employee = require_employee(user)
    pact = IntegrityPact.objects.select_related("election").filter(pk=pk).first()
    if pact is None or not (
        _matches(pact, employee) or Assignment.objects.filter(employee=employee, pact=pact).exists()
    ):
        raise Http404
    return pact


def reminders_for(user, employee):
    q = Q(user=user)
    if employee is not None:
        q |= Q(employee=employee)
    return Reminder.objects.filter(q, read_at__isnull=True).order_by("-created_at")
