"""One row per purged case: when, by whom, and how much was removed (no personal data)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PurgedCase(models.Model):
    case = models.OneToOneField("cases.Case", on_delete=models.PROTECT, related_name="purge")
    purged_at = models.DateTimeField(_("dihapus pada"), default=timezone.now)
    purged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    retention_days = models.PositiveIntegerField(_("masa retensi (hari)"))
    counts = models.JSONField(_("yang dihapus"), default=dict)

    class Meta:
        verbose_name = _("kasus yang datanya dihapus")
        verbose_name_plural = _("kasus yang datanya dihapus")
