"""Training business rules. Keyword-only, ``acting_user``, atomic, audited.

The cases side calls :func:`assign_remedial_training`; nothing here imports case models or detection.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.client_address import client_ip
from audit.services import record
from netralitas_site import jobs
from registry.models import Employee

from . import checkin
from .models import (
    ApelReading,
    Assignment,
    Attempt,
    AttemptQuestion,
    Attendance,
    Campaign,
    Certificate,
    IntegrityPact,
    Material,
    MaterialView,
    PactAcknowledgement,
    Programme,
    ProgrammeCompletion,
    Quiz,
    Session,
)

# Seconds allowed after the deadline for the last submission to travel (slow networks).
SUBMIT_GRACE_SECONDS = 30
# Check-in is open from an hour before the start until an hour after the end.
CHECKIN_MARGIN = dt.timedelta(hours=1)


class TrainingError(Exception):
    """A rule refused the action; the message is shown to the user."""


# --- attendance -------------------------------------------------------------------------------------


def checkin_window(session: Session, now=None) -> str:
    """ "early", "open" or "closed": the one rule for when a session's check-in code is valid (and shown)."""
    now = now or timezone.now()
    if now < session.starts_at - CHECKIN_MARGIN:
        return "early"
    if now > session.ends_at + CHECKIN_MARGIN:
        return "closed"
    return "open"


@transaction.atomic
def check_in(*, session: Session, employee: Employee | None, code: str, acting_user, now=None, request=None):
    """Mark ``employee`` present (or late) at ``session`` if ``code`` is the current rotating code."""
    now = now or timezone.now()
    if employee is None:
        raise TrainingError(_("Akun Anda belum terhubung dengan data pegawai."))
    window = checkin_window(session, now)
    if window == "early":
        raise TrainingError(_("Presensi sesi ini belum dibuka."))
    if window == "closed":
        raise TrainingError(_("Sesi ini sudah berakhir; presensi ditutup. Hubungi petugas."))
    result = checkin.verify(session, code, now)
    if result == checkin.EXPIRED:
        raise TrainingError(
            _("Kode presensi sudah kedaluwarsa. Kode berganti setiap menit; pindai kode yang sedang tampil di layar.")
        )
    if result != checkin.VALID:
        raise TrainingError(_("Kode presensi tidak dikenal untuk sesi ini. Periksa kembali kode yang Anda ketik."))
    existing = Attendance.objects.filter(session=session, employee=employee).first()
    if existing and existing.status in (Attendance.Status.PRESENT, Attendance.Status.LATE):
        return existing, False
    late = now > session.starts_at + dt.timedelta(minutes=session.grace_minutes)
    status = Attendance.Status.LATE if late else Attendance.Status.PRESENT
    if existing:
        existing.status, existing.method, existing.checked_in_at, existing.marked_by = (
            status,
            Attendance.Method.QR,
            now,
            acting_user,
        )
        existing.save()
        attendance = existing
    else:
        attendance = Attendance.objects.create(
            session=session,
            employee=employee,
            status=status,
            method=Attendance.Method.QR,
            checked_in_at=now,
            marked_by=acting_user,
        )
    record("training.checkin", actor=acting_user, subject=attendance, changes={"status": status}, request=request)
    return attendance, True


@transaction.atomic
def bulk_mark_attendance(*, session: Session, employee_ids: Iterable[int], status: str, acting_user, request=None):
    if status not in Attendance.Status.values:
        raise TrainingError(_("Status kehadiran tidak dikenal."))
    ids = list(Employee.objects.filter(pk__in=list(employee_ids)).values_list("pk", flat=True))
    now = timezone.now()
    existing = {a.employee_id: a for a in Attendance.objects.filter(session=session, employee_id__in=ids)}
    for emp_id in ids:
        if emp_id in existing:
            row = existing[emp_id]
            row.status, row.method, row.marked_by = status, Attendance.Method.OFFICER, acting_user
            row.save(update_fields=["status", "method", "marked_by"])
        else:
            Attendance.objects.create(
                session=session,
                employee_id=emp_id,
                status=status,
                method=Attendance.Method.OFFICER,
                checked_in_at=now,
                marked_by=acting_user,
            )
    record(
        "training.attendance_bulk",
        actor=acting_user,
        subject=session,
        changes={"status": status, "employees": ids},
        request=request,
    )
    return len(ids)


