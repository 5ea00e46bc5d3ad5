"""Letter business rules: drafting, initials, review, signing (numbering + freezing), receipt, correction.

Every step checks the acting user's capability, goes through ``workflow`` (the state machine) and
writes an audit event in the same transaction.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import can, employee_of
from audit.services import record
from printing import verification
from printing.pdf import sha256_hex

from . import numbering, procedure, rendering, workflow
from .kinds import spec
from .models import Letter, Letterhead, LetterVerifier
from .workflow import IllegalStep

S = Letter.Status
EDITABLE_FIELDS = [
    "letterhead",
    "employee",
    "addressee_name",
    "addressee_nip",
    "addressee_rank",
    "addressee_position",
    "addressee_unit",
    "sifat",
    "attachment",
    "subject",
    "legal_basis",
    "body",
    "details",
    "copies",
    "signatory",
    "signer",
]


class NotAllowed(IllegalStep):
    """The acting user may not take this step on this letter."""


def _need(user: Any, capability: str) -> None:
    if not can(user, capability):
        raise NotAllowed(_("Anda tidak berwenang melakukan langkah ini."))


def _locked(letter_id: int) -> Letter:
    return Letter.objects.select_for_update(of=("self",)).select_related("letterhead", "employee").get(pk=letter_id)


def _bind_signature(letter: Letter) -> None:
    """Tie the letter to the case's decision and to the official in whose name it is signed.

    A punishment, moral sanction or dismissal letter carries the sanction and the official the decision
    records (never another); the printed name, title, rank and NIP always come from that official; the
    account that records the signature must be the official's own or one of his operators."""
    from cases.authorities import decision_signatory

    if spec(letter.kind).authority:
        decision = procedure.decision_for_kind(letter.case, letter.kind)
        if decision is None:
            raise IllegalStep(procedure.refusal(letter.kind, letter.case) or _("Keputusan kasus belum dicatat."))
        letter.decision = decision
        try:
            authorised = decision_signatory(decision)
        except ValidationError as exc:
            raise IllegalStep(exc.messages[0]) from exc
        if letter.signatory_id and letter.signatory_id != authorised.pk:
            raise IllegalStep(
                _(
                    "Surat ini hanya dapat ditandatangani atas nama %(name)s (%(title)s), pejabat yang tercatat "
                    "berwenang pada keputusan kasus; bukan atas nama %(other)s."
                )
                % {"name": authorised.name, "title": authorised.title, "other": letter.signatory.name}
            )
        letter.signatory = authorised
    signatory = letter.signatory
    if signatory is None:
        raise IllegalStep(_("Pilih pejabat penandatangan."))
    if not signatory.is_active:
        raise IllegalStep(_("%(name)s tidak lagi menjabat; pilih pejabat yang sedang menjabat.") % {"name": signatory})
    if signatory.letterhead_id and not signatory.is_regional_head:
        letter.letterhead = signatory.letterhead  # the kop of the official's own perangkat daerah
    letter.signer_name = signatory.name
    letter.signer_position = signatory.title
    letter.signer_rank = signatory.rank
    letter.signer_nip = "" if signatory.is_regional_head else signatory.nip
    if letter.signer_id and not can(letter.signer, "letters.sign"):
        raise IllegalStep(_("Akun perekam tanda tangan harus akun pimpinan yang berwenang menandatangani surat."))
    if letter.signer_id and not signatory.may_be_recorded_by(letter.signer):
        raise IllegalStep(
            _("Akun %(user)s tidak tercatat sebagai %(name)s atau operatornya; tanda tangan tidak dapat direkam.")
            % {"user": letter.signer.get_username(), "name": signatory.name}
        )


def _set_verifiers(letter: Letter, verifiers: list[Any]) -> None:
    letter.verifiers.all().delete()
    seen = set()
    position = 0
    for user in verifiers:
        if user is None or user.pk in seen:
            continue
        if not can(user, "letters.verify"):
            raise IllegalStep(_("%(user)s tidak berwenang memaraf surat.") % {"user": user})
        seen.add(user.pk)
        position += 1
        LetterVerifier.objects.create(letter=letter, position=position, user=user)


def _step(
    letter: Letter,
    action: str,
    target: str,
    *,
    acting_user: Any,
    audit_action: str,
    fields: tuple[str, ...] = (),
    changes: dict[str, Any] | None = None,
    reason: str = "",
    request=None,
) -> Letter:
    """Move along the state machine, save the status (and ``fields``), write the audit event."""
    previous = workflow.move(letter, action, target)
    letter.save(update_fields=["status", *fields, "updated_at"])
    record(
        audit_action,
        actor=acting_user,
        subject=letter,
        case_id=letter.case_id,
        changes={**(changes or {}), "status": [previous, letter.status]},
        reason=reason,
        request=request,
    )
    return letter


