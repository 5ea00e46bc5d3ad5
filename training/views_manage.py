"""Officer pages: programmes, materials, sessions (rotating check-in code), quizzes, campaigns, pacts, apel,
and the compliance report with CSV/XLSX export."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import capability_required
from printing.exports import safe_row
from printing.verification import qr_data_uri
from registry.selectors import employees_for

from . import checkin, reports, services
from .forms import (
    ApelReadingForm,
    ApelScriptForm,
    BulkAttendanceForm,
    CampaignForm,
    ComplianceFilterForm,
    ExtendForm,
    MaterialForm,
    OptionFormSet,
    PactForm,
    ProgrammeForm,
    QuestionForm,
    QuizForm,
    ResetForm,
    SessionForm,
    TopicForm,
)
from .models import (
    ApelReading,
    ApelScript,
    Attendance,
    Campaign,
    IntegrityPact,
    Programme,
    Question,
    Quiz,
    Session,
    Topic,
)

MANAGE = "training.manage"


@capability_required(MANAGE)
def manage_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/manage/home.html",
        {
            "programmes": Programme.objects.annotate(n=Count("materials"))[:50],
            "sessions": Session.objects.all()[:50],
            "quizzes": Quiz.objects.annotate(n=Count("attempts"))[:50],
            "campaigns": Campaign.objects.annotate(
                n=Count("assignments"), done=Count("assignments", filter=Q(assignments__completed_at__isnull=False))
            )[:50],
            "pacts": IntegrityPact.objects.select_related("election")[:20],
            "topics": Topic.objects.annotate(n=Count("questions")),
            "scripts": ApelScript.objects.all()[:50],
            "readings": ApelReading.objects.select_related("script", "unit")[:20],
        },
    )


def _save_form(request, form, *, action: str, redirect_to, template: str, title: str, extra=None):
    """Shared create/edit flow: valid form -> services.save_managed (transaction + audit) -> redirect."""
    if request.method == "POST" and form.is_valid() and (extra is None or extra.is_valid()):
        obj = services.save_managed(form=form, action=action, acting_user=request.user, extra=extra)
        messages.success(request, _("Tersimpan."))
        return redirect(redirect_to(obj))
    return render(request, template, {"form": form, "extra": extra, "title": title})


def _obj(model, pk):
    return get_object_or_404(model, pk=pk) if pk else None


@capability_required(MANAGE)
def programme_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form = ProgrammeForm(request.POST or None, instance=_obj(Programme, pk))
    return _save_form(
        request,
        form,
        action="programme_save",
        redirect_to=lambda o: reverse("training:programme_manage", args=[o.pk]),
        template="training/manage/form.html",
        title=_("Program pelatihan"),
    )


@capability_required(MANAGE)
def programme_manage(request: HttpRequest, pk: int) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=pk)
    return render(
        request,
        "training/manage/programme.html",
        {"programme": programme, "materials": programme.materials.all(), "sessions": programme.sessions.all()},
    )


@capability_required(MANAGE)
def material_edit(request: HttpRequest, programme_pk: int, pk: int | None = None) -> HttpResponse:
    programme = get_object_or_404(Programme, pk=programme_pk)
    instance = get_object_or_404(programme.materials, pk=pk) if pk else None
    if instance is None:
        from .models import Material

        instance = Material(programme=programme, order=programme.materials.count() + 1)
    form = MaterialForm(request.POST or None, request.FILES or None, instance=instance)
    return _save_form(
        request,
        form,
        action="material_save",
        redirect_to=lambda o: reverse("training:programme_manage", args=[programme.pk]),
        template="training/manage/form.html",
        title=_("Materi: %(p)s") % {"p": programme.title},
    )


@capability_required(MANAGE)
def session_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form = SessionForm(request.POST or None, instance=_obj(Session, pk))
    return _save_form(
        request,
        form,
        action="session_save",
        redirect_to=lambda o: reverse("training:session_manage", args=[o.pk]),
        template="training/manage/form.html",
        title=_("Sesi"),
    )


def _code_context(request, session) -> dict:
    window = services.checkin_window(session)
    if window != "open":  # no live code before the session opens or after it closes (issue 14, point 11)
        opens_at = session.starts_at - services.CHECKIN_MARGIN
        return {"session": session, "window": window, "opens_at": opens_at}
    code = checkin.current_code(session)
    url = request.build_absolute_uri(reverse("training:checkin", args=[session.pk])) + f"?code={code}"
    return {"session": session, "window": window, "code": code, "qr": qr_data_uri(url), "checkin_url": url,
            "seconds_left": checkin.seconds_left()}  # fmt: skip


@capability_required(MANAGE)
def session_manage(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session, pk=pk)
    targeted = session.target_employees().select_related("unit")
    attendance = {a.employee_id: a for a in session.attendances.select_related("employee", "employee__unit")}
    ended = timezone.now() > session.ends_at
    rows = []
    seen = set()
    for emp in targeted[:1000]:
        seen.add(emp.pk)
        a = attendance.get(emp.pk)
        rows.append({"employee": emp, "a": a, "status": a.status if a else ("absent" if ended else "")})
    for emp_id, a in attendance.items():
        if emp_id not in seen:
            rows.append({"employee": a.employee, "a": a, "status": a.status})
    counts = [
        {"code": code, "label": label, "n": sum(1 for r in rows if r["status"] == code)}
        for code, label in Attendance.Status.choices
    ]
    form = BulkAttendanceForm(employees=targeted)
    return render(
        request,
        "training/manage/session.html",
        {**_code_context(request, session), "rows": rows, "counts": counts, "form": form, "ended": ended},
    )


@capability_required(MANAGE)
def session_code(request: HttpRequest, pk: int) -> HttpResponse:
    """htmx partial polled every 20 s by the officer's screen."""
    session = get_object_or_404(Session, pk=pk)
    response = render(request, "training/manage/_code.html", _code_context(request, session))
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@capability_required(MANAGE)
def session_bulk_mark(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session, pk=pk)
    form = BulkAttendanceForm(request.POST, employees=employees_for(user=request.user, capability=MANAGE))
    if form.is_valid():
        n = services.bulk_mark_attendance(
            session=session,
            employee_ids=[e.pk for e in form.cleaned_data["employees"]],
            status=form.cleaned_data["status"],
            acting_user=request.user,
            request=request,
        )
        messages.success(request, _("%(n)s pegawai ditandai.") % {"n": n})
    else:
        messages.error(request, _("Pilih pegawai dan status."))
    return redirect("training:session_manage", pk=session.pk)


