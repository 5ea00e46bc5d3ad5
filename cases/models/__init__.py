from .authority import Signatory
from .case import (
    Appeal,
    Case,
    CaseCounter,
    Decision,
    Evidence,
    EvidenceImmutableError,
    Examination,
    FollowUpAction,
    Notification,
    PostSubject,
    Recommendation,
    ReportedPost,
    Sanction,
    SanctionType,
    ViolationType,
)
from .supervision import SupervisorDuty

__all__ = [
    "Appeal",
    "Case",
    "CaseCounter",
    "Decision",
    "Evidence",
    "EvidenceImmutableError",
    "Examination",
    "FollowUpAction",
    "Notification",
    "PostSubject",
    "Recommendation",
    "ReportedPost",
    "Signatory",
    "Sanction",
    "SanctionType",
    "SupervisorDuty",
    "ViolationType",
]
