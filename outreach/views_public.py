"""Public pages (no login): the report form, the tracking page and the public figures.
Nothing about any ASN is shown back."""

from __future__ import annotations

import csv

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from cases.urlnorm import normalize_url
from printing.exports import safe_row
from registry.models import Election

from . import challenge, public_reports, ratelimit, statistics
from .public_forms import PublicReportForm, TrackForm

TOO_MANY = gettext_lazy("Terlalu banyak laporan dari alamat Anda dalam waktu singkat. Coba lagi beberapa menit lagi.")


def _form_page(request: HttpRequest, form: PublicReportForm, status: int = 200, error: str = "") -> HttpResponse:
    token = challenge.issue()
    context = {"form": form, "challenge": token, "pow_bits": challenge.bits_of(token), "error": error}
    return render(request, "outreach/public_report.html", context, status=status)


@never_cache
def report(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _form_page(request, PublicReportForm())
    address = ratelimit.client_address(request)
    if not ratelimit.hit("report-address", address, settings.PUBLIC_REPORT_RATE_ADDRESS):
        return _form_page(request, PublicReportForm(), status=429, error=TOO_MANY)
    form = PublicReportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _form_page(request, form, status=400)
    data = form.cleaned_data
    if not ratelimit.hit("report-url", normalize_url(data["url"]), settings.PUBLIC_REPORT_RATE_URL):
        form.add_error("url", _("Unggahan ini sudah banyak dilaporkan dan sedang diproses. Terima kasih."))
        return _form_page(request, form, status=429)
    try:
        _report, code = public_reports.submit(
            url=data["url"],
            platform=data["platform"],
            description=data["description"],
            contact=data["contact"],
            screenshot=data.get("screenshot"),
            request=request,
        )
    except ValidationError as exc:
        for message in exc.messages:
            form.add_error("screenshot", message)
        return _form_page(request, form, status=400)
    return render(request, "outreach/public_report_done.html", {"code": code})


@never_cache
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    context: dict = {"form": form}
    if request.method == "POST":
        if not ratelimit.hit("track-address", ratelimit.client_address(request), settings.PUBLIC_TRACK_RATE_ADDRESS):
            form.add_error(None, _("Terlalu banyak pemeriksaan. Coba lagi sebentar lagi."))
            return render(request, "outreach/public_track.html", context, status=429)
        if form.is_valid():
            context["status"] = public_reports.status_words(form.cleaned_data["code"])
            context["unknown"] = context["status"] is None
    return render(request, "outreach/public_track.html", context)


def _election(request: HttpRequest):
    elections = list(Election.objects.order_by("-voting_day", "-pk"))
    chosen = request.GET.get("pemilihan", "")
    election = next((e for e in elections if str(e.pk) == chosen), elections[0] if elections else None)
    return elections, election


def statistics_page(request: HttpRequest) -> HttpResponse:
    elections, election = _election(request)
    payload = statistics.figures(election) if election else None
    return render(
        request, "outreach/statistics.html", {"elections": elections, "election": election, "figures": payload}
    )


def statistics_json(request: HttpRequest) -> HttpResponse:
    _elections, election = _election(request)
    if election is None:
        return JsonResponse({"error": _("Belum ada data pemilihan.")}, status=404)
    return JsonResponse(statistics.figures(election), json_dumps_params={"ensure_ascii": False, "indent": 1})


def statistics_csv(request: HttpRequest) -> HttpResponse:
    _elections, election = _election(request)
    if election is None:
        return HttpResponse(_("Belum ada data pemilihan."), status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statistik-netralitas-{election.pk}.csv"'
    writer = csv.writer(response)
    for row in statistics.csv_rows(statistics.figures(election)):
        writer.writerow(safe_row(row))
    return response