@capability_required(MANAGE)
def quiz_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form = QuizForm(request.POST or None, instance=_obj(Quiz, pk))
    return _save_form(
        request,
        form,
        action="quiz_save",
        redirect_to=lambda o: reverse("training:manage_home") + "#kuis",
        template="training/manage/form.html",
        title=_("Kuis"),
    )


@capability_required(MANAGE)
def topic_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form = TopicForm(request.POST or None, instance=_obj(Topic, pk))
    return _save_form(
        request,
        form,
        action="topic_save",
        redirect_to=lambda o: reverse("training:question_list") + f"?topic={o.pk}",
        template="training/manage/form.html",
        title=_("Topik soal"),
    )


@capability_required(MANAGE)
def question_list(request: HttpRequest) -> HttpResponse:
    qs = Question.objects.select_related("topic").prefetch_related("options")
    topic = request.GET.get("topic")
    if topic and topic.isdigit():
        qs = qs.filter(topic_id=topic)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(request, "training/manage/questions.html", {"page_obj": page, "topics": Topic.objects.all()})


@capability_required(MANAGE)
def question_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = _obj(Question, pk) or Question()
    form = QuestionForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        instance = form.save(commit=False)
    formset = OptionFormSet(request.POST or None, instance=instance)
    return _save_form(
        request,
        form,
        action="question_save",
        redirect_to=lambda o: reverse("training:question_list") + f"?topic={o.topic_id}",
        template="training/manage/form.html",
        title=_("Soal"),
        extra=formset,
    )


