"""Reported posts, evidence, the violation and sanction catalogues, cases and decisions.

Stable class names other apps depend on: ReportedPost, Evidence, ViolationType, Case,
SanctionType (alias Sanction), Decision. Business rules live in ``cases/services*.py``
and the one workflow table in ``cases/workflow.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from registry.models import Election, Employee, Platform, SocialAccount


class ReportedPost(models.Model):
    class Source(models.TextChoices):
        INTERNAL = "internal", _("Pemantauan internal (DKIP)")
        PUBLIC = "public", _("Pengaduan masyarakat")
        BAWASLU = "bawaslu", _("Penerusan Bawaslu")
        AGENCY = "agency", _("Surat instansi pembina/pengawas (BKN/KemenPAN-RB)")

    platform = models.CharField(_("platform"), max_length=12, choices=Platform.choices)
    url = models.URLField(_("URL unggahan"), max_length=1000)
    normalized_url = models.CharField(_("URL ternormalisasi"), max_length=1000, db_index=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplikat dari"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    account_name = models.CharField(_("nama akun"), max_length=200, blank=True)
    posted_at = models.DateTimeField(_("waktu unggah"), null=True, blank=True)
    found_at = models.DateTimeField(_("waktu ditemukan"), default=timezone.now)
    source = models.CharField(_("sumber"), max_length=10, choices=Source.choices, default=Source.INTERNAL)
    source_reference = models.CharField(_("nomor surat/laporan sumber"), max_length=200, blank=True)
    notes = models.TextField(_("catatan"), blank=True)
    election = models.ForeignKey(Election, verbose_name=_("pemilihan"), null=True, blank=True, on_delete=models.PROTECT)
    employees = models.ManyToManyField(
        Employee, verbose_name=_("pegawai terkait"), through="PostSubject", related_name="reported_posts", blank=True
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("pelapor"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("dicatat"), auto_now_add=True)

    class Meta:
        ordering = ["-found_at", "-id"]
        verbose_name = _("unggahan dilaporkan")
        verbose_name_plural = _("unggahan dilaporkan")

    def __str__(self) -> str:
        return f"{self.get_platform_display()} {self.account_name or self.url}"


class PostSubject(models.Model):
    """An employee a post is thought to concern; a case names them only once ``confirmed_at`` is set."""

    post = models.ForeignKey(ReportedPost, on_delete=models.CASCADE, related_name="subjects")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="post_subjects")
    social_account = models.ForeignKey(SocialAccount, null=True, blank=True, on_delete=models.SET_NULL)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("dikonfirmasi"), null=True, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pegawai terkait unggahan")
        verbose_name_plural = _("pegawai terkait unggahan")
        constraints = [models.UniqueConstraint(fields=["post", "employee"], name="postsubject_post_employee_uniq")]

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class EvidenceImmutableError(Exception):
    pass


class Evidence(models.Model):
    """One evidence image. File and hash never change once stored (content-addressed path)."""

    post = models.ForeignKey(
        ReportedPost, verbose_name=_("unggahan"), on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField(_("berkas"), max_length=255)
    thumbnail = models.FileField(_("pratinjau"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    phash = models.CharField(_("pHash"), max_length=16, blank=True, db_index=True)
    width = models.PositiveIntegerField(_("lebar"))
    height = models.PositiveIntegerField(_("tinggi"))
    content_type = models.CharField(_("jenis isi"), max_length=40)
    size = models.PositiveBigIntegerField(_("ukuran (byte)"), default=0)
    original_name = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("diunggah oleh"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("diunggah"), default=timezone.now)

    IMMUTABLE_FIELDS = ("file", "sha256", "phash", "width", "height", "content_type", "size", "post_id")

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("bukti")
        verbose_name_plural = _("bukti")

    def __str__(self) -> str:
        return f"{self.original_name or 'bukti'} ({self.sha256[:12]})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values(*self.IMMUTABLE_FIELDS).first()
            if stored:
                for name in self.IMMUTABLE_FIELDS:
                    current = getattr(self, name)
                    current = current.name if hasattr(current, "name") else current
                    if stored[name] != current:
                        raise EvidenceImmutableError(f"Evidence.{name} cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise EvidenceImmutableError("Evidence cannot be deleted.")


class ViolationType(models.Model):
    """SKB 2022 catalogue (brief §2.3). Editable in Django admin."""

    class Level(models.TextChoices):
        NONE = "", _("— (hanya kode etik)")
        RINGAN = "ringan", _("Ringan")
        SEDANG = "sedang", _("Sedang")
        BERAT = "berat", _("Berat")
        PTDH = "ptdh", _("PTDH (UU ASN)")

    code = models.CharField(_("kode"), max_length=20, unique=True)
    number = models.PositiveSmallIntegerField(_("nomor SKB"), default=0)
    title = models.CharField(_("uraian"), max_length=400)
    ethics = models.BooleanField(_("pelanggaran kode etik (sanksi moral)"), default=False)
    discipline_level = models.CharField(
        _("tingkat disiplin"), max_length=6, choices=Level.choices, blank=True, default=""
    )
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["number", "code"]
        verbose_name = _("jenis pelanggaran")
        verbose_name_plural = _("jenis pelanggaran")

    def __str__(self) -> str:
        if self.code.startswith("PP94-5N-"):
            return f"PP 94/2021 Pasal 5 huruf n angka {self.number}: {self.title}"
        return f"{self.number}. {self.title}" if self.number else self.title


class SanctionType(models.Model):
    """Sanction catalogue per employee status (brief §2.1, §2.5). ``rung`` orders the ladder."""

    class Track(models.TextChoices):
        MORAL = "moral", _("Sanksi moral (kode etik)")
        DISCIPLINE = "discipline", _("Hukuman disiplin")

    class Level(models.TextChoices):
        MORAL = "moral", _("Moral")
        RINGAN = "ringan", _("Ringan")
        SEDANG = "sedang", _("Sedang")
        BERAT = "berat", _("Berat")
        DISMISSAL = "ptdh", _("Pemberhentian di luar tangga (PTDH / PHPK tidak dengan hormat)")

    class Applies(models.TextChoices):
        PNS = "pns", _("PNS / CPNS")
        PPPK = "pppk", _("PPPK")
        HONORER = "honorer", _("Honorer / non-ASN")
        ASN = "asn", _("PNS dan PPPK")

    code = models.CharField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=300)
    track = models.CharField(_("jalur"), max_length=10, choices=Track.choices)
    level = models.CharField(_("tingkat"), max_length=6, choices=Level.choices)
    applies_to = models.CharField(_("berlaku untuk"), max_length=8, choices=Applies.choices)
    rung = models.PositiveSmallIntegerField(_("urutan tangga"), default=0)
    duration_months = models.PositiveSmallIntegerField(_("lama (bulan)"), null=True, blank=True)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["track", "applies_to", "rung"]
        verbose_name = _("jenis sanksi")
        verbose_name_plural = _("jenis sanksi")

    def __str__(self) -> str:
        return self.name

    def applies_to_status(self, status: str) -> bool:
        from legal.regimes import applies

        return applies(self.applies_to, status)


Sanction = SanctionType  # the catalogue entry; an imposed sanction is a Decision


class CaseCounter(models.Model):
    """Last reference number used per year; rows are locked with select_for_update (gap-free)."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("penghitung nomor kasus")