# --- quizzes ----------------------------------------------------------------------------------------


def _counted_attempts(quiz: Quiz, employee: Employee):
    return Attempt.objects.filter(quiz=quiz, employee=employee, voided=False)


def attempts_left(quiz: Quiz, employee: Employee) -> int:
    return max(0, quiz.max_attempts - _counted_attempts(quiz, employee).count())


def close_expired_attempts(*, employee: Employee | None = None, quiz: Quiz | None = None, now=None) -> int:
    """Close open attempts whose deadline (plus grace) has passed, grading the answers saved in time."""
    now = now or timezone.now()
    qs = Attempt.objects.filter(status=Attempt.Status.OPEN)
    if employee is not None:
        qs = qs.filter(employee=employee)
    if quiz is not None:
        qs = qs.filter(quiz=quiz)
    closed = 0
    for attempt in qs.select_related("quiz"):
        if now > attempt.deadline + dt.timedelta(seconds=SUBMIT_GRACE_SECONDS):
            with transaction.atomic():
                locked = Attempt.objects.select_for_update().get(pk=attempt.pk)
                if locked.status == Attempt.Status.OPEN:
                    _grade(locked, Attempt.Status.EXPIRED, now)
                    closed += 1
    return closed


@transaction.atomic
def start_attempt(*, quiz: Quiz, employee: Employee, acting_user, rng: random.Random | None = None, now=None):
    """Return the open attempt, or draw a new one: N distinct questions, options shuffled, order stored."""
    now = now or timezone.now()
    if not quiz.is_published:
        raise TrainingError(_("Kuis ini belum diterbitkan."))
    # Serialise per employee so two tabs cannot open two attempts.
    Employee.objects.select_for_update().filter(pk=employee.pk).first()
    close_expired_attempts(employee=employee, quiz=quiz, now=now)
    open_attempt = Attempt.objects.filter(quiz=quiz, employee=employee, status=Attempt.Status.OPEN).first()
    if open_attempt:
        return open_attempt
    counted = _counted_attempts(quiz, employee)
    since = remedial_since(employee, quiz=quiz)
    if since is not None:  # a remedial assignment asks for the quiz again: only attempts after it count
        counted = counted.filter(started_at__gte=since)
    if counted.filter(passed=True).exists():
        raise TrainingError(_("Anda sudah lulus kuis ini."))
    used = counted.count()
    if used >= quiz.max_attempts:
        raise TrainingError(_("Batas percobaan kuis ini sudah habis. Hubungi petugas bila perlu direset."))
    pool = list(quiz.question_pool().prefetch_related("options"))
    if not pool:
        raise TrainingError(_("Bank soal kuis ini masih kosong."))
    rng = rng or random.SystemRandom()
    drawn = rng.sample(pool, min(quiz.num_questions, len(pool)))
    number = Attempt.objects.filter(quiz=quiz, employee=employee).count() + 1
    try:
        with transaction.atomic():
            attempt = Attempt.objects.create(
                quiz=quiz,
                employee=employee,
                number=number,
                started_at=now,
                time_limit_minutes=quiz.time_limit_minutes,
                pass_mark=quiz.pass_mark,
                total=len(drawn),
            )
    except IntegrityError:  # another request opened one in between
        return Attempt.objects.get(quiz=quiz, employee=employee, status=Attempt.Status.OPEN)
    items = []
    for position, question in enumerate(drawn, start=1):
        option_ids = [o.pk for o in question.options.all()]
        rng.shuffle(option_ids)
        items.append(AttemptQuestion(attempt=attempt, question=question, position=position, option_order=option_ids))
    AttemptQuestion.objects.bulk_create(items)
    Assignment.objects.filter(
        Q(quiz=quiz) | Q(programme__quiz=quiz), employee=employee, started_at__isnull=True
    ).update(started_at=now)
    record("training.attempt_start", actor=acting_user, subject=attempt, changes={"questions": len(drawn)})
    return attempt


