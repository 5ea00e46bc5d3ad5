from django.db import models
from django.utils.translation import gettext_lazy as _


class JointLeaveDay(models.Model):
    """Cuti bersama (and any extra non-working day) that admins enter each year."""

    date = models.DateField(_("tanggal"), unique=True)
    name = models.CharField(_("keterangan"), max_length=200)

    class Meta:
        ordering = ["date"]
        verbose_name = _("cuti bersama")
        verbose_name_plural = _("cuti bersama")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.name}"
