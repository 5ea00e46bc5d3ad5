import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from accounts.access import can, capability_required, roles_of
from accounts.roles import HR, LEADER, STAFF
from registry.models import Employee
from tests.conftest import make_user
from tests.factories import EmployeeFactory

pytestmark = pytest.mark.django_db


def test_roles_exist_as_groups_from_the_data_migration():
    from django.contrib.auth.models import Group

    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Admin",
        "Petugas BKPSDM",
        "Petugas DKIP",
        "Pimpinan",
        "Pegawai",
    }


def test_officer_without_totp_is_sent_to_set_it_up(client):
    user = make_user("hr_nototp", HR, totp=False)
    client.force_login(user)
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_leader_with_totp_reaches_dashboard(client):
    client.force_login(make_user("leader_ok", LEADER, totp=True))
    assert client.get(reverse("dashboard")).status_code == 200


def test_staff_needs_no_totp_and_sees_own_home(client, staff_user):
    client.force_login(staff_user)
    response = client.get(reverse("my_home"))
    assert response.status_code == 200
    assert "Siti Uji" in response.content.decode()
    assert client.get(reverse("dashboard")).status_code == 403


def test_login_by_username_and_by_email(client):
    make_user("budi", STAFF)
    for login in ("budi", "budi@example.go.id"):
        response = client.post(reverse("account_login"), {"login": login, "password": "Rahasia-Uji-123"})
        assert response.status_code == 302, login
        client.logout()


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/5m/ip,3/5m/key"})
def test_failed_logins_are_rate_limited(client):
    from django.core.cache import cache

    cache.clear()
    make_user("target", STAFF)
    for _ in range(3):
        response = client.post(reverse("account_login"), {"login": "target", "password": "wrong-password"})
        assert response.status_code == 200
    response = client.post(reverse("account_login"), {"login": "target", "password": "Rahasia-Uji-123"})
    # Even the right password is refused while the limit holds.
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    cache.clear()


def test_password_reset_sends_a_mail(client):
    make_user("lupa", STAFF)
    response = client.post(reverse("account_reset_password"), {"email": "lupa@example.go.id"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1


def test_capability_table_and_decorator():
    staff = make_user("s1", STAFF)
    assert roles_of(staff) == {STAFF}
    assert can(staff, "training.take") and not can(staff, "cases.manage")
    with pytest.raises(KeyError):
        can(staff, "no.such.capability")
    with pytest.raises(KeyError):
        capability_required("no.such.capability")


def test_create_accounts_command_links_employees_and_mails_a_password_link(unit):
    EmployeeFactory(unit=unit, email="a@example.go.id")
    EmployeeFactory(unit=unit, email="")
    call_command("create_accounts", "--unit", unit.code)
    assert Employee.objects.filter(user__isnull=True).count() == 0
    linked = Employee.objects.exclude(email="").get()
    assert linked.user.username == linked.nip
    assert linked.user.groups.get().name == "Pegawai"
    assert len(mail.outbox) == 1


def test_holders_of_a_capability_include_superusers_when_admins_hold_it(db):
    from django.contrib.auth import get_user_model

    from accounts.access import holders, members
    from accounts.roles import HR, LEADER
    from tests.conftest import make_user

    root = get_user_model().objects.create_superuser("root_holder", "r@example.test", "x-Strong-Pass-1")
    hr = make_user("holder_hr", HR)
    leader = make_user("holder_leader", LEADER)
    make_user("holder_gone", HR).__class__.objects.filter(username="holder_gone").update(is_active=False)
    assert set(holders("cases.manage")) == {root, hr}  # admins hold it, so the superuser does
    assert set(holders("letters.sign")) == {leader}  # only leaders sign: a superuser is not one
    assert list(members(HR)) == [hr]
