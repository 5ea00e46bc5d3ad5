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

__all__ = [
    "authorised_official",
    "decision_signatory",
    "from_employee",
    "ppk",
    "rank_text",
    "signatory_for",
    "tim_pemeriksa_refusal",
]
TIM_PEMERIKSA_MIN = 3  # atasan langsung + unsur pengawasan + unsur kepegawaian (brief §3.2)
SUSPECTED_BERAT = ("berat", "ptdh")

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


def tim_pemeriksa_refusal(case, examiners: list[str]) -> str | None:
    """PP 94/2021 (Tim Pemeriksa; article unconfirmed, brief §3.2): a violation rated berat (or PTDH) is examined
    by a Tim Pemeriksa, not by the supervisor alone. Who examines is part of who holds authority over the case."""
    level = getattr(getattr(case, "violation_type", None), "discipline_level", "") or ""
    if level in SUSPECTED_BERAT and len([e for e in examiners if e.strip()]) < TIM_PEMERIKSA_MIN:
        return _(
            "Dugaan pelanggaran diancam hukuman berat: pemeriksaan wajib oleh Tim Pemeriksa (atasan langsung, "
            "unsur pengawasan, unsur kepegawaian) — paling sedikit %(n)s pemeriksa, satu per baris."
        ) % {"n": TIM_PEMERIKSA_MIN}
    return None
