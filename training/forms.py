from __future__ import annotations

from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from netralitas_site.inputs import DateInput, DateTimeInput, UnixNewlinesMixin
from registry.models import Employee, OrgUnit

from .models import (
    ApelReading,
    ApelScript,
    Attendance,
    Campaign,
    IntegrityPact,
    Material,
    Option,
    Programme,
    Question,
    Quiz,
    Session,
    Topic,
)

STATUS_CHOICES = Employee.Status.choices


class TargetFormMixin(UnixNewlinesMixin, forms.ModelForm):
    target_statuses = forms.MultipleChoiceField(
        label=_("Status kepegawaian sasaran"),
        choices=STATUS_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kosong = semua status."),
    )
    target_units = forms.ModelMultipleChoiceField(
        label=_("Unit sasaran"),
        queryset=OrgUnit.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Kosong = semua unit; sub-unit ikut."),
    )


class ProgrammeForm(TargetFormMixin):
    class Meta:
        model = Programme
        fields = ["title", "summary", "quiz", "due_date", "is_published", "target_units", "target_statuses"]
        widgets = {"due_date": DateInput()}


class MaterialForm(UnixNewlinesMixin, forms.ModelForm):
    video_url = forms.URLField(label=_("Tautan video"), required=False, assume_scheme="https")

    class Meta:
        model = Material
        fields = ["order", "title", "kind", "body", "video_url", "attachment"]

    def clean_attachment(self):
        f = self.cleaned_data.get("attachment")
        if f and hasattr(f, "size") and f.size > 20 * 1024 * 1024:
            raise forms.ValidationError(_("Lampiran maksimal 20 MB."))
        if f and hasattr(f, "name") and not f.name.lower().endswith((".pdf", ".pptx", ".docx", ".jpg", ".png")):
            raise forms.ValidationError(_("Jenis berkas tidak diizinkan (pdf, pptx, docx, jpg, png)."))
        return f


class SessionForm(TargetFormMixin):
    online_url = forms.URLField(label=_("Tautan daring"), required=False, assume_scheme="https")

    class Meta:
        model = Session
        fields = [
            "title",
            "kind",
            "programme",
            "starts_at",
            "ends_at",
            "place",
            "online_url",
            "facilitator",
            "grace_minutes",
            "target_units",
            "target_statuses",
        ]
        widgets = {"starts_at": DateTimeInput(), "ends_at": DateTimeInput()}


class QuizForm(forms.ModelForm):
    class Meta:
        model = Quiz
        fields = ["title", "description", "topics", "num_questions", "time_limit_minutes", "pass_mark", "max_attempts"]
        widgets = {"topics": forms.CheckboxSelectMultiple}

    def clean(self):
        data = super().clean()
        topics = data.get("topics")
        if topics is not None and data.get("num_questions"):
            pool = Question.objects.filter(topic__in=topics, is_active=True).count()
            if pool < data["num_questions"]:
                raise forms.ValidationError(
                    _("Bank soal topik terpilih hanya %(n)s soal; kurangi jumlah soal per percobaan.") % {"n": pool}
                )
        return data


class TopicForm(forms.ModelForm):
    class Meta:
        model = Topic
        fields = ["name"]


class QuestionForm(UnixNewlinesMixin, forms.ModelForm):
    class Meta:
        model = Question
        fields = ["topic", "kind", "text", "explanation", "is_active"]


class BaseOptionFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = [f.cleaned_data for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        rows = [r for r in rows if r.get("text")]
        correct = sum(1 for r in rows if r.get("is_correct"))
        kind = self.instance.kind
        if len(rows) < 2:
            raise forms.ValidationError(_("Isi minimal dua pilihan."))
        if kind == Question.Kind.TRUE_FALSE and len(rows) != 2:
            raise forms.ValidationError(_("Soal benar/salah tepat dua pilihan."))
        if kind in (Question.Kind.SINGLE, Question.Kind.TRUE_FALSE) and correct != 1:
            raise forms.ValidationError(_("Soal pilihan tunggal harus punya tepat satu jawaban benar."))
        if kind == Question.Kind.MULTIPLE and correct < 1:
            raise forms.ValidationError(_("Tandai minimal satu jawaban benar."))


class OptionForm(forms.ModelForm):
    order = forms.IntegerField(label=_("Urutan"), required=False, min_value=0, max_value=50)

    class Meta:
        model = Option
        fields = ["text", "is_correct", "order"]

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


OptionFormSet = inlineformset_factory(Question, Option, form=OptionForm, extra=4, max_num=8, formset=BaseOptionFormSet)


class CampaignForm(TargetFormMixin):
    class Meta:
        model = Campaign
        fields = [
            "title",
            "programme",
            "quiz",
            "pact",
            "starts_on",
            "due_date",
            "remind_days_before",
            "target_units",
            "target_statuses",
        ]
        widgets = {"starts_on": DateInput(), "due_date": DateInput()}
        labels = {"programme": _("Program pelatihan"), "quiz": _("Kuis"), "pact": _("Pakta integritas")}

    def clean(self):
        data = super().clean()
        if sum(1 for k in ("programme", "quiz", "pact") if data.get(k)) != 1:
            # on a field, so the model's check constraint is not reported a second time under its code name
            self.add_error("programme", _("Pilih tepat satu: program, kuis, atau pakta integritas."))
        return data


class PactForm(TargetFormMixin):
    class Meta:
        model = IntegrityPact
        fields = ["election", "title", "text", "target_units", "target_statuses"]


class ApelScriptForm(UnixNewlinesMixin, forms.ModelForm):
    class Meta:
        model = ApelScript
        fields = ["title", "topic", "body", "minutes", "is_active"]


class ApelReadingForm(UnixNewlinesMixin, forms.ModelForm):
    class Meta:
        model = ApelReading
        fields = ["script", "unit", "read_on", "attendees", "reader"]
        widgets = {"read_on": DateInput()}

    def clean(self):
        data = super().clean()
        if (
            data.get("script")
            and data.get("unit")
            and data.get("read_on")
            and ApelReading.objects.filter(script=data["script"], unit=data["unit"], read_on=data["read_on"]).exists()
        ):
            raise forms.ValidationError(_("Pembacaan naskah ini oleh unit tersebut pada tanggal itu sudah dicatat."))
        return data


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Kode presensi"), max_length=12, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class BulkAttendanceForm(forms.Form):
    status = forms.ChoiceField(label=_("Tandai sebagai"), choices=Attendance.Status.choices)
    employees = forms.ModelMultipleChoiceField(queryset=Employee.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, employees=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employees"].queryset = employees if employees is not None else Employee.objects.none()


class ExtendForm(forms.Form):
    assignments = forms.ModelMultipleChoiceField(queryset=None, widget=forms.CheckboxSelectMultiple)
    due_date = forms.DateField(label=_("Batas waktu baru"), widget=DateInput())
    reason = forms.CharField(label=_("Alasan"), max_length=300)

    def __init__(self, *args, assignments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignments"].queryset = assignments


class ResetForm(forms.Form):
    assignments = forms.ModelMultipleChoiceField(queryset=None, widget=forms.CheckboxSelectMultiple)
    reason = forms.CharField(label=_("Alasan"), max_length=300)

    def __init__(self, *args, assignments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignments"].queryset = assignments


class ComplianceFilterForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Kampanye"), queryset=Campaign.objects.all(), required=False)
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=OrgUnit.objects.all(), required=False)
    status = forms.ChoiceField(label=_("Status"), choices=[("", "---------"), *STATUS_CHOICES], required=False)
