"""Sanction recommendation and the authority matrix (brief §2.1, §2.5, §3.3, §3.5).

``recommend`` is the ONE function that proposes a sanction; ``AUTHORITY_MATRIX`` is the ONE
place that says which official signs. Configure the matrix per Pemda (brief §3.3: do not
hard-code beyond defaults); ``settings.CASES_AUTHORITY_MATRIX`` overrides entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from legal import regimes, repeat, violations
from registry.models import Employee

from .models import Appeal, Case, Decision, SanctionType

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
    """The Pemda's working menu for ``status`` (cases.SanctionType, seeded from legal.regimes), lightest first.
    Dismissal outcomes outside the ladder (PTDH, PHPK tidak dengan hormat) are not rungs."""
    qs = SanctionType.objects.filter(track=track, is_active=True).exclude(level="ptdh").order_by("rung")
    return [s for s in qs if s.applies_to_status(status)]


def prior_decisions(employee: Employee, track: str, *, exclude_case: Case | None = None) -> list[Decision]:
    """Earlier substantiated decisions on ``track``, oldest first, with ``annulled`` set when an appeal annulled them."""
    qs = Decision.objects.filter(case__employee=employee, track=track, substantiated=True).select_related(
        "sanction_type", "case__violation_type"
    )
    if exclude_case is not None:
        qs = qs.exclude(case=exclude_case)
    annulled = set(
        Appeal.objects.filter(decision__in=qs, outcome=Appeal.Outcome.ANNULLED).values_list("decision_id", flat=True)
    )
    decisions = list(qs.order_by("decided_on", "id"))
    for d in decisions:
        d.annulled = d.pk in annulled
    return decisions


def _as_prior(d: Decision) -> repeat.Prior:
    vt = d.case.violation_type
    return repeat.Prior(
        violation_code=vt.code if vt else "",
        sanction_code=d.sanction_type.code,
        rung=d.sanction_type.rung,
        decided_on=d.decided_on,
        annulled=d.annulled,
        reference=d.case.reference,
    )


def _heavier(steps: list[SanctionType], last: SanctionType, status: str) -> SanctionType | None:
    """The lightest rung heavier than ``last``. Same menu: by rung; a menu of another status (the employee's
    status changed since): the first rung of a strictly higher level."""
    if last.applies_to_status(status):
        return next((s for s in steps if s.rung > last.rung), None)
    order = {"ringan": 1, "sedang": 2, "berat": 3}
    return next((s for s in steps if order.get(s.level, 0) > order.get(last.level, 0)), None)


def recommend(case: Case, track: str) -> Recommendation:
    """Proposed sanction for ``track`` (brief §2, §3.5), driven by the legal tables:
    the status held on the date of the act picks the regime (legal.regimes); the catalogue entry picks the level
    (legal.violations.level, Pemda options where unconfirmed); party membership goes to the dismissal outcome
    of that status; a repeat of the SAME violation type climbs above the LAST decision for that type, and
    decisions annulled on appeal do not count (legal.repeat)."""
    status = case.employee_status or case.employee.status
    regime = regimes.regime(status)
    steps = ladder(track, status)
    vt = case.violation_type
    reasons: list[str] = [
        _("Status pada tanggal perbuatan: %(s)s; dasar: %(b)s.")
        % {"s": regime.label, "b": "; ".join(str(a) for a in regime.discipline)}
    ]
    prior = prior_decisions(case.employee, track, exclude_case=case)
    if vt is None:
        reasons.append(_("Jenis pelanggaran belum ditetapkan."))
        return Recommendation(track, None, Off.PPK, reasons, prior)
    rule = violations.get(vt.code)
    if track == SanctionType.Track.MORAL:
        if not vt.ethics:
            reasons.append(_("Jenis pelanggaran ini tidak termasuk pelanggaran kode etik."))
            return Recommendation(track, None, Off.PPK, reasons, prior)
        if not regimes.moral_allowed(status):
            reasons.append(
                _("Sanksi moral Pasal 15 PP 42/2004 tidak dijatuhkan kepada %(s)s (lihat halaman dasar hukum).")
                % {"s": regime.label}
            )
            return Recommendation(track, None, Off.PPK, reasons, prior)
        level = "moral"
        base = steps[0] if steps else None
        reasons.append(_("Pelanggaran kode etik: sanksi moral menurut Pasal 15 PP 42/2004, dinyatakan oleh PPK."))
    else:
        level = violations.level(vt.code, vt.discipline_level)
        if not level:
            if rule and rule.note:  # e.g. the supervisor's failure: the official sets the level
                reasons.append(f"{rule.note} ({rule.level_set_by})")
            else:
                reasons.append(_("Jenis pelanggaran ini tidak memiliki tingkat hukuman disiplin (hanya kode etik)."))
            return Recommendation(track, None, Off.PPK, reasons, prior)
        if level == violations.PTDH:
            return _dismissal(track, status, case, reasons, prior)
        at_level = [s for s in steps if s.level == level]
        base = at_level[0] if at_level else (steps[-1] if steps else None)
        source = str(rule.level_set_by) if rule and rule.level_set_by else vt.legal_basis or vt.code
        reasons.append(_("Tingkat %(level)s menurut %(src)s.") % {"level": level, "src": source})
        if rule and rule.level_option:
            reasons.append(
                _("Tingkat belum dikonfirmasi: %(note)s Nilai Pemda (%(opt)s): %(v)s.")
                % {"note": rule.note or "", "opt": rule.level_option, "v": level}
            )
    sanction = _apply_repeat(steps, base, prior, vt.code, status, reasons)
    level_for_official = sanction.level if sanction else level
    official = authorised_official(level_for_official, case.employee.position_kind)
    reasons.append(_("Pejabat berwenang: %(o)s.") % {"o": Off(official).label})
    return Recommendation(track, sanction, official, reasons, prior)


def _apply_repeat(steps, base, prior, code: str, status: str, reasons: list[str]) -> SanctionType | None:
    annulled = [d for d in prior if d.annulled]
    if annulled:
        reasons.append(
            _("%(n)s keputusan yang dibatalkan pada upaya administratif tidak dihitung sebagai pengulangan.")
            % {"n": len(annulled)}
        )
    last = repeat.last_same_type([_as_prior(d) for d in prior], code)
    others = [d for d in prior if not d.annulled and _as_prior(d).violation_code != code]
    if others:
        reasons.append(
            _(
                "%(n)s keputusan terdahulu untuk jenis pelanggaran lain tidak menaikkan tingkat (pengulangan dihitung per jenis)."
            )
            % {"n": len(others)}
        )
    if last is None:
        reasons.append(_("Pelanggaran pertama untuk jenis ini: hukuman teringan pada tingkat tersebut."))
        return base
    last_decision = next(d for d in reversed(prior) if d.case.reference == last.reference and not d.annulled)
    heavier = _heavier(steps, last_decision.sanction_type, status)
    reasons.append(
        _("Pengulangan jenis yang sama: keputusan terakhir “%(s)s” (%(ref)s, %(date)s); wajib lebih berat (%(art)s).")
        % {
            "s": last_decision.sanction_type.name,
            "ref": last.reference,
            "date": last.decided_on.strftime("%d-%m-%Y"),
            "art": str(repeat.ARTICLE),
        }
    )
    if heavier is None:
        reasons.append(_("Keputusan terakhir sudah hukuman terberat pada menu ini; tetap hukuman terberat."))
        return steps[-1] if steps else base
    if base is None or heavier.rung > base.rung:
        return heavier
    return base


def _dismissal(track: str, status: str, case: Case, reasons: list[str], prior) -> Recommendation:
    """Party membership (SKB 2022 #9): PTDH / PHPK tidak dengan hormat / contract termination, not a ladder rung."""
    outcome = regimes.dismissal_outcome(status)
    sanction = SanctionType.objects.filter(code=outcome.code, is_active=True).first()
    if status == "honorer":
        reasons.append(
            _("Menjadi anggota/pengurus partai politik: %(o)s menurut SE MenPAN-RB 1/2023 dan perjanjian kerja.")
            % {"o": outcome.label(status).lower()}
        )
    else:
        reasons.append(
            _("Menjadi anggota/pengurus partai politik: %(o)s menurut %(a)s; ini bukan anak tangga hukuman PP 94/2021.")
            % {"o": outcome.label(status), "a": str(outcome.article)}
        )
    official = authorised_official("berat", case.employee.position_kind)
    reasons.append(_("Pejabat berwenang: %(o)s.") % {"o": Off(official).label})
    return Recommendation(track, sanction, official, reasons, prior)
