"""Read side of the employee and election registries. Every selector takes the viewer."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from accounts.access import require, scoped
from registry.identifiers import clean_digits, format_nip
from registry.models import GESTURE_CHOICES, CandidatePair, CandidateSymbol, Election, Employee, OrgUnit

GESTURE_LABELS = dict(GESTURE_CHOICES)
MIN_IDENTIFIER_DIGITS = 3


def identifier_q(value: str, *, via: str = "", exact: bool = False) -> Q | None:
    """The one employee search by identifier: NIP, NI PPPK or NIK starting with (``exact``: equal to) the
    digits typed, separators ignored. ``via`` is the lookup to the employee ("employee" from a case). None when
    ``value`` is not a number (or has fewer than three digits for a prefix search)."""
    digits = clean_digits(value)
    if not digits.isdigit() or (not exact and len(digits) < MIN_IDENTIFIER_DIGITS):
        return None
    lookup = "" if exact else "__startswith"
    prefix = f"{via}__" if via else ""
    return (
        Q(**{f"{prefix}nip{lookup}": digits})
        | Q(**{f"{prefix}ni_pppk{lookup}": digits})
        | Q(**{f"{prefix}nik{lookup}": digits})
    )


def employee_list_for(
    *, user: Any, q: str = "", unit: OrgUnit | None = None, status: str = "", active: str = ""
) -> QuerySet[Employee]:
    """Employees the viewer may see, searched by name or identifier, filtered by unit (with sub-units) and status.

    The queryset joins unit, supervisor and account so that rendering a page costs one query.
    """
    require(user, "employees.view")
    qs = scoped(Employee.objects.select_related("unit", "supervisor", "user"), user, "employees.view", via="")
    q = (q or "").strip()
    if q:
        by_identifier = identifier_q(q)
        qs = qs.filter(Q(full_name__icontains=q) | by_identifier if by_identifier else Q(full_name__icontains=q))
    if unit is not None:
        qs = qs.filter(unit_id__in=unit.descendant_ids())
    if status:
        qs = qs.filter(status=status)
    if active == "1":
        qs = qs.filter(is_active=True)
    elif active == "0":
        qs = qs.filter(is_active=False)
    return qs.order_by("full_name", "pk")


def employee_for(*, user: Any, pk: int) -> Employee:
    require(user, "employees.view")
    qs = Employee.objects.select_related("unit", "unit__parent", "supervisor", "user")
    return get_object_or_404(scoped(qs, user, "employees.view", via=""), pk=pk)


def employees_for(*, user: Any, capability: str) -> QuerySet[Employee]:
    """Employees the viewer may pick or act on with ``capability`` (pickers, bulk forms): their scope."""
    return scoped(Employee.objects.select_related("unit"), user, capability, via="")


def employee_by_identifier(value: str) -> Employee | None:
    """The employee whose NIP, NI PPPK or NIK is ``value`` (digits only, separators ignored)."""
    cond = identifier_q(value, exact=True)
    return Employee.objects.filter(cond).first() if cond else None


def supervisors_above(employee: Employee, limit: int = 30) -> set[int]:
    """Ids of the supervisors above ``employee`` (one query per level; chains are short)."""
    seen: set[int] = set()
    next_id = employee.supervisor_id
    while next_id and next_id not in seen and len(seen) < limit:
        seen.add(next_id)
        next_id = Employee.objects.filter(pk=next_id).values_list("supervisor_id", flat=True).first()
    return seen


def format_identifier(kind: str, value: str | None) -> str:
    """Digits grouped for reading: NIP 8-6-1-3, NI PPPK 8-4-2-1-3, NIK 6-6-4."""
    if not value:
        return ""
    if kind == "nip":
        return format_nip(value)
    if kind == "ni_pppk" and len(value) == 18:
        return f"{value[:8]} {value[8:12]} {value[12:14]} {value[14]} {value[15:]}"
    if kind == "nik" and len(value) == 16:
        return f"{value[:6]} {value[6:12]} {value[12:]}"
    return value


def identifier_rows(employee: Employee) -> list[tuple[str, str]]:
    rows = []
    for kind, label in (("nip", "NIP"), ("ni_pppk", "NI PPPK"), ("nik", "NIK")):
        value = getattr(employee, kind)
        if value:
            rows.append((label, format_identifier(kind, value)))
    return rows


def unit_choices() -> list[tuple[int, str]]:
    """Units as an indented tree for select boxes (one query)."""
    units = list(OrgUnit.objects.only("pk", "name", "code", "parent_id").order_by("name"))
    children: dict[int | None, list[OrgUnit]] = {}
    for u in units:
        children.setdefault(u.parent_id, []).append(u)
    known = {u.pk for u in units}
    out: list[tuple[int, str]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for u in children.get(parent_id, []):
            out.append((u.pk, f"{'— ' * depth}{u.name} ({u.code})"))
            walk(u.pk, depth + 1)

    walk(None, 0)
    # Units whose parent is missing from the list (should not happen) still appear.
    for u in units:
        if u.parent_id is not None and u.parent_id not in known:
            out.append((u.pk, f"{u.name} ({u.code})"))
    return out


def election_list_for(*, user: Any) -> QuerySet[Election]:
    require(user, "elections.view")
    return Election.objects.annotate(pair_count=Count("pairs")).order_by("-voting_day", "pk")


def election_for(*, user: Any, pk: int) -> Election:
    require(user, "elections.view")
    pairs = CandidatePair.objects.order_by("ballot_number").prefetch_related(
        Prefetch("symbols", queryset=CandidateSymbol.objects.order_by("pk"))
    )
    return get_object_or_404(Election.objects.prefetch_related(Prefetch("pairs", queryset=pairs)), pk=pk)


def pair_for(*, user: Any, election: Election, pk: int) -> CandidatePair:
    require(user, "elections.view")
    return get_object_or_404(CandidatePair.objects.prefetch_related("symbols"), election=election, pk=pk)


def symbol_for(*, user: Any, election_pk: int, pk: int) -> CandidateSymbol:
    require(user, "elections.view")
    return get_object_or_404(CandidateSymbol.objects.select_related("pair"), pk=pk, pair__election_id=election_pk)


def gesture_labels(codes: list[str]) -> list[str]:
    return [str(GESTURE_LABELS.get(code, code)) for code in codes or []]
