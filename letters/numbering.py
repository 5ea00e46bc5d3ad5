"""Letter numbers (brief §4.1): ``{code}/{seq}/{unit}/{year}`` with one yearly register per archive
classification code and unit, kept by the project's one gap-free counter (``netralitas_site.counters``).

Numbers are allocated only inside the transaction that signs the letter, so a rolled-back
signature gives its number back (gap-free) and two signatures never share one (unique).
The archive codes are configured per Pemda (``NumberingRule``); a code nobody has confirmed is a
placeholder and is refused on a signed document (``check_codes``), and a system check warns.
"""

from __future__ import annotations

import datetime as dt
import string

from django.utils.translation import gettext as _

from netralitas_site.counters import next_value

from .dates import roman_month
from .kinds import spec
from .models import LetterCounter, Letterhead, NumberingRule
from .workflow import IllegalStep

PLACEHOLDERS = {"code", "seq", "unit", "year", "month", "roman_month"}


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


def unit_of(rule: NumberingRule, letterhead: Letterhead) -> str:
    return rule.unit_code or letterhead.unit_code


def placeholder_reason(letterhead: Letterhead, kind: str) -> str | None:
    """Why the code for ``kind`` at ``letterhead`` is still a placeholder, or None when it is configured."""
    rule = rule_for(letterhead, kind)
    if rule.pk is None or not rule.code_confirmed:
        return _(
            "Kode klasifikasi arsip “%(code)s” untuk %(kind)s masih contoh. Admin harus mengisi dan mencentang "
            "“kode sudah diperiksa” pada Aturan penomoran kop surat (Permendagri 83/2022) sebelum surat ditandatangani."
        ) % {"code": rule.classification_code, "kind": spec(kind).title.title()}
    return None


def allocate(*, letterhead: Letterhead, kind: str, on: dt.date) -> tuple[str, int]:
    """Next number in the register of (archive code, unit, year). Must run inside the signing transaction."""
    reason = placeholder_reason(letterhead, kind)
    if reason:
        raise IllegalStep(reason)
    rule = rule_for(letterhead, kind)
    unit = unit_of(rule, letterhead)
    seq = next_value(LetterCounter, field="last_value", code=rule.classification_code, unit=unit, year=on.year)
    number = format_number(rule.pattern, code=rule.classification_code, seq=seq, width=rule.seq_width, unit=unit, on=on)
    return number, seq
