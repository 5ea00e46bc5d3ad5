"""Officer views: referral bundles and recommendation follow-up (thin: access, form, service, redirect)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import capability_required
from audit.services import record
from cases.selectors import case_for

from . import bundle as bundles
from . import selectors, services
from .forms import BundleForm, BundleSentForm, FollowUpForm


def _back(case_pk: int) -> HttpResponse:
    response = redirect("cases:case_detail", pk=case_pk)
    response["Location"] += "#rujukan"
    return response


def _errors(request: HttpRequest, exc: Exception) -> None:
    for m in getattr(exc, "messages", [str(exc)]):
        messages.error(request, m)


@require_POST
@capability_required("cases.refer")
def bundle_build(request: HttpRequest, pk: int) -> HttpResponse:
    case = case_for(user=request.user, pk=pk)
    form = BundleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Pilih tujuan berkas rujukan: BKN atau Bawaslu."))
        return _back(case.pk)
    try:
        built = bundles.build(
            case=case, recipient=form.cleaned_data["recipient"], acting_user=request.user, request=request
        )
    except (ValidationError, ImproperlyConfigured) as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Berkas rujukan dibuat: %(n)s berkas.") % {"n": built.file_count})
    return _back(case.pk)


@capability_required("cases.refer")
def bundle_download(request: HttpRequest, pk: int) -> HttpResponse:
    bundle = selectors.bundle_for(user=request.user, pk=pk)
    if not bundle.file or not default_storage.exists(bundle.file.name):  # removed when the retention period ended
        raise Http404
    record(
        "referral.bundle_download",
        actor=request.user,
        subject=bundle,
        case_id=bundle.case_id,
        changes={"sha256": bundle.sha256},
        request=request,
    )
    name = f"rujukan-{bundle.case.reference.replace('/', '-')}-{bundle.recipient}-{bundle.pk}.zip"
    return FileResponse(
        default_storage.open(bundle.file.name, "rb"), as_attachment=True, filename=name, content_type="application/zip"
    )


@require_POST
@capability_required("cases.refer")
def bundle_sent(request: HttpRequest, pk: int) -> HttpResponse:
    bundle = selectors.bundle_for(user=request.user, pk=pk)
    form = BundleSentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tanggal kirim tidak sah."))
        return _back(bundle.case_id)
    try:
        bundles.mark_sent(
            bundle=bundle,
            sent_on=form.cleaned_data["sent_on"],
            reference=form.cleaned_data["reference"],
            acting_user=request.user,
            request=request,
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Pengiriman berkas rujukan dicatat."))
    return _back(bundle.case_id)


@require_POST
@capability_required("cases.refer")
def recommendation_follow_up(request: HttpRequest, pk: int, rec_pk: int) -> HttpResponse:
    case = case_for(user=request.user, pk=pk)
    rec = selectors.recommendation_for(user=request.user, case=case, pk=rec_pk)
    form = FollowUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isi uraian dan tanggal tindak lanjut."))
        return _back(case.pk)
    try:
        services.record_follow_up(recommendation=rec, acting_user=request.user, request=request, **form.cleaned_data)
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(request, _("Tindak lanjut rekomendasi dicatat."))
    return _back(case.pk)
