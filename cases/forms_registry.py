"""Forms of the employee and election registries, and the small write services they feed.

The write services (``save_employee``, ``save_election``, ``save_pair``...) follow the service rules of
docs/CONVENTIONS.md: keyword-only arguments, ``acting_user``, one transaction, audit event in it.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from audit import services as audit
from cases.identifiers import clean_digits, cross_check, parse_ni_pppk, parse_nik, parse_nip
from cases.models import CandidatePair, CandidateSymbol, Election, Employee, OrgUnit
from cases.models.election import GESTURE_CHOICES
from cases.selectors_registry import employee_by_identifier, unit_choices
from netralitas_site.inputs import DateInput

# --------------------------------------------------------------------------- employees

EMPLOYEE_FIELDS = [
    "full_name", "front_title", "back_title", "status", "nip", "ni_pppk", "nik", "contract_number", "sex",
    "birth_date", "rank", "position", "position_kind", "unit", "supervisor", "email", "phone", "is_active",
]  # fmt: skip

STALE_MESSAGE = _(
    "Data pegawai telah diubah oleh pengguna lain sejak halaman ini dibuka. Perubahan Anda tidak disimpan. "
    "Muat ulang halaman untuk melihat data terbaru, lalu ulangi perubahan Anda."
)


class StaleEmployeeError(Exception):
    """The record changed since the form was opened (optimistic lock on ``Employee.version``)."""


def identifier_warnings(employee: Employee) -> list[str]:
    """Warnings from ``Employee.clean()`` plus NIP/NI-vs-NIK agreement. Call after ``full_clean()``."""
    warnings = list(getattr(employee, "warnings", []))
    if not (employee.nik and (employee.nip or employee.ni_pppk)):
        return warnings
    nik_info = nip_info = None
    try:
        if employee.nik:
            nik_info = parse_nik(employee.nik)
        if employee.nip:
            nip_info = parse_nip(employee.nip)
        elif employee.ni_pppk:
            nip_info = parse_ni_pppk(employee.ni_pppk)
    except ValidationError:
        return warnings
    return warnings + cross_check(nip_info=nip_info, nik_info=nik_info)


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
            elif self.instance.pk and self.instance.pk in _chain_above(supervisor):
                self.add_error(
                    "supervisor_identifier",
                    _("Pegawai ini adalah atasan (langsung atau tidak langsung) dari %(name)s; rantai atasan berputar.")
                    % {"name": supervisor.full_name},
                )
                supervisor = None
        self.instance.supervisor = supervisor
        return data


def _chain_above(employee: Employee, limit: int = 30) -> set[int]:
    """Ids of the supervisors above ``employee`` (one query per level; chains are short)."""
    seen: set[int] = set()
    next_id = employee.supervisor_id
    while next_id and next_id not in seen and len(seen) < limit:
        seen.add(next_id)
        next_id = Employee.objects.filter(pk=next_id).values_list("supervisor_id", flat=True).first()
    return seen


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


@transaction.atomic
def save_employee(
    *, acting_user: Any, employee: Employee, expected_version: int | None = None, request: Any = None
) -> Employee:
    """Create or update a validated employee. Updates are refused when the stored version moved on."""
    if employee.pk is None:
        employee.version = 1
        employee.save()
        changes = {name: [None, audit._jsonable(getattr(employee, name))] for name in EMPLOYEE_FIELDS}
        audit.record("cases.employee.created", actor=acting_user, subject=employee, changes=changes, request=request)
        return employee
    before = Employee.objects.select_related("unit", "supervisor").filter(pk=employee.pk).first()
    if before is None or expected_version is None:
        raise StaleEmployeeError
    bumped = Employee.objects.filter(pk=employee.pk, version=expected_version).update(version=F("version") + 1)
    if not bumped:
        raise StaleEmployeeError
    employee.version = expected_version + 1
    employee.save()
    changes = audit.diff(before, EMPLOYEE_FIELDS, {name: getattr(employee, name) for name in EMPLOYEE_FIELDS})
    if changes:
        audit.record("cases.employee.changed", actor=acting_user, subject=employee, changes=changes, request=request)
    return employee


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


ELECTION_FIELDS = [
    "name",
    "region",
    "campaign_start",
    "campaign_end",
    "voting_day",
    "is_active",
    "two_hand_combinations",
]
PAIR_FIELDS = ["ballot_number", "head_name", "deputy_name", "colour", "gestures"]


@transaction.atomic
def save_election(*, acting_user: Any, election: Election, request: Any = None) -> Election:
    if election.pk is None:
        election.save()
        changes = {name: [None, getattr(election, name)] for name in ELECTION_FIELDS}
        audit.record("cases.election.created", actor=acting_user, subject=election, changes=changes, request=request)
        return election
    before = Election.objects.get(pk=election.pk)
    changes = audit.diff(before, ELECTION_FIELDS, {name: getattr(election, name) for name in ELECTION_FIELDS})
    election.save()
    if changes:
        audit.record("cases.election.changed", actor=acting_user, subject=election, changes=changes, request=request)
    return election


@transaction.atomic
def save_pair(
    *,
    acting_user: Any,
    pair: CandidatePair,
    symbol_label: str = "",
    symbol_image: Any = None,
    request: Any = None,
) -> CandidatePair:
    created = pair.pk is None
    before = None if created else CandidatePair.objects.get(pk=pair.pk)
    pair.save()
    if created:
        changes = {name: [None, getattr(pair, name)] for name in PAIR_FIELDS}
    else:
        changes = audit.diff(before, PAIR_FIELDS, {name: getattr(pair, name) for name in PAIR_FIELDS})
    if symbol_image:
        symbol = CandidateSymbol.objects.create(pair=pair, label=symbol_label.strip(), image=symbol_image)
        changes["symbol_added"] = [None, f"{symbol.label} ({symbol.image.name})"]
    if changes:
        audit.record(
            "cases.candidate_pair.created" if created else "cases.candidate_pair.changed",
            actor=acting_user,
            subject=pair,
            changes={"election": pair.election_id, **changes},
            request=request,
        )
    return pair


@transaction.atomic
def delete_pair(*, acting_user: Any, pair: CandidatePair, request: Any = None) -> None:
    audit.record(
        "cases.candidate_pair.deleted",
        actor=acting_user,
        subject=pair,
        changes={"election": pair.election_id, **{name: [getattr(pair, name), None] for name in PAIR_FIELDS}},
        request=request,
    )
    names = [symbol.image.name for symbol in pair.symbols.all() if symbol.image]
    pair.delete()
    _delete_files_on_commit(names)


@transaction.atomic
def delete_symbol(*, acting_user: Any, symbol: CandidateSymbol, request: Any = None) -> None:
    audit.record(
        "cases.candidate_pair.changed",
        actor=acting_user,
        subject=symbol.pair,
        changes={"symbol_removed": [f"{symbol.label} ({symbol.image.name})", None]},
        request=request,
    )
    names = [symbol.image.name] if symbol.image else []
    symbol.delete()
    _delete_files_on_commit(names)


def _delete_files_on_commit(names: list[str]) -> None:
    """Image files go only once the rows are gone for good (a rolled-back delete keeps them)."""
    from django.core.files.storage import default_storage

    def delete() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)
