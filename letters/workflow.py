"""The letter state machine: the one table of which step may follow which.

draft/returned --submit--> verifying (verifiers named) or awaiting_signature
verifying --initial--> verifying ... --initial (last)--> awaiting_signature
verifying/awaiting_signature --return--> returned (edit, then submit again)
awaiting_signature --approve--> issued (numbered, rendered, frozen)
issued --acknowledge / record_receipt--> acknowledged
issued/acknowledged --supersede--> superseded (when its correction is issued)
draft/returned --cancel--> cancelled
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Letter

S = Letter.Status


class IllegalStep(Exception):
    """A step that the current state of the letter does not allow; the message is shown to the user."""


TRANSITIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "edit": (frozenset({S.DRAFT, S.RETURNED}), frozenset({S.DRAFT, S.RETURNED})),
    "submit": (frozenset({S.DRAFT, S.RETURNED}), frozenset({S.VERIFYING, S.AWAITING_SIGNATURE})),
    "initial": (frozenset({S.VERIFYING}), frozenset({S.VERIFYING, S.AWAITING_SIGNATURE})),
    "return": (frozenset({S.VERIFYING, S.AWAITING_SIGNATURE}), frozenset({S.RETURNED})),
    "approve": (frozenset({S.AWAITING_SIGNATURE}), frozenset({S.ISSUED})),
    "acknowledge": (frozenset({S.ISSUED}), frozenset({S.ACKNOWLEDGED})),
    "record_receipt": (frozenset({S.ISSUED}), frozenset({S.ACKNOWLEDGED})),
    "correct": (frozenset({S.ISSUED, S.ACKNOWLEDGED}), frozenset({S.ISSUED, S.ACKNOWLEDGED})),
    "supersede": (frozenset({S.ISSUED, S.ACKNOWLEDGED}), frozenset({S.SUPERSEDED})),
    "cancel": (frozenset({S.DRAFT, S.RETURNED}), frozenset({S.CANCELLED})),
}

ACTION_LABELS = {
    "edit": gettext_lazy("mengubah"),
    "submit": gettext_lazy("mengajukan"),
    "initial": gettext_lazy("memaraf"),
    "return": gettext_lazy("mengembalikan"),
    "approve": gettext_lazy("menandatangani"),
    "acknowledge": gettext_lazy("mengonfirmasi penerimaan"),
    "record_receipt": gettext_lazy("mencatat tanda terima"),
    "correct": gettext_lazy("membuat ralat"),
    "supersede": gettext_lazy("mengganti"),
    "cancel": gettext_lazy("membatalkan"),
}


def allowed(letter: Letter, action: str) -> bool:
    return letter.status in TRANSITIONS[action][0]


def check(letter: Letter, action: str) -> None:
    if not allowed(letter, action):
        raise IllegalStep(
            _("Tidak dapat %(action)s surat berstatus “%(status)s”.")
            % {"action": ACTION_LABELS[action], "status": letter.get_status_display()}
        )


def move(letter: Letter, action: str, to: str) -> str:
    """Check and apply a transition; returns the previous status (caller saves)."""
    check(letter, action)
    if to not in TRANSITIONS[action][1]:
        raise IllegalStep(
            _("Langkah %(action)s tidak dapat menghasilkan status %(to)s.") % {"action": action, "to": to}
        )
    previous = letter.status
    letter.status = to
    return previous


def actions_for(letter: Letter) -> list[str]:
    return [name for name in TRANSITIONS if allowed(letter, name)]
