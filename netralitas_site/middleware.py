"""Bahasa Indonesia first: the browser's Accept-Language is ignored; only the user's explicit choice counts.

Government PCs often run an English Windows, which would otherwise switch the UI to English unasked.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class IndonesianFirstLocaleMiddleware(LocaleMiddleware):
    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class NoStoreMiddleware:
    """``Cache-Control: private, no-store`` on every response a browser or proxy must not keep.

    Every page behind a login shows personal data (names, NIP/NIK, cases, letters), and every export,
    certificate and letter PDF is personal too: none may stay in a shared computer's cache or a proxy.
    Applies to responses for a logged-in user and to any attachment or PDF. Public pages (login,
    document verification, public statistics) keep whatever caching they set. Static files are served by
    WhiteNoise before this runs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        personal = (
            getattr(user, "is_authenticated", False)
            or "attachment" in response.get("Content-Disposition", "")
            or response.get("Content-Type", "").startswith(("application/pdf", "text/csv", "application/vnd."))
        )
        if personal:
            response["Cache-Control"] = "private, no-store"
        return response
