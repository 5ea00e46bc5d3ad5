"""The atasan langsung's pages: their duties only (cases.supervision selectors), and BKPSDM's action on a
missed duty. Thin: validate, call the service, redirect."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from accounts.access import capability_required
from netralitas_site.inputs import DateInput

from .. import selectors, supervision
from ..models import SupervisorDuty


class SummonsForm(forms.Form):
    summoned_on = forms.DateField(widget=DateInput, label=_l("Tanggal surat panggilan"))
    examination_on = forms.DateField(widget=DateInput, label=_l("Jadwal pemeriksaan"))
    notes = forms.CharField(required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                            label=_l("Catatan"))  # fmt: skip


class ExaminedForm(forms.Form):
    examined_on = forms.DateField(widget=DateInput, label=_l("Tanggal pemeriksaan"))
    notes = forms.CharField(required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2}),
                            label=_l("Catatan hasil (BAP diserahkan ke BKPSDM)"))  # fmt: skip


@capability_required("supervision.view")
def duty_list(request: HttpRequest) -> HttpResponse:
    duties = list(supervision.duties_for(user=request.user))
    today = timezone.localdate()
    return render(request, "cases/supervision/list.html", {"duties": duties, "today": today})


@capability_required("supervision.view")
def duty_detail(request: HttpRequest, pk: int) -> HttpResponse:
    duty = supervision.duty_for(user=request.user, pk=pk)
    return render(
        request,
        "cases/supervision/detail.html",
        {
            "duty": duty,
            "obligations": supervision.obligations(duty),
            "summons_form": SummonsForm(),
            "examined_form": ExaminedForm(),
            "today": timezone.localdate(),
        },
    )


def _post(request: HttpRequest, pk: int, form_class, call) -> HttpResponse:
    duty = supervision.duty_for(user=request.user, pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Isian tidak lengkap atau tanggal tidak valid."))
    else:
        try:
            call(duty, form.cleaned_data)
            messages.success(request, _("Tersimpan."))
        except ValidationError as exc:
            for m in exc.messages:
                messages.error(request, m)
    return redirect(reverse("cases:supervision_detail", args=[pk]))


@require_POST
@capability_required("supervision.record")
def duty_summons(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, SummonsForm, lambda duty, d: supervision.record_summons(
        duty=duty, summoned_on=d["summoned_on"], examination_on=d["examination_on"], notes=d["notes"],
        acting_user=request.user, request=request))  # fmt: skip


@require_POST
@capability_required("supervision.record")
def duty_examined(request: HttpRequest, pk: int) -> HttpResponse:
    return _post(request, pk, ExaminedForm, lambda duty, d: supervision.record_examination(
        duty=duty, examined_on=d["examined_on"], notes=d["notes"], acting_user=request.user, request=request))  # fmt: skip


@require_POST
@capability_required("cases.manage")
def case_from_missed_duty(request: HttpRequest, pk: int) -> HttpResponse:
    """BKPSDM: open a case against a supervisor who missed their duty on case ``pk``."""
    case = selectors.case_for(user=request.user, pk=pk)
    duty = SupervisorDuty.objects.filter(case=case).first()
    if duty is None:
        messages.error(request, _("Kasus ini tidak memiliki tugas atasan langsung."))
        return redirect(reverse("cases:case_detail", args=[pk]))
    try:
        new = supervision.open_case_for_missed_duty(duty=duty, acting_user=request.user, request=request)
    except ValidationError as exc:
        for m in exc.messages:
            messages.error(request, m)
        return redirect(reverse("cases:case_detail", args=[pk]))
    messages.success(request, _("Kasus %(ref)s dibuka atas kelalaian atasan langsung.") % {"ref": new.reference})
    return redirect(reverse("cases:case_detail", args=[new.pk]))
