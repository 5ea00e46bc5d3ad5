"""Thin adapter: a letter kind -> the citation purpose of ``legal.citations`` (the one home of legal texts)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError

from legal import citations

from .kinds import LetterKind

_PURPOSE = {
    LetterKind.SUMMONS_1: citations.SUMMONS,
    LetterKind.SUMMONS_2: citations.SUMMONS,
    LetterKind.EXAMINATION: citations.EXAMINATION,
    LetterKind.WRITTEN_WARNING: citations.PUNISHMENT,
    LetterKind.DISSATISFACTION: citations.PUNISHMENT,
    LetterKind.DECISION: citations.PUNISHMENT,
    LetterKind.MORAL_CLOSED: citations.MORAL_CLOSED,
    LetterKind.MORAL_OPEN: citations.MORAL_OPEN,
}

violation_phrase = citations.violation_phrase
decision_references = citations.decision_references


def build(
    *, kind: str, status: str, violation: Any = None, sanction: Any = None, exam_date: str = "", decision_no: str = ""
) -> str:
    """One paragraph of legal basis for ``kind``; ``sanction`` is a cases.SanctionType (or None)."""
    purpose = _PURPOSE.get(LetterKind(kind), citations.COACHING)
    try:
        return citations.paragraph(
            purpose=purpose, status=status or "pns", violation=violation, sanction=sanction, exam_date=exam_date
        )
    except ValueError as exc:  # e.g. a moral statement for an employee PP 42/2004 does not cover
        raise ValidationError(f"Jenis surat ini tidak berlaku untuk status pegawai tersebut ({exc}).") from exc
