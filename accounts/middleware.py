"""Officers, leaders and admins must set up TOTP before they can use the app."""

from django.conf import settings
from django.shortcuts import redirect

from .access import has_role

# Paths a user without TOTP may still reach: setting it up, logging out, static files.
ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/verify/", "/health")


def user_has_totp(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and has_role(user, *settings.MFA_REQUIRED_ROLES)
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not user_has_totp(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)
