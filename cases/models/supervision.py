"""The atasan langsung's duty on a case about their staff (brief §3.1): summon and examine, by a date.

Discipline is not complaint-based: once the supervisor knows, they must act; a missed duty is flagged to
BKPSDM and to their own superior and can become a case of its own (``follow_up_case``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.models import Employee

from .case import Case


class SupervisorDuty(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu tindakan atasan")
        SUMMONED = "summoned", _("Bawahan telah dipanggil")
        EXAMINED = "examined", _("Pemeriksaan telah dilakukan")
        MISSED = "missed", _("Lewat batas waktu (dilaporkan)")

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="supervisor_duty")
    supervisor = models.ForeignKey(
        Employee, verbose_name=_("atasan langsung"), on_delete=models.PROTECT, related_name="supervision_duties"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    notified_on = models.DateField(_("diberi tahu"))
    due_on = models.DateField(_("batas memanggil"))
    summoned_on = models.DateField(_("tanggal surat panggilan"), null=True, blank=True)
    examination_planned_on = models.DateField(_("jadwal pemeriksaan"), null=True, blank=True)
    examined_on = models.DateField(_("tanggal pemeriksaan"), null=True, blank=True)
    notes = models.TextField(_("catatan atasan"), blank=True)
    missed_flagged_at = models.DateTimeField(_("kelalaian dilaporkan"), null=True, blank=True)
    follow_up_case = models.ForeignKey(
        Case,
        verbose_name=_("kasus atas kelalaian atasan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("tugas atasan langsung")
        verbose_name_plural = _("tugas atasan langsung")
        indexes = [models.Index(fields=["supervisor", "status"]), models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.supervisor.full_name}"
