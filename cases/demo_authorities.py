"""Demo signatories (idempotent): the Bupati as PPK (no account, no NIP, an operator records his signature) and
the Kepala BKPSDM as head of an OPD. Runs before the demo cases so their decisions name a signatory."""

from __future__ import annotations

from django.db import transaction

from accounts.roles import LEADER
from registry.models import Employee

from .authorities import from_employee
from .models import Signatory

PPK_NAME = "Drs. H. Rahmat Hidayat, M.Si."
PPK_TITLE = "Bupati Sukamaju"


@transaction.atomic
def seed(context: dict) -> None:
    users = context.get("users") or {}
    ppk, _created = Signatory.objects.get_or_create(
        office=Signatory.Office.PPK,
        is_regional_head=True,
        defaults={"name": PPK_NAME, "title": PPK_TITLE},
    )
    if users.get("ppk_operator"):
        ppk.operators.add(users["ppk_operator"])
    leader = Employee.objects.filter(user=users.get(LEADER)).first() if users.get(LEADER) else None
    if leader is not None:
        from_employee(leader, Signatory.Office.HEAD_OF_OPD)
    # Heads of OPD are JPT (they decide sedang punishments in their OPD): each becomes a signatory on first use.
    for head in Employee.objects.filter(position__startswith="Kepala ", unit__parent__isnull=True, user__isnull=True):
        if head.position_kind != Employee.PositionKind.JPT:
            Employee.objects.filter(pk=head.pk).update(position_kind=Employee.PositionKind.JPT)
