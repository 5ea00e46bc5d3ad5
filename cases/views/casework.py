"""Case list, CSV export, bulk assignment, the case page and its action forms."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import can, capability_required
from audit.services import events_for
from legal import appeals as legal_appeals
from legal import regimes
from netralitas_site.pagination import CappedPaginator
from netralitas_site.redirects import redirect_next
from netralitas_site.widgets import case_panels
from printing.exports import safe_row
from workdays.deadlines import due_soon_horizon

from .. import deadlines, selectors, services, workflow
from ..evidence import record_gallery_view, similar_evidence
from ..forms import (
    AppealForm,
    AppealOutcomeForm,
    BulkAssignForm,
    CaseFilterForm,
    CaseUpdateForm,
    DecisionForm,
    DeliveredForm,
    ExaminationForm,
    FollowUpForm,
    RecommendationForm,
    StatusAtActForm,
    TransitionForm,
    officers_queryset,
)
from ..models import Appeal, Case, SanctionType, SupervisorDuty
from ..sanctions import recommend
from . import detection_template_exists

PAGE_SIZE = 50


def _filtered(request: HttpRequest):
    form = CaseFilterForm(request.GET or None)
    filters, sort = {}, ""
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v and k != "sort"}
        sort = form.cleaned_data.get("sort") or ""
    return form, selectors.case_list_for(user=request.user, filters=filters, sort=sort)


@capability_required("cases.view_all")
def case_list(request: HttpRequest) -> HttpResponse:
    form, qs = _filtered(request)
    page = CappedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    horizon = due_soon_horizon(today)
    rows = [(c, deadlines.urgency(c, today, horizon)) for c in page.object_list]
    priority = [(c, deadlines.urgency(c, today, horizon)) for c in selectors.priority_cases_for(user=request.user)]
    context = {
        "detail_base": reverse("cases:case_list"),
        "priority": priority,
        "form": form,
        "page_obj": page,
        "rows": rows,
        "can_assign": can(request.user, "cases.assign"),
        "can_export": can(request.user, "cases.export"),
        "officers": officers_queryset() if can(request.user, "cases.assign") else [],
        "query": request.GET.urlencode(),
    }
    template = "cases/includes/case_table.html" if request.headers.get("HX-Request") else "cases/case_list.html"
    return render(request, template, context)


class _Echo:
    def write(self, value):
        return value


@capability_required("cases.export")
def case_export(request: HttpRequest) -> StreamingHttpResponse:
    _form, qs = _filtered(request)
    writer = csv.writer(_Echo())
    header = [
        _("Nomor"), _("Pegawai"), _("NIP/NI/NIK"), _("Status pegawai"), _("Unit"), _("Jenis pelanggaran"),
        _("Status"), _("Petugas"), _("Dibuka"), _("Batas waktu"),
    ]  # fmt: skip

    def rows():
        yield "\ufeff" + writer.writerow(safe_row(header))
        for c in qs.iterator(chunk_size=2000):
            yield writer.writerow(
                safe_row(
                    [
                        c.reference,
                        c.employee.display_name,
                        c.employee.identifier,
                        c.get_employee_status_display(),
                        c.employee.unit.name,
                        str(c.violation_type or ""),
                        c.get_status_display(),
                        c.assigned_officer.username if c.assigned_officer else "",
                        timezone.localtime(c.opened_at).strftime("%Y-%m-%d"),
                        c.due_date.isoformat() if c.due_date else "",
                    ]
                )
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kasus-{timezone.localdate():%Y%m%d}.csv"'
    return response


@require_POST
@capability_required("cases.assign")
def case_bulk_assign(request: HttpRequest) -> HttpResponse:
    form = BulkAssignForm(request.POST, cases=selectors.case_list_for(user=request.user))
    if form.is_valid():
        n = services.assign(
            cases=form.cleaned_data["cases"],
            officer=form.cleaned_data["officer"],
            acting_user=request.user,
            request=request,
        )
        messages.success(request, _("%(n)s kasus ditugaskan.") % {"n": n})
    else:
        messages.error(request, _("Pilih kasus dan petugas."))
    return redirect_next(request, "cases:case_list")


def _letters_context(request: HttpRequest, case: Case) -> dict:
    """The case's letters and the kinds the viewer may draft now."""
    from letters import drafting
    from letters import selectors as letter_selectors
    from letters.kinds import LetterKind

    draftable = []
    if can(request.user, "letters.draft"):
        base = reverse("letters:letter_create")
        draftable = [
            (LetterKind(k).label, f"{base}?case={case.pk}&kind={LetterKind(k).value}")
            for k in drafting.kinds_for_case(case)
        ]
    return {
        "letters_enabled": can(request.user, "letters.view_all"),
        "case_letters": letter_selectors.case_letters_for(user=request.user, case=case),
        "letter_kinds": draftable,
    }


