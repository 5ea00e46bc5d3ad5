from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.access import holders
from accounts.people import PersonChoiceField
from netralitas_site.inputs import DateInput, DateTimeInput, UnixNewlinesMixin
from registry.models import Employee, OrgUnit

from .models import Appeal, Case, ReportedPost, SanctionType, ViolationType


def officers_queryset():
    """Accounts a case can be assigned to: the holders of ``cases.manage``."""
    return holders("cases.manage")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files in one input; content checks happen in ``cases.evidence.check_image``."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class PostForm(UnixNewlinesMixin, forms.ModelForm):
    employees = forms.ModelMultipleChoiceField(
        queryset=Employee.objects.none(),  # the view sets the taggable ones (cases.people_picker.taggable)
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Pegawai terkait"),
    )
    files = MultipleImageField(label=_("Bukti gambar (JPEG/PNG/WebP)"), required=False)
    url = forms.URLField(label=_("URL unggahan"), max_length=1000, assume_scheme="https")

    class Meta:
        model = ReportedPost
        fields = [
            "platform", "url", "account_name", "posted_at", "found_at", "source", "source_reference", "notes",
            "election",
        ]  # fmt: skip
        widgets = {
            "posted_at": DateTimeInput(),
            "found_at": DateTimeInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }


class EvidenceForm(forms.Form):
    files = MultipleImageField(label=_("Bukti gambar (JPEG/PNG/WebP)"))


class OpenCasesForm(forms.Form):
    employees = forms.ModelMultipleChoiceField(
        queryset=Employee.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Saya mengonfirmasi unggahan ini menyangkut pegawai berikut"),
    )
    violation_type = forms.ModelChoiceField(
        queryset=ViolationType.objects.filter(is_active=True), required=False, label=_("Dugaan jenis pelanggaran")
    )
    assigned_officer = PersonChoiceField(queryset=officers_queryset(), required=False, label=_("Petugas"))

    def __init__(self, *args, employees, **kwargs):
        """``employees``: cases.selectors.employees_to_open_for(user=…, post=…)."""
        super().__init__(*args, **kwargs)
        self.fields["employees"].queryset = employees
        self.fields["assigned_officer"].queryset = officers_queryset()


