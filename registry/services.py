"""Write services of the registry: employees, social-media accounts, elections and candidate pairs.

Keyword-only arguments, ``acting_user``, one transaction each, the audit event inside it (docs/CONVENTIONS.md).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import services as audit
from registry.identifiers import cross_check, parse_ni_pppk, parse_nik, parse_nip
from registry.models import CandidatePair, CandidateSymbol, Election, Employee, SocialAccount

# --------------------------------------------------------------------------- employees

EMPLOYEE_FIELDS = [
    "full_name", "front_title", "back_title", "status", "nip", "ni_pppk", "nik", "contract_number", "sex",
    "birth_date", "rank", "position", "position_kind", "unit", "supervisor", "email", "phone", "is_active",
]  # fmt: skip


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


@transaction.atomic
def link_social_account(
    *, employee: Employee, platform: str, handle: str, method: str, note: str = "", acting_user: Any, request=None
) -> SocialAccount:
    handle = handle.strip().lstrip("@")
    account, created = SocialAccount.objects.get_or_create(
        platform=platform, handle=handle, defaults={"employee": employee}
    )
    if not created and account.employee_id != employee.pk:
        raise ValidationError(_("Akun ini sudah tertaut ke pegawai lain: %(e)s.") % {"e": account.employee})
    account.verified_by = acting_user
    account.verification_method = method
    account.verification_note = note
    account.verified_at = timezone.now()
    account.save()
    audit.record(
        "social_account.link",
        actor=acting_user,
        subject=account,
        changes={"employee": str(employee), "platform": platform, "handle": handle, "method": method},
        reason=note,
        request=request,
    )
    return account


# --------------------------------------------------------------------------- elections

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
