"""Employee and election registry pages (thin: capability, selector, form, service, redirect)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import ProtectedError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.access import can, capability_required
from audit.services import events_for
from registry import importing
from registry.forms import (
    STALE_MESSAGE,
    CandidatePairForm,
    ElectionForm,
    EmployeeFilterForm,
    EmployeeForm,
    ImportUploadForm,
    SocialAccountForm,
)
from registry.models import Election, Employee
from registry.selectors import (
    election_for,
    election_list_for,
    employee_for,
    employee_list_for,
    employees_for,
    gesture_labels,
    identifier_rows,
    pair_for,
    symbol_for,
)
from registry.services import (
    StaleEmployeeError,
    delete_pair,
    delete_symbol,
    identifier_warnings,
    link_social_account,
    save_election,
    save_employee,
    save_pair,
)

PAGE_SIZE = 25
IMPORT_SESSION_KEY = "registry_import"
# Apps that show more about an employee (cases: their cases, trainings) provide this template.
EXTRA_TEMPLATE = "cases/employees/_extra.html"

# --------------------------------------------------------------------------- employees


@require_GET
@capability_required("employees.view")
def employee_list(request: HttpRequest) -> HttpResponse:
    form = EmployeeFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = employee_list_for(
        user=request.user,
        q=filters.get("q", ""),
        unit=filters.get("unit"),
        status=filters.get("status", ""),
        active=filters.get("active", ""),
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "registry/employees/list.html",
        {
            "form": form,
            "page_obj": page,
            "employees": page.object_list,
            "can_edit": can(request.user, "employees.edit"),
            "can_import": can(request.user, "employees.import"),
        },
    )


def _extra_template() -> str | None:
    try:
        get_template(EXTRA_TEMPLATE)
    except TemplateDoesNotExist:
        return None
    return EXTRA_TEMPLATE


@require_GET
@capability_required("employees.view")
def employee_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employee = employee_for(user=request.user, pk=pk)
    return render(
        request,
        "registry/employees/detail.html",
        {
            "employee": employee,
            "identifiers": identifier_rows(employee),
            "subordinates": employee.subordinates.select_related("unit").order_by("full_name")[:50],
            "events": events_for(subject=employee)[:20] if can(request.user, "employees.edit") else [],
            "can_edit": can(request.user, "employees.edit"),
            "extra_template": _extra_template(),
        },
    )


def _warn(request: HttpRequest, employee: Employee) -> None:
    for warning in identifier_warnings(employee):
        messages.warning(request, warning)


@require_http_methods(["GET", "POST"])
@capability_required("employees.edit")
def employee_create(request: HttpRequest) -> HttpResponse:
    form = EmployeeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        employee = save_employee(acting_user=request.user, employee=form.instance, request=request)
        _warn(request, employee)
        messages.success(request, _("Pegawai %(name)s ditambahkan.") % {"name": employee.display_name})
        return redirect("registry:employee_detail", pk=employee.pk)
    return render(request, "registry/employees/form.html", {"form": form, "employee": None})


@require_http_methods(["GET", "POST"])
@capability_required("employees.edit")
def employee_edit(request: HttpRequest, pk: int) -> HttpResponse:
    employee = employee_for(user=request.user, pk=pk)
    current_version = employee.version
    form = EmployeeForm(request.POST or None, instance=employee)
    if request.method == "POST":
        try:
            posted_version = int(request.POST.get("version", ""))
        except ValueError:
            posted_version = None
        if posted_version != current_version:
            return _stale(request, form, employee)
        if form.is_valid():
            try:
                save_employee(
                    acting_user=request.user, employee=form.instance, expected_version=posted_version, request=request
                )
            except StaleEmployeeError:
                return _stale(request, form, employee)
            _warn(request, employee)
            messages.success(request, _("Data pegawai disimpan."))
            return redirect("registry:employee_detail", pk=employee.pk)
    return render(request, "registry/employees/form.html", {"form": form, "employee": employee})


def _stale(request: HttpRequest, form: EmployeeForm, employee: Employee) -> HttpResponse:
    messages.error(request, STALE_MESSAGE)
    return render(
        request, "registry/employees/form.html", {"form": form, "employee": employee, "stale": True}, status=409
    )


# --------------------------------------------------------------------------- import


def _import_page(request: HttpRequest, form: ImportUploadForm, status: int = 200, **context) -> HttpResponse:
    context |= {"form": form, "columns": importing.COLUMNS, "max_mb": importing.MAX_BYTES // (1024 * 1024)}
    return render(request, "registry/employees/import.html", context, status=status)


@require_http_methods(["GET", "POST"])
@capability_required("employees.import")
def employee_import(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _import_page(request, ImportUploadForm())
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _import_page(request, form)
    upload = form.cleaned_data["file"]
    if upload.size > importing.MAX_BYTES:
        form.add_error("file", _("Berkas lebih dari 10 MB. Pecah menjadi beberapa berkas."))
        return _import_page(request, form)
    content = upload.read()
    try:
        plan = importing.run_import(acting_user=request.user, content=content, filename=upload.name, dry_run=True)
    except importing.ImportFileError as exc:
        form.add_error("file", exc.message)
        return _import_page(request, form)
    importing.discard_upload(request.session.pop(IMPORT_SESSION_KEY, None))
    if plan.ok:
        request.session[IMPORT_SESSION_KEY] = importing.stash_upload(content, upload.name)
    return _import_page(request, ImportUploadForm(), plan=plan, filename=upload.name)


@require_POST
@capability_required("employees.import")
def employee_import_confirm(request: HttpRequest) -> HttpResponse:
    stash = request.session.pop(IMPORT_SESSION_KEY, None)
    content = importing.load_upload(stash) if stash else None
    if content is None or request.POST.get("sha256") != stash.get("sha256"):
        importing.discard_upload(stash)
        messages.error(request, _("Pratinjau impor tidak ditemukan atau sudah kedaluwarsa. Unggah ulang berkas."))
        return redirect("registry:employee_import")
    try:
        plan = importing.run_import(
            acting_user=request.user, content=content, filename=stash["filename"], request=request
        )
    except importing.ImportFileError as exc:
        plan = None
        messages.error(request, exc.message)
    finally:
        importing.discard_upload(stash)
    if plan is None:
        return redirect("registry:employee_import")
    if not plan.ok:
        messages.error(request, _("Data berubah sejak pratinjau; impor dibatalkan dan tidak ada data yang disimpan."))
        return _import_page(request, ImportUploadForm(), plan=plan, filename=stash["filename"])
    counts = plan.counts()
    messages.success(
        request,
        _("Impor selesai: %(created)s pegawai baru, %(updated)s diperbarui, %(unchanged)s tidak berubah.") % counts,
    )
    if plan.warnings:
        messages.warning(
            request, _("%(n)s peringatan identitas; periksa data SIASN pegawai terkait.") % {"n": len(plan.warnings)}
        )
    return redirect("registry:employee_list")


@require_POST
@capability_required("employees.import")
def employee_import_cancel(request: HttpRequest) -> HttpResponse:
    importing.discard_upload(request.session.pop(IMPORT_SESSION_KEY, None))
    messages.info(request, _("Impor dibatalkan; berkas yang diunggah telah dihapus."))
    return redirect("registry:employee_import")


@require_GET
@capability_required("employees.import")
def employee_import_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(importing.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="templat-impor-pegawai.csv"'
    return response


# --------------------------------------------------------------------------- elections


@require_GET
@capability_required("elections.view")
def election_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "registry/elections/list.html",
        {"elections": election_list_for(user=request.user), "can_edit": can(request.user, "elections.edit")},
    )


@require_GET
@capability_required("elections.view")
def election_detail(request: HttpRequest, pk: int) -> HttpResponse:
    election = election_for(user=request.user, pk=pk)
    pairs = [{"pair": p, "gestures": gesture_labels(p.gestures)} for p in election.pairs.all()]
    combos = [
        {"gestures": gesture_labels(c.get("gestures", [])), "ballot_number": c.get("ballot_number")}
        for c in election.two_hand_combinations or []
        if isinstance(c, dict)
    ]
    return render(
        request,
        "registry/elections/detail.html",
        {
            "election": election,
            "pairs": pairs,
            "combos": combos,
            "can_edit": can(request.user, "elections.edit"),
            "events": events_for(subject=election)[:20] if can(request.user, "elections.edit") else [],
        },
    )


@require_http_methods(["GET", "POST"])
@capability_required("elections.edit")
def election_create(request: HttpRequest) -> HttpResponse:
    form = ElectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        election = save_election(acting_user=request.user, election=form.instance, request=request)
        messages.success(request, _("Pemilihan disimpan. Tambahkan pasangan calon."))
        return redirect("registry:election_detail", pk=election.pk)
    return render(request, "registry/elections/form.html", {"form": form, "election": None})


@require_http_methods(["GET", "POST"])
@capability_required("elections.edit")
def election_edit(request: HttpRequest, pk: int) -> HttpResponse:
    election = election_for(user=request.user, pk=pk)
    form = ElectionForm(request.POST or None, instance=election)
    if request.method == "POST" and form.is_valid():
        save_election(acting_user=request.user, election=form.instance, request=request)
        messages.success(request, _("Pemilihan disimpan."))
        return redirect("registry:election_detail", pk=election.pk)
    return render(request, "registry/elections/form.html", {"form": form, "election": election})


@require_http_methods(["GET", "POST"])
@capability_required("elections.edit")
def pair_create(request: HttpRequest, election_pk: int) -> HttpResponse:
    election = election_for(user=request.user, pk=election_pk)
    return _pair_form(request, election, None)


@require_http_methods(["GET", "POST"])
@capability_required("elections.edit")
def pair_edit(request: HttpRequest, election_pk: int, pk: int) -> HttpResponse:
    election = election_for(user=request.user, pk=election_pk)
    return _pair_form(request, election, pair_for(user=request.user, election=election, pk=pk))


def _pair_form(request: HttpRequest, election: Election, pair) -> HttpResponse:
    form = CandidatePairForm(request.POST or None, request.FILES or None, instance=pair, election=election)
    if request.method == "POST" and form.is_valid():
        save_pair(
            acting_user=request.user,
            pair=form.instance,
            symbol_label=form.cleaned_data.get("symbol_label") or "",
            symbol_image=form.cleaned_data.get("symbol_image"),
            request=request,
        )
        messages.success(request, _("Pasangan calon disimpan."))
        return redirect("registry:election_detail", pk=election.pk)
    return render(request, "registry/elections/pair_form.html", {"form": form, "election": election, "pair": pair})


@require_POST
@capability_required("elections.edit")
def pair_delete(request: HttpRequest, election_pk: int, pk: int) -> HttpResponse:
    election = election_for(user=request.user, pk=election_pk)
    pair = pair_for(user=request.user, election=election, pk=pk)
    try:
        delete_pair(acting_user=request.user, pair=pair, request=request)
    except ProtectedError:
        messages.error(request, _("Pasangan calon ini sudah dirujuk data lain dan tidak dapat dihapus."))
    else:
        messages.success(request, _("Pasangan calon dihapus."))
    return redirect("registry:election_detail", pk=election.pk)


@require_POST
@capability_required("elections.edit")
def symbol_delete(request: HttpRequest, election_pk: int, pk: int) -> HttpResponse:
    symbol = symbol_for(user=request.user, election_pk=election_pk, pk=pk)
    delete_symbol(acting_user=request.user, symbol=symbol, request=request)
    messages.success(request, _("Simbol dihapus."))
    return redirect("registry:election_pair_edit", election_pk=election_pk, pk=symbol.pair_id)


# --------------------------------------------------------------------------- social-media accounts


@require_http_methods(["GET", "POST"])
@capability_required("accounts.link")
def social_account_add(request: HttpRequest) -> HttpResponse:
    employees = employees_for(user=request.user, capability="accounts.link")
    form = SocialAccountForm(request.POST or None, initial=request.GET or None, employees=employees)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            link_social_account(
                employee=d["employee"],
                platform=d["platform"],
                handle=d["handle"],
                method=d["method"],
                note=d["note"],
                acting_user=request.user,
                request=request,
            )
        except ValidationError as exc:
            form.add_error("handle", exc.messages[0])
        else:
            messages.success(request, _("Akun media sosial ditautkan."))
            return redirect("registry:employee_detail", pk=d["employee"].pk)
    return render(request, "registry/social_account_form.html", {"form": form})
