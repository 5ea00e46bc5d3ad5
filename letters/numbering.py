"""Letter numbers: a per-agency, per-kind, per-year counter row locked with SELECT ... FOR UPDATE.

Numbers are allocated only inside the transaction that signs the letter, so a rolled-back
signature gives its number back (gap-free) and two signatures never share one (unique).
"""

from __future__ import annotations

import datetime as dt
import string

from django.db import transaction

from .dates import roman_month
from .kinds import spec
from .models import LetterCounter, Letterhead, NumberingRule

PLACEHOLDERS = {"code", "seq", "unit", "year", "month", "roman_month"}
DEFAULT_PATTERN = "{code}/{seq}/{unit}/{year}"


def validate_pattern(pattern: str) -> None:
    names = {name for _lit, name, _spec, _conv in string.Formatter().parse(pattern) if name is not None}
    unknown = names - PLACEHOLDERS
    if unknown:
        raise ValueError(f"Unknown placeholders: {', '.join(sorted(unknown))}")
    if "seq" not in names:
        raise ValueError("The pattern must contain {seq}")


def format_number(pattern: str, *, code: str, seq: int, width: int, unit: str, on: dt.date) -> str:
    validate_pattern(pattern)
    return pattern.format(
        code=code,
        seq=str(seq).zfill(width),
        unit=unit,
        year=on.year,
        month=f"{on.month:02d}",
        roman_month=roman_month(on),
    )


def rule_for(letterhead: Letterhead, kind: str) -> NumberingRule:
    rule = NumberingRule.objects.filter(letterhead=letterhead, kind=kind).first() if letterhead.pk else None
    if rule is None:  # unsaved default
        rule = NumberingRule(letterhead=letterhead, kind=kind, classification_code=spec(kind).code)
    return rule


def preview(letterhead: Letterhead, kind: str, on: dt.date) -> str:
    """How the number will look, with dots for the sequence (drafts are never numbered)."""
    rule = rule_for(letterhead, kind)
    number = format_number(
        rule.pattern,
        code=rule.classification_code,
        seq=0,
        width=rule.seq_width,
        unit=rule.unit_code or letterhead.unit_code,
        on=on,
    )
    return number.replace("0" * rule.seq_width, "…" * 3, 1)


def allocate(*, letterhead: Letterhead, kind: str, on: dt.date) -> tuple[str, int]:
    """Next number for (agency, kind, year). Must run inside the signing transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Letter numbers are allocated only inside the approval transaction.")
    LetterCounter.objects.bulk_create(
        [LetterCounter(letterhead=letterhead, kind=kind, year=on.year)], ignore_conflicts=True
    )
    counter = LetterCounter.objects.select_for_update().get(letterhead=letterhead, kind=kind, year=on.year)
    counter.last_value += 1
    counter.save(update_fields=["last_value"])
    rule = rule_for(letterhead, kind)
    number = format_number(
        rule.pattern,
        code=rule.classification_code,
        seq=counter.last_value,
        width=rule.seq_width,
        unit=rule.unit_code or letterhead.unit_code,
        on=on,
    )
    return number, counter.last_value
