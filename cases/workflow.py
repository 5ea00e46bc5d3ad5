"""The case workflow (brief §3.2): the ONE table of allowed steps and the service that takes them.

new → screening → summons_1 → (summons_2 when the employee does not appear) → examination →
examination_report (LHP) → decision → delivered → appeal_window → final; dismissed (with a reason)
from any open state. Each step names the capability it needs and an optional guard that returns
an Indonesian refusal message (or None).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import can
from audit.services import record
from workdays.calendar import Calendar

from . import deadlines
from .models import Case

S = Case.Status
OPEN_STATES = [s for s in S.values if s not in (S.FINAL, S.DISMISSED)]
STALE_MESSAGE = "Kasus telah diubah oleh petugas lain; muat ulang halaman lalu ulangi."


class WorkflowError(ValidationError):
    pass


class StaleCaseError(WorkflowError):
    def __init__(self) -> None:
        super().__init__(_(STALE_MESSAGE))


# Fields a step may set on the case together with the status (from the step's form).
STEP_FIELDS: dict[str, tuple[str, ...]] = {
    S.SUMMONS_1: ("examination_date", "summons_1_date"),
    S.SUMMONS_2: ("missed_examination_date", "examination_date", "summons_2_date"),
    S.EXAMINATION_REPORT: ("report_findings", "report_recommendation"),
    S.DISMISSED: (),
}


def _guard_summons_1(case: Case, data: dict, cal: Calendar) -> str | None:
    exam, sent = data.get("examination_date"), data.get("summons_1_date")
    if not exam or not sent:
        return _("Isi tanggal surat panggilan I dan tanggal pemeriksaan.")
    if exam < timezone.localdate():  # a summons calls the employee to a future examination
        return _("Tanggal pemeriksaan %(e)s sudah lewat; pilih tanggal hari ini atau sesudahnya.") % {
            "e": exam.strftime("%d-%m-%Y")
        }
    latest = deadlines.latest_summons_1_date(exam, cal)
    if sent > latest:
        return _(
            "Panggilan I harus disampaikan paling lambat 7 hari kerja sebelum pemeriksaan "
            "(paling lambat %(d)s untuk pemeriksaan %(e)s)."
        ) % {"d": latest.strftime("%d-%m-%Y"), "e": exam.strftime("%d-%m-%Y")}
    return None


def _signed_summons_1_hearing(case: Case):
    """The examination date printed on the case's signed Panggilan I, if one was signed (it beats a typed date)."""
    import datetime as dt

    letter = (
        case.letters.filter(kind="summons_1", status__in=("issued", "acknowledged")).order_by("-pk").first()
        if hasattr(case, "letters")
        else None
    )
    value = (letter.details or {}).get("hearing_date") if letter else None
    return dt.date.fromisoformat(value) if value else None


def _guard_summons_2(case: Case, data: dict, cal: Calendar) -> str | None:
    """PP 94/2021 Pasal 27 (brief §3.2, unconfirmed): Panggilan II — both its own date and the new examination
    date — within 7 working days of the examination the employee missed (the date on the signed Panggilan I)."""
    missed = _signed_summons_1_hearing(case) or data.get("missed_examination_date") or case.examination_date
    exam, sent = data.get("examination_date"), data.get("summons_2_date")
    if not missed or not exam or not sent:
        return _(
            "Isi tanggal surat panggilan II, tanggal pemeriksaan yang tidak dihadiri dan tanggal pemeriksaan baru."
        )
    if exam <= missed:
        return _("Tanggal pemeriksaan baru harus sesudah tanggal yang tidak dihadiri.")
    latest = deadlines.latest_second_examination_date(missed, cal)
    if not (missed <= sent <= latest):
        return _("Surat panggilan II bertanggal antara %(m)s dan %(d)s (7 hari kerja sejak tanggal tidak hadir).") % {
            "m": missed.strftime("%d-%m-%Y"),
            "d": latest.strftime("%d-%m-%Y"),
        }
    if exam > latest or exam <= sent:
        return _(
            "Pemeriksaan pada panggilan II sesudah tanggal surat dan paling lambat 7 hari kerja sejak tanggal "
            "tidak hadir (%(d)s)."
        ) % {"d": latest.strftime("%d-%m-%Y")}
    data["missed_examination_date"] = missed
    return None


def _guard_bap(case: Case, data: dict, cal: Calendar) -> str | None:
    if not case.examinations.exists():
        return _("Catat berita acara pemeriksaan (BAP) lebih dahulu.")
    return None


def _guard_lhp(case: Case, data: dict, cal: Calendar) -> str | None:
    if not (data.get("report_findings") or case.report_findings).strip():
        return _("Isi temuan laporan hasil pemeriksaan (LHP).")
    return None


def _guard_decision(case: Case, data: dict, cal: Calendar) -> str | None:
    if not case.violation_type_id:
        return _("Tetapkan jenis pelanggaran lebih dahulu.")
    if not case.decisions.exists():
        return _("Catat keputusan (sanksi) lebih dahulu.")
    return None


def _guard_delivered(case: Case, data: dict, cal: Calendar) -> str | None:
    if case.decisions.filter(delivered_on__isnull=True).exists():
        return _("Isi tanggal penyampaian setiap keputusan lebih dahulu.")
    return None


def _guard_final(case: Case, data: dict, cal: Calendar) -> str | None:
    if case.appeals.filter(outcome="pending").exists():
        return _("Masih ada upaya administratif yang sedang diproses; catat hasilnya lebih dahulu.")
    if case.due_date and timezone.localdate() <= case.due_date and not case.appeals.exists():
        return _("Masa upaya administratif belum berakhir (sampai %(d)s).") % {"d": case.due_date.strftime("%d-%m-%Y")}
    return None


