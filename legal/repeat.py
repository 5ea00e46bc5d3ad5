"""Repeat offence (brief §3.5): a new violation of the SAME type gets a punishment heavier than the LAST
decision for that type; decisions annulled on appeal do not count. Article in PP 94/2021 unconfirmed
(the rule comes from PP 53/2010 and is reported as retained).

"Same type" is the same catalogue entry (code). That is the narrow, conservative reading: a different
kind of neutrality breach does not raise the punishment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from . import regimes
from .articles import art

ARTICLE = art("pp94", "aturan pengulangan (pasal belum dikonfirmasi)", unconfirmed=True)


@dataclass(frozen=True)
class Prior:
    violation_code: str
    sanction_code: str
    rung: int
    decided_on: dt.date
    annulled: bool = False
    reference: str = ""


def last_same_type(priors: list[Prior], violation_code: str) -> Prior | None:
    """The most recent decision for the same violation type that was not annulled on appeal."""
    same = [p for p in priors if p.violation_code == violation_code and not p.annulled]
    return max(same, key=lambda p: (p.decided_on, p.rung), default=None)


def heavier_than(ladder: list[regimes.SanctionRule], rung: int) -> regimes.SanctionRule | None:
    """The lightest rung above ``rung`` on the ladder, or None when the last decision is already the top."""
    return next((s for s in ladder if s.rung > rung), None)
