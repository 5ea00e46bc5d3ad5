"""Seed the violation and sanction catalogues from the legal tables (``legal.violations``, ``legal.regimes``).

The tables in ``legal/`` are the one home of what the regulations say; the database rows are the Pemda's
working copy (admins may add local types or adjust the PPPK/honorer menus in Django admin). Used by data
migrations; rerunning updates the rows of known codes and never deletes anything.
"""

from legal import regimes, violations


def violation_basis(rule: violations.ViolationRule) -> str:
    parts = [rule.reference, f"dilarang: {rule.prohibited_by}"]
    if rule.level_set_by:
        parts.append(
            f"tingkat: {rule.level_set_by}" + (" (belum dikonfirmasi)" if rule.level_set_by.unconfirmed else "")
        )
    return "; ".join(parts)[:300]


def seed(apps) -> None:
    ViolationType = apps.get_model("cases", "ViolationType")
    SanctionType = apps.get_model("cases", "SanctionType")
    for rule in violations.VIOLATIONS:
        ViolationType.objects.update_or_create(
            code=rule.code,
            defaults={
                "number": rule.number,
                "title": rule.title,
                "ethics": rule.ethics,
                "discipline_level": violations.level(rule.code),
                "legal_basis": violation_basis(rule),
            },
        )
    for s in regimes.SANCTIONS:
        SanctionType.objects.update_or_create(
            code=s.code,
            defaults={
                "name": s.name,
                "track": s.track,
                "level": s.level,
                "applies_to": s.applies_to,
                "rung": s.rung,
                "duration_months": s.months,
                "legal_basis": str(s.article),
            },
        )
