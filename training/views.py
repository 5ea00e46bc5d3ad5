"""Staff-facing pages: my training, materials, check-in, quizzes, certificates, integrity pact."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import capability_required, employee_of

from . import reminders, selectors, services
from .certificates import certificate_bytes
from .forms import CheckInForm
from .models import Attempt, Material, Option, Programme, Quiz, Session
from .panels import staff_overview


@capability_required("training.take")
def my_training(request: HttpRequest) -> HttpResponse:
    employee = employee_of(request.user)
    context = staff_overview(request, employee) if employee else {}
    return render(request, "training/my_training.html", {"employee": employee, "self_ctx": context, **context})


@capability_required("training.take")
def programme_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employee = selectors.require_employee(request.user)
    programme = get_object_or_404(Programme, pk=pk, is_published=True)
    if programme not in selectors.programmes_for(employee):
        raise Http404
    viewed = set(programme.materials.filter(views__employee=employee).values_list("pk", flat=True))
    materials = [{"m": m, "viewed": m.pk in viewed} for m in programme.materials.all()]
    return render(
        request,
        "training/programme_detail.html",
        {
            "programme": programme,
            "materials": materials,
            "progress": services.programme_progress(
                programme, employee, since=services.remedial_since(employee, programme=programme)
            ),
        },
    )


@require_POST
@capability_required("training.take")
def material_done(request: HttpRequest, pk: int) -> HttpResponse:
    employee = selectors.require_employee(request.user)
    material = get_object_or_404(Material.objects.select_related("programme"), pk=pk, programme__is_published=True)
    if material.programme not in selectors.programmes_for(employee):
        raise Http404
    services.mark_material_viewed(material=material, employee=employee, acting_user=request.user)
    return redirect("training:programme_detail", pk=material.programme_id)


@capability_required("training.take")
def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(Session, pk=pk)
    employee = employee_of(request.user)
    attendance = None
    if request.method == "POST":
        form = CheckInForm(request.POST)
        if form.is_valid():
            try:
                attendance, created = services.check_in(
                    session=session,
                    employee=employee,
                    code=form.cleaned_data["code"],
                    acting_user=request.user,
                    request=request,
                )
            except services.TrainingError as exc:
                messages.error(request, str(exc))
            else:
                if created:
                    messages.success(request, _("Presensi tercatat: %(s)s.") % {"s": attendance.get_status_display()})
                else:
                    messages.info(request, _("Anda sudah tercatat hadir pada sesi ini."))
                return redirect("training:checkin", pk=session.pk)
    else:
        form = CheckInForm(initial={"code": request.GET.get("code", "")})
    if employee is not None and attendance is None:
        attendance = session.attendances.filter(employee=employee).first()
    return render(request, "training/checkin.html", {"session": session, "form": form, "attendance": attendance})


@capability_required("training.take")
def quiz_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employee = selectors.require_employee(request.user)
    quiz = get_object_or_404(Quiz, pk=pk, is_published=True)
    services.close_expired_attempts(employee=employee, quiz=quiz)
    attempts = selectors.own_attempts(request.user, quiz)
    return render(
        request,
        "training/quiz_detail.html",
        {
            "quiz": quiz,
            "attempts": attempts,
            "left": services.attempts_left(quiz, employee),
            "open_attempt": next((a for a in attempts if a.is_open), None),
            "passed": any(a.passed and not a.voided for a in attempts),
        },
    )


@require_POST
@capability_required("training.take")
def quiz_start(request: HttpRequest, pk: int) -> HttpResponse:
    employee = selectors.require_employee(request.user)
    quiz = get_object_or_404(Quiz, pk=pk, is_published=True)
    try:
        attempt = services.start_attempt(quiz=quiz, employee=employee, acting_user=request.user)
    except services.TrainingError as exc:
        messages.error(request, str(exc))
        return redirect("training:quiz_detail", pk=quiz.pk)
    return redirect("training:attempt", pk=attempt.pk)


def _answers_from(post, attempt: Attempt) -> dict[int, list[int]]:
    """Form values name an option by its place in this attempt's shuffled order (1, 2, …), never by its
    database id (ids follow creation order, and the right option was often created first)."""
    orders = dict(attempt.items.values_list("pk", "option_order"))
    answers: dict[int, list[int]] = {}
    for key in post:
        if key.startswith("q") and key[1:].isdigit() and int(key[1:]) in orders:
            order = orders[int(key[1:])]
            places = [int(v) for v in post.getlist(key) if v.isdigit()]
            answers[int(key[1:])] = [order[p - 1] for p in places if 1 <= p <= len(order)]
    return answers


def _items_for_display(attempt: Attempt) -> list[dict]:
    """Questions with options in the stored order, as plain dicts: only ids and texts reach the template."""
    items = list(attempt.items.select_related("question"))
    option_ids = [oid for item in items for oid in item.option_order]
    texts = dict(Option.objects.filter(pk__in=option_ids).values_list("pk", "text"))
    return [
        {
            "id": item.pk,
            "position": item.position,
            "text": item.question.text,
            "multiple": item.question.kind == item.question.Kind.MULTIPLE,
            "options": [
                {"id": place, "text": texts.get(oid, ""), "checked": oid in (item.selected or [])}
                for place, oid in enumerate(item.option_order, start=1)
            ],  # fmt: skip
        }
        for item in items
    ]


@capability_required("training.take")
def attempt_page(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = selectors.own_attempt(request.user, pk)
    services.close_expired_attempts(employee=attempt.employee, quiz=attempt.quiz)
    attempt.refresh_from_db()
    if not attempt.is_open:
        return redirect("training:attempt_result", pk=attempt.pk)
    remaining = max(0, int((attempt.deadline - timezone.now()).total_seconds()))
    return render(
        request,
        "training/attempt.html",
        {"attempt": attempt, "items": _items_for_display(attempt), "remaining": remaining},
    )


@require_POST
@capability_required("training.take")
def attempt_save(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = selectors.own_attempt(request.user, pk)
    try:
        services.save_answers(attempt=attempt, answers=_answers_from(request.POST, attempt), acting_user=request.user)
    except services.TrainingError as exc:
        return HttpResponse(format_html('<span class="badge err">{}</span>', str(exc)))
    return HttpResponse(
        format_html('<span class="badge ok">{} {}</span>', _("Tersimpan"), timezone.localtime().strftime("%H:%M:%S"))
    )


@require_POST
@capability_required("training.take")
def attempt_submit(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = selectors.own_attempt(request.user, pk)
    try:
        attempt, late = services.submit_attempt(
            attempt=attempt, answers=_answers_from(request.POST, attempt), acting_user=request.user
        )
    except services.TrainingError as exc:
        messages.error(request, str(exc))
        return redirect("training:attempt_result", pk=attempt.pk)
    if late:
        messages.error(
            request,
            _(
                "Jawaban dikirim setelah batas waktu dan tidak diterima. Percobaan ditutup dengan jawaban yang tersimpan."
            ),
        )
    elif attempt.passed:
        messages.success(request, _("Selamat, Anda lulus. Sertifikat dapat diunduh."))
    else:
        messages.warning(request, _("Belum mencapai nilai lulus."))
    return redirect("training:attempt_result", pk=attempt.pk)


@capability_required("training.take")
def attempt_result(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = selectors.own_attempt(request.user, pk)
    if attempt.is_open:
        return redirect("training:attempt", pk=attempt.pk)
    # The key (right options, per-question marks, explanations) only once no attempt is left to use it in.
    reveal = attempt.passed or services.attempts_left(attempt.quiz, attempt.employee) == 0
    items = []
    for item in attempt.items.select_related("question").prefetch_related("question__options"):
        options = {o.pk: o for o in item.question.options.all()}
        items.append(
            {
                "item": item,
                "question": item.question,
                "options": [
                    {
                        "text": options[oid].text,
                        "correct": reveal and options[oid].is_correct,
                        "chosen": oid in (item.selected or []),
                    }
                    for oid in item.option_order
                    if oid in options
                ],
            }
        )
    certificate = selectors.certificate_for_attempt(attempt)
    return render(
        request,
        "training/attempt_result.html",
        {"attempt": attempt, "items": items, "certificate": certificate, "reveal": reveal},
    )


@capability_required("training.take")
def certificate_download(request: HttpRequest, pk: int) -> HttpResponse:
    cert = selectors.own_certificate(request.user, pk)
    data = certificate_bytes(cert)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="sertifikat-{cert.pk}.pdf"'
    return response


@capability_required("training.take")
def pact_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pact = selectors.pact_for(request.user, pk)
    employee = selectors.require_employee(request.user)
    if request.method == "POST":
        if request.POST.get("agree") != "1":
            messages.error(request, _("Centang pernyataan persetujuan terlebih dahulu."))
        else:
            services.acknowledge_pact(pact=pact, employee=employee, acting_user=request.user, request=request)
            messages.success(request, _("Pakta integritas telah Anda tandatangani secara elektronik."))
            return redirect("training:pact_detail", pk=pact.pk)
    ack = pact.acknowledgements.filter(employee=employee).first()
    return render(request, "training/pact_detail.html", {"pact": pact, "ack": ack, "employee": employee})


@require_POST
@capability_required("self.view")
def reminder_read(request: HttpRequest, pk: int) -> HttpResponse:
    employee = employee_of(request.user)
    reminder = selectors.reminders_for(request.user, employee).filter(pk=pk).first()
    if reminder is None:
        raise Http404
    reminders.mark_read(reminder)
    return redirect("my_home")