@capability_required("cases.view_all")
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_for(user=request.user, pk=pk)
    posts = list(case.posts.all())
    evidence = selectors.case_evidence_for(user=request.user, case=case)
    similar = similar_evidence(evidence)
    record_gallery_view(user=request.user, evidence_list=evidence, where={"case": case.reference}, request=request)
    version = {"version": case.version}
    steps = workflow.allowed_steps(case, request.user)
    manage = can(request.user, "cases.manage")
    actions = workflow.case_actions(case, request.user)
    recs = {}
    if actions["decision"]:
        if case.ethics_track:
            recs["moral"] = recommend(case, SanctionType.Track.MORAL)
        if case.discipline_track:
            recs["discipline"] = recommend(case, SanctionType.Track.DISCIPLINE)
    draft_form, draft = _draft_for(request, case)

    def bound(form_class, **kwargs):
        """The refused form with what was typed, or a fresh one."""
        if form_class.__name__ == draft_form:
            return form_class(draft, **kwargs)
        return form_class(**kwargs)

    context = {
        "case": case,
        "clock": deadlines.CLOCKS[case.status],
        "urgency": deadlines.urgency(case),
        "posts": posts,
        "evidence": [(e, similar[e.pk]) for e in evidence],
        "events": events_for(case_id=case.pk)[:200],
        "steps": [(st, _step_form(st, draft_form, draft, version)) for st in steps],
        "manage": manage,
        "actions": actions,
        "update_form": bound(
            CaseUpdateForm, initial={**version, **{f: getattr(case, f) for f in services.EDITABLE_CASE_FIELDS}}
        ),
        "exam_form": bound(ExaminationForm, initial={**version, "examinee_attended": True}),
        "recommendation_form": bound(RecommendationForm, initial=version),
        "decision_form": bound(DecisionForm, initial=version, case=case),
        "follow_up_form": bound(FollowUpForm),
        "recommendations": recs,
        "decisions": _decisions_with_appeal_routes(case),
        "supervisor_duty": SupervisorDuty.objects.filter(case=case).select_related("supervisor").first(),
        "status_form": bound(
            StatusAtActForm,
            initial={**version, "employee_status": case.employee_status, "act_date": case.act_date},
        ),
        "appeals": case.appeals.select_related("decision__sanction_type"),
        "appeal_outcomes": [c for c in Appeal.Outcome.choices if c[0] != Appeal.Outcome.PENDING],
        "examinations": case.examinations.all(),
        "agency_recommendations": case.recommendations.all(),
        "follow_ups": selectors.follow_ups_for(user=request.user, case=case),
        "summons_latest": deadlines.latest_summons_1_date(case.examination_date) if case.examination_date else None,
        "detection_enabled": detection_template_exists(),
        "case_evidence": evidence,
        "officers": officers_queryset() if can(request.user, "cases.assign") else [],
        **_letters_context(request, case),
        "case_panels": case_panels(request, case),
    }
    return render(request, "cases/case_detail.html", context)


def _decisions_with_appeal_routes(case: Case) -> list:
    """Each decision with the upaya administratif the law gives against it, its deadline (legal tables)."""
    decisions = list(case.decisions.select_related("sanction_type", "recommended_sanction", "signer"))
    labels = dict(Appeal.Kind.choices)
    for d in decisions:
        kinds = regimes.appeal_kinds(case.employee_status, d.sanction_type.code)
        d.appeal_routes = [(k, labels[k]) for k in kinds]
        d.appeal_deadline = legal_appeals.deadline(d.delivered_on) if d.delivered_on and kinds else None
    return decisions


