"""Training: programmes, sessions and attendance, apel scripts, quizzes, certificates, campaigns, integrity pacts.

History is kept: every row pointing at an Employee uses PROTECT, so deactivating or trying to delete
an employee never removes their attendance, attempts, certificates or acknowledgements.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from registry.models import Election, Employee, OrgUnit
from workdays.deadlines import deadline_state, is_overdue, overdue_q


def _secret() -> str:
    return secrets.token_hex(16)


def validate_video_url(value: str) -> None:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ValidationError(_("Tautan video harus berupa alamat http(s)."))


class Targeted(models.Model):
    """Something aimed at units (and their sub-units) and employee statuses; empty means everyone."""

    target_units = models.ManyToManyField(OrgUnit, verbose_name=_("unit sasaran"), blank=True, related_name="+")
    target_statuses = models.JSONField(
        _("status kepegawaian sasaran"), default=list, blank=True, help_text=_("Kosong = semua status.")
    )

    class Meta:
        abstract = True

    def target_employees(self):
        """Active employees this object targets (sub-units included)."""
        qs = Employee.objects.filter(is_active=True)
        unit_ids: list[int] = []
        for unit in self.target_units.all():
            unit_ids.extend(unit.descendant_ids())
        if unit_ids:
            qs = qs.filter(unit_id__in=unit_ids)
        if self.target_statuses:
            qs = qs.filter(status__in=self.target_statuses)
        return qs


class Topic(models.Model):
    name = models.CharField(_("nama topik"), max_length=150, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topik")
        verbose_name_plural = _("topik")

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Pilihan tunggal")
        MULTIPLE = "multiple", _("Pilihan ganda (lebih dari satu benar)")
        TRUE_FALSE = "tf", _("Benar/Salah")

    topic = models.ForeignKey(Topic, verbose_name=_("topik"), on_delete=models.PROTECT, related_name="questions")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("pertanyaan"))
    explanation = models.TextField(_("pembahasan"), blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["topic", "pk"]
        verbose_name = _("soal")
        verbose_name_plural = _("soal")

    def __str__(self) -> str:
        return self.text[:80]


class Option(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    text = models.CharField(_("pilihan"), max_length=500)
    is_correct = models.BooleanField(_("benar"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["question", "order", "pk"]
        verbose_name = _("pilihan jawaban")
        verbose_name_plural = _("pilihan jawaban")

    def __str__(self) -> str:
        return self.text


class Quiz(models.Model):
    title = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("keterangan"), blank=True)
    topics = models.ManyToManyField(Topic, verbose_name=_("topik soal"), related_name="quizzes")
    num_questions = models.PositiveSmallIntegerField(
        _("jumlah soal per percobaan"), default=10, validators=[MinValueValidator(1), MaxValueValidator(200)]
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("batas waktu (menit)"), default=15, validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("nilai lulus (%)"), default=70, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("maksimum percobaan"), default=3, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    is_published = models.BooleanField(_("terbit"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("kuis")
        verbose_name_plural = _("kuis")

    def __str__(self) -> str:
        return self.title

    def question_pool(self):
        return Question.objects.filter(topic__in=self.topics.all(), is_active=True).distinct()


class Programme(Targeted):
    title = models.CharField(_("judul"), max_length=200)
    summary = models.TextField(_("ringkasan"), blank=True)
    quiz = models.ForeignKey(
        Quiz,
        verbose_name=_("kuis akhir"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programmes",
        help_text=_("Jika diisi, program selesai setelah semua materi dibaca dan kuis lulus."),
    )
    due_date = models.DateField(_("batas waktu"), null=True, blank=True)
    is_published = models.BooleanField(_("terbit"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("program pelatihan")
        verbose_name_plural = _("program pelatihan")

    def __str__(self) -> str:
        return self.title


class Material(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Bacaan")
        VIDEO = "video", _("Video")
        FILE = "file", _("Lampiran")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="materials")
    order = models.PositiveSmallIntegerField(_("urutan"), default=1)
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    body = models.TextField(
        _("isi"), blank=True, help_text=_("Teks biasa; baris kosong memisahkan paragraf. HTML tidak dijalankan.")
    )
    video_url = models.URLField(_("tautan video"), blank=True, validators=[validate_video_url])
    attachment = models.FileField(_("lampiran"), upload_to="training/materials/%Y/", blank=True)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("materi")
        verbose_name_plural = _("materi")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.kind == self.Kind.VIDEO and not self.video_url:
            raise ValidationError({"video_url": _("Isi tautan video.")})
        if self.kind == self.Kind.FILE and not self.attachment:
            raise ValidationError({"attachment": _("Unggah lampiran.")})
        if self.kind == self.Kind.TEXT and not self.body.strip():
            raise ValidationError({"body": _("Isi bacaan tidak boleh kosong.")})


class MaterialView(models.Model):
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="views")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="training_material_views")
    viewed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["material", "employee"], name="training_material_view_once")]


class ProgrammeCompletion(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="completions")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="training_completions")
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["programme", "employee"], name="training_programme_done_once")]


class Session(Targeted):
    class Kind(models.TextChoices):
        FACE = "face", _("Sosialisasi tatap muka")
        APEL = "apel", _("Pengarahan apel pagi")
        ONLINE = "online", _("Daring")

    programme = models.ForeignKey(
        Programme, verbose_name=_("program"), null=True, blank=True, on_delete=models.PROTECT, related_name="sessions"
    )
    title = models.CharField(_("judul"), max_length=200)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices, default=Kind.FACE)
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(_("selesai"))
    place = models.CharField(_("tempat"), max_length=200, blank=True)
    online_url = models.URLField(_("tautan daring"), blank=True, validators=[validate_video_url])
    facilitator = models.CharField(_("fasilitator/narasumber"), max_length=200, blank=True)
    grace_minutes = models.PositiveSmallIntegerField(
        _("toleransi terlambat (menit)"), default=10, validators=[MaxValueValidator(240)]
    )
    checkin_secret = models.CharField(max_length=64, default=_secret, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("sesi")
        verbose_name_plural = _("sesi")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Waktu selesai harus sesudah waktu mulai.")})
        if self.kind == self.Kind.ONLINE and not self.online_url:
            raise ValidationError({"online_url": _("Sesi daring memerlukan tautan.")})
        if self.kind != self.Kind.ONLINE and not self.place:
            raise ValidationError({"place": _("Isi tempat pelaksanaan.")})


class Attendance(models.Model):
    class Status(models.TextChoices):
        PRESENT = "present", _("Hadir")
        LATE = "late", _("Terlambat")
        EXCUSED = "excused", _("Izin")
        ABSENT = "absent", _("Tidak hadir")

    class Method(models.TextChoices):
        QR = "qr", _("Kode/QR")
        OFFICER = "officer", _("Dicatat petugas")

    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="attendances")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="training_attendances")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    method = models.CharField(_("cara"), max_length=10, choices=Method.choices)
    checked_in_at = models.DateTimeField(_("waktu"), default=timezone.now)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["session", "employee__full_name"]
        constraints = [models.UniqueConstraint(fields=["session", "employee"], name="training_attend_once")]


class ApelScript(models.Model):
    title = models.CharField(_("judul"), max_length=200)
    topic = models.CharField(_("tema"), max_length=150, blank=True)
    body = models.TextField(_("naskah"))
    minutes = models.PositiveSmallIntegerField(_("durasi baca (menit)"), default=3)
    is_active = models.BooleanField(_("aktif"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("naskah apel")
        verbose_name_plural = _("naskah apel")

    def __str__(self) -> str:
        return self.title


class ApelReading(models.Model):
    script = models.ForeignKey(ApelScript, verbose_name=_("naskah"), on_delete=models.PROTECT, related_name="readings")
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+")
    read_on = models.DateField(_("tanggal apel"))
    attendees = models.PositiveIntegerField(_("jumlah peserta apel"), validators=[MaxValueValidator(100000)])
    reader = models.CharField(_("pembaca naskah"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-read_on"]
        verbose_name = _("pembacaan naskah apel")
        verbose_name_plural = _("pembacaan naskah apel")
        constraints = [
            models.UniqueConstraint(fields=["script", "unit", "read_on"], name="training_apel_read_once_a_day")
        ]


class Attempt(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Sedang dikerjakan")
        SUBMITTED = "submitted", _("Dikirim")
        EXPIRED = "expired", _("Waktu habis")

    quiz = models.ForeignKey(Quiz, on_delete=models.PROTECT, related_name="attempts")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="quiz_attempts")
    number = models.PositiveSmallIntegerField(_("percobaan ke"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    started_at = models.DateTimeField(_("mulai"), default=timezone.now)
    time_limit_minutes = models.PositiveSmallIntegerField(_("batas waktu (menit)"))
    pass_mark = models.PositiveSmallIntegerField(_("nilai lulus (%)"))
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    correct_count = models.PositiveSmallIntegerField(default=0)
    total = models.PositiveSmallIntegerField(default=0)
    score = models.PositiveSmallIntegerField(_("nilai (%)"), null=True, blank=True)
    passed = models.BooleanField(_("lulus"), default=False)
    voided = models.BooleanField(
        _("direset petugas"), default=False, help_text=_("Percobaan yang direset tidak dihitung dalam batas percobaan.")
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("percobaan kuis")
        verbose_name_plural = _("percobaan kuis")
        constraints = [
            models.UniqueConstraint(
                fields=["quiz", "employee"], condition=Q(status="open"), name="training_one_open_attempt"
            )
        ]
        indexes = [models.Index(fields=["quiz", "employee", "passed"])]

    def __str__(self) -> str:
        return f"{self.quiz} #{self.number} ({self.employee_id})"

    @property
    def deadline(self):
        return self.started_at + timezone.timedelta(minutes=self.time_limit_minutes)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class AttemptQuestion(models.Model):
    """One drawn question in an attempt, with the option order shown and the answer given."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="items")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField()
    option_order = models.JSONField(default=list)
    selected = models.JSONField(default=list, blank=True)
    is_correct = models.BooleanField(null=True)

    class Meta:
        ordering = ["attempt", "position"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="training_no_repeat_question"),
            models.UniqueConstraint(fields=["attempt", "position"], name="training_attempt_position"),
        ]


