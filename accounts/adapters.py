from allauth.account.adapter import DefaultAccountAdapter


class NoSignupAccountAdapter(DefaultAccountAdapter):
    """Accounts are created or imported by admins; nobody signs up."""

    def is_open_for_signup(self, request) -> bool:
        return False
