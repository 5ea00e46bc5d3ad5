from .election import CandidatePair, CandidateSymbol, Election
from .org import Employee, OrgUnit

__all__ = ["CandidatePair", "CandidateSymbol", "Election", "Employee", "OrgUnit"]
