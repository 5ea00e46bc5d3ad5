"""Demo letters (idempotent): the Sukamaju BKPSDM letterhead with its (demo) archive codes, and on the demo case
that has reached the decision step, the letters its decisions produce, signed in the authorised official's name.

Cases at earlier steps get no sanction letter: the procedure allows none there (``letters.procedure``)."""

from __future__ import annotations

from django.db import transaction

from accounts.roles import HR

from .kinds import SPECS
from .models import Letter, Letterhead, NumberingRule


@transaction.atomic
def seed(context: dict) -> None:
    letterhead, _created = Letterhead.objects.get_or_create(
        agency="Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
        defaults=dict(
            government="PEMERINTAH KABUPATEN SUKAMAJU",
            address="Jl. Pemuda No. 1, Sukamaju 45111",
            phone="(0231) 123456",
            email="bkpsdm@sukamajukab.go.id",
            website="bkpsdm.sukamajukab.go.id",
            city="Sukamaju",
            unit_code="BKPSDM",
            is_default=True,
        ),
    )
    # The fictional Pemda's own code list (a real Pemda enters codes from Permendagri 83/2022 and confirms them).
    for kind, kind_spec in SPECS.items():
        NumberingRule.objects.get_or_create(
            letterhead=letterhead,
            kind=kind,
            defaults={"classification_code": kind_spec.code, "code_confirmed": True},
        )
    from cases.models import Case

    from . import drafting, procedure, services

    users = context.get("users") or {}
    officer = users.get(HR)
    case = Case.objects.filter(status=Case.Status.DECISION, decisions__isnull=False).order_by("pk").first()
    if case is None or officer is None or Letter.objects.filter(case=case).exists():
        return
    for kind in procedure.allowed_letter_kinds(case):
        if kind not in procedure.SANCTION_LETTERS:
            continue
        data = drafting.initial_for(kind=kind, case=case, letterhead=letterhead)
        if data.get("signer") is None:
            continue  # nobody may record this official's signature in the demo
        letter = services.create_draft(acting_user=officer, data=data)
        services.submit(letter_id=letter.pk, acting_user=officer)
        services.approve(letter_id=letter.pk, acting_user=data["signer"])
