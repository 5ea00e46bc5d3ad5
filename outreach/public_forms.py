"""The public report form (no login) and the tracking-code form. Every field is bounded and cleaned."""

from __future__ import annotations

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from registry.models import Platform

from . import challenge


def _clean_text(value: str) -> str:
    """Drop control and format characters (bidi overrides, zero-width) except newlines and tabs."""
    return "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C").strip()


class PublicReportForm(forms.Form):
    platform = forms.ChoiceField(label=_("Platform"), choices=Platform.choices)
    url = forms.CharField(
        label=_("Tautan (URL) unggahan"),
        max_length=1000,
        help_text=_("Salin alamat unggahan dari peramban atau tombol Bagikan, mis. https://www.facebook.com/…"),
        widget=forms.URLInput(attrs={"autocomplete": "off", "inputmode": "url"}),
    )
    description = forms.CharField(
        label=_("Apa yang Anda lihat?"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Mis. pegawai berpose dengan gestur jari pasangan calon, kapan diunggah."),
    )
    screenshot = forms.FileField(
        label=_("Tangkapan layar (opsional, JPEG/PNG/WebP)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    contact = forms.CharField(
        label=_("Kontak Anda (opsional)"),
        max_length=200,
        required=False,
        help_text=_("Surel atau telepon, hanya untuk petugas bila perlu klarifikasi. Tidak pernah ditampilkan."),
    )
    challenge = forms.CharField(widget=forms.HiddenInput, max_length=400)
    pow = forms.CharField(widget=forms.HiddenInput, max_length=20, required=False)

    def clean_url(self) -> str:
        url = _clean_text(self.cleaned_data["url"])
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError as exc:
            raise ValidationError(_("Masukkan tautan unggahan yang lengkap, diawali https://")) from exc
        return url

    def clean_description(self) -> str:
        text = _clean_text(self.cleaned_data["description"])
        if len(text) < 10:
            raise ValidationError(_("Ceritakan sedikit lebih banyak (minimal 10 karakter)."))
        return text

    def clean_contact(self) -> str:
        return _clean_text(self.cleaned_data.get("contact") or "").replace("\n", " ")

    def clean(self):
        data = super().clean()
        if "challenge" in data:
            try:
                challenge.verify(data["challenge"], data.get("pow", ""))
            except ValidationError as exc:
                self.add_error(None, exc)
        return data


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Kode pelacakan"), max_length=20, widget=forms.TextInput(attrs={"autocomplete": "off"})
    )


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Alasan"), max_length=500)


class LaporUploadForm(forms.Form):
    file = forms.FileField(label=_("Berkas CSV ekspor SP4N-LAPOR!"))
