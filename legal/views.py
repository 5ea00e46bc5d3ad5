from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from accounts.access import capability_required

from . import page


@capability_required("legal.view")
def basis(request: HttpRequest) -> HttpResponse:
    """The legal-basis page, the same content as docs/legal-basis.md (generated from the tables)."""
    return render(request, "legal/basis.html", {"sections": page.sections()})
