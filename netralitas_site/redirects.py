"""The one way a view follows a ``next`` parameter: only to a path on this site, else to its default."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request: HttpRequest) -> str | None:
    target = request.POST.get("next") or request.GET.get("next") or ""
    ok = url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    return target if target and ok else None


def redirect_next(request: HttpRequest, default: str, *args: Any, **kwargs: Any) -> HttpResponseRedirect:
    """Redirect to ``next`` when it stays on this site (no ``https://evil``, ``//evil``, ``/\\evil``)."""
    target = safe_next(request)
    return redirect(target) if target else redirect(default, *args, **kwargs)