@capability_required(MANAGE)
def campaign_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = _obj(Campaign, pk)
    form = CampaignForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        campaign, n = services.save_campaign(form=form, acting_user=request.user, request=request)
        messages.success(request, _("Kampanye tersimpan; %(n)s penugasan baru dibuat.") % {"n": n})
        return redirect("training:campaign_manage", pk=campaign.pk)
    return render(request, "training/manage/form.html", {"form": form, "title": _("Kampanye")})


@capability_required(MANAGE)
def campaign_manage(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk)
    assignments = campaign.assignments.select_related("employee", "employee__unit").order_by(
        "completed_at", "employee__unit__name", "employee__full_name"
    )
    show = request.GET.get("show", "pending")
    if show == "pending":
        assignments = assignments.filter(completed_at__isnull=True)
    page = Paginator(assignments, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "training/manage/campaign.html",
        {"campaign": campaign, "page_obj": page, "show": show, "today": timezone.localdate()},
    )


@require_POST
@capability_required(MANAGE)
def campaign_action(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(Campaign, pk=pk)
    action = request.POST.get("action")
    if action == "sync":
        n = services.launch_campaign(campaign=campaign, acting_user=request.user, request=request)
        messages.success(request, _("%(n)s penugasan baru dibuat.") % {"n": n})
    elif action == "extend":
        form = ExtendForm(request.POST, assignments=campaign.assignments.all())
        if form.is_valid():
            selected = campaign.assignments.filter(pk__in=[a.pk for a in form.cleaned_data["assignments"]])
            n = services.extend_due_dates(
                assignments=selected,
                due_date=form.cleaned_data["due_date"],
                acting_user=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
            messages.success(request, _("Batas waktu %(n)s penugasan diperpanjang.") % {"n": n})
        else:
            messages.error(request, _("Pilih penugasan, tanggal baru dan alasan."))
    elif action == "reset":
        form = ResetForm(request.POST, assignments=campaign.assignments.all())
        quiz = campaign.quiz or (campaign.programme.quiz if campaign.programme else None)
        if quiz is None:
            messages.error(request, _("Kampanye ini tidak memiliki kuis."))
        elif form.is_valid():
            n = services.reset_attempts(
                quiz=quiz,
                employee_ids=[a.employee_id for a in form.cleaned_data["assignments"]],
                acting_user=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
            messages.success(request, _("%(n)s percobaan direset.") % {"n": n})
        else:
            messages.error(request, _("Pilih penugasan dan isi alasan."))
    return redirect("training:campaign_manage", pk=campaign.pk)


@capability_required(MANAGE)
def pact_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form = PactForm(request.POST or None, instance=_obj(IntegrityPact, pk))
    return _save_form(
        request,
        form,
        action="pact_save",
        redirect_to=lambda o: reverse("training:manage_home") + "#pakta",
        template="training/manage/form.html",
        title=_("Pakta integritas netralitas"),
    )


@capability_required(MANAGE)
def apel_script_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    form = ApelScriptForm(request.POST or None, instance=_obj(ApelScript, pk))
    return _save_form(
        request,
        form,
        action="apel_script_save",
        redirect_to=lambda o: reverse("training:apel_script", args=[o.pk]),
        template="training/manage/form.html",
        title=_("Naskah apel"),
    )


@capability_required(MANAGE)
def apel_script(request: HttpRequest, pk: int) -> HttpResponse:
    script = get_object_or_404(ApelScript, pk=pk)
    return render(
        request,
        "training/manage/apel_script.html",
        {"script": script, "readings": script.readings.select_related("unit")[:50]},
    )


@capability_required(MANAGE)
def apel_reading_add(request: HttpRequest) -> HttpResponse:
    form = ApelReadingForm(request.POST or None, initial={"script": request.GET.get("script"),
                                                          "read_on": timezone.localdate()})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        reading = services.record_apel_reading(form=form, acting_user=request.user)
        messages.success(request, _("Pembacaan naskah apel dicatat."))
        return redirect("training:apel_script", pk=reading.script_id)
    return render(request, "training/manage/form.html", {"form": form, "title": _("Catat pembacaan naskah apel")})


# --- compliance -------------------------------------------------------------------------------------


def _report_args(request) -> tuple[ComplianceFilterForm, dict]:
    form = ComplianceFilterForm(request.GET or None)
    args: dict = {"user": request.user}
    if form.is_valid():
        data = form.cleaned_data
        if data.get("campaign"):
            args["campaign"] = data["campaign"]
        if data.get("unit"):
            args["unit_ids"] = data["unit"].descendant_ids()
        if data.get("status"):
            args["status"] = data["status"]
    return form, args


@capability_required("training.reports")
def compliance(request: HttpRequest) -> HttpResponse:
    form, args = _report_args(request)
    summary = reports.compliance_summary(**args)
    paginator = Paginator(reports.not_completed(**args), 50)
    paginator.count = summary["overall"]["pending"]  # already counted in the summary: spare a query
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "training/compliance.html",
        {"form": form, "page_obj": page, "querystring": query.urlencode(), "today": timezone.localdate(), **summary},
    )


@capability_required("training.reports")
def compliance_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    _form, args = _report_args(request)
    summary = reports.compliance_summary(**args)
    header = [_("Kelompok"), _("Nama"), _("Ditugaskan"), _("Selesai"), _("Belum"), _("Terlambat"),
              _("Persen selesai"), _("Mulai kuis"), _("Lulus kuis"), _("Persen lulus")]  # fmt: skip

    def line(group, name, r):
        return [group, name, r["total"], r["done"], r["pending"], r["overdue"], r["completion_pct"],
                r["quiz_started"], r["quiz_passed"], "" if r["pass_pct"] is None else r["pass_pct"]]  # fmt: skip

    rows = [line(_("Total"), "", summary["overall"])]
    rows += [line(_("Unit"), r["employee__unit__name"], r) for r in summary["by_unit"]]
    rows += [line(_("Status"), r["label"], r) for r in summary["by_status"]]
    pending_header = [_("Unit"), _("Nama"), _("NIP/NI/NIK"), _("Status"), _("Tugas"), _("Batas waktu")]
    pending = [
        [
            a.employee.unit.name,
            a.employee.display_name,
            a.employee.identifier,
            str(a.employee.get_status_display()),
            str(a.subject),
            a.due_date.isoformat(),
        ]  # fmt: skip
        for a in reports.not_completed(**args).iterator(chunk_size=2000)
    ]
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Ringkasan"
        ws.append(header)
        for r in rows:
            ws.append(safe_row(r))
        ws2 = wb.create_sheet("Belum selesai")
        ws2.append(pending_header)
        for r in pending:
            ws2.append(safe_row(r))
        ws3 = wb.create_sheet("Tren")
        ws3.append([_("Tanggal"), _("Selesai hari itu"), _("Kumulatif"), "%"])
        for t in summary["trend"]:
            ws3.append([t["day"], t["new"], t["cumulative"], t["pct"]])
        buf = io.BytesIO()
        wb.save(buf)
        response = HttpResponse(
            buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="kepatuhan-pelatihan-{stamp}.xlsx"'
        return response
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(safe_row(r) for r in rows)
    writer.writerow([])
    writer.writerow(pending_header)
    writer.writerows(safe_row(r) for r in pending)
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kepatuhan-pelatihan-{stamp}.csv"'
    return response
