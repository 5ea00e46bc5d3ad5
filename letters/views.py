"""Letter pages. Thin: capability, scoped selector, form, service, redirect."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import can, capability_required, employee_of
from audit.services import events_for, record
from cases import selectors as case_selectors
from registry import selectors as registry_selectors

from . import bulk, drafting, procedure, rendering, selectors, services, workflow
from .forms import CorrectionForm, LetterForm, LetterheadForm, PaperReceiptForm, ReturnForm
from .kinds import LetterKind, spec
from .models import Letter, Letterhead
from .workflow import IllegalStep


def _pdf(data: bytes, filename: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _filename(letter: Letter) -> str:
    base = (letter.number or f"konsep-{letter.pk}").replace("/", "-").replace(" ", "")
    return f"{letter.kind}-{base}.pdf"


def _id(value: str) -> int:
    if not str(value).isdigit():
        raise Http404
    return int(value)


def _step(request: HttpRequest, func, success: str, **kwargs):
    try:
        func(acting_user=request.user, request=request, **kwargs)
    except IllegalStep as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, success)
    return True


@capability_required("letters.view_all")
def letter_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.letter_list_for(user=request.user)
    status, kind = request.GET.get("status", ""), request.GET.get("kind", "")
    if status in Letter.Status.values:
        qs = qs.filter(status=status)
    if kind in LetterKind.values:
        qs = qs.filter(kind=kind)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    cases = case_selectors.case_list_for(user=request.user)[:200] if can(request.user, "letters.draft") else []
    return render(
        request,
        "letters/letter_list.html",
        {
            "page_obj": page,
            "statuses": Letter.Status.choices,
            "kinds": LetterKind.choices,
            "status": status,
            "kind": kind,
            "cases": cases,
            "printable": bulk.PRINTABLE,
        },
    )


@capability_required("letters.verify")
def inbox(request: HttpRequest) -> HttpResponse:
    return render(request, "letters/inbox.html", {"letters": selectors.inbox_for(user=request.user)})


@capability_required("letters.draft")
def letter_create(request: HttpRequest) -> HttpResponse:
    kind = request.GET.get("kind") or request.POST.get("kind") or ""
    if kind not in LetterKind.values:
        raise Http404
    case_id = request.GET.get("case") or request.POST.get("case")
    case = case_selectors.case_for(user=request.user, pk=_id(case_id)) if case_id else None
    employee = case.employee if case else None
    if employee is None and request.GET.get("employee"):
        employee = registry_selectors.employee_for(user=request.user, pk=_id(request.GET["employee"]))
    if employee is None:
        messages.error(request, _("Pilih kasus (atau pegawai untuk teguran pembinaan) terlebih dahulu."))
        return redirect("letters:letter_list")
    refusal = procedure.refusal(kind, case)  # the service enforces the same rule on save
    if refusal:
        messages.error(request, refusal)
        return redirect("cases:case_detail", pk=case.pk) if case else redirect("letters:letter_list")
    initial = drafting.initial_for(kind=kind, case=case, employee=employee)
    if initial["letterhead"] is None:
        messages.error(request, _("Kop surat belum diatur. Minta admin mengisi kop surat."))
        return redirect("letters:letter_list")
    if request.method == "POST":
        form = LetterForm(request.POST, kind=kind, instance=Letter(kind=kind))
        if form.is_valid():
            data = form.service_data()
            data.update(kind=kind, case=case, employee=employee)
            try:
                letter = services.create_draft(
                    acting_user=request.user, data=data, verifiers=form.verifiers(), request=request
                )
            except IllegalStep as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("Konsep surat disimpan."))
                return redirect("letters:letter_detail", pk=letter.pk)
    else:
        form = LetterForm(initial=initial, kind=kind, instance=Letter(kind=kind))
    return render(
        request,
        "letters/letter_form.html",
        {"form": form, "kind": kind, "spec": spec(kind), "case": case, "employee": employee, "creating": True},
    )


@capability_required("letters.draft")
def letter_edit(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_for(user=request.user, pk=pk)
    if not workflow.allowed(letter, "edit"):
        messages.error(request, _("Surat berstatus “%(s)s” tidak dapat diubah.") % {"s": letter.get_status_display()})
        return redirect("letters:letter_detail", pk=pk)
    verifiers = [v.user for v in letter.verifiers.all()]
    if request.method == "POST":
        form = LetterForm(request.POST, kind=letter.kind, instance=letter, verifiers=verifiers)
        if form.is_valid():
            data = form.service_data()
            letter.refresh_from_db()  # the form mutated the instance; the service diffs against the stored row
            if _step(
                request,
                services.update_draft,
                _("Konsep surat diperbarui."),
                letter_id=pk,
                data=data,
                verifiers=form.verifiers(),
            ):
                return redirect("letters:letter_detail", pk=pk)
    else:
        form = LetterForm(instance=letter, kind=letter.kind, verifiers=verifiers)
    return render(
        request,
        "letters/letter_form.html",
        {"form": form, "kind": letter.kind, "spec": spec(letter.kind), "letter": letter, "case": letter.case},
    )


@capability_required("letters.view_all")
def letter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.letter_for(user=request.user, pk=pk)
    user = request.user
    return render(
        request,
        "letters/letter_detail.html",
        {
            "letter": letter,
            "spec": spec(letter.kind),
            "verifiers": letter.verifiers.select_related("user"),
            "events": events_for(subject=letter)[:50],
            "can_edit": can(user, "letters.draft") and workflow.allowed(letter, "edit"),
            "can_submit": can(user, "letters.draft") and workflow.allowed(letter, "submit"),
            "can_cancel": can(user, "letters.draft") and workflow.allowed(letter, "cancel"),
            "can_initial": letter.status == Letter.Status.VERIFYING and services.may_review(letter, user),
            "can_return": services.may_review(letter, user),
            "can_approve": letter.status == Letter.Status.AWAITING_SIGNATURE
            and letter.signer_id == user.pk
            and can(user, "letters.sign"),
            "can_correct": can(user, "letters.draft")
            and workflow.allowed(letter, "correct")
            and not letter.replaced_by.exclude(status=Letter.Status.CANCELLED).exists(),
            "can_receipt": can(user, "letters.draft") and workflow.allowed(letter, "record_receipt"),
            "return_form": ReturnForm(),
            "correction_form": CorrectionForm(),
            "receipt_form": PaperReceiptForm(),
            "replaced_by": letter.replaced_by.all(),
        },
    )


@require_POST
@capability_required("letters.draft")
def letter_submit(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.letter_for(user=request.user, pk=pk)
    _step(request, services.submit, _("Surat diajukan untuk paraf/tanda tangan."), letter_id=pk)
    return redirect("letters:letter_detail", pk=pk)


@require_POST
@capability_required("letters.verify")
def letter_initial(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.letter_for(user=request.user, pk=pk)
    _step(request, services.initial, _("Surat telah Anda paraf."), letter_id=pk)
    return redirect("letters:letter_detail", pk=pk)


@require_POST
@capability_required("letters.verify")
def letter_return(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.letter_for(user=request.user, pk=pk)
    form = ReturnForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan catatan perbaikan saat mengembalikan surat."))
    else:
        _step(
            request,
            services.return_for_revision,
            _("Surat dikembalikan kepada petugas."),
            letter_id=pk,
            comment=form.cleaned_data["comment"],
        )
    return redirect("letters:letter_detail", pk=pk)


@require_POST
@capability_required("letters.sign")
def letter_approve(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.letter_for(user=request.user, pk=pk)
    _step(request, services.approve, _("Surat ditandatangani, diberi nomor dan diterbitkan."), letter_id=pk)
    return redirect("letters:letter_detail", pk=pk)


@require_POST
@capability_required("letters.draft")
def letter_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.letter_for(user=request.user, pk=pk)
    _step(request, services.cancel, _("Konsep surat dibatalkan."), letter_id=pk)
    return redirect("letters:letter_detail", pk=pk)


@require_POST
@capability_required("letters.draft")
def letter_correct(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.letter_for(user=request.user, pk=pk)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasan ralat."))
        return redirect("letters:letter_detail", pk=pk)
    try:
        new = services.start_correction(
            letter_id=pk, acting_user=request.user, reason=form.cleaned_data["reason"], request=request
        )
    except IllegalStep as exc:
        messages.error(request, str(exc))
        return redirect("letters:letter_detail", pk=pk)
    messages.success(request, _("Konsep ralat dibuat. Surat lama dicabut saat ralat ditandatangani."))
    return redirect("letters:letter_edit", pk=new.pk)


@require_POST
@capability_required("letters.draft")
def letter_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.letter_for(user=request.user, pk=pk)
    form = PaperReceiptForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi tanggal tanda terima."))
    else:
        _step(
            request,
            services.record_paper_receipt,
            _("Tanda terima kertas dicatat."),
            letter_id=pk,
            received_at=form.cleaned_data["received_at"],
            note=form.cleaned_data["note"],
        )
    return redirect("letters:letter_detail", pk=pk)


@capability_required("letters.view_all")
def letter_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Inline PDF of the current draft: watermarked KONSEP, not numbered, not stored."""
    letter = selectors.letter_for(user=request.user, pk=pk)
    if letter.is_frozen:
        return redirect("letters:letter_pdf", pk=pk)
    return _pdf(rendering.render_letter(letter, draft=True), _filename(letter), inline=True)


