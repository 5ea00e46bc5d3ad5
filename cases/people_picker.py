"""Who may find whom in the employee picker of the post form.

Roles with ``employees.view`` (admin, HR, leader) search the register freely. A role without it (the DKIP
monitor) still tags employees in posts, but must not read the register: it needs three letters of a name
(or a complete NIP / NI PPPK / NIK, matched exactly), gets at most ten rows, sees identifiers masked to the
last four digits, and the picker echoes back only employees that this session's own searches returned
(``?employees=1&employees=2…`` no longer lists the register).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from accounts.access import can, scoped
from registry.identifiers import clean_digits
from registry.models import Employee
from registry.selectors import identifier_q

SESSION_KEY = "people_picker_found"
MAX_REMEMBERED = 500
LIMITED_MIN_CHARS = 3
LIMITED_MAX_RESULTS = 10
FULL_MIN_CHARS = 2
FULL_MAX_RESULTS = 20
FULL_IDENTIFIER_LENGTHS = (16, 18)  # NIK, NIP / NI PPPK


@dataclass(frozen=True)
class PickerRow:
    pk: int
    name: str
    identifier: str
    unit: str


def reads_register(user: Any) -> bool:
    return can(user, "employees.view")


def masked_identifier(employee: Employee) -> str:
    """'NIP …1004': enough to tell two namesakes apart, not enough to learn the number."""
    digits = employee.identifier
    return f"{employee.identifier_label} …{digits[-4:]}" if digits else ""


def identifier_for(user: Any, employee: Employee) -> str:
    return employee.identifier_display if reads_register(user) else masked_identifier(employee)


def _row(user: Any, employee: Employee) -> PickerRow:
    return PickerRow(employee.pk, employee.display_name, identifier_for(user, employee), str(employee.unit))


def _pool(user: Any) -> QuerySet[Employee]:
    """Everyone the reporter may tag: the employees in their scope for ``posts.report``."""
    return scoped(Employee.objects.all(), user, "posts.report", via="")


def _matches(pool: QuerySet[Employee], q: str, limited: bool) -> QuerySet[Employee] | None:
    digits = clean_digits(q)
    if digits.isdigit():
        if not limited:
            by_identifier = identifier_q(q)
            return pool.filter(by_identifier | Q(full_name__icontains=q)) if by_identifier else None
        if len(digits) not in FULL_IDENTIFIER_LENGTHS:
            return None
        return pool.filter(identifier_q(q, exact=True))
    if len(q) < (LIMITED_MIN_CHARS if limited else FULL_MIN_CHARS):
        return None
    return pool.filter(full_name__icontains=q)


def remembered(session: Any) -> set[int]:
    return set(session.get(SESSION_KEY, []))


def search(*, user: Any, session: Any, q: str, selected_ids: list[int]) -> tuple[list[PickerRow], list[PickerRow]]:
    """(ticked rows to keep, new matches) for the picker of ``user``."""
    limited = not reads_register(user)
    if limited:
        selected_ids = [pk for pk in selected_ids if pk in remembered(session)]
    pool = _pool(user)
    selected = pool.filter(pk__in=selected_ids).select_related("unit").order_by("full_name")
    results: list[Employee] = []
    matches = _matches(pool, q.strip(), limited)
    if matches is not None:
        limit = LIMITED_MAX_RESULTS if limited else FULL_MAX_RESULTS
        results = list(matches.filter(is_active=True).exclude(pk__in=selected_ids).select_related("unit")[:limit])
    if limited and results:
        known = list(session.get(SESSION_KEY, []))
        session[SESSION_KEY] = (known + [e.pk for e in results if e.pk not in known])[-MAX_REMEMBERED:]
    return [_row(user, e) for e in selected], [_row(user, e) for e in results]


def allowed_to_tag(*, user: Any, session: Any, employees: QuerySet[Employee]) -> QuerySet[Employee]:
    """Employees a POST may tag: any for register readers; for others only ones their picker showed."""
    if reads_register(user):
        return employees
    return employees.filter(pk__in=remembered(session))


def taggable(*, user: Any, session: Any, ids: list[str] | None = None) -> QuerySet[Employee]:
    """Active employees a post form of ``user`` may tag (optionally only ``ids``): scope, then picker rule."""
    employees = _pool(user).filter(is_active=True)
    if ids is not None:
        employees = employees.filter(pk__in=[x for x in ids if str(x).isdigit()])
    return allowed_to_tag(user=user, session=session, employees=employees)