class Case(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Baru")
        SCREENING = "screening", _("Penelaahan")
        SUMMONS_1 = "summons_1", _("Panggilan I")
        SUMMONS_2 = "summons_2", _("Panggilan II")
        EXAMINATION = "examination", _("Pemeriksaan (BAP)")
        EXAMINATION_REPORT = "examination_report", _("Laporan hasil pemeriksaan (LHP)")
        DECISION = "decision", _("Keputusan")
        DELIVERED = "delivered", _("Keputusan disampaikan")
        APPEAL_WINDOW = "appeal_window", _("Masa upaya administratif")
        FINAL = "final", _("Berkekuatan tetap / selesai")
        DISMISSED = "dismissed", _("Dihentikan")

    reference = models.CharField(_("nomor kasus"), max_length=20, unique=True)
    year = models.PositiveSmallIntegerField(_("tahun"))
    number = models.PositiveIntegerField(_("nomor urut"))
    employee = models.ForeignKey(Employee, verbose_name=_("pegawai"), on_delete=models.PROTECT, related_name="cases")
    employee_status = models.CharField(
        _("status kepegawaian saat perbuatan"), max_length=10, choices=Employee.Status.choices
    )
    # The regime follows the status held on this date (legal.regimes); set with a reason via set_status_at_act.
    act_date = models.DateField(_("tanggal perbuatan"), null=True, blank=True)
    posts = models.ManyToManyField(ReportedPost, verbose_name=_("unggahan"), related_name="cases", blank=True)
    violation_type = models.ForeignKey(
        ViolationType, verbose_name=_("jenis pelanggaran"), null=True, blank=True, on_delete=models.PROTECT
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    assigned_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
    )
    ethics_track = models.BooleanField(_("jalur kode etik"), default=True)
    discipline_track = models.BooleanField(_("jalur disiplin"), default=True)
    summary = models.TextField(_("ringkasan"), blank=True)
    # Timetable (working days, see cases/deadlines.py)
    status_since = models.DateField(_("status sejak"), default=timezone.localdate)
    due_date = models.DateField(_("batas waktu"), null=True, blank=True, db_index=True)
    examination_date = models.DateField(_("tanggal pemeriksaan"), null=True, blank=True)
    summons_1_date = models.DateField(_("tanggal panggilan I"), null=True, blank=True)
    summons_2_date = models.DateField(_("tanggal panggilan II"), null=True, blank=True)
    missed_examination_date = models.DateField(_("tanggal tidak hadir"), null=True, blank=True)
    # LHP
    report_findings = models.TextField(_("temuan LHP"), blank=True)
    report_recommendation = models.TextField(_("rekomendasi LHP"), blank=True)
    # Criminal track (brief §2.4): only a flag and an outcome
    gakkumdu_referred = models.BooleanField(_("diteruskan ke Gakkumdu"), default=False)
    gakkumdu_referred_on = models.DateField(_("tanggal penerusan Gakkumdu"), null=True, blank=True)
    gakkumdu_outcome = models.CharField(_("hasil Gakkumdu"), max_length=300, blank=True)
    dismissal_reason = models.TextField(_("alasan penghentian"), blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("dibuka oleh"), on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField(_("dibuka"), default=timezone.now)
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)
    version = models.PositiveIntegerField(_("versi"), default=1)

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = _("kasus")
        verbose_name_plural = _("kasus")
        constraints = [models.UniqueConstraint(fields=["year", "number"], name="case_year_number_uniq")]
        indexes = [
            models.Index(fields=["status", "due_date"]),
            models.Index(fields=["assigned_officer", "status"]),
            models.Index(fields=["assigned_officer", "due_date"], name="case_officer_due_idx"),
            models.Index(fields=["-opened_at", "-id"], name="case_opened_idx"),
            # The list filtered by status, newest first, without walking every other status.
            models.Index(fields=["status", "-opened_at", "-id"], name="case_status_opened_idx"),
            # A keyword search finds employees first, then their cases of one status.
            models.Index(fields=["employee", "status"], name="case_employee_status_idx"),
            # "Needs attention": an officer's open cases by due date.
            models.Index(
                fields=["assigned_officer", "due_date", "id"],
                condition=~models.Q(status__in=["final", "dismissed"]),
                name="case_officer_open_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.FINAL, self.Status.DISMISSED)


class Examination(models.Model):
    """Berita Acara Pemeriksaan data."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="examinations")
    held_on = models.DateField(_("tanggal pemeriksaan"))
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    examiners = models.TextField(_("pemeriksa"), help_text=_("Satu nama per baris."))
    questions_answers = models.TextField(_("tanya jawab"))
    examinee_attended = models.BooleanField(_("terperiksa hadir"), default=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["held_on", "id"]
        verbose_name = _("berita acara pemeriksaan")
        verbose_name_plural = _("berita acara pemeriksaan")


class Recommendation(models.Model):
    """A Bawaslu/BKN recommendation received for a case, and its follow-up."""

    class Source(models.TextChoices):
        BAWASLU = "bawaslu", "Bawaslu"
        BKN = "bkn", "BKN"
        KASN = "kasn", "KASN"
        OTHER = "other", _("Lainnya")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="recommendations")
    source = models.CharField(_("pemberi rekomendasi"), max_length=10, choices=Source.choices)
    number = models.CharField(_("nomor surat"), max_length=200, blank=True)
    received_on = models.DateField(_("tanggal diterima"))
    content = models.TextField(_("isi rekomendasi"))
    follow_up = models.TextField(_("tindak lanjut"), blank=True)
    followed_up_on = models.DateField(_("tanggal tindak lanjut"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("rekomendasi")
        verbose_name_plural = _("rekomendasi")


class Decision(models.Model):
    """The sanction decided on one track of a case (a case carries at most one per track)."""

    class Official(models.TextChoices):
        SUPERVISOR = "supervisor", _("Atasan langsung / kepala unit")
        HEAD_OF_OPD = "head_of_opd", _("Kepala perangkat daerah (JPT)")
        PPK = "ppk", _("PPK (Bupati)")

    case = models.ForeignKey(Case, verbose_name=_("kasus"), on_delete=models.PROTECT, related_name="decisions")
    track = models.CharField(_("jalur"), max_length=10, choices=SanctionType.Track.choices)
    sanction_type = models.ForeignKey(
        SanctionType, verbose_name=_("sanksi"), on_delete=models.PROTECT, related_name="+"
    )
    recommended_sanction = models.ForeignKey(
        SanctionType, verbose_name=_("sanksi rekomendasi sistem"), null=True, on_delete=models.PROTECT, related_name="+"
    )
    recommendation_reasons = models.JSONField(_("alasan rekomendasi"), default=list, blank=True)
    deviation_reason = models.TextField(_("alasan menyimpang dari rekomendasi"), blank=True)
    authorised_official = models.CharField(_("pejabat berwenang"), max_length=12, choices=Official.choices)
    signer = models.ForeignKey(
        Employee, verbose_name=_("penandatangan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The official in whose name the decision's letter is signed (the only name a letter may carry).
    signatory = models.ForeignKey(
        "cases.Signatory",
        verbose_name=_("pejabat penandatangan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="decisions",
    )
    decision_number = models.CharField(_("nomor keputusan"), max_length=120, blank=True)
    decided_on = models.DateField(_("tanggal keputusan"), default=timezone.localdate)
    delivered_on = models.DateField(_("tanggal penyampaian"), null=True, blank=True)
    # Set on delivery by legal.appeals.effective_date: never inside the appeal window.
    effective_on = models.DateField(_("tanggal mulai berlaku"), null=True, blank=True)
    substantiated = models.BooleanField(_("pelanggaran terbukti"), default=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "id"]
        verbose_name = _("keputusan")
        verbose_name_plural = _("keputusan")
        constraints = [models.UniqueConstraint(fields=["case", "track"], name="decision_case_track_uniq")]

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.sanction_type}"

    def clean(self) -> None:
        if self.sanction_type_id and self.track and self.sanction_type.track != self.track:
            raise ValidationError({"sanction_type": _("Sanksi tidak sesuai jalur.")})


class Appeal(models.Model):
    """An administrative appeal (upaya administratif, PP 79/2021) against a decision, and its outcome.

    Keberatan goes to the superior of the deciding official; banding administratif (dismissal of a PNS,
    PHPK of a PPPK) goes to BPASN. A pending appeal keeps the case from becoming final."""

    class Kind(models.TextChoices):
        OBJECTION = "keberatan", _("Keberatan (kepada atasan pejabat yang berwenang)")
        APPEAL = "banding", _("Banding administratif (kepada BPASN)")

    class Outcome(models.TextChoices):
        PENDING = "pending", _("Dalam proses")
        UPHELD = "upheld", _("Keputusan dikuatkan")
        AMENDED = "amended", _("Keputusan diubah")
        ANNULLED = "annulled", _("Keputusan dibatalkan")
        WITHDRAWN = "withdrawn", _("Dicabut oleh pegawai")

    case = models.ForeignKey(Case, verbose_name=_("kasus"), on_delete=models.PROTECT, related_name="appeals")
    decision = models.ForeignKey(
        Decision, verbose_name=_("keputusan yang diajukan"), on_delete=models.PROTECT, related_name="appeals"
    )
    kind = models.CharField(_("jenis upaya administratif"), max_length=10, choices=Kind.choices)
    filed_on = models.DateField(_("tanggal diajukan"))
    grounds = models.TextField(_("alasan pengajuan"))
    outcome = models.CharField(
        _("hasil"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING, db_index=True
    )
    outcome_on = models.DateField(_("tanggal hasil"), null=True, blank=True)
    outcome_notes = models.TextField(_("keterangan hasil"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["filed_on", "id"]
        verbose_name = _("upaya administratif")
        verbose_name_plural = _("upaya administratif")

    def __str__(self) -> str:
        return f"{self.case.reference}: {self.get_kind_display()} ({self.get_outcome_display()})"

    @property
    def is_pending(self) -> bool:
        return self.outcome == self.Outcome.PENDING


class FollowUpAction(models.Model):
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="follow_ups")
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="follow_ups")
    description = models.TextField(_("tindak lanjut"))
    remedial_training = models.BooleanField(_("wajib pelatihan pembinaan"), default=False)
    due_on = models.DateField(_("batas waktu"), null=True, blank=True)
    done_on = models.DateField(_("selesai"), null=True, blank=True)
    training_assignment = models.ForeignKey(
        "training.Assignment",
        verbose_name=_("penugasan pelatihan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_follow_ups",
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("tindak lanjut")
        verbose_name_plural = _("tindak lanjut")


class Notification(models.Model):
    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("Penugasan")
        DUE_SOON = "due_soon", _("Batas waktu mendekat")
        OVERDUE = "overdue", _("Lewat batas waktu")
        INFO = "info", _("Info")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_notifications")
    case = models.ForeignKey(Case, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    message = models.CharField(max_length=400)
    dedupe_key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
