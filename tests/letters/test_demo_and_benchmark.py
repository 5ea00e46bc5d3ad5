import pytest
from django.core.management import call_command

from letters.models import Letter, Letterhead


@pytest.mark.django_db
def test_demo_seed_is_idempotent(case, hr_user, leader_user, staff_employee):
    from accounts.roles import HR, LEADER, STAFF
    from letters import demo

    context = {"users": {HR: hr_user, LEADER: leader_user}, "employees": {STAFF: staff_employee}}
    demo.seed(context)
    demo.seed(context)
    assert Letterhead.objects.filter(government="PEMERINTAH KABUPATEN SUKAMAJU").count() == 1
    letters = Letter.objects.filter(case=case, kind="written_warning")
    assert letters.count() == 1 and letters.get().status == Letter.Status.ISSUED


@pytest.mark.django_db
def test_benchmark_command_runs(capsys):
    call_command("benchmark_letters", "--count", "2")
    out = capsys.readouterr().out
    assert "single letter render" in out and "2 letters" in out


@pytest.mark.django_db
def test_demo_letters_follow_the_procedure_and_the_authorised_official():
    """Demo data is consistent: sanction letters only on a case at the decision step, in the decision's
    official's name; the Keputusan Bupati is recorded by the PPK's operator."""
    from letters.procedure import SANCTION_LETTERS

    call_command("seed_demo", "--employees", "24")
    issued = Letter.objects.filter(kind__in=SANCTION_LETTERS).select_related("case", "decision", "signatory")
    assert issued.exists()
    for letter in issued:
        assert letter.case.status == "decision", letter
        assert letter.signatory_id == letter.decision.signatory_id
    keputusan = issued.get(kind="decision")
    assert keputusan.signatory.is_regional_head and keputusan.signer.username == "operator_ppk"
    assert keputusan.signer_nip == "" and keputusan.signer_position == "Bupati Sukamaju"
