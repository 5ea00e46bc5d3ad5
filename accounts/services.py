"""Creating accounts. Nobody signs up: admins create accounts, singly in the admin or in bulk here."""

from __future__ import annotations

import re
import secrets

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, User
from django.db import transaction

from audit.services import record

from .roles import ROLE_GROUPS


def _username_for(employee) -> str:
    base = employee.identifier or re.sub(r"\W+", ".", employee.full_name.lower()).strip(".")
    username, n = base, 1
    while User.objects.filter(username=username).exists():
        n += 1
        username = f"{base}-{n}"
    return username


@transaction.atomic
def account_create_for_employee(*, employee, role: str, acting_user) -> User:
    """Create a login for an employee (username = NIP/NI/NIK) with a random password nobody knows.

    The employee sets their own through the password-reset mail (sent by the caller).
    """
    if employee.user_id:
        raise ValueError(f"{employee} already has an account")
    names = employee.full_name.split(" ", 1)
    user = User(username=_username_for(employee), email=employee.email, first_name=names[0], last_name=names[-1][:150])
    user.set_password(secrets.token_urlsafe(32))
    user.save()
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[role]))
    if employee.email:
        EmailAddress.objects.create(user=user, email=employee.email, verified=True, primary=True)
    employee.user = user
    employee.save(update_fields=["user"])
    record("accounts.user.created", actor=acting_user, subject=user, changes={"employee": employee.pk, "role": role})
    return user


def send_password_link(user: User) -> None:
    """Mail a one-time link (allauth's reset flow) where the user chooses a password."""
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str
    from django.conf import settings
    from django.core.mail import send_mail
    from django.urls import reverse

    path = reverse(
        "account_reset_password_from_key",
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    send_mail(
        "Akun Netralitas Anda",
        f"Akun Netralitas telah dibuat untuk Anda (nama pengguna: {user.username}).\n"
        f"Atur kata sandi melalui tautan berikut:\n{settings.SITE_URL.rstrip('/')}{path}\n",
        None,
        [user.email],
    )
