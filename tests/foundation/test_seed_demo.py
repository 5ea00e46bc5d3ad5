from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from accounts.roles import ROLE_GROUPS
from registry.models import Election, Employee, OrgUnit

pytestmark = pytest.mark.django_db


def _counts():
    return (OrgUnit.objects.count(), Employee.objects.count(), User.objects.count(), Election.objects.count())


def test_seed_demo_builds_a_pemda_and_is_idempotent():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    first = _counts()
    assert OrgUnit.objects.filter(kind=OrgUnit.Kind.OPD).count() >= 6
    assert Employee.objects.count() >= 60
    assert set(Employee.objects.values_list("status", flat=True)) >= {"pns", "pppk", "honorer"}
    for name in ROLE_GROUPS.values():
        assert User.objects.filter(groups__name=name).exists(), name
    election = Election.objects.get(is_active=True)
    assert election.voting_day.isoformat() == "2024-11-27"
    assert sorted(election.pairs.values_list("ballot_number", flat=True)) == [1, 2, 3]
    text = out.getvalue()
    assert "Pegawai-Netral-2024" in text and "otpauth://totp/Netralitas:petugas" in text
    for employee in Employee.objects.all():
        employee.full_clean()  # every demo identifier is structurally valid

    call_command("seed_demo", stdout=StringIO())
    assert _counts() == first