@transaction.atomic
def create_draft(*, acting_user: Any, data: dict[str, Any], verifiers: list[Any] = (), request=None) -> Letter:
    _need(acting_user, "letters.draft")
    fields = {k: v for k, v in data.items() if k in EDITABLE_FIELDS + ["kind", "case", "decision", "replaces"]}
    letter = Letter(created_by=acting_user, status=S.DRAFT, **fields)
    procedure.check_draft(letter.kind, letter.case, replaces=letter.replaces)
    if letter.case_id:
        letter.employee = letter.case.employee  # a case's letter is addressed to the case's employee
    if letter.signatory_id is None and not spec(letter.kind).authority:
        from .drafting import default_signatory

        letter.signatory = default_signatory(letter.kind, letter.case, letter.employee, create=True)
    _bind_signature(letter)
    letter.save()
    _set_verifiers(letter, list(verifiers))
    record(
        "letters.draft",
        actor=acting_user,
        subject=letter,
        case_id=letter.case_id,
        changes={"kind": letter.kind, "replaces": letter.replaces_id},
        request=request,
    )
    return letter


@transaction.atomic
def update_draft(
    *, letter_id: int, acting_user: Any, data: dict[str, Any], verifiers: list[Any] | None = None, request=None
) -> Letter:
    _need(acting_user, "letters.draft")
    letter = _locked(letter_id)
    workflow.check(letter, "edit")
    changes = {}
    for name in EDITABLE_FIELDS:
        if name in data:
            old, new = getattr(letter, name), data[name]
            if old != new:
                changes[name] = [old, new]
                setattr(letter, name, new)
    _bind_signature(letter)
    letter.save()
    if verifiers is not None:
        _set_verifiers(letter, verifiers)
    record("letters.edit", actor=acting_user, subject=letter, case_id=letter.case_id, changes=changes, request=request)
    return letter


@transaction.atomic
def submit(*, letter_id: int, acting_user: Any, request=None) -> Letter:
    _need(acting_user, "letters.draft")
    letter = _locked(letter_id)
    letter.verifiers.update(initialled_at=None)
    target = S.VERIFYING if letter.verifiers.exists() else S.AWAITING_SIGNATURE
    return _step(letter, "submit", target, acting_user=acting_user, audit_action="letters.submit", request=request)


def next_verifier(letter: Letter) -> LetterVerifier | None:
    return letter.verifiers.filter(initialled_at__isnull=True).order_by("position").first()


@transaction.atomic
def initial(*, letter_id: int, acting_user: Any, request=None) -> Letter:
    """Paraf by the next verifier in order."""
    _need(acting_user, "letters.verify")
    letter = _locked(letter_id)
    workflow.check(letter, "initial")
    step = next_verifier(letter)
    if step is None or step.user_id != acting_user.pk:
        raise NotAllowed(_("Surat ini belum menunggu paraf Anda (paraf dilakukan berurutan)."))
    step.initialled_at = timezone.now()
    step.save(update_fields=["initialled_at"])
    target = S.VERIFYING if next_verifier(letter) else S.AWAITING_SIGNATURE
    return _step(
        letter, "initial", target, acting_user=acting_user, audit_action="letters.initial",
        changes={"position": step.position}, request=request,
    )  # fmt: skip


def may_review(letter: Letter, user: Any) -> bool:
    if letter.status == S.AWAITING_SIGNATURE:
        return letter.signer_id == user.pk
    if letter.status == S.VERIFYING:
        step = next_verifier(letter)
        return step is not None and step.user_id == user.pk
    return False


@transaction.atomic
def return_for_revision(*, letter_id: int, acting_user: Any, comment: str, request=None) -> Letter:
    _need(acting_user, "letters.verify")
    if not comment.strip():
        raise IllegalStep(_("Tuliskan catatan perbaikan saat mengembalikan surat."))
    letter = _locked(letter_id)
    workflow.check(letter, "return")
    if not may_review(letter, acting_user):
        raise NotAllowed(_("Surat ini tidak sedang menunggu tindakan Anda."))
    previous = workflow.move(letter, "return", S.RETURNED)
    letter.review_comment = comment.strip()
    letter.save(update_fields=["status", "review_comment", "updated_at"])
    letter.verifiers.update(initialled_at=None)
    record(
        "letters.return",
        actor=acting_user,
        subject=letter,
        case_id=letter.case_id,
        changes={"status": [previous, letter.status]},
        reason=comment,
        request=request,
    )
    return letter


