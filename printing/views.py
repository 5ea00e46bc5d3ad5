from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import IssuedDocument


def verify_document(request: HttpRequest, code: str) -> HttpResponse:
    """Public: whether a document with this code exists; its number, date, kind and hash. Nothing personal."""
    document = IssuedDocument.objects.filter(code=code.strip().upper()).first()
    return render(
        request, "printing/verify.html", {"document": document, "code": code}, status=200 if document else 404
    )


def verify_lookup(request: HttpRequest) -> HttpResponse:
    code = (request.GET.get("code") or "").strip().upper()
    document = IssuedDocument.objects.filter(code=code).first() if code else None
    return render(request, "printing/verify.html", {"document": document, "code": code, "lookup": True})
