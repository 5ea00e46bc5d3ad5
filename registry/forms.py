"""Forms of the employee and election registries (their write services are in registry/services.py)."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from netralitas_site.inputs import DateInput
from registry.identifiers import clean_digits
from registry.models import GESTURE_CHOICES, CandidatePair, Election, Employee, OrgUnit, Platform, SocialAccount
from registry.selectors import employee_by_identifier, supervisors_above, unit_choices

# --------------------------------------------------------------------------- employees

STALE_MESSAGE = _(
    "Data pegawai telah diubah oleh pengguna lain sejak halaman ini dibuka. Perubahan Anda tidak disimpan. "
    "Muat ulang halaman untuk melihat data terbaru, lalu ulangi perubahan Anda."
)


class EmployeeForm(forms.ModelForm):
    supervisor_identifier = forms.CharField(
        label=_("NIP / NI PPPK / NIK atasan langsung"),
        required=False,
        max_length=30,
        help_text=_("Kosongkan bila tidak ada atasan langsung."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Wider than the stored 18/16 digits: people type spaces and dots between the groups.
    nip = forms.CharField(label=_("NIP"), required=False, max_length=30)
    ni_pppk = forms.CharField(label=_("NI PPPK"), required=False, max_length=30)
    nik = forms.CharField(label=_("NIK"), required=False, max_length=30)

    class Meta:
        model = Employee
        fields = [
            "full_name", "front_title", "back_title", "status", "nip", "ni_pppk", "nik", "contract_number", "sex",
            "birth_date", "rank", "position", "position_kind", "unit", "email", "phone", "is_active",
        ]  # fmt: skip
        widgets = {"birth_date": DateInput()}
        help_texts = {
            "birth_date": _("Kosongkan untuk diisi dari NIP/NI PPPK."),
            "sex": _("Kosongkan untuk diisi dari NIP/NI PPPK/NIK."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "---------"), *unit_choices()]
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            if self.instance.supervisor_id:
                self.fields["supervisor_identifier"].initial = self.instance.supervisor.identifier
        helps = {
            "nip": _("18 digit; wajib untuk PNS/CPNS. Spasi atau titik boleh diketik."),
            "ni_pppk": _("18 digit; wajib untuk PPPK."),
            "nik": _("16 digit; wajib untuk honorer/non-ASN."),
        }
        for name, help_text in helps.items():
            self.fields[name].help_text = help_text
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def _digits(self, name: str) -> str | None:
        return clean_digits(self.cleaned_data.get(name) or "") or None

    def clean_nip(self) -> str | None:
        return self._digits("nip")

    def clean_ni_pppk(self) -> str | None:
        return self._digits("ni_pppk")

    def clean_nik(self) -> str | None:
        return self._digits("nik")

    def clean(self) -> dict:
        data = super().clean()
        ident = (data.get("supervisor_identifier") or "").strip()
        supervisor = None
        if ident:
            supervisor = employee_by_identifier(ident)
            if supervisor is None:
                self.add_error("supervisor_identifier", _("Tidak ada pegawai dengan NIP/NI PPPK/NIK ini."))
            elif self.instance.pk and supervisor.pk == self.instance.pk:
                self.add_error("supervisor_identifier", _("Pegawai tidak dapat menjadi atasan dirinya sendiri."))
                supervisor = None
            elif self.instance.pk and self.instance.pk in supervisors_above(supervisor):
                self.add_error(
                    "supervisor_identifier",
                    _("Pegawai ini adalah atasan (langsung atau tidak langsung) dari %(name)s; rantai atasan berputar.")
                    % {"name": supervisor.full_name},
                )
                supervisor = None
        self.instance.supervisor = supervisor
        return data


class EmployeeFilterForm(forms.Form):
    q = forms.CharField(label=_("Cari"), required=False, max_length=100)
    unit = forms.ModelChoiceField(
        label=_("Unit kerja (termasuk sub-unit)"), queryset=OrgUnit.objects.all(), required=False
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    active = forms.ChoiceField(
        label=_("Keaktifan"), required=False, choices=[("", _("Semua")), ("1", _("Aktif")), ("0", _("Tidak aktif"))]
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("Nama, NIP, NI PPPK atau NIK")})
        self.fields["unit"].choices = [("", _("Semua unit")), *unit_choices()]
        self.fields["status"].choices = [("", _("Semua status")), *Employee.Status.choices]


# --------------------------------------------------------------------------- imports


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Berkas CSV atau XLSX"),
        help_text=_("Maksimal 10 MB. Baris pertama berisi judul kolom."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


# --------------------------------------------------------------------------- elections

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
SYMBOL_MAX_BYTES = 2 * 1024 * 1024
SYMBOL_FORMATS = {"PNG", "JPEG", "GIF", "WEBP"}
GESTURE_CODES = {code for code, _label in GESTURE_CHOICES}


class ElectionForm(forms.ModelForm):
    class Meta:
        model = Election
        fields = [
            "name",
            "region",
            "campaign_start",
            "campaign_end",
            "voting_day",
            "is_active",
            "two_hand_combinations",
        ]
        widgets = {
            "campaign_start": DateInput(),
            "campaign_end": DateInput(),
            "voting_day": DateInput(),
            "two_hand_combinations": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_two_hand_combinations(self) -> list:
        value = self.cleaned_data.get("two_hand_combinations") or []
        if not isinstance(value, list):
            raise ValidationError(_("Harus berupa daftar JSON, mis. [] atau [{...}]."))
        for item in value:
            if not (
                isinstance(item, dict)
                and isinstance(item.get("gestures"), list)
                and isinstance(item.get("ballot_number"), int)
            ):
                raise ValidationError(_('Setiap unsur harus berbentuk {"gestures": [...], "ballot_number": n}.'))
            unknown = [g for g in item["gestures"] if g not in GESTURE_CODES]
            if unknown:
                raise ValidationError(_("Gestur tidak dikenal: %(g)s") % {"g": ", ".join(map(str, unknown))})
        return value


class CandidatePairForm(forms.ModelForm):
    gestures = forms.MultipleChoiceField(
        label=_("Gestur yang menandakan pasangan ini"),
        choices=GESTURE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    symbol_label = forms.CharField(label=_("Keterangan simbol baru"), required=False, max_length=120)
    symbol_image = forms.ImageField(
        label=_("Gambar simbol baru"),
        required=False,
        help_text=_("PNG, JPEG, GIF atau WEBP, maksimal 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
    )

    class Meta:
        model = CandidatePair
        fields = ["ballot_number", "head_name", "deputy_name", "colour", "gestures"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}

    def __init__(self, *args: Any, election: Election, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.election = election
        self.instance.election = election

    def clean_colour(self) -> str:
        colour = (self.cleaned_data.get("colour") or "").strip()
        if not HEX_COLOUR.match(colour):
            raise ValidationError(_("Kode warna harus berbentuk #RRGGBB."))
        return colour.lower()

    def clean_ballot_number(self) -> int:
        number = self.cleaned_data["ballot_number"]
        clash = CandidatePair.objects.filter(election=self.election, ballot_number=number)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Nomor urut ini sudah dipakai pasangan lain pada pemilihan ini."))
        return number

    def clean_symbol_image(self):
        image = self.cleaned_data.get("symbol_image")
        if not image:
            return image
        # forms.ImageField already opened and verified the content with Pillow (not the file name).
        if image.size > SYMBOL_MAX_BYTES:
            raise ValidationError(_("Gambar simbol maksimal 2 MB."))
        fmt = getattr(getattr(image, "image", None), "format", None)
        if fmt not in SYMBOL_FORMATS:
            raise ValidationError(_("Format gambar tidak didukung; gunakan PNG, JPEG, GIF atau WEBP."))
        return image

    def clean(self) -> dict:
        data = super().clean()
        if data.get("symbol_image") and not (data.get("symbol_label") or "").strip():
            self.add_error("symbol_label", _("Isi keterangan untuk simbol yang diunggah."))
        return data


class SocialAccountForm(forms.Form):
    employee = forms.ModelChoiceField(queryset=Employee.objects.none(), label=_("Pegawai"))
    platform = forms.ChoiceField(choices=Platform.choices, label=_("Platform"))
    handle = forms.CharField(max_length=200, label=_("Akun / handle"))
    method = forms.ChoiceField(choices=SocialAccount.Method.choices, label=_("Cara verifikasi"))
    note = forms.CharField(max_length=300, required=False, label=_("Catatan verifikasi"))

    def __init__(self, *args: Any, employees: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["employee"].queryset = employees