class Certificate(models.Model):
    class Kind(models.TextChoices):
        QUIZ = "quiz", _("Kelulusan kuis")
        PROGRAMME = "programme", _("Penyelesaian program")

    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="training_certificates")
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    quiz = models.ForeignKey(Quiz, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    attempt = models.OneToOneField(Attempt, null=True, blank=True, on_delete=models.PROTECT, related_name="certificate")
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("judul"), max_length=250)
    issued_at = models.DateTimeField(default=timezone.now)
    document = models.OneToOneField(
        "printing.IssuedDocument", null=True, blank=True, on_delete=models.PROTECT, related_name="training_certificate"
    )
    pdf = models.BinaryField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("sertifikat")
        verbose_name_plural = _("sertifikat")
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "programme"], condition=Q(kind="programme"), name="training_one_programme_cert"
            ),
            models.UniqueConstraint(
                fields=["employee", "quiz"], condition=Q(kind="quiz"), name="training_one_quiz_cert"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def number(self) -> str:
        return f"SERT-NTR/{self.issued_at:%Y}/{self.pk:05d}"


class IntegrityPact(Targeted):
    election = models.ForeignKey(Election, verbose_name=_("pemilihan"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("judul"), max_length=200)
    text = models.TextField(_("isi pakta"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pakta integritas netralitas")
        verbose_name_plural = _("pakta integritas netralitas")

    def __str__(self) -> str:
        return self.title


class PactAcknowledgement(models.Model):
    pact = models.ForeignKey(IntegrityPact, on_delete=models.PROTECT, related_name="acknowledgements")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="pact_acknowledgements")
    acknowledged_at = models.DateTimeField(default=timezone.now)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pact", "employee"], name="training_pact_ack_once")]


class Campaign(Targeted):
    """A programme, quiz or integrity pact assigned to units/statuses with a due date."""

    title = models.CharField(_("judul"), max_length=200)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="campaigns")
    quiz = models.ForeignKey(Quiz, null=True, blank=True, on_delete=models.PROTECT, related_name="campaigns")
    pact = models.ForeignKey(IntegrityPact, null=True, blank=True, on_delete=models.PROTECT, related_name="campaigns")
    starts_on = models.DateField(_("mulai"), default=timezone.localdate)
    due_date = models.DateField(_("batas waktu"))
    remind_days_before = models.PositiveSmallIntegerField(_("ingatkan H-"), default=3)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("kampanye pelatihan")
        verbose_name_plural = _("kampanye pelatihan")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(programme__isnull=False, quiz__isnull=True, pact__isnull=True)
                    | Q(programme__isnull=True, quiz__isnull=False, pact__isnull=True)
                    | Q(programme__isnull=True, quiz__isnull=True, pact__isnull=False)
                ),
                name="training_campaign_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def subject(self):
        return self.programme or self.quiz or self.pact

    def clean(self) -> None:
        if sum(x is not None for x in (self.programme_id, self.quiz_id, self.pact_id)) != 1:
            raise ValidationError(_("Pilih tepat satu: program, kuis, atau pakta integritas."))
        if self.starts_on and self.due_date and self.due_date < self.starts_on:
            raise ValidationError({"due_date": _("Batas waktu tidak boleh sebelum tanggal mulai.")})


class Assignment(models.Model):
    """One employee's duty to finish a programme/quiz/pact by a date (from a campaign or remedial)."""

    class Source(models.TextChoices):
        CAMPAIGN = "campaign", _("Kampanye")
        REMEDIAL = "remedial", _("Pembinaan (kasus)")

    campaign = models.ForeignKey(Campaign, null=True, blank=True, on_delete=models.PROTECT, related_name="assignments")
    employee = models.ForeignKey(Employee, on_delete=models.PROTECT, related_name="training_assignments")
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    quiz = models.ForeignKey(Quiz, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    pact = models.ForeignKey(IntegrityPact, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.CAMPAIGN)
    reason = models.CharField(_("alasan"), max_length=300, blank=True)
    due_date = models.DateField(_("batas waktu"))
    assigned_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(_("mulai dikerjakan"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("penugasan pelatihan")
        verbose_name_plural = _("penugasan pelatihan")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "employee"], name="training_assign_once_per_campaign"),
        ]
        indexes = [
            models.Index(fields=["employee", "completed_at"]),
            models.Index(fields=["campaign", "completed_at"]),
        ]

    def is_overdue(self, today=None) -> bool:
        """Not completed and past its due date (workdays.deadlines)."""
        return self.completed_at is None and is_overdue(self.due_date, today)

    def deadline_state(self, today=None, horizon=None) -> str:
        return "" if self.completed_at is not None else deadline_state(self.due_date, today=today, horizon=horizon)

    @staticmethod
    def overdue_q(today=None) -> models.Q:
        """Assignments not completed and past due, for querysets (the same rule as is_overdue)."""
        return models.Q(completed_at__isnull=True) & overdue_q(today)

    def __str__(self) -> str:
        return f"{self.subject} → {self.employee_id}"

    @property
    def subject(self):
        return self.programme or self.quiz or self.pact

    @property
    def kind(self) -> str:
        return "programme" if self.programme_id else "quiz" if self.quiz_id else "pact"


class Reminder(models.Model):
    """An in-app notification (also emailed when an address is known). ``key`` makes sending idempotent."""

    key = models.CharField(max_length=120, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="training_reminders"
    )
    employee = models.ForeignKey(
        Employee, null=True, blank=True, on_delete=models.PROTECT, related_name="training_reminders"
    )
    assignment = models.ForeignKey(Assignment, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    message = models.CharField(_("pesan"), max_length=500)
    email = models.EmailField(blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pengingat")
        verbose_name_plural = _("pengingat")
