"""Sanction recommendation and the authority matrix (brief §2.1, §2.5, §3.3, §3.5).

``recommend`` is the ONE function that proposes a sanction; ``AUTHORITY_MATRIX`` is the ONE
place that says which official signs. Configure the matrix per Pemda (brief §3.3: do not
hard-code beyond defaults); ``settings.CASES_AUTHORITY_MATRIX`` overrides entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from .models import Case, Decision, Employee, SanctionType

Off = Decision.Official

# (sanction level, employee position kind or "*") -> official. Most specific entry wins.
AUTHORITY_MATRIX: dict[tuple[str, str], str] = {
    ("ringan", "*"): Off.SUPERVISOR,
    ("sedang", "*"): Off.HEAD_OF_OPD,
    ("berat", "*"): Off.PPK,
    ("moral", "*"): Off.PPK,
    # A head of OPD (JPT) is punished by the PPK whatever the level.
    ("ringan", "jpt"): Off.PPK,
    ("sedang", "jpt"): Off.PPK,
}

_LEVEL_FOR_STATUS = {"pns": "pns", "cpns": "pns", "pppk": "pppk", "honorer": "honorer"}


def authorised_official(level: str, position_kind: str) -> str:
    matrix = {**AUTHORITY_MATRIX, **getattr(settings, "CASES_AUTHORITY_MATRIX", {})}
    return matrix.get((level, position_kind)) or matrix.get((level, "*")) or Off.PPK


def signer_for(official: str, employee: Employee) -> Employee | None:
    """The registry person who signs: the direct supervisor, the JPT head of the OPD, or None (PPK = Bupati)."""
    if official == Off.SUPERVISOR:
        return employee.supervisor
    if official == Off.HEAD_OF_OPD:
        unit = employee.unit
        while unit.parent_id:
            unit = unit.parent
        return (
            Employee.objects.filter(unit=unit, position_kind=Employee.PositionKind.JPT, is_active=True)
            .exclude(pk=employee.pk)
            .first()
        )
    return None


@dataclass
class Recommendation:
    track: str
    sanction: SanctionType | None
    official: str
    reasons: list[str] = field(default_factory=list)
    prior: list[Decision] = field(default_factory=list)


def ladder(track: str, status: str) -> list[SanctionType]:
    qs = SanctionType.objects.filter(track=track, is_active=True).exclude(level="ptdh").order_by("rung")
    return [s for s in qs if s.applies_to_status(status)]


def prior_decisions(employee: Employee, track: str, *, exclude_case: Case | None = None) -> list[Decision]:
    qs = Decision.objects.filter(case__employee=employee, track=track, substantiated=True).select_related(
        "sanction_type", "case"
    )
    if exclude_case is not None:
        qs = qs.exclude(case=exclude_case)
    return list(qs.order_by("decided_on"))


def recommend(case: Case, track: str) -> Recommendation:
    """Proposed sanction for ``track`` from the violation's level and the employee's prior substantiated
    violations (a repeat moves one rung up the ladder above the heaviest earlier sanction)."""
    status = case.employee_status or case.employee.status
    steps = ladder(track, status)
    vt = case.violation_type
    reasons: list[str] = []
    prior = prior_decisions(case.employee, track, exclude_case=case)
    if vt is None:
        return Recommendation(track, None, Off.PPK, [_("Jenis pelanggaran belum ditetapkan.")], prior)
    if track == SanctionType.Track.MORAL:
        if not vt.ethics:
            reasons.append(_("Jenis pelanggaran ini tidak termasuk pelanggaran kode etik."))
            return Recommendation(track, None, Off.PPK, reasons, prior)
        if status == "honorer":
            reasons.append(_("Sanksi moral PP 42/2004 hanya untuk ASN."))
            return Recommendation(track, None, Off.PPK, reasons, prior)
        base_level = "moral"
        base = steps[0] if steps else None
        reasons.append(
            _("Pelanggaran kode etik (SKB 2022 no. %(n)s): sanksi moral, dinyatakan oleh PPK.") % {"n": vt.number}
        )
    else:
        level = vt.discipline_level
        if not level:
            reasons.append(_("Jenis pelanggaran ini tidak memiliki tingkat hukuman disiplin (hanya kode etik)."))
            return Recommendation(track, None, Off.PPK, reasons, prior)
        if level == "ptdh":
            reasons.append(
                _(
                    "Keanggotaan partai: PTDH menurut UU 20/2023 Pasal 52, di luar PP 94/2021; diusulkan hukuman terberat."
                )
            )
            level = "berat"
        base_level = level
        at_level = [s for s in steps if s.level == level]
        base = at_level[0] if at_level else (steps[-1] if steps else None)
        reasons.append(
            _("Tingkat hukuman menurut katalog (SKB 2022 no. %(n)s): %(level)s.") % {"n": vt.number, "level": level}
        )
    sanction = base
    if prior and steps:
        heaviest = max(prior, key=lambda d: d.sanction_type.rung)
        higher = [s for s in steps if s.rung > heaviest.sanction_type.rung]
        next_rung = higher[0] if higher else steps[-1]
        reasons.append(
            _("Pengulangan: %(n)s pelanggaran terbukti sebelumnya, terberat “%(s)s” (%(ref)s); naik satu tingkat.")
            % {"n": len(prior), "s": heaviest.sanction_type.name, "ref": heaviest.case.reference}
        )
        if base is None or next_rung.rung > base.rung:
            sanction = next_rung
        if not higher:
            reasons.append(_("Sudah pada tingkat tertinggi tangga sanksi."))
    elif not prior:
        reasons.append(_("Pelanggaran pertama: tingkat terendah pada jenjang tersebut."))
    level_for_official = sanction.level if sanction else base_level
    official = authorised_official(level_for_official, case.employee.position_kind)
    reasons.append(_("Pejabat berwenang: %(o)s.") % {"o": Off(official).label})
    return Recommendation(track, sanction, official, reasons, prior)