@capability_required("letters.view_all")
def letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The stored, frozen PDF (reprints are byte-identical)."""
    letter = selectors.letter_for(user=request.user, pk=pk)
    if not letter.pdf:
        raise Http404
    record("letters.print", actor=request.user, subject=letter, case_id=letter.case_id, request=request)
    return _pdf(services.stored_pdf(letter), _filename(letter), inline=request.GET.get("inline") == "1")


@require_POST
@capability_required("letters.view_all")
def bulk_print(request: HttpRequest) -> HttpResponse:
    try:
        job = bulk.start(acting_user=request.user, letter_ids=request.POST.getlist("letters"), request=request)
    except (IllegalStep, ValueError) as exc:
        messages.error(request, str(exc))
        return redirect("letters:letter_list")
    return redirect("letters:bulk_status", pk=job.pk)


@capability_required("letters.view_all")
def bulk_status(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.bulk_job_for(user=request.user, pk=pk)
    template = "letters/_bulk_progress.html" if request.headers.get("HX-Request") else "letters/bulk_status.html"
    return render(request, template, {"job": job})


@capability_required("letters.view_all")
def bulk_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = selectors.bulk_job_for(user=request.user, pk=pk)
    if not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=f"surat-massal-{job.pk}.pdf")


@capability_required("self.view")
def my_letters(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "letters/my_letters.html",
        {"letters": selectors.my_letters(user=request.user), "employee": employee_of(request.user)},
    )


@capability_required("self.view")
def my_letter_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    letter = selectors.my_letter(user=request.user, pk=pk)
    if not letter.pdf:  # not issued yet, or removed when the retention period ended
        raise Http404
    record("letters.employee_download", actor=request.user, subject=letter, case_id=letter.case_id, request=request)
    return _pdf(services.stored_pdf(letter), _filename(letter), inline=request.GET.get("inline") == "1")


@require_POST
@capability_required("self.view")
def my_letter_ack(request: HttpRequest, pk: int) -> HttpResponse:
    selectors.my_letter(user=request.user, pk=pk)
    _step(request, services.acknowledge, _("Terima kasih, penerimaan surat telah dicatat."), letter_id=pk)
    return redirect("letters:my_letters")


@capability_required("letterhead.edit")
def letterhead_edit(request: HttpRequest) -> HttpResponse:
    letterhead = Letterhead.default() or Letterhead(is_default=True)
    if request.method == "POST":
        form = LetterheadForm(request.POST, request.FILES, instance=letterhead)
        if form.is_valid():
            services.save_letterhead(form=form, acting_user=request.user, request=request)
            messages.success(request, _("Kop surat disimpan."))
            return redirect("letters:letterhead_edit")
    else:
        form = LetterheadForm(instance=letterhead)
    return render(request, "letters/letterhead_form.html", {"form": form, "letterhead": letterhead})
