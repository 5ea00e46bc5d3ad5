"""Demo letters (idempotent): the Sukamaju BKPSDM letterhead and, if demo cases exist, one issued warning."""

from __future__ import annotations

from django.db import transaction

from accounts.roles import HR, LEADER

from .kinds import LetterKind
from .models import Letter, Letterhead


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
    from cases.models import Case

    users = context.get("users") or {}
    officer, leader = users.get(HR), users.get(LEADER)
    staff_employee = (context.get("employees") or {}).get("staff")
    cases = Case.objects.select_related("employee")
    case = (staff_employee and cases.filter(employee=staff_employee).first()) or cases.order_by("pk").first()
    if case is None or officer is None or leader is None:
        return
    if Letter.objects.filter(case=case, kind=LetterKind.WRITTEN_WARNING).exists():
        return
    from . import drafting, services

    data = drafting.initial_for(kind=LetterKind.WRITTEN_WARNING, case=case, letterhead=letterhead)
    data["signer"] = leader
    data.update(drafting.signer_snapshot(leader))
    letter = services.create_draft(acting_user=officer, data=data)
    services.submit(letter_id=letter.pk, acting_user=officer)
    services.approve(letter_id=letter.pk, acting_user=leader)
