"""Who signs: the authority matrix names an office (``sanctions.authorised_official``); this module names
the person holding it, as a ``Signatory``. The PPK is configured by an admin (a kepala daerah is not in the
employee registry); supervisors and heads of OPD are taken from the registry on first use.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from registry.models import Employee

from .models import Decision, Signatory
from .sanctions import authorised_official

__all__ = ["authorised_official", "decision_signatory", "from_employee", "ppk", "rank_text", "signatory_for"]

Off = Decision.Official


def rank_text(employee: Employee) -> str:
    """'Pembina Utama Muda (IV/c)' as printed under a name; PPPK golongan as is."""
    if not employee.rank:
        return ""
    label = employee.get_rank_display()
    if employee.status in (Employee.Status.PNS, Employee.Status.CPNS):
        return f"{label.split(' ', 1)[-1]} ({employee.rank})"
    return label


def from_employee(person: Employee, office: str) -> Signatory:
    """The registry person as a signatory (created once, then kept; an admin may correct the printed title)."""
    existing = Signatory.objects.filter(employee=person).first()
    if existing is not None:
        return existing
    return Signatory.objects.create(
        office=office,
        name=person.display_name,
        title=person.position,
        nip=person.nip or "",
        rank=rank_text(person),
        unit_id=person.unit_id,
        employee=person,
        user=person.user,
    )


def ppk() -> Signatory | None:
    return Signatory.objects.filter(office=Off.PPK, is_active=True).order_by("pk").first()


def signatory_for(official: str, employee: Employee) -> Signatory | None:
    """The official of office ``official`` for ``employee``'s case, or None when nobody holds it."""
    from .sanctions import signer_for

    if official == Off.PPK:
        return ppk()
    person = signer_for(official, employee)
    if person is None or not person.is_active:
        return None
    signatory = from_employee(person, official)
    return signatory if signatory.is_active else None


def decision_signatory(decision: Decision) -> Signatory:
    """The signatory a decision records; resolved (and stored) when it was not known at decision time.
    Raises ValidationError with a message an officer can act on."""
    if decision.signatory_id:
        return decision.signatory
    signatory = signatory_for(decision.authorised_official, decision.case.employee)
    if signatory is None:
        raise ValidationError(
            _(
                "Pejabat berwenang (%(o)s) untuk keputusan ini belum terdaftar sebagai pejabat penandatangan; admin mengisinya pada menu Pejabat Penandatangan."
            )
            % {"o": Off(decision.authorised_official).label}
        )
    Decision.objects.filter(pk=decision.pk).update(signatory=signatory)
    decision.signatory = signatory
    return signatory
