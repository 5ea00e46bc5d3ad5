"""Reported posts, evidence files, the employee picker and account links."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import can, capability_required
from audit.services import events_for, record

from .. import people_picker, selectors, services
from ..evidence import record_gallery_view, similar_evidence
from ..forms import EvidenceForm, OpenCasesForm, PostForm
from . import detection_template_exists


@capability_required("posts.view")
def post_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.post_list_for(user=request.user)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(url__icontains=q) | Q(account_name__icontains=q) | Q(employees__full_name__icontains=q))
        qs = qs.distinct()
    if request.GET.get("platform"):
        qs = qs.filter(platform=request.GET["platform"])
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "cases/post_list.html", {"page_obj": page, "q": q})


@capability_required("posts.report")
def post_create(request: HttpRequest) -> HttpResponse:
    form = PostForm(request.POST or None, request.FILES or None)
    form.fields["employees"].queryset = people_picker.taggable(user=request.user, session=request.session)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            post, duplicate, results = services.report_post(
                acting_user=request.user,
                platform=d["platform"],
                url=d["url"],
                account_name=d["account_name"],
                posted_at=d["posted_at"],
                found_at=d["found_at"],
                source=d["source"],
                source_reference=d["source_reference"],
                notes=d["notes"],
                election=d["election"],
                employees=d["employees"],
                files=request.FILES.getlist("files"),
                request=request,
            )
        except ValidationError as exc:
            for m in exc.messages:
                form.add_error("files", m)
        else:
            if duplicate:
                messages.warning(
                    request,
                    _("Unggahan ini sudah pernah dilaporkan; laporan digabungkan ke catatan pertama."),
                )
            else:
                messages.success(request, _("Unggahan dicatat."))
            _flag_identical(request, results)
            return redirect("cases:post_detail", pk=post.pk)
    return render(request, "cases/post_form.html", {"form": form})


def _flag_identical(request, results) -> None:
    if any(r.get("identical_elsewhere") for r in results):
        messages.warning(request, _("Ada berkas yang identik (SHA-256 sama) dengan bukti yang sudah tersimpan."))


@capability_required("posts.view")
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(user=request.user, pk=pk)
    evidence = list(post.evidence.all())
    similar = similar_evidence(evidence)
    subjects = post.subjects.select_related("employee", "employee__unit", "social_account", "confirmed_by")
    record_gallery_view(user=request.user, evidence_list=evidence, where={"post": post.pk}, request=request)
    context = {
        "post": post,
        "post_handle": (post.account_name or "").strip().lstrip("@").lower(),
        "evidence": [(e, similar[e.pk]) for e in evidence],
        "evidence_objects": evidence,
        "detection_enabled": detection_template_exists(),
        "subjects": subjects,
        # The monitor reports posts; case numbers, names and statuses belong to HR and leaders.
        "cases": post.cases.select_related("employee") if can(request.user, "cases.view_all") else None,
        "full_identifiers": people_picker.reads_register(request.user),
        "limited_view": not people_picker.reads_register(request.user),  # timeline without changed values
        "evidence_form": EvidenceForm(),
        "open_form": _open_form(request, post),
        "events": events_for(subject=post)[:50],
        "can_report": can(request.user, "posts.report"),
    }
    return render(request, "cases/post_detail.html", context)


@require_POST
@capability_required("posts.report")
def post_add_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(user=request.user, pk=pk)
    files = request.FILES.getlist("files")
    if not files:
        messages.error(request, _("Pilih minimal satu berkas."))
        return redirect("cases:post_detail", pk=pk)
    try:
        results = services.add_evidence(post=post, files=files, acting_user=request.user, request=request)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
    else:
        messages.success(request, _("Bukti ditambahkan."))
        _flag_identical(request, results)
    return redirect("cases:post_detail", pk=pk)


@require_POST
@capability_required("posts.report")
def post_add_subjects(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(user=request.user, pk=pk)
    ids = request.POST.getlist("employees")
    employees = people_picker.taggable(user=request.user, session=request.session, ids=ids)
    services.add_subjects(post=post, employees=employees, acting_user=request.user, request=request)
    return redirect("cases:post_detail", pk=pk)


@require_POST
@capability_required("cases.manage")
def post_open_cases(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_for(user=request.user, pk=pk)
    form = OpenCasesForm(request.POST, employees=selectors.employees_to_open_for(user=request.user, post=post))
    if form.is_valid():
        cases = services.open_cases(
            post=post,
            employees=form.cleaned_data["employees"],
            violation_type=form.cleaned_data["violation_type"],
            assigned_officer=form.cleaned_data["assigned_officer"],
            acting_user=request.user,
            request=request,
        )
        if cases:
            refs = ", ".join(c.reference for c in cases)
            messages.success(request, _("Kasus dibuka: %(refs)s") % {"refs": refs})
        else:
            messages.info(request, _("Pegawai yang dipilih sudah memiliki kasus dari unggahan ini."))
    else:
        messages.error(request, _("Pilih pegawai yang dikonfirmasi."))
    return redirect("cases:post_detail", pk=pk)


def _open_form(request: HttpRequest, post) -> OpenCasesForm | None:
    """The "open cases" form, only while some reported employee has no case from this post yet."""
    if not can(request.user, "cases.manage"):
        return None
    form = OpenCasesForm(employees=selectors.employees_to_open_for(user=request.user, post=post))
    return form if form.fields["employees"].queryset.exists() else None


@capability_required("posts.report")
def people_search(request: HttpRequest) -> HttpResponse:
    """htmx: employees matching a name or NIP, as checkboxes; already ticked ones stay first."""
    q = request.GET.get("q", "").strip()
    selected_ids = [int(x) for x in request.GET.getlist("employees") if x.isdigit()]
    selected, results = people_picker.search(user=request.user, session=request.session, q=q, selected_ids=selected_ids)
    limited = not people_picker.reads_register(request.user)
    context = {"selected": selected, "results": results, "q": q, "limited": limited}
    return render(request, "cases/includes/people_options.html", context)


@capability_required("evidence.view")
def evidence_file(request: HttpRequest, pk: int, kind: str = "file") -> HttpResponse:
    """Serve an evidence file (or its upright thumbnail) after the access check; each full-size open is logged."""
    evidence = selectors.evidence_for(user=request.user, pk=pk)
    name = evidence.thumbnail.name if kind == "thumb" and evidence.thumbnail else evidence.file.name
    if not name or not default_storage.exists(name):
        raise Http404
    if kind == "file":  # thumbnails are audited once per page view (ev.record_gallery_view), not per image
        record(
            "evidence.download",
            actor=request.user,
            subject=evidence,
            changes={"kind": kind, "sha256": evidence.sha256},
            request=request,
        )
    content_type = evidence.content_type if kind == "file" else "image/jpeg"
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    if kind == "file":
        response["Content-Disposition"] = f'inline; filename="{evidence.sha256[:16]}.{name.rsplit(".", 1)[-1]}"'
    return response
