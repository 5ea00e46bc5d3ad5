"""System check: a Pemda's LEGAL_OPTIONS must only hold known keys with allowed values."""

from django.conf import settings
from django.core.checks import Error, register

from . import options


@register()
def legal_options_check(app_configs, **kwargs):
    configured = getattr(settings, "LEGAL_OPTIONS", {}) or {}
    if not isinstance(configured, dict):
        return [Error("LEGAL_OPTIONS harus berupa objek JSON.", id="legal.E001")]
    return [Error(p, id="legal.E002") for p in options.problems(configured)]
