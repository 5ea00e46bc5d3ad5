"""HTTP 400 in Indonesian: Django's request limits (too many files or fields, a body too big) explained."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def reason_for(exception: Exception | None) -> str:
    if isinstance(exception, TooManyFilesSent):
        return _("Terlalu banyak berkas dalam satu kiriman (maksimal %(max)s). Kirim dalam beberapa bagian.") % {
            "max": settings.DATA_UPLOAD_MAX_NUMBER_FILES
        }
    if isinstance(exception, TooManyFieldsSent):
        return _("Formulir berisi terlalu banyak isian.")
    if isinstance(exception, RequestDataTooBig):
        return _("Kiriman terlalu besar. Kirim berkas dalam beberapa bagian.")
    return _("Permintaan tidak dapat diproses. Periksa isian lalu coba lagi.")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "400.html", {"reason": reason_for(exception)}, status=400)
