from django.apps import AppConfig


class LegalConfig(AppConfig):
    name = "legal"
    verbose_name = "Dasar hukum"

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers the LEGAL_OPTIONS system check)
