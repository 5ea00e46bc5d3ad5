"""Audit events as sentences people read: names, Indonesian verbs, field labels and translated values.

The one presenter for every history list (posts, cases, letters, employees, elections). Codes stay in the
database; no page shows ``case.transition`` or ``['examination', 'decision']``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.people import person_name

from .models import AuditEvent

# action code -> what the actor did (a verb phrase that follows the actor's name)
VERBS: dict[str, Any] = {
    "post.create": gettext_lazy("mencatat unggahan"),
    "post.duplicate_report": gettext_lazy("melaporkan ulang unggahan yang sama"),
    "post.subject_added": gettext_lazy("menambahkan pegawai terlapor"),
    "post.subject_confirmed": gettext_lazy("mengonfirmasi pegawai terlapor"),
    "evidence.upload": gettext_lazy("mengunggah bukti"),
    "evidence.view": gettext_lazy("melihat bukti"),
    "evidence.download": gettext_lazy("mengunduh bukti"),
    "social_account.link": gettext_lazy("menautkan akun media sosial"),
    "case.open": gettext_lazy("membuka kasus"),
    "case.assign": gettext_lazy("menetapkan petugas"),
    "case.update": gettext_lazy("mengubah data kasus"),
    "case.gakkumdu": gettext_lazy("mencatat penerusan ke Gakkumdu"),
    "case.transition": gettext_lazy("mengubah status"),
    "case.examination": gettext_lazy("mencatat BAP"),
    "case.recommendation": gettext_lazy("mencatat rekomendasi Bawaslu/BKN"),
    "case.follow_up": gettext_lazy("mencatat tindak lanjut"),
    "case.appeal_filed": gettext_lazy("mencatat upaya administratif"),
    "case.appeal_decided": gettext_lazy("mencatat hasil upaya administratif"),
    "decision.create": gettext_lazy("mencatat keputusan"),
    "decision.delivered": gettext_lazy("mencatat penyampaian keputusan"),
    "cases.employee.created": gettext_lazy("menambahkan data pegawai"),
    "cases.employee.changed": gettext_lazy("mengubah data pegawai"),
    "cases.employee.imported": gettext_lazy("mengimpor data pegawai"),
    "cases.election.created": gettext_lazy("menambahkan pemilihan"),
    "cases.election.changed": gettext_lazy("mengubah pemilihan"),
    "cases.candidate_pair.created": gettext_lazy("menambahkan pasangan calon"),
    "cases.candidate_pair.changed": gettext_lazy("mengubah pasangan calon"),
    "cases.candidate_pair.deleted": gettext_lazy("menghapus pasangan calon"),
    "letters.draft": gettext_lazy("menyusun konsep surat"),
    "letters.edit": gettext_lazy("mengubah surat"),
    "letters.submit": gettext_lazy("mengajukan surat"),
    "letters.initial": gettext_lazy("memaraf surat"),
    "letters.return": gettext_lazy("mengembalikan surat untuk perbaikan"),
    "letters.approve": gettext_lazy("menandatangani surat"),
    "letters.sign": gettext_lazy("menandatangani surat"),
    "letters.acknowledge": gettext_lazy("mengonfirmasi penerimaan surat"),
    "letters.paper_receipt": gettext_lazy("mencatat tanda terima kertas"),
    "letters.cancel": gettext_lazy("membatalkan surat"),
    "letters.correction": gettext_lazy("membuat surat ralat"),
    "letters.supersede": gettext_lazy("mengganti surat dengan ralat"),
    "letters.print": gettext_lazy("mencetak surat"),
    "letters.employee_download": gettext_lazy("mengunduh surat"),
    "letters.bulk_print": gettext_lazy("mencetak surat secara massal"),
    "letters.letterhead": gettext_lazy("mengubah kop surat"),
    "detection.requeued": gettext_lazy("menjalankan ulang deteksi"),
    "detection.finding.confirmed": gettext_lazy("membenarkan temuan deteksi"),
    "detection.finding.rejected": gettext_lazy("menolak temuan deteksi"),
    "detection.finding.pending": gettext_lazy("membuka kembali temuan deteksi"),
    "accounts.user.created": gettext_lazy("membuat akun"),
    "training.checkin": gettext_lazy("melakukan presensi"),
    "training.attendance_bulk": gettext_lazy("mencatat kehadiran"),
    "training.attempt_start": gettext_lazy("memulai kuis"),
    "training.attempt_submit": gettext_lazy("menyelesaikan kuis"),
    "training.pact_ack": gettext_lazy("menyetujui pakta integritas"),
    "training.campaign_save": gettext_lazy("menyimpan kampanye pelatihan"),
    "training.campaign_launch": gettext_lazy("meluncurkan kampanye pelatihan"),
    "training.extend_due": gettext_lazy("memperpanjang batas waktu"),
    "training.reset_attempts": gettext_lazy("mengatur ulang percobaan kuis"),
    "training.remedial_assign": gettext_lazy("menugaskan pelatihan pembinaan"),
    "training.apel_read": gettext_lazy("membacakan naskah apel"),
}

# detail keys that are not model fields (or need a plainer label than the field's)
KEY_LABELS: dict[str, Any] = {
    "sha256": gettext_lazy("sidik berkas"),
    "name": gettext_lazy("nama berkas"),
    "post": gettext_lazy("unggahan"),
    "employee": gettext_lazy("pegawai"),
    "role": gettext_lazy("peran"),
    "method": gettext_lazy("cara verifikasi"),
    "handle": gettext_lazy("nama akun"),
    "questions": gettext_lazy("jumlah soal"),
    "new": gettext_lazy("penugasan baru"),
    "letters": gettext_lazy("jumlah surat"),
    "created": gettext_lazy("data baru"),
    "review_status": gettext_lazy("hasil tinjauan"),
    "finding": gettext_lazy("temuan"),
    "due_date": gettext_lazy("batas waktu"),
    "status": gettext_lazy("status"),
    "recorded_by": gettext_lazy("dicatat oleh"),
    "on_behalf": gettext_lazy("atas nama pejabat"),
}
# detail keys whose values are login names (shown as the person's name)
USER_KEYS = {"recorded_by", "assigned_officer", "officer", "verifier", "signer"}
# machine details nobody needs to read (ids, perceptual hashes, normalised copies)
HIDDEN_KEYS = {"phash", "normalized_url", "evidence_id", "run_id", "version", "id"}


@dataclass(frozen=True)
class Entry:
    at: dt.datetime
    actor: str
    sentence: str
    details: list[str] = field(default_factory=list)
    reason: str = ""


def _model_for(subject_type: str):
    try:
        return apps.get_model(subject_type) if subject_type else None
    except (LookupError, ValueError):
        return None


def _field(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _label(model, key: str) -> str:
    if key in KEY_LABELS:
        return str(KEY_LABELS[key])
    f = _field(model, key)
    if f is not None and getattr(f, "verbose_name", None):
        return str(f.verbose_name)
    return key.replace("_", " ")


def _value(model, key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    f = _field(model, key)
    is_user_field = f is not None and getattr(f, "related_model", None) is get_user_model()
    if (is_user_field or key in USER_KEYS) and isinstance(value, str):
        return _user_name(value)  # accounts are recorded by login name; people read names
    choices = dict(f.flatchoices) if f is not None and getattr(f, "choices", None) else {}
    if key == "status" and not choices:
        choices = _status_choices()
    if isinstance(value, str) and value in choices:
        return str(choices[value])
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return formats.date_format(dt.date.fromisoformat(value), "j M Y")
        except ValueError:
            pass
    if key == "sha256" and isinstance(value, str):
        return value[:12] + "…"
    if isinstance(value, list):
        return ", ".join(_value(model, key, v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{_label(model, k)}: {_value(model, k, v)}" for k, v in value.items())
    return str(value)


def _user_name(username: str) -> str:
    user = get_user_model().objects.filter(username=username).first()
    return person_name(user) if user is not None else username


def _status_choices() -> dict[str, str]:
    """Every status label of the app's models, for details recorded on a subject without a status field."""
    out: dict[str, str] = {}
    for model in apps.get_models():
        f = _field(model, "status")
        if f is not None and getattr(f, "choices", None):
            out.update({k: str(v) for k, v in f.flatchoices})
    return out


def _is_pair(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2


def describe(event: AuditEvent) -> Entry:
    model = _model_for(event.subject_type)
    actor = person_name(event.actor)
    verb = str(VERBS.get(event.action, _("mencatat perubahan")))
    changes = event.changes if isinstance(event.changes, dict) else {}
    sentence = f"{actor} {verb}"
    details: list[str] = []
    for key, value in changes.items():
        if key in HIDDEN_KEYS:
            continue
        if key == "status" and _is_pair(value) and event.action == "case.transition":
            sentence = (
                f"{actor} {_('mengubah status')}: {_value(model, key, value[0])} → {_value(model, key, value[1])}"
            )
            continue
        if _is_pair(value):
            details.append(f"{_label(model, key)}: {_value(model, key, value[0])} → {_value(model, key, value[1])}")
        else:
            details.append(f"{_label(model, key)}: {_value(model, key, value)}")
    return Entry(at=event.at, actor=actor, sentence=sentence, details=details, reason=event.reason)


def describe_all(events) -> list[Entry]:
    return [describe(e) for e in events]
