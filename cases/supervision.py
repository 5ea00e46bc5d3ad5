"""The atasan langsung's duty (brief §3.1; PP 94/2021, articles unconfirmed — see legal.procedure):
a supervisor who learns that one of their staff may have breached discipline must summon and examine them;
one who fails is punished and the failure can become a case of its own.

Selectors (``duties_for``, ``duty_for``) are the ONLY way a supervisor reaches anything: their own duties,
through the Employee linked to their account; another supervisor's duty is a 404. Services own the
transactions and the audit; the due date comes from the working-day calendar and the Pemda option
``supervisor_duty_workdays``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import can, employee_of, members, scoped
from accounts.roles import HR
from audit.services import record
from legal import options, procedure, violations
from workdays.calendar import Calendar

from .models import Case, Notification, SupervisorDuty, ViolationType

D = SupervisorDuty.Status


# --- What the law asks (shown to the supervisor) ------------------------------------------------
def _cite(article) -> str:
    return f"{article}, pasal belum dikonfirmasi" if article.unconfirmed else str(article)


def obligations(duty: SupervisorDuty) -> list[tuple[str, str]]:
    """(what, by when) for the supervisor's page, from the legal tables."""
    summons_gap = procedure.SUMMONS_1_MIN_WORKING_DAYS
    items = [
        (
            _("Memanggil bawahan secara tertulis (Surat Panggilan I) — wajib, bukan delik aduan (%(a)s).")
            % {"a": _cite(procedure.SUPERVISOR_DUTY_ARTICLE)},
            duty.due_on.strftime("%d-%m-%Y"),
        ),
        (
            _("Jadwal pemeriksaan paling cepat %(n)s hari kerja sesudah surat panggilan.") % {"n": summons_gap},
            (
                Calendar().add_working_days(duty.summoned_on, summons_gap).strftime("%d-%m-%Y")
                if duty.summoned_on
                else "—"
            ),
        ),
        (
            _(
                "Memeriksa dalam sidang tertutup dan membuat Berita Acara Pemeriksaan; bila diduga berat, bersama Tim Pemeriksa."
            ),
            duty.examination_planned_on.strftime("%d-%m-%Y") if duty.examination_planned_on else "—",
        ),
        (
            _("Atasan yang tidak memanggil dan memeriksa dapat dijatuhi hukuman disiplin (%(a)s).")
            % {"a": _cite(procedure.SUPERVISOR_FAILURE_ARTICLE)},
            "",
        ),
    ]
    return items


# --- Selectors ---------------------------------------------------------------------------------
def duties_for(*, user: Any) -> QuerySet:
    """The duties of the supervisor linked to ``user``, through the single access path: the case's employee
    must be in the user's scope for ``supervision.view`` (accounts.access.ROLE_SCOPES: their current staff)
    and the duty must be addressed to them."""
    me = employee_of(user)
    if me is None or not can(user, "supervision.view"):
        return SupervisorDuty.objects.none()
    own = SupervisorDuty.objects.filter(supervisor=me)
    return scoped(own, user, "supervision.view", via="case__employee").select_related(
        "case__employee__unit", "case__violation_type"
    )


def duty_for(*, user: Any, pk: int) -> SupervisorDuty:
    duty = duties_for(user=user).filter(pk=pk).first()
    if duty is None:
        raise Http404
    return duty


# --- Services ----------------------------------------------------------------------------------
def _notify(user: Any, message: str, key: str) -> None:
    from .services import notify

    if user is not None:
        # No case link: a supervisor reaches the case only through their duty page.
        notify(user=user, case=None, kind=Notification.Kind.INFO, message=message, dedupe_key=key)


