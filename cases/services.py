"""Business rules for posts, evidence and cases. Keyword-only, ``acting_user``, atomic, audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import diff, record
from legal import appeals as legal_appeals
from legal import regimes
from netralitas_site.counters import next_value
from registry.models import Employee, SocialAccount

from . import evidence as ev
from . import workflow
from .models import (
    Appeal,
    Case,
    CaseCounter,
    Decision,
    Evidence,
    Examination,
    FollowUpAction,
    Notification,
    PostSubject,
    Recommendation,
    ReportedPost,
    SanctionType,
)
from .sanctions import recommend, signer_for
from .urlnorm import normalize_url
from .workflow import StaleCaseError


# --- Posts and evidence --------------------------------------------------------
def find_duplicate_post(url: str) -> ReportedPost | None:
    return ReportedPost.objects.filter(normalized_url=normalize_url(url), duplicate_of__isnull=True).first()


@transaction.atomic
def add_evidence(*, post: ReportedPost, files: list, acting_user: Any, request: Any = None) -> list[dict]:
    """Validate every file first (one bad file → nothing saved), then store and enqueue detection."""
    ev.check_batch(files)
    checked = [ev.check_image(f) for f in files]
    results = []
    for item in checked:
        same_post = post.evidence.filter(sha256=item.sha256).first()
        if same_post:
            results.append({"evidence": same_post, "created": False, "identical_elsewhere": False})
            continue
        identical_elsewhere = Evidence.objects.filter(sha256=item.sha256).exists()
        path, thumb = ev.store(item)
        evidence = Evidence.objects.create(
            post=post,
            file=path,
            thumbnail=thumb,
            sha256=item.sha256,
            phash=item.phash,
            width=item.width,
            height=item.height,
            content_type=item.content_type,
            size=len(item.data),
            original_name=item.original_name,
            uploaded_by=acting_user,
        )
        record(
            "evidence.upload",
            actor=acting_user,
            subject=evidence,
            changes={"sha256": item.sha256, "phash": item.phash, "post": post.pk, "name": item.original_name},
            request=request,
        )
        transaction.on_commit(lambda pk=evidence.pk, px=item.width * item.height: ev.enqueue_detection(pk, px))
        results.append({"evidence": evidence, "created": True, "identical_elsewhere": identical_elsewhere})
    return results


def known_account_for(post: ReportedPost, employee: Employee) -> SocialAccount | None:
    """The employee's known account that posted this: same platform and the post's own account name.

    Another account of the same employee on the same platform is not this post's author (issue 14, point 17).
    """
    handle = (post.account_name or "").strip().lstrip("@")
    if not handle:
        return None
    return SocialAccount.objects.filter(employee=employee, platform=post.platform, handle__iexact=handle).first()


@transaction.atomic
def add_subjects(*, post: ReportedPost, employees, acting_user: Any, request: Any = None) -> list[PostSubject]:
    added = []
    for employee in employees:
        subject, created = PostSubject.objects.get_or_create(post=post, employee=employee)
        if created:
            account = known_account_for(post, employee)
            if account:
                subject.social_account = account
                subject.save(update_fields=["social_account"])
            added.append(subject)
            record(
                "post.subject_added",
                actor=acting_user,
                subject=post,
                changes={"employee": [None, str(employee)]},
                request=request,
            )
    return added


@transaction.atomic
def report_post(
    *,
    acting_user: Any,
    platform: str,
    url: str,
    account_name: str = "",
    posted_at: dt.datetime | None = None,
    found_at: dt.datetime | None = None,
    source: str = ReportedPost.Source.INTERNAL,
    source_reference: str = "",
    notes: str = "",
    election=None,
    employees=(),
    files=(),
    request: Any = None,
) -> tuple[ReportedPost, bool, list[dict]]:
    """Record a post. The same post (normalised URL) reported again is not stored twice: the new
    report is logged on the first post, new files and employees are added to it. Returns
    ``(post, is_duplicate, evidence_results)``."""
    normalized = normalize_url(url)
    first = (
        ReportedPost.objects.select_for_update()
        .filter(normalized_url=normalized, duplicate_of__isnull=True)
        .order_by("pk")
        .first()
    )
    if first is not None:
        record(
            "post.duplicate_report",
            actor=acting_user,
            subject=first,
            changes={"url": url, "source": source, "notes": notes},
            reason=_("Unggahan yang sama dilaporkan lagi."),
            request=request,
        )
        results = add_evidence(post=first, files=list(files), acting_user=acting_user, request=request)
        add_subjects(post=first, employees=employees, acting_user=acting_user, request=request)
        return first, True, results
    post = ReportedPost.objects.create(
        platform=platform,
        url=url,
        normalized_url=normalized,
        account_name=account_name,
        posted_at=posted_at,
        found_at=found_at or timezone.now(),
        source=source,
        source_reference=source_reference,
        notes=notes,
        election=election,
        reported_by=acting_user,
    )
    record(
        "post.create",
        actor=acting_user,
        subject=post,
        changes={"platform": platform, "url": url, "normalized_url": normalized, "source": source},
        request=request,
    )
    results = add_evidence(post=post, files=list(files), acting_user=acting_user, request=request)
    add_subjects(post=post, employees=employees, acting_user=acting_user, request=request)
    return post, False, results


# --- Cases ------------------------------------------------------------------------
def allocate_reference(year: int) -> tuple[int, str]:
    """Next gap-free number for ``year``: the counter row is locked until the transaction ends."""
    number = next_value(CaseCounter, field="last_number", year=year)
    return number, f"NET/{year}/{number:04d}"


@transaction.atomic
def open_cases(
    *,
    post: ReportedPost,
    employees,
    acting_user: Any,
    violation_type=None,
    assigned_officer=None,
    request: Any = None,
) -> list[Case]:
    """One case per employee, sharing the post's evidence. Ticking an employee here is the officer's
    confirmation that the post concerns them; only then does a case name the employee."""
    from . import deadlines

    employees = list(employees)
    if not employees:
        raise ValidationError(_("Pilih minimal satu pegawai yang dikonfirmasi."))
    now = timezone.now()
    today = timezone.localdate()
    created = []
    for employee in employees:
        subject, _c = PostSubject.objects.get_or_create(post=post, employee=employee)
        if not subject.confirmed_at:
            subject.confirmed_at, subject.confirmed_by = now, acting_user
            subject.save(update_fields=["confirmed_at", "confirmed_by"])
            record(
                "post.subject_confirmed",
                actor=acting_user,
                subject=post,
                changes={"employee": str(employee)},
                request=request,
            )
        existing = Case.objects.filter(employee=employee, posts=post).exclude(status=Case.Status.DISMISSED).first()
        if existing:
            continue
        number, reference = allocate_reference(today.year)
        case = Case(
            reference=reference,
            year=today.year,
            number=number,
            employee=employee,
            employee_status=employee.status,  # a first guess; corrected with set_status_at_act (status on the act date)
            act_date=timezone.localdate(post.posted_at) if post.posted_at else None,
            violation_type=violation_type,
            assigned_officer=assigned_officer,
            opened_by=acting_user,
            ethics_track=regimes.moral_allowed(employee.status),
            status_since=today,
        )
        case.due_date = deadlines.due_date_for(case, Case.Status.NEW, entered=today)
        case.save()
        case.posts.add(post)
        record(
            "case.open",
            actor=acting_user,
            subject=case,
            case_id=case.pk,
            changes={
                "reference": reference,
                "employee": str(employee),
                "post": post.pk,
                "violation_type": str(violation_type) if violation_type else None,
                "assigned_officer": str(assigned_officer) if assigned_officer else None,
            },
            request=request,
        )
        if assigned_officer:
            notify_assignment(case, assigned_officer)
        from .supervision import open_duty

        open_duty(case, acting_user=acting_user, request=request)  # PP 94/2021: the atasan must act
        created.append(case)
    return created


def _lock(case: Case, expected_version: int) -> Case:
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.version != expected_version:
        raise StaleCaseError()
    return locked


def _case_changed(
    locked: Case, action: str, *, subject: Any, changes: dict, acting_user: Any, reason: str = "", request=None
) -> None:
    """A part of a locked case changed: bump its version (other officers' open forms go stale) and audit it."""
    locked.version += 1
    locked.save(update_fields=["version", "updated_at"])
    record(
        action, actor=acting_user, subject=subject, case_id=locked.pk, changes=changes, reason=reason, request=request
    )


EDITABLE_CASE_FIELDS = [
    "violation_type",
    "ethics_track",
    "discipline_track",
    "summary",
    "gakkumdu_referred",
    "gakkumdu_referred_on",
    "gakkumdu_outcome",
]


@transaction.atomic
def update_case(
    *, case: Case, values: dict, acting_user: Any, expected_version: int, reason: str = "", request=None
) -> Case:
    locked = _lock(case, expected_version)
    values = {k: v for k, v in values.items() if k in EDITABLE_CASE_FIELDS}
    changes = diff(locked, list(values), values)
    if not changes:
        return locked
    if not locked.is_open and "violation_type" in changes:
        raise ValidationError(_("Kasus sudah ditutup."))
    for name, value in values.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.save()
    action = "case.gakkumdu" if any(k.startswith("gakkumdu") for k in changes) else "case.update"
    record(
        action, actor=acting_user, subject=locked, case_id=locked.pk, changes=changes, reason=reason, request=request
    )
    return locked


@transaction.atomic
def set_status_at_act(
    *,
    case: Case,
    status: str,
    act_date: dt.date | None,
    reason: str,
    acting_user: Any,
    expected_version: int,
    request=None,
) -> Case:
    """Correct the employment status held ON THE DATE OF THE ACT (brief §1.1: the regime follows it; many
    honorer became PPPK in 2025). Needs a reason; refused once a decision exists (it was taken under the
    old regime: record the appeal/annulment first)."""
    locked = _lock(case, expected_version)
    reason = (reason or "").strip()
    if status not in Employee.Status.values:
        raise ValidationError(_("Status kepegawaian tidak dikenal."))
    if not reason:
        raise ValidationError(_("Alasan perubahan status saat perbuatan wajib diisi."))
    if act_date and act_date > timezone.localdate():
        raise ValidationError(_("Tanggal perbuatan tidak boleh di masa depan."))
    if locked.decisions.exists():
        raise ValidationError(_("Kasus sudah memiliki keputusan; status saat perbuatan tidak dapat diubah lagi."))
    changes = diff(locked, ["employee_status", "act_date"], {"employee_status": status, "act_date": act_date})
    if not changes:
        return locked
    locked.employee_status, locked.act_date = status, act_date
    if not regimes.moral_allowed(status):
        locked.ethics_track = False  # PP 42/2004 sanksi moral does not reach this status
    locked.version += 1
    locked.save(update_fields=["employee_status", "act_date", "ethics_track", "version", "updated_at"])
    record(
        "case.status_at_act",
        actor=acting_user,
        subject=locked,
        case_id=locked.pk,
        changes=changes,
        reason=reason,
        request=request,
    )
    return locked


@transaction.atomic
def assign(*, cases, officer: Any, acting_user: Any, request=None) -> int:
    """Assign (bulk). Officers are notified in-app and by email."""
    count = 0
    for case in Case.objects.select_for_update().filter(pk__in=[c.pk for c in cases]):
        if case.assigned_officer_id == getattr(officer, "pk", None):
            continue
        old = case.assigned_officer
        case.assigned_officer = officer
        case.version += 1
        case.save(update_fields=["assigned_officer", "version", "updated_at"])
        record(
            "case.assign",
            actor=acting_user,
            subject=case,
            case_id=case.pk,
            changes={"assigned_officer": [str(old) if old else None, str(officer) if officer else None]},
            request=request,
        )
        if officer:
            notify_assignment(case, officer)
        count += 1
    return count


@transaction.atomic
def record_examination(
    *,
    case: Case,
    held_on: dt.date,
    examiners: str,
    questions_answers: str,
    place: str = "",
    examinee_attended: bool = True,
    acting_user: Any,
    expected_version: int,
    request=None,
) -> Examination:
    locked = _lock(case, expected_version)
    if not workflow.may_record(locked, "examination"):
        raise ValidationError(_("BAP hanya dapat dicatat pada tahap pemanggilan/pemeriksaan."))
    from .authorities import tim_pemeriksa_refusal

    refusal = tim_pemeriksa_refusal(locked, examiners.splitlines())
    if refusal:
        raise ValidationError(refusal)
    exam = Examination.objects.create(
        case=locked,
        held_on=held_on,
        place=place,
        examiners=examiners,
        questions_answers=questions_answers,
        examinee_attended=examinee_attended,
        recorded_by=acting_user,
    )
    _case_changed(
        locked,
        "case.examination",
        subject=locked,
        changes={"held_on": held_on, "examiners": examiners, "attended": examinee_attended},
        acting_user=acting_user,
        request=request,
    )
    return exam


@transaction.atomic
def add_recommendation(*, case: Case, values: dict, acting_user: Any, expected_version: int, request=None):
    locked = _lock(case, expected_version)
    rec = Recommendation.objects.create(case=locked, recorded_by=acting_user, **values)
    _case_changed(
        locked, "case.recommendation", subject=locked, changes=values, acting_user=acting_user, request=request
    )
    return rec


@transaction.atomic
def record_decision(
    *,
    case: Case,
    track: str,
    sanction_type: SanctionType,
    acting_user: Any,
    expected_version: int,
    deviation_reason: str = "",
    decision_number: str = "",
    decided_on: dt.date | None = None,
    request=None,
) -> Decision:
    """Record the sanction decided on one track. Choosing other than the recommendation needs a reason."""
    locked = _lock(case, expected_version)
    if not workflow.may_record(locked, "decision"):
        raise ValidationError(_("Keputusan dicatat setelah LHP disusun."))
    if track == SanctionType.Track.MORAL and not locked.ethics_track:
        raise ValidationError(_("Jalur kode etik tidak dibuka untuk kasus ini."))
    if track == SanctionType.Track.DISCIPLINE and not locked.discipline_track:
        raise ValidationError(_("Jalur disiplin tidak dibuka untuk kasus ini."))
    if sanction_type.track != track or not sanction_type.applies_to_status(locked.employee_status):
        raise ValidationError(_("Sanksi tidak sesuai jalur atau status kepegawaian."))
    if locked.decisions.filter(track=track).exists():
        raise ValidationError(_("Keputusan untuk jalur ini sudah dicatat."))
    rec = recommend(locked, track)
    deviation_reason = (deviation_reason or "").strip()
    if rec.sanction is not None and sanction_type.pk != rec.sanction.pk and not deviation_reason:
        raise ValidationError(
            _("Sanksi berbeda dari rekomendasi (“%(r)s”): alasan wajib diisi.") % {"r": rec.sanction.name}
        )
    from .authorities import signatory_for
    from .sanctions import authorised_official

    official = authorised_official(sanction_type.level, locked.employee.position_kind)
    decision = Decision.objects.create(
        case=locked,
        track=track,
        sanction_type=sanction_type,
        recommended_sanction=rec.sanction,
        recommendation_reasons=rec.reasons,
        deviation_reason=deviation_reason,
        authorised_official=official,
        signer=signer_for(official, locked.employee),
        signatory=signatory_for(official, locked.employee),
        decision_number=decision_number,
        decided_on=decided_on or timezone.localdate(),
        decided_by=acting_user,
    )
    _case_changed(
        locked,
        "decision.create",
        subject=decision,
        changes={
            "track": track,
            "sanction": sanction_type.name,
            "recommended": rec.sanction.name if rec.sanction else None,
            "official": official,
            "signatory": str(decision.signatory) if decision.signatory else None,
        },
        reason=deviation_reason,
        acting_user=acting_user,
        request=request,
    )
    return decision


@transaction.atomic
def set_delivered(*, decision: Decision, delivered_on: dt.date, acting_user: Any, expected_version: int, request=None):
    """Record delivery; the decision's effective date follows from it and the appeal window (legal.appeals)."""
    locked = _lock(decision.case, expected_version)
    if delivered_on < decision.decided_on:
        raise ValidationError(_("Tanggal penyampaian tidak boleh sebelum tanggal keputusan."))
    old = decision.delivered_on
    decision.delivered_on = delivered_on
    decision.effective_on = legal_appeals.effective_date(
        delivered_on, locked.employee_status, decision.sanction_type.code
    )
    decision.save(update_fields=["delivered_on", "effective_on"])
    _case_changed(
        locked,
        "decision.delivered",
        subject=decision,
        changes={"delivered_on": [old, delivered_on], "effective_on": decision.effective_on},
        acting_user=acting_user,
        request=request,
    )
    return decision


@transaction.atomic
def file_appeal(
    *,
    case: Case,
    decision: Decision,
    kind: str,
    filed_on: dt.date,
    grounds: str,
    acting_user: Any,
    expected_version: int,
    request=None,
) -> Appeal:
    """Record a keberatan or banding administratif against one of the case's delivered decisions (brief §3.4):
    only the route the law gives against that decision for that status (legal.regimes.appeal_kinds), within
    the window (legal.appeals.deadline), never for honorer. Refusals come from legal.appeals.refusal."""
    locked = _lock(case, expected_version)
    if not workflow.may_record(locked, "appeal"):
        raise ValidationError(_("Upaya administratif hanya dicatat pada masa upaya administratif."))
    if decision.case_id != locked.pk:
        raise ValidationError(_("Keputusan bukan milik kasus ini."))
    if kind not in Appeal.Kind.values:
        raise ValidationError(_("Jenis upaya administratif tidak dikenal."))
    if not (grounds or "").strip():
        raise ValidationError(_("Alasan pengajuan wajib diisi."))
    why = legal_appeals.refusal(
        kind=kind,
        status=locked.employee_status,
        sanction_code=decision.sanction_type.code,
        delivered_on=decision.delivered_on,
        filed_on=filed_on,
    )
    if why:
        raise ValidationError(why)
    if decision.appeals.filter(outcome=Appeal.Outcome.PENDING).exists():
        raise ValidationError(_("Sudah ada upaya administratif yang sedang diproses untuk keputusan ini."))
    appeal = Appeal.objects.create(
        case=locked, decision=decision, kind=kind, filed_on=filed_on, grounds=grounds.strip(), recorded_by=acting_user
    )
    _case_changed(
        locked,
        "case.appeal_filed",
        subject=appeal,
        changes={"kind": kind, "decision": decision.pk, "filed_on": filed_on},
        acting_user=acting_user,
        request=request,
    )
    return appeal


@transaction.atomic
def record_appeal_outcome(
    *,
    appeal: Appeal,
    outcome: str,
    outcome_on: dt.date,
    notes: str = "",
    acting_user: Any,
    expected_version: int,
    request=None,
) -> Appeal:
    """Record how a pending appeal ended. An amended or annulled decision needs a note saying what changed."""
    locked = _lock(appeal.case, expected_version)
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if not appeal.is_pending:
        raise ValidationError(_("Hasil upaya administratif ini sudah dicatat."))
    if outcome not in Appeal.Outcome.values or outcome == Appeal.Outcome.PENDING:
        raise ValidationError(_("Pilih hasil upaya administratif."))
    if outcome_on < appeal.filed_on:
        raise ValidationError(_("Tanggal hasil tidak boleh sebelum tanggal pengajuan."))
    notes = (notes or "").strip()
    if outcome in (Appeal.Outcome.AMENDED, Appeal.Outcome.ANNULLED) and not notes:
        raise ValidationError(_("Jelaskan perubahan atau pembatalan keputusan pada keterangan hasil."))
    appeal.outcome, appeal.outcome_on, appeal.outcome_notes = outcome, outcome_on, notes
    appeal.save(update_fields=["outcome", "outcome_on", "outcome_notes"])
    _case_changed(
        locked,
        "case.appeal_decided",
        subject=appeal,
        changes={"outcome": [Appeal.Outcome.PENDING, outcome], "outcome_on": outcome_on},
        acting_user=acting_user,
        request=request,
    )
    return appeal


@transaction.atomic
def add_follow_up(
    *,
    case: Case,
    description: str,
    remedial_training: bool = False,
    due_on=None,
    programme: Any = None,
    acting_user: Any,
    request=None,
) -> FollowUpAction:
    """Record a follow-up action. With ``remedial_training`` the employee is assigned a training programme
    (``programme`` or the newest published one) in the same transaction; without a published programme
    nothing is saved."""
    if not description.strip():
        raise ValidationError(_("Uraian tindak lanjut wajib diisi."))
    assignment = None
    if programme is not None and not remedial_training:
        raise ValidationError(_("Centang wajib pelatihan pembinaan untuk memilih program."))
    if remedial_training:
        from training import services as training_services

        if programme is not None and not programme.is_published:
            raise ValidationError(_("Program pelatihan belum terbit."))
        try:
            assignment = training_services.assign_remedial_training(
                employee=case.employee,
                programme=programme,
                due=due_on,
                reason=_("Tindak lanjut kasus %(ref)s: %(text)s") % {"ref": case.reference, "text": description},
                acting_user=acting_user,
            )
        except training_services.TrainingError as exc:
            raise ValidationError(str(exc)) from exc
    action = FollowUpAction.objects.create(
        case=case,
        decision=case.decisions.order_by("-pk").first(),
        description=description,
        remedial_training=remedial_training,
        due_on=due_on,
        training_assignment=assignment,
        created_by=acting_user,
    )
    changes: dict[str, Any] = {"description": description, "remedial_training": remedial_training}
    if assignment is not None:
        changes["training_assignment"] = assignment.pk
        changes["programme"] = assignment.programme_id
    record(
        "case.follow_up",
        actor=acting_user,
        subject=case,
        case_id=case.pk,
        changes=changes,
        request=request,
    )
    return action


# --- Notifications -------------------------------------------------------------------
def notify(*, user: Any, case: Case | None, kind: str, message: str, dedupe_key: str | None = None, email=True):
    """Create one notification (once per ``dedupe_key``) and email it after commit."""
    if dedupe_key and Notification.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    try:
        with transaction.atomic():
            note = Notification.objects.create(user=user, case=case, kind=kind, message=message, dedupe_key=dedupe_key)
    except IntegrityError:
        return None
    if email and getattr(user, "email", ""):

        def send(pk=note.pk, address=user.email):
            link = settings.SITE_URL + (reverse("cases:case_detail", args=[case.pk]) if case else "")
            send_mail(f"[Netralitas] {message}", f"{message}\n\n{link}", None, [address], fail_silently=True)
            Notification.objects.filter(pk=pk).update(emailed_at=timezone.now())

        transaction.on_commit(send)
    return note


def notify_assignment(case: Case, officer: Any) -> None:
    notify(
        user=officer,
        case=case,
        kind=Notification.Kind.ASSIGNED,
        message=_("Anda ditugaskan menangani kasus %(ref)s.") % {"ref": case.reference},
        dedupe_key=f"assigned:{case.pk}:{officer.pk}:{case.version}",
    )
