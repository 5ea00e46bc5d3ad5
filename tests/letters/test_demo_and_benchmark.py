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
