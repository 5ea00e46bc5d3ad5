"""Known social-media accounts of employees (who verified each one and how)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .org import Employee


class Platform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    TIKTOK = "tiktok", "TikTok"
    X = "x", "X (Twitter)"
    WHATSAPP = "whatsapp", _("Status WhatsApp")
    YOUTUBE = "youtube", "YouTube"
    OTHER = "other", _("Lainnya")


class SocialAccount(models.Model):
    """A known social-media account of an employee, with who verified it and how."""

    class Method(models.TextChoices):
        SELF_DECLARED = "self", _("Dinyatakan sendiri oleh pegawai")
        SUPERVISOR = "supervisor", _("Dikonfirmasi atasan")
        OFFICER = "officer", _("Diverifikasi petugas (profil/foto)")
        OTHER = "other", _("Lainnya")

    employee = models.ForeignKey(
        Employee, verbose_name=_("pegawai"), on_delete=models.CASCADE, related_name="social_accounts"
    )
    platform = models.CharField(_("platform"), max_length=12, choices=Platform.choices)
    handle = models.CharField(_("akun / handle"), max_length=200)
    profile_url = models.URLField(_("URL profil"), max_length=500, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diverifikasi oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    verification_method = models.CharField(_("cara verifikasi"), max_length=12, choices=Method.choices, blank=True)
    verification_note = models.CharField(_("catatan verifikasi"), max_length=300, blank=True)
    verified_at = models.DateTimeField(_("waktu verifikasi"), null=True, blank=True)

    audit_former_labels = ("cases.socialaccount",)  # events recorded before the move

    class Meta:
        db_table = "cases_socialaccount"  # moved from cases; the table kept its name
        verbose_name = _("akun media sosial")
        verbose_name_plural = _("akun media sosial")
        constraints = [
            models.UniqueConstraint(fields=["platform", "handle"], name="socialaccount_platform_handle_uniq"),
        ]

    def __str__(self) -> str:
        return f"{self.get_platform_display()}: {self.handle}"
