from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from registry.identifiers import format_nip, parse_ni_pppk, parse_nik, parse_nip


class OrgUnit(models.Model):
    """An OPD (perangkat daerah) or one of its sub-units."""

    class Kind(models.TextChoices):
        OPD = "opd", _("Perangkat daerah (OPD)")
        SUB = "sub", _("Sub-unit")

    name = models.CharField(_("nama"), max_length=200)
    code = models.CharField(
        _("kode"), max_length=20, unique=True, help_text=_("Dipakai pada nomor surat, mis. BKPSDM.")
    )
    kind = models.CharField(_("jenis"), max_length=3, choices=Kind.choices, default=Kind.OPD)
    parent = models.ForeignKey(
        "self", verbose_name=_("induk"), null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    address = models.CharField(_("alamat"), max_length=300, blank=True)

    audit_former_labels = ("cases.orgunit",)  # events recorded before the move

    class Meta:
        db_table = "cases_orgunit"  # moved from cases; the table kept its name
        ordering = ["name"]
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        node, seen = self.parent, set()
        while node is not None:
            if node.pk == self.pk or node.pk in seen:
                raise ValidationError({"parent": _("Unit tidak boleh menjadi induk bagi dirinya sendiri.")})
            seen.add(node.pk)
            node = node.parent

    def descendant_ids(self) -> list[int]:
        """This unit and every unit below it (one query per level; trees are shallow)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(OrgUnit.objects.filter(parent_id__in=frontier).values_list("pk", flat=True))
            ids.extend(frontier)
        return ids


class Employee(models.Model):
    class Status(models.TextChoices):
        PNS = "pns", _("PNS")
        CPNS = "cpns", _("CPNS")
        PPPK = "pppk", _("PPPK")
        HONORER = "honorer", _("Honorer / non-ASN")

    class Sex(models.TextChoices):
        MALE = "L", _("Laki-laki")
        FEMALE = "P", _("Perempuan")

    class PositionKind(models.TextChoices):
        JPT = "jpt", _("Jabatan pimpinan tinggi")
        ADMINISTRATOR = "administrator", _("Administrator")
        PENGAWAS = "pengawas", _("Pengawas")
        FUNGSIONAL = "fungsional", _("Fungsional")
        PELAKSANA = "pelaksana", _("Pelaksana")

    RANKS = [
        ("I/a", "I/a Juru Muda"), ("I/b", "I/b Juru Muda Tk. I"), ("I/c", "I/c Juru"), ("I/d", "I/d Juru Tk. I"),
        ("II/a", "II/a Pengatur Muda"), ("II/b", "II/b Pengatur Muda Tk. I"), ("II/c", "II/c Pengatur"),
        ("II/d", "II/d Pengatur Tk. I"), ("III/a", "III/a Penata Muda"), ("III/b", "III/b Penata Muda Tk. I"),
        ("III/c", "III/c Penata"), ("III/d", "III/d Penata Tk. I"), ("IV/a", "IV/a Pembina"),
        ("IV/b", "IV/b Pembina Tk. I"), ("IV/c", "IV/c Pembina Utama Muda"), ("IV/d", "IV/d Pembina Utama Madya"),
        ("IV/e", "IV/e Pembina Utama"),
    ] + [(g, f"Golongan {g} (PPPK)") for g in (
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"
    )]  # fmt: skip

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )
    full_name = models.CharField(_("nama lengkap"), max_length=200)
    front_title = models.CharField(_("gelar depan"), max_length=40, blank=True)
    back_title = models.CharField(_("gelar belakang"), max_length=60, blank=True)
    status = models.CharField(_("status kepegawaian"), max_length=10, choices=Status.choices)
    nip = models.CharField(_("NIP"), max_length=18, unique=True, null=True, blank=True)
    ni_pppk = models.CharField(_("NI PPPK"), max_length=18, unique=True, null=True, blank=True)
    nik = models.CharField(_("NIK"), max_length=16, unique=True, null=True, blank=True)
    contract_number = models.CharField(_("nomor kontrak/registrasi"), max_length=60, blank=True)
    sex = models.CharField(_("jenis kelamin"), max_length=1, choices=Sex.choices, blank=True)
    birth_date = models.DateField(_("tanggal lahir"), null=True, blank=True)
    rank = models.CharField(_("pangkat/golongan"), max_length=6, choices=RANKS, blank=True)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    position_kind = models.CharField(
        _("jenis jabatan"), max_length=20, choices=PositionKind.choices, default=PositionKind.PELAKSANA
    )
    unit = models.ForeignKey(OrgUnit, verbose_name=_("unit kerja"), on_delete=models.PROTECT, related_name="employees")
    supervisor = models.ForeignKey(
        "self",
        verbose_name=_("atasan langsung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subordinates",
    )
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telepon"), max_length=30, blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    audit_former_labels = ("cases.employee",)  # events recorded before the move

    class Meta:
        db_table = "cases_employee"  # moved from cases; the table kept its name
        ordering = ["full_name"]
        verbose_name = _("pegawai")
        verbose_name_plural = _("pegawai")
        indexes = [
            models.Index(Lower("full_name"), name="employee_name_lower_idx"),
            models.Index(fields=["unit", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=["pns", "cpns"]) | models.Q(nip__isnull=False),
                name="employee_pns_has_nip",
                violation_error_message=_("PNS/CPNS wajib memiliki NIP."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="pppk") | models.Q(ni_pppk__isnull=False),
                name="employee_pppk_has_ni",
                violation_error_message=_("PPPK wajib memiliki NI PPPK."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="honorer") | models.Q(nik__isnull=False),
                name="employee_honorer_has_nik",
                violation_error_message=_("Honorer wajib memiliki NIK."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.identifier_display})"

    @property
    def display_name(self) -> str:
        name = self.full_name
        if self.front_title:
            name = f"{self.front_title} {name}"
        if self.back_title:
            name = f"{name}, {self.back_title}"
        return name

    @property
    def identifier(self) -> str:
        return self.nip or self.ni_pppk or self.nik or ""

    @property
    def identifier_label(self) -> str:
        if self.nip:
            return "NIP"
        if self.ni_pppk:
            return "NI PPPK"
        return "NIK"

    @property
    def identifier_display(self) -> str:
        return format_nip(self.nip) if self.nip else self.identifier

    @property
    def is_asn(self) -> bool:
        return self.status != self.Status.HONORER

    def clean(self) -> None:
        """Structural checks of the identifiers; returns semantic warnings on ``self.warnings``."""
        errors: dict[str, list] = {}
        self.warnings: list[str] = []
        for field_name, parser in (("nip", parse_nip), ("ni_pppk", parse_ni_pppk), ("nik", parse_nik)):
            value = getattr(self, field_name)
            if value in ("", None):
                setattr(self, field_name, None)
                continue
            try:
                info = parser(value)
            except ValidationError as exc:
                errors.setdefault(field_name, []).extend(exc.messages)
                continue
            self.warnings.extend(info.warnings)
            if field_name != "nik" and not self.birth_date:
                self.birth_date = info.birth_date
            if not self.sex:
                self.sex = info.sex
        required = {
            self.Status.PNS: "nip", self.Status.CPNS: "nip", self.Status.PPPK: "ni_pppk", self.Status.HONORER: "nik"
        }.get(self.status)  # fmt: skip
        if required and not getattr(self, required) and required not in errors:
            errors[required] = [_("Wajib diisi untuk status %(status)s.") % {"status": self.get_status_display()}]
        if self.supervisor_id and self.supervisor_id == self.pk:
            errors["supervisor"] = [_("Pegawai tidak dapat menjadi atasan dirinya sendiri.")]
        if errors:
            raise ValidationError(errors)