class CaseFilterForm(forms.Form):
    q = forms.CharField(
        required=False,
        label=_("Cari"),
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Nama, NIP atau nomor kasus")}),
    )
    status = forms.ChoiceField(
        choices=[("", _("Semua status"))] + list(Case.Status.choices), required=False, label=_("Status kasus")
    )
    unit = forms.ModelChoiceField(
        queryset=OrgUnit.objects.all(), required=False, empty_label=_("Semua unit"), label=_("Unit kerja")
    )
    employee_status = forms.ChoiceField(
        choices=[("", _("Semua status pegawai"))] + list(Employee.Status.choices),
        required=False,
        label=_("Status pegawai"),
    )
    violation_type = forms.ModelChoiceField(
        queryset=ViolationType.objects.all(),
        required=False,
        empty_label=_("Semua pelanggaran"),
        label=_("Jenis pelanggaran"),
    )
    officer = PersonChoiceField(
        queryset=officers_queryset(), required=False, empty_label=_("Semua petugas"), label=_("Petugas")
    )
    overdue = forms.BooleanField(required=False, label=_("Lewat batas waktu"))
    sort = forms.ChoiceField(
        required=False,
        label=_("Urutkan"),
        choices=[
            ("-opened", _("Terbaru")),
            ("opened", _("Terlama")),
            ("due", _("Batas waktu")),
            ("-reference", _("Nomor")),
            ("name", _("Nama")),
            ("status", _("Status")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["officer"].queryset = officers_queryset()
        # Materialise the option lists once (one plain query each, no server-side cursor).
        for name in ("unit", "violation_type", "officer"):
            field = self.fields[name]
            field.queryset = field.queryset.all()
            field.widget.choices = [("", field.empty_label)] + [
                (obj.pk, field.label_from_instance(obj)) for obj in field.queryset
            ]


class BulkAssignForm(forms.Form):
    cases = forms.ModelMultipleChoiceField(queryset=Case.objects.none())
    officer = PersonChoiceField(queryset=officers_queryset(), label=_("Tugaskan ke"))

    def __init__(self, *args, cases, **kwargs):
        """``cases``: the viewer's scoped cases (cases.selectors.case_list_for); ids outside it are refused."""
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = cases
        self.fields["officer"].queryset = officers_queryset()


class VersionedForm(UnixNewlinesMixin, forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class TransitionForm(VersionedForm):
    to = forms.ChoiceField(choices=Case.Status.choices, widget=forms.HiddenInput)
    reason = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Alasan / catatan"))
    examination_date = forms.DateField(required=False, widget=DateInput, label=_("Tanggal pemeriksaan"))
    summons_1_date = forms.DateField(required=False, widget=DateInput, label=_("Tanggal surat panggilan I"))
    summons_2_date = forms.DateField(required=False, widget=DateInput, label=_("Tanggal surat panggilan II"))
    missed_examination_date = forms.DateField(required=False, widget=DateInput, label=_("Tanggal tidak hadir"))
    report_findings = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Temuan LHP"))
    report_recommendation = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Rekomendasi LHP")
    )


class CaseUpdateForm(VersionedForm):
    violation_type = forms.ModelChoiceField(
        queryset=ViolationType.objects.filter(is_active=True), required=False, label=_("Jenis pelanggaran")
    )
    ethics_track = forms.BooleanField(required=False, label=_("Jalur kode etik"))
    discipline_track = forms.BooleanField(required=False, label=_("Jalur disiplin"))
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Ringkasan"))
    gakkumdu_referred = forms.BooleanField(required=False, label=_("Diteruskan ke Gakkumdu"))
    gakkumdu_referred_on = forms.DateField(required=False, widget=DateInput, label=_("Tanggal penerusan"))
    gakkumdu_outcome = forms.CharField(required=False, max_length=300, label=_("Hasil Gakkumdu"))
    reason = forms.CharField(required=False, label=_("Alasan perubahan"))


class StatusAtActForm(VersionedForm):
    """The employment status held on the date of the act (brief §1.1); the regime follows it."""

    employee_status = forms.ChoiceField(choices=Employee.Status.choices, label=_("Status saat perbuatan"))
    act_date = forms.DateField(required=False, widget=DateInput, label=_("Tanggal perbuatan"))
    reason = forms.CharField(max_length=500, label=_("Alasan/dasar (mis. SK pengangkatan PPPK)"))


class ExaminationForm(VersionedForm):
    held_on = forms.DateField(widget=DateInput, label=_("Tanggal pemeriksaan"))
    place = forms.CharField(required=False, max_length=200, label=_("Tempat"))
    examiners = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Pemeriksa (satu per baris)"))
    questions_answers = forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), label=_("Tanya jawab"))
    examinee_attended = forms.BooleanField(required=False, initial=True, label=_("Terperiksa hadir"))


class RecommendationForm(VersionedForm):
    source = forms.ChoiceField(
        choices=[("bawaslu", "Bawaslu"), ("bkn", "BKN"), ("kasn", "KASN"), ("other", _("Lainnya"))],
        label=_("Sumber"),
    )
    number = forms.CharField(required=False, max_length=200, label=_("Nomor surat"))
    received_on = forms.DateField(widget=DateInput, label=_("Tanggal diterima"))
    content = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Isi rekomendasi"))
    follow_up = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Tindak lanjut"))
    followed_up_on = forms.DateField(required=False, widget=DateInput, label=_("Tanggal tindak lanjut"))


class DecisionForm(VersionedForm):
    track = forms.ChoiceField(choices=SanctionType.Track.choices, label=_("Jalur"))
    sanction_type = forms.ModelChoiceField(queryset=SanctionType.objects.filter(is_active=True), label=_("Sanksi"))
    deviation_reason = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Alasan bila berbeda dari rekomendasi")
    )
    decision_number = forms.CharField(required=False, max_length=120, label=_("Nomor keputusan"))
    decided_on = forms.DateField(required=False, widget=DateInput, label=_("Tanggal keputusan"))

    def __init__(self, *args, case: Case | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sanction_type"].widget.choices = sanction_choices(case)


def sanction_choices(case: Case | None) -> list:
    """The sanctions grouped by track and employment status, each named once.

    With a case, only the groups for its employee's status are offered (the catalogue holds one
    "Teguran tertulis" per status; showing all three made the obvious pick a refused one).
    """
    groups: dict[str, list] = {}
    for s in SanctionType.objects.filter(is_active=True).order_by("track", "applies_to", "rung"):
        if case is not None and not s.applies_to_status(case.employee_status):
            continue
        if s.track == SanctionType.Track.MORAL:
            group = str(SanctionType.Track.MORAL.label)
            label = s.name
        else:
            group = f"{SanctionType.Track.DISCIPLINE.label} · {s.get_applies_to_display()}"
            # PTDH / PHPK tidak dengan hormat: an outcome of its own, not a rung (legal.regimes.DISMISSAL)
            level = _("di luar tangga hukuman") if s.level == "ptdh" else s.get_level_display().lower()
            label = f"{s.name} ({level})"
        groups.setdefault(group, []).append((s.pk, label))
    return [("", "---------"), *groups.items()]


class DeliveredForm(VersionedForm):
    decision = forms.IntegerField(widget=forms.HiddenInput)
    delivered_on = forms.DateField(widget=DateInput, label=_("Tanggal penyampaian"))


class AppealForm(VersionedForm):
    decision = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=Appeal.Kind.choices, label=_("Jenis"))
    filed_on = forms.DateField(widget=DateInput, label=_("Tanggal diajukan"))
    grounds = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Alasan pengajuan"))


class AppealOutcomeForm(VersionedForm):
    appeal = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(
        choices=[c for c in Appeal.Outcome.choices if c[0] != Appeal.Outcome.PENDING], label=_("Hasil")
    )
    outcome_on = forms.DateField(widget=DateInput, label=_("Tanggal hasil"))
    notes = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label=_("Keterangan (wajib bila diubah/dibatalkan)")
    )


class FollowUpForm(UnixNewlinesMixin, forms.Form):
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), label=_("Tindak lanjut"))
    remedial_training = forms.BooleanField(required=False, label=_("Wajib pelatihan pembinaan"))
    programme = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Program pelatihan"),
        empty_label=_("Program terbit terbaru"),
    )
    due_on = forms.DateField(required=False, widget=DateInput, label=_("Batas waktu"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from training.models import Programme

        self.fields["programme"].queryset = Programme.objects.filter(is_published=True).order_by("-created_at")

    def clean(self):
        data = super().clean()
        if data.get("programme") and not data.get("remedial_training"):
            self.add_error("remedial_training", _("Centang wajib pelatihan pembinaan untuk memilih program."))
        elif data.get("remedial_training") and not self.fields["programme"].queryset.exists():
            self.add_error("remedial_training", _("Belum ada program pelatihan yang terbit."))
        return data
