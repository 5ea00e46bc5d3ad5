from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Gesture codes the detector emits; a candidate pair lists the ones that signal it.
GESTURE_CHOICES = [
    ("zero", _("Kepalan (0 jari)")),
    ("one", _("Satu jari (telunjuk)")),
    ("two", _("Dua jari")),
    ("v_sign", _("Huruf V / peace")),
    ("l_shape", _("Jempol + telunjuk (L)")),
    ("call", _("Jempol + kelingking (telepon)")),
    ("three", _("Tiga jari")),
    ("three_thumb", _("Tiga jari termasuk jempol")),
    ("three_other", _("Tiga jari (variasi lain)")),
    ("ok", _("Tanda OK")),
    ("metal", _("Metal (jempol, telunjuk, kelingking)")),
    ("four", _("Empat jari")),
    ("five", _("Telapak terbuka (lima jari)")),
    ("thumbs_up", _("Jempol ke atas")),
    ("thumbs_down", _("Jempol ke bawah")),
]


class Election(models.Model):
    name = models.CharField(_("nama"), max_length=200)
    region = models.CharField(_("wilayah"), max_length=200)
    campaign_start = models.DateField(_("awal kampanye"))
    campaign_end = models.DateField(_("akhir kampanye"))
    voting_day = models.DateField(_("hari pemungutan suara"))
    is_active = models.BooleanField(
        _("aktif"), default=True, help_text=_("Pasangan calon dari pemilihan aktif dipakai deteksi.")
    )
    two_hand_combinations = models.JSONField(
        _("kombinasi dua tangan"), default=list, blank=True,
        help_text=_('Mis. [{"gestures": ["five", "two"], "ballot_number": 7}]'),
    )  # fmt: skip

    audit_former_labels = ("cases.election",)  # events recorded before the move

    class Meta:
        db_table = "cases_election"  # moved from cases; the table kept its name
        ordering = ["-voting_day"]
        verbose_name = _("pemilihan")
        verbose_name_plural = _("pemilihan")

    def __str__(self) -> str:
        return f"{self.name} ({self.region})"

    def clean(self) -> None:
        if self.campaign_start and self.campaign_end and self.campaign_start > self.campaign_end:
            raise ValidationError({"campaign_end": _("Akhir kampanye harus sesudah awal kampanye.")})
        if self.campaign_end and self.voting_day and self.voting_day < self.campaign_end:
            raise ValidationError({"voting_day": _("Hari pemungutan suara tidak boleh sebelum akhir kampanye.")})

    def pair_config(self) -> dict[int, list[str]]:
        """Ballot number -> gesture codes, in the format the detection pipeline takes."""
        return {p.ballot_number: list(p.gestures) for p in self.pairs.all()}


class CandidatePair(models.Model):
    election = models.ForeignKey(Election, verbose_name=_("pemilihan"), on_delete=models.CASCADE, related_name="pairs")
    ballot_number = models.PositiveSmallIntegerField(_("nomor urut"))
    head_name = models.CharField(_("nama calon kepala daerah"), max_length=200)
    deputy_name = models.CharField(_("nama calon wakil"), max_length=200)
    colour = models.CharField(_("warna"), max_length=7, default="#888888", help_text=_("Kode warna hex, mis. #d32f2f"))
    gestures = models.JSONField(_("gestur yang menandakan"), default=list, blank=True)

    audit_former_labels = ("cases.candidatepair",)  # events recorded before the move

    class Meta:
        db_table = "cases_candidatepair"  # moved from cases; the table kept its name
        ordering = ["election", "ballot_number"]
        unique_together = [("election", "ballot_number")]
        verbose_name = _("pasangan calon")
        verbose_name_plural = _("pasangan calon")

    def __str__(self) -> str:
        return f"{self.ballot_number}. {self.head_name} – {self.deputy_name}"

    def clean(self) -> None:
        valid = {code for code, _label in GESTURE_CHOICES}
        unknown = [g for g in self.gestures or [] if g not in valid]
        if unknown:
            raise ValidationError({"gestures": _("Gestur tidak dikenal: %(g)s") % {"g": ", ".join(unknown)}})


class CandidateSymbol(models.Model):
    pair = models.ForeignKey(
        CandidatePair, verbose_name=_("pasangan calon"), on_delete=models.CASCADE, related_name="symbols"
    )
    label = models.CharField(_("keterangan"), max_length=120)
    image = models.ImageField(_("gambar simbol"), upload_to="symbols/")

    audit_former_labels = ("cases.candidatesymbol",)  # events recorded before the move

    class Meta:
        db_table = "cases_candidatesymbol"  # moved from cases; the table kept its name
        verbose_name = _("simbol pasangan calon")
        verbose_name_plural = _("simbol pasangan calon")

    def __str__(self) -> str:
        return self.label
