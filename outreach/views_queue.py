"""The monitors' queue of public reports: grouped per post, with counts; take up, close, import LAPOR!."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import capability_required
from cases.selectors import post_for

from . import lapor, public_reports, selectors
from .public_forms import CloseForm, LaporUploadForm
from .public_reports import STATUS_WORDS

STATES = [("new", _("Baru")), ("review", _("Sedang ditelaah")), ("done", _("Ditangani")), ("", _("Semua"))]


@capability_required("reports.triage")
def queue(request: HttpRequest) -> HttpResponse:
    state = request.GET.get("status", "new")
    if state not in dict(STATES):
        state = "new"
    reports = selectors.report_queue_for(user=request.user, state=state)
    posts = (
        reports.values("post", "post__url", "post__platform")
        .annotate(n=Count("id"), first=Min("created_at"), last=Max("created_at"))
        .order_by("-last")[:200]
    )
    by_post: dict[int, list] = {}
    for r in reports.filter(post__in=[p["post"] for p in posts]).order_by("created_at"):
        by_post.setdefault(r.post_id, []).append(r)
    with_case = selectors.posts_with_case(user=request.user, post_ids=list(by_post))
    rows = []
    for p in posts:
        if p["post"] in by_post:
            status = public_reports.status_of(by_post[p["post"]][-1], has_case=p["post"] in with_case)
            rows.append({**p, "reports": by_post[p["post"]], "status": status, "status_label": STATUS_WORDS[status]})
    context = {
        "rows": rows,
        "state": state,
        "states": STATES,
        "upload_form": LaporUploadForm(),
        "close_form": CloseForm(),
    }
    return render(request, "outreach/queue.html", context)


@require_POST
@capability_required("reports.triage")
def take_up(request: HttpRequest, post_pk: int) -> HttpResponse:
    post = post_for(user=request.user, pk=post_pk)
    public_reports.take_up(post=post, acting_user=request.user, request=request)
    return redirect("cases:post_detail", pk=post.pk)


@require_POST
@capability_required("reports.triage")
def close(request: HttpRequest, post_pk: int) -> HttpResponse:
    post = post_for(user=request.user, pk=post_pk)
    form = CloseForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Tuliskan alasan penanganan."))
        n = public_reports.close(post=post, note=form.cleaned_data["note"], acting_user=request.user, request=request)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, _("%(n)s pengaduan ditandai ditangani.") % {"n": n})
    return redirect("outreach:queue")


@require_POST
@capability_required("reports.triage")
def lapor_upload(request: HttpRequest) -> HttpResponse:
    form = LaporUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Pilih berkas CSV ekspor SP4N-LAPOR!."))
        return redirect("outreach:queue")
    try:
        result = lapor.import_csv(form.cleaned_data["file"], acting_user=request.user, request=request)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, result.summary())
    return redirect("outreach:queue")