def open_duty(case: Case, *, acting_user: Any, request=None) -> SupervisorDuty | None:
    """Called when a case opens: record the supervisor's duty and notify them. Runs inside the caller's
    transaction. No supervisor on record -> None (the case page shows that BKPSDM must act)."""
    supervisor = case.employee.supervisor
    if supervisor is None or SupervisorDuty.objects.filter(case=case).exists():
        return None
    today = timezone.localdate()
    due = Calendar().add_working_days(today, int(options.value("supervisor_duty_workdays")))
    duty = SupervisorDuty.objects.create(case=case, supervisor=supervisor, notified_on=today, due_on=due)
    record(
        "supervision.duty_opened",
        actor=acting_user,
        subject=duty,
        case_id=case.pk,
        changes={"supervisor": str(supervisor), "due_on": due},
        request=request,
    )
    _notify(
        supervisor.user,
        _("Kasus %(ref)s mengenai bawahan Anda %(name)s: Anda wajib memanggil dan memeriksa paling lambat %(d)s.")
        % {"ref": case.reference, "name": case.employee.full_name, "d": due.strftime("%d-%m-%Y")},
        f"supervision:opened:{duty.pk}",
    )
    return duty


def _check_day(day: dt.date, duty: SupervisorDuty, label: str) -> None:
    if day > timezone.localdate():
        raise ValidationError(_("%(l)s tidak boleh di masa depan.") % {"l": label})
    if day < duty.notified_on:
        raise ValidationError(_("%(l)s tidak boleh sebelum Anda diberi tahu.") % {"l": label})


@transaction.atomic
def record_summons(
    *,
    duty: SupervisorDuty,
    summoned_on: dt.date,
    examination_on: dt.date,
    acting_user: Any,
    notes: str = "",
    request=None,
) -> SupervisorDuty:
    """The supervisor summoned their staff member in writing for an examination on ``examination_on``,
    at least SUMMONS_1_MIN_WORKING_DAYS working days later."""
    duty = SupervisorDuty.objects.select_for_update().get(pk=duty.pk)
    if duty.status not in (D.PENDING, D.MISSED):
        raise ValidationError(_("Panggilan sudah dicatat."))
    _check_day(summoned_on, duty, _("Tanggal surat panggilan"))
    earliest = Calendar().add_working_days(summoned_on, procedure.SUMMONS_1_MIN_WORKING_DAYS)
    if examination_on < earliest:
        raise ValidationError(
            _("Jadwal pemeriksaan paling cepat %(n)s hari kerja sesudah surat panggilan, yaitu %(d)s.")
            % {"n": procedure.SUMMONS_1_MIN_WORKING_DAYS, "d": earliest.strftime("%d-%m-%Y")}
        )
    old = duty.status
    duty.summoned_on, duty.examination_planned_on = summoned_on, examination_on
    duty.notes = "\n".join(filter(None, [duty.notes, (notes or "").strip()]))
    duty.status, duty.recorded_by = D.SUMMONED, acting_user
    duty.save()
    record(
        "supervision.summons",
        actor=acting_user,
        subject=duty,
        case_id=duty.case_id,
        changes={"status": [old, duty.status], "summoned_on": summoned_on, "examination_on": examination_on,
                 "late": summoned_on > duty.due_on},
        request=request,
    )  # fmt: skip
    return duty


@transaction.atomic
def record_examination(
    *, duty: SupervisorDuty, examined_on: dt.date, acting_user: Any, notes: str = "", request=None
) -> SupervisorDuty:
    duty = SupervisorDuty.objects.select_for_update().get(pk=duty.pk)
    if duty.status != D.SUMMONED:
        raise ValidationError(_("Catat surat panggilan lebih dahulu."))
    _check_day(examined_on, duty, _("Tanggal pemeriksaan"))
    if examined_on < duty.examination_planned_on:
        raise ValidationError(_("Pemeriksaan tidak boleh sebelum jadwal pada surat panggilan."))
    duty.examined_on, duty.status, duty.recorded_by = examined_on, D.EXAMINED, acting_user
    duty.notes = "\n".join(filter(None, [duty.notes, (notes or "").strip()]))
    duty.save()
    record(
        "supervision.examination",
        actor=acting_user,
        subject=duty,
        case_id=duty.case_id,
        changes={"status": [D.SUMMONED, D.EXAMINED], "examined_on": examined_on},
        request=request,
    )
    return duty