def _clean_answers(attempt: Attempt, answers: dict) -> dict[int, list[int]]:
    """Keep only option ids shown in that item; single-choice and true/false keep at most one."""
    cleaned: dict[int, list[int]] = {}
    for item in attempt.items.select_related("question"):
        raw = answers.get(item.pk)
        if raw is None:
            continue
        try:
            chosen = [int(v) for v in raw]
        except (TypeError, ValueError):
            continue
        allowed = set(item.option_order)
        chosen = sorted({v for v in chosen if v in allowed})
        if item.question.kind != item.question.Kind.MULTIPLE:
            chosen = chosen[:1]
        cleaned[item.pk] = chosen
    return cleaned


def _is_late(attempt: Attempt, now) -> bool:
    return now > attempt.deadline + dt.timedelta(seconds=SUBMIT_GRACE_SECONDS)


def save_answers(*, attempt: Attempt, answers: dict, acting_user, now=None) -> Attempt:
    """Autosave during the attempt. After the deadline nothing is saved and the attempt is closed."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
        if attempt.status != Attempt.Status.OPEN:
            raise TrainingError(_("Percobaan ini sudah ditutup."))
        late = _is_late(attempt, now)
        if late:
            _grade(attempt, Attempt.Status.EXPIRED, now)  # committed before the refusal is raised
        else:
            for item_id, chosen in _clean_answers(attempt, answers).items():
                AttemptQuestion.objects.filter(pk=item_id, attempt=attempt).update(selected=chosen)
    if late:
        raise TrainingError(_("Waktu pengerjaan sudah habis; jawaban tidak disimpan dan percobaan ditutup."))
    return attempt


@transaction.atomic
def submit_attempt(*, attempt: Attempt, answers: dict, acting_user, now=None) -> tuple[Attempt, bool]:
    """Grade the attempt. Returns (attempt, late): when late, the submitted answers were refused."""
    now = now or timezone.now()
    attempt = Attempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.status != Attempt.Status.OPEN:
        raise TrainingError(_("Percobaan ini sudah ditutup."))
    late = _is_late(attempt, now)
    if not late:
        for item_id, chosen in _clean_answers(attempt, answers).items():
            AttemptQuestion.objects.filter(pk=item_id, attempt=attempt).update(selected=chosen)
    _grade(attempt, Attempt.Status.EXPIRED if late else Attempt.Status.SUBMITTED, now)
    record(
        "training.attempt_submit",
        actor=acting_user,
        subject=attempt,
        changes={"score": attempt.score, "passed": attempt.passed, "late": late},
    )
    return attempt, late


def _grade(attempt: Attempt, status: str, now) -> None:
    correct = 0
    items = list(attempt.items.select_related("question").prefetch_related("question__options"))
    for item in items:
        right = {o.pk for o in item.question.options.all() if o.is_correct}
        item.is_correct = bool(right) and set(item.selected or []) == right
        correct += int(item.is_correct)
    AttemptQuestion.objects.bulk_update(items, ["is_correct"])
    attempt.correct_count = correct
    attempt.total = len(items)
    attempt.score = round(100 * correct / len(items)) if items else 0
    attempt.passed = attempt.score >= attempt.pass_mark
    attempt.status = status
    attempt.finished_at = now
    attempt.save()
    if attempt.passed:
        _on_quiz_passed(attempt, now)


def _on_quiz_passed(attempt: Attempt, now) -> None:
    certificate, created = Certificate.objects.get_or_create(
        employee=attempt.employee,
        kind=Certificate.Kind.QUIZ,
        quiz=attempt.quiz,
        defaults={"attempt": attempt, "title": attempt.quiz.title, "issued_at": now},
    )
    Assignment.objects.filter(employee=attempt.employee, quiz=attempt.quiz, completed_at__isnull=True).update(
        completed_at=now
    )
    for programme in Programme.objects.filter(quiz=attempt.quiz):
        maybe_complete_programme(programme=programme, employee=attempt.employee, now=now)
    if created:
        _render_later(certificate)


# --- programmes -------------------------------------------------------------------------------------


@transaction.atomic
def mark_material_viewed(*, material: Material, employee: Employee, acting_user) -> bool:
    now = timezone.now()
    view, created = MaterialView.objects.get_or_create(material=material, employee=employee)
    if not created and remedial_since(employee, programme=material.programme) is not None:
        view.viewed_at = now  # read again for a remedial assignment: the latest reading is what counts
        view.save(update_fields=["viewed_at"])
    Assignment.objects.filter(employee=employee, programme=material.programme, started_at__isnull=True).update(
        started_at=now
    )
    maybe_complete_programme(programme=material.programme, employee=employee, now=now)
    return created


def remedial_since(employee: Employee, *, programme: Programme | None = None, quiz=None):
    """When the oldest open remedial assignment (of ``programme``, or of a programme with ``quiz``) was given.

    A remedial assignment after a case is done again in full: every material read and the quiz passed
    after it was given, even if the employee completed the programme before (issue 14, point 18).
    """
    qs = Assignment.objects.filter(employee=employee, source=Assignment.Source.REMEDIAL, completed_at__isnull=True)
    qs = qs.filter(programme=programme) if programme is not None else qs.filter(programme__quiz=quiz)
    first = qs.order_by("assigned_at").values_list("assigned_at", flat=True).first()
    return first


def programme_progress(programme: Programme, employee: Employee, since=None) -> dict:
    """Materials read and quiz passed; with ``since``, only what was done from that moment on."""
    total = programme.materials.count()
    views = MaterialView.objects.filter(material__programme=programme, employee=employee)
    passes = Attempt.objects.filter(quiz_id=programme.quiz_id, employee=employee, passed=True, voided=False)
    if since is not None:
        views, passes = views.filter(viewed_at__gte=since), passes.filter(started_at__gte=since)
    viewed = views.count()
    quiz_passed = programme.quiz_id is None or passes.exists()
    return {"total": total, "viewed": viewed, "quiz_passed": quiz_passed, "done": viewed >= total and quiz_passed}


def maybe_complete_programme(*, programme: Programme, employee: Employee, now=None) -> ProgrammeCompletion | None:
    now = now or timezone.now()
    if not programme_progress(programme, employee)["done"]:
        return None
    completion, created = ProgrammeCompletion.objects.get_or_create(
        programme=programme, employee=employee, defaults={"completed_at": now}
    )
    # Open assignments close now; a remedial one only once the programme was worked through again after it.
    for assignment in Assignment.objects.filter(employee=employee, programme=programme, completed_at__isnull=True):
        if (
            assignment.source == Assignment.Source.REMEDIAL
            and not programme_progress(programme, employee, since=assignment.assigned_at)["done"]
        ):
            continue
        assignment.completed_at = now
        assignment.save(update_fields=["completed_at"])
    if created:
        certificate, cert_created = Certificate.objects.get_or_create(
            employee=employee,
            kind=Certificate.Kind.PROGRAMME,
            programme=programme,
            defaults={"title": programme.title, "issued_at": now},
        )
        if cert_created:
            _render_later(certificate)
    return completion


def _render_later(certificate: Certificate) -> None:
    from .certificates import render_certificate

    jobs.enqueue("pdf", render_certificate, certificate.pk)


# --- pacts ------------------------------------------------------------------------------------------


@transaction.atomic
def acknowledge_pact(*, pact: IntegrityPact, employee: Employee, acting_user, request=None) -> PactAcknowledgement:
    ack, created = PactAcknowledgement.objects.get_or_create(
        pact=pact,
        employee=employee,
        defaults={"ip_address": (client_ip(request) or None) if request else None},
    )
    if created:
        Assignment.objects.filter(employee=employee, pact=pact, completed_at__isnull=True).update(
            completed_at=ack.acknowledged_at, started_at=ack.acknowledged_at
        )
        record("training.pact_ack", actor=acting_user, subject=ack, request=request)
    return ack


# --- campaigns and assignments ----------------------------------------------------------------------


def _completion_times(campaign: Campaign, employee_ids: list[int]) -> dict[int, dt.datetime]:
    if campaign.programme_id:
        rows = ProgrammeCompletion.objects.filter(programme_id=campaign.programme_id, employee_id__in=employee_ids)
        return dict(rows.values_list("employee_id", "completed_at"))
    if campaign.quiz_id:
        rows = Attempt.objects.filter(quiz_id=campaign.quiz_id, employee_id__in=employee_ids, passed=True)
        return dict(rows.values_list("employee_id", "finished_at"))
    rows = PactAcknowledgement.objects.filter(pact_id=campaign.pact_id, employee_id__in=employee_ids)
    return dict(rows.values_list("employee_id", "acknowledged_at"))


@transaction.atomic
def save_managed(*, form, action: str, acting_user, extra=None):
    """Save a validated management ModelForm (and its inline formset) with its audit event; returns the object."""
    creating = form.instance.pk is None
    obj = form.save()
    if extra is not None:
        extra.instance = obj
        extra.save()
    record(f"training.{action}", actor=acting_user, subject=obj, changes={"created": creating})
    return obj


@transaction.atomic
def save_campaign(*, form, acting_user, request=None) -> tuple[Campaign, int]:
    """Save a validated CampaignForm and assign it at once; returns the campaign and how many new assignments."""
    campaign = form.save(commit=False)
    if campaign.created_by_id is None:
        campaign.created_by = acting_user
    campaign.save()
    form.save_m2m()
    record("training.campaign_save", actor=acting_user, subject=campaign)
    return campaign, launch_campaign(campaign=campaign, acting_user=acting_user, request=request)


@transaction.atomic
def record_apel_reading(*, form, acting_user) -> ApelReading:
    """Save a validated ApelReadingForm as read, noting who recorded it."""
    reading = form.save(commit=False)
    reading.recorded_by = acting_user
    reading.save()
    record("training.apel_read", actor=acting_user, subject=reading)
    return reading


@transaction.atomic
def launch_campaign(*, campaign: Campaign, acting_user, request=None) -> int:
    """Create an assignment for every targeted active employee who has none yet. Returns how many."""
    assigned = set(campaign.assignments.values_list("employee_id", flat=True))
    ids = [pk for pk in campaign.target_employees().values_list("pk", flat=True) if pk not in assigned]
    done = _completion_times(campaign, ids)
    rows = [
        Assignment(
            campaign=campaign,
            employee_id=pk,
            programme_id=campaign.programme_id,
            quiz_id=campaign.quiz_id,
            pact_id=campaign.pact_id,
            due_date=campaign.due_date,
            completed_at=done.get(pk),
            started_at=done.get(pk),
            created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        )
        for pk in ids
    ]
    Assignment.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    if rows:
        record("training.campaign_launch", actor=acting_user, subject=campaign, changes={"new": len(rows)})
    return len(rows)


@transaction.atomic
def extend_due_dates(*, assignments, due_date: dt.date, acting_user, reason: str = "", request=None) -> int:
    ids = list(assignments.values_list("pk", flat=True))
    count = Assignment.objects.filter(pk__in=ids).update(due_date=due_date)
    record(
        "training.extend_due",
        actor=acting_user,
        changes={"assignments": ids, "due_date": due_date.isoformat()},
        reason=reason,
        request=request,
    )
    return count


@transaction.atomic
def reset_attempts(*, quiz: Quiz, employee_ids: Iterable[int], acting_user, reason: str = "", request=None) -> int:
    """Void counted attempts (kept in history) so the employees may try again; open ones are closed."""
    ids = list(employee_ids)
    now = timezone.now()
    qs = Attempt.objects.filter(quiz=quiz, employee_id__in=ids, voided=False, passed=False)
    qs.filter(status=Attempt.Status.OPEN).update(status=Attempt.Status.EXPIRED, finished_at=now)
    count = qs.update(voided=True)
    record(
        "training.reset_attempts",
        actor=acting_user,
        subject=quiz,
        changes={"employees": ids, "voided": count},
        reason=reason,
        request=request,
    )
    return count


@transaction.atomic
def assign_remedial_training(
    *, employee: Employee, programme: Programme | None = None, due: dt.date | None = None, reason: str, acting_user
) -> Assignment:
    """Assign a programme to one employee as follow-up to a case (called by the cases app).

    Without ``programme`` the newest published programme is used. ``due`` defaults to 14 days from today.
    """
    if programme is None:
        programme = Programme.objects.filter(is_published=True).order_by("-created_at").first()
        if programme is None:
            raise TrainingError(_("Belum ada program pelatihan yang terbit."))
    due = due or timezone.localdate() + dt.timedelta(days=14)
    assignment = Assignment.objects.create(
        employee=employee,
        programme=programme,
        source=Assignment.Source.REMEDIAL,
        reason=reason[:300],
        due_date=due,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
    )
    record(
        "training.remedial_assign",
        actor=acting_user,
        subject=assignment,
        changes={"employee": employee.pk, "programme": programme.pk, "due": due.isoformat()},
        reason=reason,
    )
    return assignment
