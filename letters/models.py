"""Letters: agency letterhead, numbering rules and counters, the letter with its verifiers, bulk print jobs."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .kinds import LetterKind, Sifat


class Letterhead(models.Model):
    """The kop surat of one agency (perangkat daerah) of the Pemda; edited by an admin."""

    government = models.CharField(
        _("pemerintah daerah"), max_length=200, help_text=_("Mis. PEMERINTAH KABUPATEN SUKAMAJU")
    )
    agency = models.CharField(_("nama perangkat daerah"), max_length=250)
    address = models.CharField(_("alamat"), max_length=300)
    phone = models.CharField(_("telepon"), max_length=60, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.CharField(_("laman"), max_length=120, blank=True)
    city = models.CharField(_("tempat penandatanganan"), max_length=80, help_text=_("Mis. Sukamaju"))
    unit_code = models.CharField(_("kode unit pada nomor surat"), max_length=30, default="BKPSDM")
    logo = models.ImageField(
        _("lambang daerah"), upload_to="letterheads/", blank=True, help_text=_("PNG/JPG; kosong = lambang contoh.")
    )
    is_default = models.BooleanField(_("kop bawaan"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-is_default", "agency"]
        verbose_name = _("kop surat")
        verbose_name_plural = _("kop surat")

    def __str__(self) -> str:
        return f"{self.agency} ({self.government})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.is_default:
            Letterhead.objects.exclude(pk=self.pk).filter(is_default=True).update(is_default=False)

    @classmethod
    def default(cls) -> Letterhead | None:
        return cls.objects.order_by("-is_default", "pk").first()


class NumberingRule(models.Model):
    """How numbers of one letter kind look at one agency. Placeholders: {code} {seq} {unit} {year} {month} {roman_month}."""

    letterhead = models.ForeignKey(
        Letterhead, verbose_name=_("kop surat"), on_delete=models.CASCADE, related_name="numbering_rules"
    )
    kind = models.CharField(_("jenis surat"), max_length=30, choices=LetterKind.choices)
    pattern = models.CharField(_("pola nomor"), max_length=120, default="{code}/{seq}/{unit}/{year}")
    classification_code = models.CharField(_("kode klasifikasi arsip"), max_length=30)
    unit_code = models.CharField(_("kode unit"), max_length=30, blank=True, help_text=_("Kosong = kode unit kop."))
    seq_width = models.PositiveSmallIntegerField(_("lebar nomor urut"), default=4)
    code_confirmed = models.BooleanField(
        _("kode sudah diperiksa"),
        default=False,
        help_text=_(
            "Centang setelah pejabat kearsipan memastikan kode menurut Permendagri 83/2022. "
            "Surat dengan kode yang belum diperiksa tidak dapat ditandatangani."
        ),
    )

    class Meta:
        verbose_name = _("aturan penomoran")
        verbose_name_plural = _("aturan penomoran")
        constraints = [models.UniqueConstraint(fields=["letterhead", "kind"], name="letters_rule_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.pattern}"


class LetterCounter(models.Model):
    """The last serial used per archive code, unit and year (Permendagri 1/2023: one register per code and unit).

    Letters of different kinds that share a classification code share this counter; advanced only by
    ``netralitas_site.counters.next_value`` inside the signing transaction (gap-free)."""

    code = models.CharField(_("kode klasifikasi arsip"), max_length=30, default="")
    unit = models.CharField(_("kode unit"), max_length=30, default="")
    year = models.PositiveSmallIntegerField()
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("penghitung nomor surat")
        verbose_name_plural = _("penghitung nomor surat")
        constraints = [models.UniqueConstraint(fields=["code", "unit", "year"], name="letters_counter_code_unit_year")]

    def __str__(self) -> str:
        return f"{self.code}/{self.unit} {self.year}: {self.last_value}"


def letter_upload_to(instance: Letter, filename: str) -> str:
    # A fresh random name each time: a stored path is never reused, not even for a correction.
    today = timezone.localdate()
    return f"letters/{today:%Y/%m}/{uuid.uuid4().hex}.pdf"


class Letter(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Konsep")
        VERIFYING = "verifying", _("Menunggu paraf")
        AWAITING_SIGNATURE = "awaiting_signature", _("Menunggu tanda tangan")
        RETURNED = "returned", _("Dikembalikan untuk perbaikan")
        ISSUED = "issued", _("Terbit")
        ACKNOWLEDGED = "acknowledged", _("Diterima pegawai")
        SUPERSEDED = "superseded", _("Diganti (ralat)")
        CANCELLED = "cancelled", _("Dibatalkan")

    class Receipt(models.TextChoices):
        APP = "app", _("Dikonfirmasi pegawai di aplikasi")
        PAPER = "paper", _("Tanda terima kertas dicatat petugas")

    kind = models.CharField(_("jenis surat"), max_length=30, choices=LetterKind.choices)
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("kasus"), null=True, blank=True, on_delete=models.PROTECT, related_name="letters"
    )
    decision = models.ForeignKey(
        "cases.Decision",
        verbose_name=_("keputusan sanksi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    letterhead = models.ForeignKey(Letterhead, verbose_name=_("kop surat"), on_delete=models.PROTECT)
    employee = models.ForeignKey(
        "registry.Employee", verbose_name=_("pegawai yang dituju"), on_delete=models.PROTECT, related_name="letters"
    )
    # Addressee as printed (snapshot, editable on the draft)
    addressee_name = models.CharField(_("nama"), max_length=250)
    addressee_nip = models.CharField(_("NIP/NI"), max_length=30, blank=True)
    addressee_rank = models.CharField(_("pangkat/golongan"), max_length=80, blank=True)
    addressee_position = models.CharField(_("jabatan"), max_length=250, blank=True)
    addressee_unit = models.CharField(_("unit kerja"), max_length=250, blank=True)

    sifat = models.CharField(_("sifat"), max_length=10, choices=Sifat.choices, default=Sifat.BIASA)
    attachment = models.CharField(_("lampiran"), max_length=80, default="-")
    subject = models.CharField(_("hal"), max_length=250)
    legal_basis = models.TextField(_("dasar hukum"))
    body = models.TextField(_("isi surat"), blank=True)
    details = models.JSONField(_("rincian"), default=dict, blank=True)
    copies = models.TextField(_("tembusan (satu per baris)"), blank=True)

    # In whose name the letter is signed (printed) ...
    signatory = models.ForeignKey(
        "cases.Signatory",
        verbose_name=_("pejabat penandatangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
    )
    # ... and the account that records the signature: the official himself or his operator (never printed).
    signer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun perekam tanda tangan"),
        on_delete=models.PROTECT,
        related_name="letters_to_sign",
    )
    signer_position = models.CharField(_("jabatan penandatangan"), max_length=250)
    signer_name = models.CharField(_("nama penandatangan"), max_length=250)
    signer_rank = models.CharField(_("pangkat penandatangan"), max_length=80, blank=True)
    signer_nip = models.CharField(_("NIP penandatangan"), max_length=30, blank=True)

    number = models.CharField(_("nomor"), max_length=120, blank=True, db_index=True)
    sequence = models.PositiveIntegerField(null=True, blank=True, editable=False)
    issued_on = models.DateField(_("tanggal surat"), null=True, blank=True)
    pdf = models.FileField(_("berkas PDF"), upload_to=letter_upload_to, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    issued_document = models.OneToOneField(
        "printing.IssuedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="letter"
    )
    replaces = models.ForeignKey(
        "self",
        verbose_name=_("menggantikan surat"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    review_comment = models.TextField(_("catatan pimpinan/verifikator"), blank=True)

    receipt = models.CharField(_("tanda terima"), max_length=10, choices=Receipt.choices, blank=True)
    received_at = models.DateTimeField(_("diterima pada"), null=True, blank=True)
    receipt_note = models.CharField(_("keterangan tanda terima"), max_length=250, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuat oleh"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("surat")
        verbose_name_plural = _("surat")
        constraints = [
            models.UniqueConstraint(fields=["number"], condition=~models.Q(number=""), name="letters_number_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number or '(konsep)'} — {self.addressee_name}"

    @property
    def is_frozen(self) -> bool:
        return self.status in (self.Status.ISSUED, self.Status.ACKNOWLEDGED, self.Status.SUPERSEDED)

    @property
    def copies_list(self) -> list[str]:
        return [line.strip() for line in self.copies.splitlines() if line.strip()]


class LetterVerifier(models.Model):
    """A person named on the draft who initials (paraf) it, in ``position`` order, before the leader signs."""

    letter = models.ForeignKey(Letter, on_delete=models.CASCADE, related_name="verifiers")
    position = models.PositiveSmallIntegerField(_("urutan"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("verifikator"), on_delete=models.PROTECT, related_name="+"
    )
    role_label = models.CharField(_("sebagai"), max_length=120, blank=True)
    initialled_at = models.DateTimeField(_("diparaf pada"), null=True, blank=True)

    class Meta:
        ordering = ["letter", "position"]
        verbose_name = _("verifikator surat")
        verbose_name_plural = _("verifikator surat")
        constraints = [models.UniqueConstraint(fields=["letter", "position"], name="letters_verifier_order")]

    def __str__(self) -> str:
        return f"{self.position}. {self.user}"


def bulk_upload_to(instance: BulkPrintJob, filename: str) -> str:
    return f"letters/bulk/{uuid.uuid4().hex}.pdf"


class BulkPrintJob(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Menunggu")
        RUNNING = "running", _("Berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    letter_ids = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    done_count = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=bulk_upload_to, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("cetak massal")
        verbose_name_plural = _("cetak massal")

    def __str__(self) -> str:
        return f"#{self.pk} {self.status} {self.done_count}/{self.total}"

    @property
    def percent(self) -> int:
        return int(100 * self.done_count / self.total) if self.total else 0
