"""Public reports in, referral bundles out. Public figures need no table (computed and cached)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PublicReport(models.Model):
    """One citizen report (web form or an imported SP4N-LAPOR! row) about a post.

    Every report lands on a ReportedPost with source "pengaduan masyarakat"; reports of the same URL
    share that post (merged and counted). The reporter holds a tracking code; only its SHA-256 is stored."""

    class Channel(models.TextChoices):
        FORM = "form", _("Formulir publik")
        LAPOR = "lapor", _("SP4N-LAPOR!")

    post = models.ForeignKey(
        "cases.ReportedPost", verbose_name=_("unggahan"), on_delete=models.PROTECT, related_name="public_reports"
    )
    channel = models.CharField(_("saluran"), max_length=8, choices=Channel.choices, default=Channel.FORM)
    tracking_hash = models.CharField(_("hash kode pelacakan"), max_length=64, unique=True, editable=False)
    platform = models.CharField(_("platform"), max_length=12)
    url = models.URLField(_("URL unggahan"), max_length=1000)
    description = models.TextField(_("yang dilihat pelapor"), blank=True)
    contact = models.CharField(_("kontak pelapor"), max_length=200, blank=True)
    evidence = models.ForeignKey(
        "cases.Evidence", verbose_name=_("tangkapan layar"), null=True, blank=True, on_delete=models.PROTECT
    )
    lapor_reference = models.CharField(_("nomor LAPOR!"), max_length=60, blank=True)
    created_at = models.DateTimeField(_("diterima"), default=timezone.now, db_index=True)
    taken_up_at = models.DateTimeField(_("mulai ditelaah"), null=True, blank=True)
    taken_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("selesai ditangani"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closing_note = models.CharField(_("catatan penanganan"), max_length=500, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pengaduan masyarakat")
        verbose_name_plural = _("pengaduan masyarakat")
        constraints = [
            models.UniqueConstraint(
                fields=["lapor_reference", "url"],
                condition=~models.Q(lapor_reference=""),
                name="publicreport_lapor_url_uniq",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} #{self.pk}"


class ReferralBundle(models.Model):
    """A referral ZIP built for BKN or Bawaslu/Gakkumdu, kept as built (content-addressed)."""

    class Recipient(models.TextChoices):
        BKN = "bkn", _("BKN (tindak lanjut rekomendasi, I'DIS)")
        BAWASLU = "bawaslu", _("Bawaslu / Sentra Gakkumdu")

    case = models.ForeignKey("cases.Case", verbose_name=_("kasus"), on_delete=models.PROTECT, related_name="+")
    recipient = models.CharField(_("tujuan"), max_length=8, choices=Recipient.choices)
    recommendation = models.ForeignKey(
        "cases.Recommendation",
        verbose_name=_("menjawab rekomendasi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    file = models.FileField(_("berkas ZIP"), max_length=255)
    sha256 = models.CharField(_("SHA-256 ZIP"), max_length=64)
    manifest_sha256 = models.CharField(_("SHA-256 manifest"), max_length=64)
    file_count = models.PositiveIntegerField(_("jumlah berkas"))
    total_bytes = models.PositiveBigIntegerField(_("ukuran isi (byte)"))
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kosong: dibuat dengan perintah manage.py."),
    )
    built_at = models.DateTimeField(_("dibuat"), default=timezone.now)
    sent_on = models.DateField(_("tanggal dikirim"), null=True, blank=True)
    sent_reference = models.CharField(_("nomor surat pengantar"), max_length=200, blank=True)

    class Meta:
        ordering = ["-built_at", "-id"]
        verbose_name = _("berkas rujukan")
        verbose_name_plural = _("berkas rujukan")

    def __str__(self) -> str:
        return f"{self.get_recipient_display()} {self.case_id} {self.built_at:%Y-%m-%d}"
