"""The registry: organisation units, employees and their social-media accounts, elections and candidate pairs.

These models moved here from ``cases``; their tables kept the ``cases_`` names (see migrations 0001 of
registry and 0011 of cases), so no data moved.
"""

from .election import GESTURE_CHOICES, CandidatePair, CandidateSymbol, Election
from .org import Employee, OrgUnit
from .social import Platform, SocialAccount

__all__ = [
    "GESTURE_CHOICES",
    "CandidatePair",
    "CandidateSymbol",
    "Election",
    "Employee",
    "OrgUnit",
    "Platform",
    "SocialAccount",
]