def _step_form(step, draft_form: str | None, draft: QueryDict | None, version: dict) -> TransitionForm:
    if draft_form == TransitionForm.__name__ and draft is not None and draft.get("to") == step.target:
        return TransitionForm(draft)
    return TransitionForm(initial={**version, "to": step.target})


def _invalid(form, summary: str) -> ValidationError:
    """The summary plus every field error, labelled, so the clerk knows exactly what to fix."""
    details = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        details.extend(f"{label}: {e}" if label else str(e) for e in errors)
    return ValidationError([summary, *details])


def _done(request, case_pk: int, exc: Exception | None = None, ok: str = "") -> HttpResponse:
    if exc is not None:
        for m in getattr(exc, "messages", [str(exc)]):
            messages.error(request, m)
    elif ok:
        messages.success(request, ok)
    return redirect("cases:case_detail", pk=case_pk)


def _keep_draft(request, pk: int, form_class) -> None:
    """A refused form keeps what was typed: the case page shows it again, filled in (issue 14, point 1)."""
    data = {k: request.POST.getlist(k) for k in request.POST if k != "csrfmiddlewaretoken"}
    request.session[f"case-draft-{pk}"] = {"form": form_class.__name__, "data": data}


def _draft_for(request, case: Case) -> tuple[str, QueryDict] | tuple[None, None]:
    """The form refused on the previous request (its class name and the typed data), brought up to date."""
    draft = request.session.pop(f"case-draft-{case.pk}", None)
    if not draft:
        return None, None
    data = QueryDict(mutable=True)
    for key, values in draft["data"].items():
        data.setlist(key, values)
    data["version"] = str(case.version)  # the officer has now seen the current case
    return draft["form"], data


