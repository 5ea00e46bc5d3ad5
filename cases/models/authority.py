"""Officials in whose name decisions are signed (brief §3.3, §4.1 item 6).

The PPK (Bupati/Wali Kota/Gubernur) and every pejabat of the authority matrix are signatories here,
whether or not they have an account: a kepala daerah usually does not log in, an operator records the
signature for him. Who may record a signature in an official's name is data too (``operators``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from registry.models import Employee, OrgUnit


class Signatory(models.Model):
    class Office(models.TextChoices):
        # Same codes as Decision.Official: the matrix names an office, this row names the person holding it.
        SUPERVISOR = "supervisor", _("Atasan langsung / kepala unit")
        HEAD_OF_OPD = "head_of_opd", _("Kepala perangkat daerah (JPT)")
        PPK = "ppk", _("Pejabat Pembina Kepegawaian (Bupati/Wali Kota/Gubernur)")

    office = models.CharField(_("kedudukan dalam matriks kewenangan"), max_length=12, choices=Office.choices)
    name = models.CharField(_("nama lengkap dengan gelar"), max_length=200)
    title = models.CharField(
        _("jabatan"),
        max_length=250,
        help_text=_("Dicetak di kepala keputusan dan blok tanda tangan, mis. Bupati Bulungan."),
    )
    is_regional_head = models.BooleanField(
        _("kepala daerah"), default=False, help_text=_("Bupati/Wali Kota/Gubernur: tanpa NIP, kop kepala daerah.")
    )
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    rank = models.CharField(_("pangkat, golongan"), max_length=80, blank=True)
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("unit yang dipimpin"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    employee = models.OneToOneField(
        Employee,
        verbose_name=_("data pegawai"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signatory",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pejabat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signatory_roles",
    )
    operators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("operator yang mencatat tanda tangan atas nama pejabat"),
        blank=True,
        related_name="signs_for",
    )
    letterhead = models.ForeignKey(
        "letters.Letterhead",
        verbose_name=_("kop surat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Kop perangkat daerah pejabat; kosong = kop bawaan. Kepala daerah memakai kop kepala daerah."),
    )
    is_active = models.BooleanField(_("menjabat"), default=True)

    class Meta:
        ordering = ["office", "name"]
        verbose_name = _("pejabat penandatangan")
        verbose_name_plural = _("pejabat penandatangan")

    def __str__(self) -> str:
        return f"{self.name} — {self.title}"

    def clean(self) -> None:
        if self.is_regional_head and self.nip:
            raise ValidationError({"nip": _("Kepala daerah tidak memiliki NIP; kosongkan.")})
        if self.nip and not (len(self.nip) == 18 and self.nip.isdigit()):
            raise ValidationError({"nip": _("NIP terdiri atas 18 angka.")})

    def may_be_recorded_by(self, user) -> bool:
        """The official himself or one of his operators may record his signature."""
        if user is None or not user.is_authenticated:
            return False
        return self.user_id == user.pk or self.operators.filter(pk=user.pk).exists()
