"""Detection results stored per evidence file.

One :class:`DetectionRun` row per evidence (unique). Re-running detection (a retried job, a duplicate
delivery, an officer's "run again") re-uses that row: ``attempts`` goes up by one, and the child rows
(hands, symbol findings) are deleted and recreated inside one transaction when the new results are saved.
Review decisions on findings that are found again (same gesture/label, overlapping box) are carried
over to the new rows, so a re-run never silently drops an officer's confirmation. ``attempts`` is
also the fencing token: results of a worker whose claim was taken over are discarded.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_STALE_MINUTES = 15


class DetectionRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Dalam antrean")
        RUNNING = "running", _("Sedang diproses")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    evidence = models.OneToOneField(
        "cases.Evidence", verbose_name=_("bukti"), on_delete=models.CASCADE, related_name="detection_run"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    error = models.TextField(_("pesan kesalahan"), blank=True)
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    model_version = models.CharField(_("versi model"), max_length=200, blank=True)
    timings_ms = models.JSONField(_("waktu per tahap (ms)"), default=dict, blank=True)
    image_size = models.JSONField(_("ukuran gambar"), null=True, blank=True)
    second_pass = models.CharField(_("pemindaian kedua"), max_length=60, blank=True)
    panels = models.JSONField(
        _("foto dalam kolase"), default=list, blank=True, help_text=_("[[x0, y0, x1, y1], ...] dalam piksel asli")
    )
    looked = models.JSONField(
        _("area yang diperiksa"),
        default=list,
        blank=True,
        help_text=_('[["scan", x0, y0, x1, y1], ...] dalam piksel asli: setiap area yang dilihat detektor'),
    )
    candidates = models.JSONField(
        _("saran nomor urut"),
        default=list,
        blank=True,
        help_text=_('[{"number": 2, "reasons": ["hand 0: v_sign"], "confidence": 0.99}]'),
    )
    election = models.ForeignKey(
        "registry.Election", verbose_name=_("pemilihan"), null=True, blank=True, on_delete=models.SET_NULL
    )
    annotated = models.FileField(_("pratinjau beranotasi"), max_length=255, blank=True)
    worker = models.CharField(_("pekerja"), max_length=200, blank=True)
    queued_at = models.DateTimeField(_("masuk antrean"), default=timezone.now)
    started_at = models.DateTimeField(_("mulai"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("tanda hidup terakhir"), null=True, blank=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-queued_at", "-id"]
        verbose_name = _("proses deteksi")
        verbose_name_plural = _("proses deteksi")
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="detrun_status_heartbeat_idx")]

    def __str__(self) -> str:
        return f"{_('Deteksi')} #{self.pk} ({self.get_status_display()})"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    def is_stale(self, minutes: int = DEFAULT_STALE_MINUTES, now=None) -> bool:
        """A run still marked running whose worker has not been heard of for ``minutes``."""
        if self.status != self.Status.RUNNING:
            return False
        seen = self.heartbeat_at or self.started_at or self.queued_at
        return seen < (now or timezone.now()) - timedelta(minutes=minutes)

    def is_lost(self, minutes: int = DEFAULT_STALE_MINUTES, now=None) -> bool:
        """A run queued for ``minutes`` that no worker has claimed (e.g. the queue was flushed)."""
        if self.status != self.Status.QUEUED:
            return False
        return self.queued_at < (now or timezone.now()) - timedelta(minutes=minutes)

    @property
    def can_requeue(self) -> bool:
        return self.status == self.Status.FAILED or self.is_stale() or self.is_lost()


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Menunggu telaah")
    CONFIRMED = "confirmed", _("Dikonfirmasi")
    REJECTED = "rejected", _("Ditolak")


class ReviewFields(models.Model):
    review_status = models.CharField(
        _("status telaah"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditelaah oleh"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("waktu telaah"), null=True, blank=True)
    note = models.CharField(_("catatan"), max_length=500, blank=True)

    REVIEW_FIELDS = ("review_status", "reviewed_by_id", "reviewed_at", "note")

    class Meta:
        abstract = True


class DetectedHand(ReviewFields):
    run = models.ForeignKey(DetectionRun, verbose_name=_("proses"), on_delete=models.CASCADE, related_name="hands")
    index = models.PositiveSmallIntegerField(_("urutan"), default=0)
    bbox = models.JSONField(_("kotak [x0, y0, x1, y1]"))
    landmarks = models.JSONField(_("titik tangan (21 × [x, y, z])"), default=list, blank=True)
    fingers = models.PositiveSmallIntegerField(_("jumlah jari"))
    extended = models.JSONField(_("jari terbuka [jempol..kelingking]"), default=list, blank=True)
    gesture = models.CharField(_("gestur"), max_length=30)
    confidence = models.FloatField(_("keyakinan gestur"))
    handedness = models.CharField(_("sisi tangan"), max_length=10, blank=True)
    score = models.FloatField(_("skor deteksi"), default=0.0)
    source = models.CharField(_("sumber pemindaian"), max_length=20, blank=True)

    class Meta:
        ordering = ["run", "index", "id"]
        verbose_name = _("tangan terdeteksi")
        verbose_name_plural = _("tangan terdeteksi")

    def __str__(self) -> str:
        return f"{self.gesture} ({self.fingers})"


class SymbolFinding(ReviewFields):
    run = models.ForeignKey(DetectionRun, verbose_name=_("proses"), on_delete=models.CASCADE, related_name="symbols")
    symbol = models.ForeignKey(
        "registry.CandidateSymbol", verbose_name=_("simbol"), null=True, blank=True, on_delete=models.SET_NULL
    )
    ballot_number = models.PositiveSmallIntegerField(_("nomor urut"), null=True, blank=True)
    label = models.CharField(_("keterangan"), max_length=200)
    inliers = models.PositiveIntegerField(_("inlier"), default=0)
    score = models.FloatField(_("skor"), default=0.0)
    bbox = models.JSONField(_("kotak [x0, y0, x1, y1]"))
    quad = models.JSONField(_("segi empat"), default=list, blank=True)

    class Meta:
        ordering = ["run", "-score", "id"]
        verbose_name = _("temuan simbol")
        verbose_name_plural = _("temuan simbol")

    def __str__(self) -> str:
        return self.label