def _bkpsdm_recipients(case: Case) -> list[Any]:
    if case.assigned_officer_id:
        return [case.assigned_officer]
    return list(members(HR))


@transaction.atomic
def flag_missed(*, today: dt.date | None = None) -> int:
    """Duties past their date without a summons: mark missed, tell BKPSDM and the supervisor's own superior
    (idempotent). Run daily with the case reminders."""
    today = today or timezone.localdate()
    count = 0
    qs = SupervisorDuty.objects.select_for_update(of=("self",)).filter(status=D.PENDING, due_on__lt=today)
    for duty in qs.select_related("case__assigned_officer", "supervisor__supervisor__user"):
        duty.status, duty.missed_flagged_at = D.MISSED, timezone.now()
        duty.save(update_fields=["status", "missed_flagged_at"])
        record(
            "supervision.duty_missed",
            actor=None,
            subject=duty,
            case_id=duty.case_id,
            changes={"status": [D.PENDING, D.MISSED], "due_on": duty.due_on},
        )
        text = _("Atasan langsung %(s)s belum memanggil/memeriksa pada kasus %(ref)s (batas %(d)s).") % {
            "s": duty.supervisor.full_name,
            "ref": duty.case.reference,
            "d": duty.due_on.strftime("%d-%m-%Y"),
        }
        from .services import notify

        for user in _bkpsdm_recipients(duty.case):
            notify(user=user, case=duty.case, kind=Notification.Kind.OVERDUE, message=text,
                   dedupe_key=f"supervision:missed:{duty.pk}:{user.pk}")  # fmt: skip
        superior = duty.supervisor.supervisor
        if superior is not None and superior.user_id:
            _notify(superior.user, text, f"supervision:missed:{duty.pk}:superior")
        count += 1
    return count


@transaction.atomic
def open_case_for_missed_duty(*, duty: SupervisorDuty, acting_user: Any, request=None) -> Case:
    """BKPSDM turns a missed duty into a case against the supervisor (catalogue entry
    legal.violations.SUPERVISOR_FAILURE); the official sets the level."""
    from . import deadlines
    from .services import allocate_reference

    duty = SupervisorDuty.objects.select_for_update(of=("self",)).select_related("supervisor", "case").get(pk=duty.pk)
    if duty.status != D.MISSED:
        raise ValidationError(_("Hanya tugas atasan yang lewat batas waktu yang dapat dijadikan kasus."))
    if duty.follow_up_case_id:
        raise ValidationError(
            _("Kasus atas kelalaian ini sudah dibuka (%(ref)s).") % {"ref": duty.follow_up_case.reference}
        )
    today = timezone.localdate()
    number, reference = allocate_reference(today.year)
    supervisor = duty.supervisor
    case = Case(
        reference=reference, year=today.year, number=number, employee=supervisor, employee_status=supervisor.status,
        act_date=duty.due_on, violation_type=ViolationType.objects.get(code=violations.SUPERVISOR_FAILURE),
        opened_by=acting_user, ethics_track=False, status_since=today,
        summary=_("Tidak memanggil/memeriksa bawahan pada kasus %(ref)s sampai batas %(d)s.")
        % {"ref": duty.case.reference, "d": duty.due_on.strftime("%d-%m-%Y")},
    )  # fmt: skip
    case.due_date = deadlines.due_date_for(case, Case.Status.NEW, entered=today)
    case.save()
    duty.follow_up_case = case
    duty.save(update_fields=["follow_up_case"])
    record(
        "case.open",
        actor=acting_user,
        subject=case,
        case_id=case.pk,
        changes={"reference": reference, "employee": str(supervisor), "origin": f"supervision:{duty.pk}"},
        request=request,
    )
    open_duty(case, acting_user=acting_user, request=request)  # the supervisor's own superior now has a duty
    return case
