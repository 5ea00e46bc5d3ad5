from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.sites.shortcuts import get_current_site

from .client_address import client_ip


class NoSignupAccountAdapter(DefaultAccountAdapter):
    """Accounts are created or imported by admins; nobody signs up.

    Login throttling (``ACCOUNT_RATE_LIMITS["login_failed"]``) counts per client address and per
    (account, client address): failures from one address cannot lock the account for everyone else,
    and one office behind NAT gets a larger per-address allowance than a single account does.
    """

    def is_open_for_signup(self, request) -> bool:
        return False

    def get_client_ip(self, request) -> str:
        return client_ip(request) or "0.0.0.0"  # noqa: S104  (an address, not a bind)

    def _get_login_attempts_cache_key(self, request, **credentials) -> str:
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{get_current_site(request).domain}:{login}:{client_ip(request)}"
