"""Demo accounts, one per role. Secrets are fixed so a tester can add them once to an authenticator."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, User
from django.db import transaction

from .roles import ADMIN, HR, LEADER, MONITOR, ROLE_GROUPS, STAFF, SUPERVISOR


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    password: str
    first_name: str
    last_name: str
    totp_secret: str = ""  # base32; set for roles that must use two-factor
    key: str = ""  # key in the seeded users dict when it is not the role (a second account of one role)


DEMO_ACCOUNTS = [
    DemoAccount("admin", ADMIN, "Admin-Netral-2024", "Admin", "Sistem", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXA"),
    DemoAccount("petugas", HR, "Petugas-Netral-2024", "Rina", "Kusumawati", "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"),
    DemoAccount("monitor", MONITOR, "Monitor-Netral-2024", "Bayu", "Pratama"),
    DemoAccount("pimpinan", LEADER, "Pimpinan-Netral-2024", "Hendra", "Wijaya", "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK"),
    DemoAccount("pegawai", STAFF, "Pegawai-Netral-2024", "Siti", "Rahmawati"),
    # Records the Bupati's signature on his decisions (the Bupati himself has no account).
    DemoAccount(
        "operator_ppk",
        LEADER,
        "OperatorPPK-Netral-2024",
        "Yusuf",
        "Maulana",
        "ORSXG5DPOBSXEYLUN5ZHA4DLOBSXEYLU",
        "ppk_operator",
    ),
    # Linked by cases.demo_cases to the atasan langsung of a demo case's employee.
    DemoAccount("atasan", SUPERVISOR, "Atasan-Netral-2024", "Atasan", "Langsung", "ORSXG5DBONQW4YLUMFXGC3TUMFXGC3TU"),
]


def otpauth_uri(account: DemoAccount) -> str:
    return f"otpauth://totp/Netralitas:{account.username}?secret={account.totp_secret}&issuer=Netralitas"


@transaction.atomic
def seed_accounts() -> dict[str, User]:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    users = {}
    for acc in DEMO_ACCOUNTS:
        email = f"{acc.username}@demo.netralitas.go.id"
        user, created = User.objects.get_or_create(
            username=acc.username, defaults={"email": email, "first_name": acc.first_name, "last_name": acc.last_name}
        )
        if created:
            user.set_password(acc.password)
            user.is_staff = acc.role == ADMIN
            user.is_superuser = acc.role == ADMIN
            user.save()
        user.groups.add(Group.objects.get(name=ROLE_GROUPS[acc.role]))
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        if acc.totp_secret and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            Authenticator.objects.create(
                user=user, type=Authenticator.Type.TOTP, data={"secret": encrypt(acc.totp_secret)}
            )
        users[acc.key or acc.role] = user
    return users
