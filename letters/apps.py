from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Surat")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the configuration check)
