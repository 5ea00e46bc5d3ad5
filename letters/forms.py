from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.access import holders
from accounts.people import PersonChoiceField
from netralitas_site.inputs import DateInput, UnixNewlinesMixin

from .drafting import signers
from .kinds import DETAIL_FIELDS
from .models import Letter, Letterhead


def verifier_choices():
    return holders("letters.verify")


UserChoiceField = PersonChoiceField


class LetterForm(UnixNewlinesMixin, forms.ModelForm):
    """The draft: addressee, header, legal basis, body, the official it is signed in the name of, the account
    that records the signature, and verifiers; plus the kind's own details."""

    verifier_1 = UserChoiceField(queryset=None, required=False, label=_("Paraf 1 (mis. kepala bidang disiplin)"))
    verifier_2 = UserChoiceField(queryset=None, required=False, label=_("Paraf 2"))

    class Meta:
        model = Letter
        fields = [
            "letterhead",
            "addressee_name",
            "addressee_nip",
            "addressee_rank",
            "addressee_position",
            "addressee_unit",
            "sifat",
            "attachment",
            "subject",
            "legal_basis",
            "body",
            "copies",
            "signatory",
            "signer",
        ]
        widgets = {
            "legal_basis": forms.Textarea(attrs={"rows": 5}),
            "body": forms.Textarea(attrs={"rows": 7}),
            "copies": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"body": _("Pisahkan paragraf dengan satu baris kosong.")}

    def __init__(self, *args, kind: str, verifiers: list | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        from cases.models import Signatory

        self.fields["signatory"] = forms.ModelChoiceField(
            queryset=Signatory.objects.filter(is_active=True),
            required=False,
            label=_("Ditandatangani atas nama (pejabat)"),
            help_text=_("Surat hukuman dan sanksi moral selalu atas nama pejabat yang berwenang menurut keputusan."),
        )
        self.fields["signer"] = UserChoiceField(
            queryset=signers(),
            label=_("Akun perekam tanda tangan"),
            help_text=_("Pejabat sendiri atau operatornya; tidak dicetak pada surat."),
        )
        for name in ("verifier_1", "verifier_2"):
            self.fields[name].queryset = verifier_choices()
        for i, user in enumerate((verifiers or [])[:2], start=1):
            self.initial[f"verifier_{i}"] = user.pk
        details = (self.instance.details if self.instance.pk else self.initial.get("details")) or {}
        for name, label, kind_of_field in DETAIL_FIELDS.get(kind, []):
            if kind_of_field == "text":
                field = forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 5}))
            elif kind_of_field == "date":
                field = forms.DateField(label=label, required=False, widget=DateInput())
            else:
                field = forms.CharField(label=label, required=False, max_length=300)
            self.fields[f"d_{name}"] = field
            self.initial[f"d_{name}"] = details.get(name, "")

    def detail_fields(self):
        return [self[f"d_{name}"] for name, _label, _k in DETAIL_FIELDS.get(self.kind, [])]

    def main_fields(self):
        return [f for f in self if not f.name.startswith("d_")]

    def cleaned_details(self) -> dict:
        out = {}
        for name, _label, _k in DETAIL_FIELDS.get(self.kind, []):
            value = self.cleaned_data.get(f"d_{name}")
            out[name] = value.isoformat() if hasattr(value, "isoformat") else (value or "")
        return out

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["details"] = self.cleaned_details()
        return data

    def verifiers(self) -> list:
        return [u for u in (self.cleaned_data.get("verifier_1"), self.cleaned_data.get("verifier_2")) if u]


class ReturnForm(forms.Form):
    comment = forms.CharField(label=_("Catatan perbaikan"), widget=forms.Textarea(attrs={"rows": 3}))


class CorrectionForm(forms.Form):
    reason = forms.CharField(label=_("Alasan ralat"), max_length=500)


class PaperReceiptForm(forms.Form):
    received_at = forms.DateTimeField(
        label=_("Diterima pada"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    note = forms.CharField(label=_("Keterangan"), max_length=250, required=False)


class LetterheadForm(UnixNewlinesMixin, forms.ModelForm):
    class Meta:
        model = Letterhead
        fields = ["government", "agency", "address", "phone", "email", "website", "city", "unit_code", "logo"]