@transaction.atomic
def approve(*, letter_id: int, acting_user: Any, request=None) -> Letter:
    """Sign: allocate the number, render the PDF once, store it with its hash, register it, freeze."""
    _need(acting_user, "letters.sign")
    letter = _locked(letter_id)
    workflow.check(letter, "approve")
    if letter.signer_id != acting_user.pk:
        raise NotAllowed(_("Surat ini menunggu tanda tangan pimpinan lain."))
    today = timezone.localdate()
    _bind_signature(letter)  # the decision or the official may have changed since the draft
    procedure.check_signing(letter, today)
    letter.number, letter.sequence = numbering.allocate(letterhead=letter.letterhead, kind=letter.kind, on=today)
    letter.issued_on = today
    document = verification.reserve(kind=spec(letter.kind).title.title(), number=letter.number, issued_on=today)
    letter.issued_document = document
    pdf_bytes = rendering.render_letter(letter, draft=False)
    verification.seal(document, pdf_bytes)
    letter.sha256 = sha256_hex(pdf_bytes)
    letter.pdf.save("letter.pdf", ContentFile(pdf_bytes), save=False)
    previous = workflow.move(letter, "approve", S.ISSUED)
    letter.review_comment = ""
    letter.save()
    record(
        "letters.approve",
        actor=acting_user,
        subject=letter,
        case_id=letter.case_id,
        changes={
            "status": [previous, letter.status],
            "number": letter.number,
            "sha256": letter.sha256,
            "signatory": str(letter.signatory),
            "recorded_by": acting_user.get_username(),
            "on_behalf": letter.signatory.user_id != acting_user.pk,
        },
        request=request,
    )
    if letter.replaces_id:
        old = _locked(letter.replaces_id)
        before = workflow.move(old, "supersede", S.SUPERSEDED)
        old.save(update_fields=["status", "updated_at"])
        if old.issued_document_id:
            old.issued_document.revoked = True
            old.issued_document.save(update_fields=["revoked"])
        record(
            "letters.supersede",
            actor=acting_user,
            subject=old,
            case_id=old.case_id,
            changes={"status": [before, old.status], "replaced_by": letter.number},
            request=request,
        )
    return letter


@transaction.atomic
def acknowledge(*, letter_id: int, acting_user: Any, request=None) -> Letter:
    """The addressed employee confirms receipt in the app."""
    _need(acting_user, "self.view")
    letter = _locked(letter_id)
    employee = employee_of(acting_user)
    if employee is None or letter.employee_id != employee.pk:
        raise NotAllowed(_("Surat ini tidak ditujukan kepada Anda."))
    workflow.check(letter, "acknowledge")
    letter.receipt, letter.received_at = Letter.Receipt.APP, timezone.now()
    return _step(
        letter, "acknowledge", S.ACKNOWLEDGED, acting_user=acting_user, audit_action="letters.acknowledge",
        fields=("receipt", "received_at"), request=request,
    )  # fmt: skip


@transaction.atomic
def record_paper_receipt(*, letter_id: int, acting_user: Any, received_at, note: str = "", request=None) -> Letter:
    _need(acting_user, "letters.draft")
    letter = _locked(letter_id)
    workflow.check(letter, "record_receipt")
    letter.receipt, letter.received_at, letter.receipt_note = Letter.Receipt.PAPER, received_at, note
    return _step(
        letter, "record_receipt", S.ACKNOWLEDGED, acting_user=acting_user, audit_action="letters.paper_receipt",
        fields=("receipt", "received_at", "receipt_note"), changes={"received_at": received_at}, reason=note,
        request=request,
    )  # fmt: skip


@transaction.atomic
def start_correction(*, letter_id: int, acting_user: Any, reason: str, request=None) -> Letter:
    """A correction is a new draft that references the issued letter; the old one is revoked when it is signed."""
    _need(acting_user, "letters.draft")
    if not reason.strip():
        raise IllegalStep(_("Tuliskan alasan ralat."))
    old = _locked(letter_id)
    workflow.check(old, "correct")
    if Letter.objects.filter(replaces=old).exclude(status=S.CANCELLED).exists():
        raise IllegalStep(_("Surat ini sudah memiliki ralat yang sedang diproses atau terbit."))
    data = {name: getattr(old, name) for name in EDITABLE_FIELDS}
    data.update(kind=old.kind, case=old.case, decision=old.decision, replaces=old)
    data["details"] = dict(old.details or {})
    new = create_draft(
        acting_user=acting_user, data=data, verifiers=[v.user for v in old.verifiers.all()], request=request
    )
    record("letters.correction", actor=acting_user, subject=old, case_id=old.case_id, reason=reason, request=request)
    return new


@transaction.atomic
def cancel(*, letter_id: int, acting_user: Any, request=None) -> Letter:
    _need(acting_user, "letters.draft")
    letter = _locked(letter_id)
    return _step(letter, "cancel", S.CANCELLED, acting_user=acting_user, audit_action="letters.cancel", request=request)


@transaction.atomic
def save_letterhead(*, form: Any, acting_user: Any, request=None) -> Letterhead:
    """Save a validated LetterheadForm as the default letterhead, auditing which fields changed."""
    changes = {name: [form.initial.get(name), form.cleaned_data[name]] for name in form.changed_data}
    saved = form.save(commit=False)
    saved.is_default = True
    saved.save()
    record("letters.letterhead", actor=acting_user, subject=saved, changes=changes, request=request)
    return saved


def stored_pdf(letter: Letter) -> bytes:
    """The frozen file, byte for byte (reprints never re-render)."""
    if not letter.pdf:
        raise IllegalStep(_("Surat belum terbit; gunakan pratinjau konsep."))
    with letter.pdf.open("rb") as fh:
        return fh.read()
