"""The state machine, paraf order, review, correction, receipt and the audit trail."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.roles import HR, LEADER
from audit.models import AuditEvent
from cases.models import Case
from letters import services, workflow
from letters.kinds import LetterKind
from letters.models import Letter
from letters.workflow import IllegalStep
from tests.conftest import make_user

S = Letter.Status


@pytest.fixture
def verifier_users(db):
    return make_user("t_kabid", HR, totp=True), make_user("t_sekretaris", LEADER, totp=True)


def test_verifiers_initial_in_order_then_leader_signs(make_draft, verifier_users, hr_user, leader_user):
    first, second = verifier_users
    letter = make_draft(LetterKind.WRITTEN_WARNING, verifiers=[first, second])
    services.submit(letter_id=letter.pk, acting_user=hr_user)
    letter.refresh_from_db()
    assert letter.status == S.VERIFYING
    with pytest.raises(IllegalStep, match="berurutan"):
        services.initial(letter_id=letter.pk, acting_user=second)
    with pytest.raises(IllegalStep, match="Menunggu paraf"):
        services.approve(letter_id=letter.pk, acting_user=leader_user)
    services.initial(letter_id=letter.pk, acting_user=first)
    assert Letter.objects.get(pk=letter.pk).status == S.VERIFYING
    services.initial(letter_id=letter.pk, acting_user=second)
    assert Letter.objects.get(pk=letter.pk).status == S.AWAITING_SIGNATURE
    with pytest.raises(IllegalStep):
        services.approve(letter_id=letter.pk, acting_user=second)  # a leader, but not the named signer
    issued = services.approve(letter_id=letter.pk, acting_user=leader_user)
    assert issued.status == S.ISSUED and issued.number and issued.pdf and issued.sha256


def test_leader_returns_with_comment_and_officer_resubmits(make_draft, hr_user, leader_user):
    letter = make_draft()
    services.submit(letter_id=letter.pk, acting_user=hr_user)
    with pytest.raises(IllegalStep, match="catatan"):
        services.return_for_revision(letter_id=letter.pk, acting_user=leader_user, comment=" ")
    services.return_for_revision(letter_id=letter.pk, acting_user=leader_user, comment="Perbaiki uraian perbuatan.")
    letter.refresh_from_db()
    assert letter.status == S.RETURNED and letter.review_comment == "Perbaiki uraian perbuatan."
    services.update_draft(letter_id=letter.pk, acting_user=hr_user, data={"body": "Uraian yang diperbaiki."})
    services.submit(letter_id=letter.pk, acting_user=hr_user)
    issued = services.approve(letter_id=letter.pk, acting_user=leader_user)
    assert issued.body == "Uraian yang diperbaiki." and issued.review_comment == ""


def test_illegal_steps_are_refused_with_a_clear_message(make_draft, issue, hr_user, leader_user, staff_user):
    draft = make_draft(LetterKind.COACHING)
    with pytest.raises(IllegalStep, match="Tidak dapat menandatangani surat berstatus “Konsep”"):
        services.approve(letter_id=draft.pk, acting_user=leader_user)
    with pytest.raises(IllegalStep):
        services.acknowledge(letter_id=draft.pk, acting_user=staff_user)
    with pytest.raises(IllegalStep):
        services.submit(letter_id=draft.pk, acting_user=leader_user)  # leaders do not draft
    issued = issue()
    with pytest.raises(IllegalStep, match="Tidak dapat mengubah"):
        services.update_draft(letter_id=issued.pk, acting_user=hr_user, data={"body": "x"})
    with pytest.raises(IllegalStep):
        services.approve(letter_id=issued.pk, acting_user=leader_user)
    with pytest.raises(IllegalStep):
        services.cancel(letter_id=issued.pk, acting_user=hr_user)
    assert set(workflow.actions_for(issued)) == {"acknowledge", "record_receipt", "correct", "supersede"}


def test_frozen_letter_keeps_its_file_and_number(issue, hr_user):
    letter = issue()
    name, number, digest = letter.pdf.name, letter.number, letter.sha256
    with pytest.raises(IllegalStep):
        services.update_draft(letter_id=letter.pk, acting_user=hr_user, data={"subject": "lain"})
    letter.refresh_from_db()
    assert (letter.pdf.name, letter.number, letter.sha256) == (name, number, digest)


def test_correction_is_a_new_letter_and_revokes_the_old_document(issue, hr_user, leader_user):
    old = issue()
    new = services.start_correction(letter_id=old.pk, acting_user=hr_user, reason="Salah tulis unit kerja")
    assert new.replaces_id == old.pk and new.status == S.DRAFT and new.number == ""
    with pytest.raises(IllegalStep, match="sudah memiliki ralat"):
        services.start_correction(letter_id=old.pk, acting_user=hr_user, reason="lagi")
    services.update_draft(letter_id=new.pk, acting_user=hr_user, data={"addressee_unit": "Dinas Pendidikan (ralat)"})
    services.submit(letter_id=new.pk, acting_user=hr_user)
    new = services.approve(letter_id=new.pk, acting_user=leader_user)
    old.refresh_from_db()
    assert old.status == S.SUPERSEDED and old.issued_document.revoked
    assert not new.issued_document.revoked
    assert new.number != old.number and new.pdf.name != old.pdf.name


def test_employee_acknowledges_and_officer_records_paper_receipt(issue, staff_user, other_staff_user, hr_user):
    letter = issue()
    with pytest.raises(IllegalStep, match="tidak ditujukan"):
        services.acknowledge(letter_id=letter.pk, acting_user=other_staff_user)
    services.acknowledge(letter_id=letter.pk, acting_user=staff_user)
    letter.refresh_from_db()
    assert letter.status == S.ACKNOWLEDGED and letter.receipt == Letter.Receipt.APP
    with pytest.raises(IllegalStep):
        services.acknowledge(letter_id=letter.pk, acting_user=staff_user)
    other = issue(LetterKind.COACHING)
    services.record_paper_receipt(
        letter_id=other.pk, acting_user=hr_user, received_at=timezone.now() - dt.timedelta(hours=1), note="Diantar"
    )
    other.refresh_from_db()
    assert other.status == S.ACKNOWLEDGED and other.receipt == Letter.Receipt.PAPER


def test_every_step_is_audited_with_the_case(make_draft, hr_user, leader_user, staff_user, case):
    letter = make_draft()
    services.submit(letter_id=letter.pk, acting_user=hr_user)
    services.approve(letter_id=letter.pk, acting_user=leader_user)
    services.acknowledge(letter_id=letter.pk, acting_user=staff_user)
    actions = list(
        AuditEvent.objects.filter(subject_type="letters.letter", subject_id=str(letter.pk))
        .order_by("id")
        .values_list("action", "case_id")
    )
    assert actions == [
        ("letters.draft", case.pk),
        ("letters.submit", case.pk),
        ("letters.approve", case.pk),
        ("letters.acknowledge", case.pk),
    ]


def test_signer_must_hold_the_sign_capability(case, letterhead, hr_user):
    from letters import drafting

    data = drafting.initial_for(kind=LetterKind.WRITTEN_WARNING, case=case, letterhead=letterhead)
    data["signer"] = hr_user
    with pytest.raises(IllegalStep, match="Akun perekam tanda tangan harus akun pimpinan"):
        services.create_draft(acting_user=hr_user, data=data)


def test_draft_is_prefilled_from_the_case(case, letterhead, leader_user, head_signatory, ppk):
    from letters import drafting

    Case.objects.filter(pk=case.pk).update(status=Case.Status.SUMMONS_1)
    case.refresh_from_db()
    summons = drafting.initial_for(kind=LetterKind.SUMMONS_1, case=case, letterhead=letterhead)
    assert summons["addressee_name"] == "Siti Uji" and summons["sifat"] == "Rahasia"
    assert summons["details"]["hearing_date"] == "2024-10-21"
    assert summons["details"]["examiner_name"].startswith("Hendra Wijaya")
    assert summons["signatory"] == head_signatory and summons["signer"] == leader_user
    Case.objects.filter(pk=case.pk).update(status=Case.Status.DECISION)
    case.refresh_from_db()
    warning = drafting.initial_for(kind=LetterKind.WRITTEN_WARNING, case=case, letterhead=letterhead)
    assert warning["decision"].sanction_type.code == "PNS-R2"
    assert warning["signatory"] == head_signatory
    moral = drafting.initial_for(kind=LetterKind.MORAL_CLOSED, case=case, letterhead=letterhead)
    assert moral["decision"].track == "moral" and moral["signatory"] == ppk
    assert moral["signer"] == leader_user  # the PPK's operator records, the PPK signs