def _guard_screening_to_summons(case: Case, data: dict, cal: Calendar) -> str | None:
    if not case.violation_type_id:
        return _("Tetapkan dugaan jenis pelanggaran sebelum pemanggilan.")
    return _guard_summons_1(case, data, cal)


Guard = Callable[[Case, dict, Calendar], "str | None"]


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    capability: str
    guard: Guard | None = None
    label: Any = ""
    needs_reason: bool = False

    @property
    def target_label(self) -> str:
        """The status the step leads to, as people name it (never the code)."""
        return str(S(self.target).label)


STEPS: list[Step] = [
    Step(S.NEW, S.SCREENING, "cases.manage", None, gettext_lazy("Mulai penelaahan")),
    Step(S.SCREENING, S.SUMMONS_1, "cases.manage", _guard_screening_to_summons, gettext_lazy("Panggilan I")),
    Step(S.SUMMONS_1, S.EXAMINATION, "cases.manage", None, gettext_lazy("Terperiksa hadir: pemeriksaan")),
    Step(S.SUMMONS_1, S.SUMMONS_2, "cases.manage", _guard_summons_2, gettext_lazy("Tidak hadir: panggilan II")),
    Step(S.SUMMONS_2, S.EXAMINATION, "cases.manage", None, gettext_lazy("Pemeriksaan (hadir atau berdasarkan bukti)")),
    Step(S.EXAMINATION, S.EXAMINATION_REPORT, "cases.manage", _guard_bap, gettext_lazy("Susun LHP")),
    Step(S.EXAMINATION_REPORT, S.DECISION, "cases.decide", _guard_decision, gettext_lazy("Keputusan ditetapkan")),
    Step(S.DECISION, S.DELIVERED, "cases.manage", _guard_delivered, gettext_lazy("Keputusan disampaikan")),
    Step(S.DELIVERED, S.APPEAL_WINDOW, "cases.manage", None, gettext_lazy("Buka masa upaya administratif")),
    Step(S.APPEAL_WINDOW, S.FINAL, "cases.decide", _guard_final, gettext_lazy("Selesai / berkekuatan tetap")),
] + [
    Step(s, S.DISMISSED, "cases.dismiss", None, gettext_lazy("Hentikan kasus"), needs_reason=True) for s in OPEN_STATES
]

_BY_PAIR = {(st.source, st.target): st for st in STEPS}

# Step guards that need the LHP text before the status changes
_GUARD_FIELDS = {S.EXAMINATION_REPORT: _guard_lhp}


def allowed_steps(case: Case, user: Any) -> list[Step]:
    return [st for st in STEPS if st.source == case.status and can(user, st.capability)]


# What may be recorded on a case at which step, besides the transitions above. The services refuse anything
# else (may_record); the case page asks case_actions() which forms to show, so the two cannot disagree.
RECORDS: dict[str, tuple[str, ...]] = {
    "examination": ("summons_1", "summons_2", "examination"),  # BAP
    "decision": ("examination_report",),  # sanction decided after the LHP
    "appeal": ("appeal_window",),  # upaya administratif filed
}


def may_record(case: Case, what: str, user: Any = None) -> bool:
    """May ``what`` be recorded on ``case`` now (and by ``user``, when given: cases.manage)?"""
    return case.status in RECORDS[what] and (user is None or can(user, "cases.manage"))


def case_actions(case: Case, user: Any) -> dict[str, bool]:
    """For templates: ``{"examination": True, "decision": False, ...}``."""
    return {what: may_record(case, what, user) for what in RECORDS}


def get_step(source: str, target: str) -> Step | None:
    return _BY_PAIR.get((source, target))


@transaction.atomic
def transition(
    case: Case,
    to: str,
    *,
    acting_user: Any,
    reason: str = "",
    expected_version: int,
    data: dict | None = None,
    request: Any = None,
) -> Case:
    """Move ``case`` to ``to``. Raises WorkflowError (Indonesian message) or PermissionDenied; saves nothing then."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if locked.version != expected_version:
        raise StaleCaseError()
    step = get_step(locked.status, to)
    if step is None:
        raise WorkflowError(
            _("Perubahan status dari “%(a)s” ke “%(b)s” tidak diperbolehkan.")
            % {"a": S(locked.status).label, "b": S(to).label if to in S.values else to}
        )
    if not can(acting_user, step.capability):
        raise PermissionDenied(_("Anda tidak berwenang melakukan langkah ini."))
    reason = (reason or "").strip()
    if step.needs_reason and not reason:
        raise WorkflowError(_("Alasan wajib diisi."))
    data = {k: v for k, v in (data or {}).items() if k in STEP_FIELDS.get(to, ())}
    cal = Calendar()
    for guard in (step.guard, _GUARD_FIELDS.get(to)):
        if guard:
            message = guard(locked, data, cal)
            if message:
                raise WorkflowError(message)
    changes: dict[str, list] = {"status": [locked.status, to]}
    for name, value in data.items():
        old = getattr(locked, name)
        if old != value:
            changes[name] = [old, value]
            setattr(locked, name, value)
    if to == S.DISMISSED:
        locked.dismissal_reason = reason
    today = timezone.localdate()
    locked.status = to
    locked.status_since = today
    new_due = deadlines.due_date_for(locked, to, entered=today, cal=cal)
    if new_due != locked.due_date:
        changes["due_date"] = [locked.due_date, new_due]
    locked.due_date = new_due
    locked.version += 1
    locked.save()
    record(
        "case.transition",
        actor=acting_user,
        subject=locked,
        case_id=locked.pk,
        changes=changes,
        reason=reason,
        request=request,
    )
    return locked