def _form_action(request, pk: int, form_class, summary: str, call) -> HttpResponse:
    """Scoped fetch, validate, call the service; a refusal or field errors become messages on the case page.

    ``call(case, cleaned_data)`` performs the service call and returns the success message ("" for none).
    """
    case = selectors.case_for(user=request.user, pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        _keep_draft(request, pk, form_class)
        return _done(request, pk, _invalid(form, summary))
    try:
        ok = call(case, form.cleaned_data)
    except ValidationError as exc:
        _keep_draft(request, pk, form_class)
        return _done(request, pk, exc)
    return _done(request, pk, ok=ok)


@require_POST
@capability_required("cases.manage")
def case_transition(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        data = {k: v for k, v in d.items() if k not in ("version", "to", "reason") and v not in (None, "")}
        workflow.transition(
            case, d["to"], acting_user=request.user, reason=d["reason"], expected_version=d["version"], data=data,
            request=request,
        )  # fmt: skip
        return _("Status kasus diperbarui.")

    return _form_action(request, pk, TransitionForm, _("Isian tidak lengkap."), call)


@require_POST
@capability_required("cases.manage")
def case_update(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        updated = services.update_case(
            case=case,
            values={f: d[f] for f in services.EDITABLE_CASE_FIELDS},
            acting_user=request.user,
            expected_version=d["version"],
            reason=d["reason"],
            request=request,
        )
        if updated.version == d["version"]:  # the service saves (and bumps the version) only when something changed
            messages.info(request, _("Tidak ada perubahan."))
            return ""
        return _("Kasus diperbarui.")

    return _form_action(request, pk, CaseUpdateForm, _("Isian tidak valid."), call)


@require_POST
@capability_required("cases.manage")
def case_status_at_act(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        services.set_status_at_act(
            case=case,
            status=d["employee_status"],
            act_date=d["act_date"],
            reason=d["reason"],
            acting_user=request.user,
            expected_version=d["version"],
            request=request,
        )
        return _("Status kepegawaian saat perbuatan diperbarui.")

    return _form_action(request, pk, StatusAtActForm, _("Isian tidak valid."), call)


@require_POST
@capability_required("cases.assign")
def case_assign(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.case_for(user=request.user, pk=pk)
    officer = get_object_or_404(officers_queryset(), pk=request.POST.get("officer"))
    services.assign(cases=[case], officer=officer, acting_user=request.user, request=request)
    return _done(request, pk, ok=_("Petugas ditetapkan."))


@require_POST
@capability_required("cases.manage")
def case_examination(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        services.record_examination(
            case=case,
            held_on=d["held_on"],
            place=d["place"],
            examiners=d["examiners"],
            questions_answers=d["questions_answers"],
            examinee_attended=d["examinee_attended"],
            acting_user=request.user,
            expected_version=d["version"],
            request=request,
        )
        return _("BAP dicatat.")

    return _form_action(request, pk, ExaminationForm, _("Lengkapi data BAP."), call)


@require_POST
@capability_required("cases.manage")
def case_recommendation(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        values = {k: v for k, v in d.items() if k != "version"}
        services.add_recommendation(
            case=case, values=values, acting_user=request.user, expected_version=d["version"], request=request
        )
        return _("Rekomendasi dicatat.")

    return _form_action(request, pk, RecommendationForm, _("Lengkapi data rekomendasi."), call)


@require_POST
@capability_required("cases.decide")
def case_decision(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        services.record_decision(
            case=case,
            track=d["track"],
            sanction_type=d["sanction_type"],
            deviation_reason=d["deviation_reason"],
            decision_number=d["decision_number"],
            decided_on=d["decided_on"],
            acting_user=request.user,
            expected_version=d["version"],
            request=request,
        )
        return _("Keputusan dicatat.")

    return _form_action(request, pk, DecisionForm, _("Pilih jalur dan sanksi."), call)


@require_POST
@capability_required("cases.manage")
def case_delivered(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        decision = get_object_or_404(case.decisions, pk=d["decision"])
        services.set_delivered(
            decision=decision,
            delivered_on=d["delivered_on"],
            acting_user=request.user,
            expected_version=d["version"],
            request=request,
        )
        return _("Tanggal penyampaian dicatat.")

    return _form_action(request, pk, DeliveredForm, _("Isi tanggal penyampaian."), call)


@require_POST
@capability_required("cases.manage")
def case_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        action = services.add_follow_up(case=case, acting_user=request.user, request=request, **d)
        if action.training_assignment_id:
            return _("Tindak lanjut dicatat dan pelatihan pembinaan ditugaskan.")
        return _("Tindak lanjut dicatat.")

    return _form_action(request, pk, FollowUpForm, _("Uraian tindak lanjut wajib diisi."), call)


@require_POST
@capability_required("cases.manage")
def case_appeal(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        services.file_appeal(
            case=case,
            decision=get_object_or_404(case.decisions, pk=d["decision"]),
            kind=d["kind"],
            filed_on=d["filed_on"],
            grounds=d["grounds"],
            acting_user=request.user,
            expected_version=d["version"],
            request=request,
        )
        return _("Upaya administratif dicatat; kasus tidak dapat diselesaikan sebelum hasilnya dicatat.")

    return _form_action(request, pk, AppealForm, _("Lengkapi data upaya administratif."), call)


@require_POST
@capability_required("cases.manage")
def case_appeal_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    def call(case, d):
        services.record_appeal_outcome(
            appeal=get_object_or_404(case.appeals, pk=d["appeal"]),
            outcome=d["outcome"],
            outcome_on=d["outcome_on"],
            notes=d["notes"],
            acting_user=request.user,
            expected_version=d["version"],
            request=request,
        )
        return _("Hasil upaya administratif dicatat.")

    return _form_action(request, pk, AppealOutcomeForm, _("Lengkapi hasil upaya administratif."), call)


# --- Notifications and self-service ------------------------------------------------
@capability_required("self.view")
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_for(user=request.user), 30).get_page(request.GET.get("page"))
    return render(request, "cases/notification_list.html", {"page_obj": page})


@require_POST
@capability_required("self.view")
def notification_read(request: HttpRequest) -> HttpResponse:
    qs = selectors.notifications_for(user=request.user).filter(read_at__isnull=True)
    if request.POST.get("id"):
        qs = qs.filter(pk=request.POST["id"])
    qs.update(read_at=timezone.now())
    return redirect("cases:notification_list")


@capability_required("self.view")
def notification_badge(request: HttpRequest) -> HttpResponse:
    return render(request, "cases/includes/notification_badge.html", {"unread": selectors.unread_count(request.user)})


@capability_required("self.view")
def my_case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.own_case(user=request.user, pk=pk)
    return render(request, "cases/my_case_detail.html", {"case": case})
