from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _reinstall_triggers(sender, using="default", **kwargs) -> None:
    """A migration that alters the audit table makes SQLite rebuild it without triggers: put them back."""
    from django.db import connections

    from .triggers import install_missing

    install_missing(connections[using])


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Jejak audit")

    def ready(self) -> None:
        from . import checks  # noqa: F401  (registers audit.E001)

        post_migrate.connect(_reinstall_triggers, sender=self, dispatch_uid="audit-reinstall-triggers")
