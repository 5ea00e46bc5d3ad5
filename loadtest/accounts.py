"""Load-test accounts: ``PER_ROLE`` per role, each its own TOTP secret (a TOTP code may be used once, so fifty
virtual users cannot share the five demo accounts). Secrets derive from the username: the locustfile and the
seeding agree without a file."""

from __future__ import annotations

import base64
import hashlib

ROLES = ("admin", "hr", "monitor", "leader", "staff")
TOTP_ROLES = ("admin", "hr", "leader")
PER_ROLE = 10
PASSWORD = "Muat-Uji-Netral-2024"


def username(role: str, i: int) -> str:
    return f"lt_{role}_{i:02d}"


def totp_secret(name: str) -> str:
    return base64.b32encode(hashlib.sha256(name.encode()).digest()[:20]).decode()


def seed(per_role: int = PER_ROLE) -> None:
    """Create the accounts (run inside Django: ``manage.py shell -c 'from loadtest.accounts import seed; seed()'``)."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt
    from django.contrib.auth.models import Group, User
    from django.db import transaction

    from accounts.roles import ROLE_GROUPS
    from registry.models import Employee, OrgUnit

    unit = OrgUnit.objects.order_by("pk").first()
    with transaction.atomic():
        for role in ROLES:
            for i in range(per_role):
                name = username(role, i)
                user, created = User.objects.get_or_create(username=name, defaults={"email": f"{name}@muat.uji"})
                if created:
                    user.set_password(PASSWORD)
                    user.is_staff = user.is_superuser = role == "admin"
                    user.save()
                user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
                EmailAddress.objects.get_or_create(
                    user=user, email=user.email, defaults={"verified": True, "primary": True}
                )
                if role in TOTP_ROLES:
                    Authenticator.objects.get_or_create(
                        user=user,
                        type=Authenticator.Type.TOTP,
                        defaults={"data": {"secret": encrypt(totp_secret(name))}},
                    )
                if role == "staff" and not Employee.objects.filter(user=user).exists():
                    Employee.objects.create(
                        user=user, full_name=f"Pegawai Muat {i}", status=Employee.Status.HONORER, unit=unit,
                        nik=f"32010119900101{i:02d}",
                    )  # fmt: skip
