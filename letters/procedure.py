"""The disciplinary procedure as it binds documents (brief §3.2, §3.3, §4): which document may exist at which
step of the case, in whose name it is signed, and the date rules checked on the signed documents.

``allowed_letter_kinds(case)`` is the one answer to "which letters may be written now"; the letter services
enforce it (``check_draft``, ``check_signing``) and views/templates only ask it. Each rule is listed with its
article in ``legal.rules.RULES`` (the legal-basis page); articles the domain brief marks unconfirmed say so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext as _

from cases.authorities import tim_pemeriksa_refusal
from legal import options, regimes
from legal.procedure import APPEAL_DAYS, SUMMONS_1_MIN_WORKING_DAYS, SUMMONS_2_MAX_WORKING_DAYS
from workdays.calendar import Calendar

from .dates import tanggal
from .kinds import LetterKind, spec
from .workflow import IllegalStep

K = LetterKind


SANCTION_LETTERS = {K.WRITTEN_WARNING, K.DISSATISFACTION, K.DECISION, K.MORAL_CLOSED, K.MORAL_OPEN}
ISSUED = ("issued", "acknowledged")
LIVE = ("draft", "verifying", "awaiting_signature", "returned", "issued", "acknowledged")


def sanction_letter_kind(sanction: Any) -> str:
    """The one document a recorded sanction produces."""
    name = (getattr(sanction, "name", "") or "").lower()
    if getattr(sanction, "track", "") == "moral":
        return K.MORAL_OPEN if "terbuka" in name else K.MORAL_CLOSED
    if getattr(sanction, "level", "") == "ringan" and "teguran tertulis" in name:
        return K.WRITTEN_WARNING
    if getattr(sanction, "level", "") == "ringan" and "tidak puas" in name:
        return K.DISSATISFACTION
    return K.DECISION


def decision_for_kind(case: Any, kind: str) -> Any:
    """The case's recorded decision whose sanction produces ``kind`` (None if there is none)."""
    if case is None or kind not in SANCTION_LETTERS:
        return None
    for decision in case.decisions.select_related("sanction_type"):
        if sanction_letter_kind(decision.sanction_type) == kind:
            return decision
    return None


def _step_kinds(case: Any) -> list[str]:
    status = case.status
    if status == "summons_1":
        return [K.SUMMONS_1]
    if status == "summons_2":
        return [K.SUMMONS_2]
    if status in ("examination", "examination_report") and case.examinations.exists():
        return [K.EXAMINATION]
    if status == "decision":
        return [sanction_letter_kind(d.sanction_type) for d in case.decisions.select_related("sanction_type")]
    return []


def allowed_letter_kinds(case: Any) -> list[str]:
    """Letter kinds that may be drafted now, in ``LetterKind`` order; the coaching reminder fits any time."""
    if case is None:
        return [K.COACHING]
    kinds = set(_step_kinds(case)) if case.is_open else set()
    if kinds and case.pk:  # a document that already exists is changed by a correction, not drafted twice
        kinds -= set(case.letters.filter(status__in=LIVE).values_list("kind", flat=True))
    kinds.add(K.COACHING)
    return [k for k in LetterKind if k in kinds]


def refusal(kind: str, case: Any, *, replaces: Any = None, itself: Any = None) -> str | None:
    """Why ``kind`` may not be drafted for ``case`` now (Indonesian), or None."""
    title = spec(kind).title.title()
    if case is None:
        if spec(kind).needs_case:
            return _("%(k)s hanya dapat dibuat dari sebuah kasus.") % {"k": title}
        return None
    if kind not in set(_step_kinds(case)) | {K.COACHING} or not case.is_open and kind != K.COACHING:
        if kind in SANCTION_LETTERS and case.status == "decision":
            names = ", ".join(d.sanction_type.name for d in case.decisions.select_related("sanction_type"))
            return _("%(k)s tidak sesuai dengan keputusan yang dicatat (%(d)s).") % {"k": title, "d": names or "-"}
        return _("%(k)s tidak dapat dibuat pada tahap “%(s)s”.") % {"k": title, "s": case.get_status_display()}
    if kind != K.COACHING:
        live = case.letters.filter(kind=kind, status__in=LIVE)
        for other in (replaces, itself):
            if other is not None and other.pk:
                live = live.exclude(pk=other.pk)
        if live.exists():
            return _("%(k)s untuk kasus ini sudah ada; gunakan ralat bila perlu diubah.") % {"k": title}
    return None


def check_draft(kind: str, case: Any, *, replaces: Any = None, itself: Any = None) -> None:
    reason = refusal(kind, case, replaces=replaces, itself=itself)
    if reason:
        raise IllegalStep(reason)


# --- Dates on the signed documents -----------------------------------------------------------------------
def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _issued(case: Any, kind: str) -> Any:
    return case.letters.filter(kind=kind, status__in=ISSUED).order_by("-issued_on", "-pk").first()


def _fmt(d: dt.date) -> str:
    return tanggal(d)


def check_summons_1(details: dict, on: dt.date, cal: Calendar) -> None:
    hearing = _date(details.get("hearing_date"))
    if hearing is None:
        raise IllegalStep(_("Isi tanggal pemeriksaan pada Surat Panggilan I."))
    latest = cal.add_working_days(hearing, -SUMMONS_1_MIN_WORKING_DAYS)
    if on > latest:
        raise IllegalStep(
            _(
                "Surat Panggilan I harus ditandatangani paling lambat %(n)s hari kerja sebelum pemeriksaan "
                "(untuk pemeriksaan %(h)s paling lambat %(d)s; hari ini %(t)s)."
            )
            % {"n": SUMMONS_1_MIN_WORKING_DAYS, "h": _fmt(hearing), "d": _fmt(latest), "t": _fmt(on)}
        )


def check_summons_2(case: Any, details: dict, on: dt.date, cal: Calendar) -> dict:
    """Panggilan II against the signed Panggilan I; returns the details with the missed date taken from it."""
    first = _issued(case, K.SUMMONS_1) if case is not None else None
    if first is None:
        raise IllegalStep(_("Surat Panggilan II memerlukan Surat Panggilan I yang sudah ditandatangani."))
    missed = _date(first.details.get("hearing_date"))
    hearing = _date(details.get("hearing_date"))
    if missed is None or hearing is None:
        raise IllegalStep(_("Isi tanggal pemeriksaan pada Surat Panggilan II."))
    latest = cal.add_working_days(missed, SUMMONS_2_MAX_WORKING_DAYS)
    if on < missed:
        raise IllegalStep(
            _("Surat Panggilan II baru dapat ditandatangani setelah pemeriksaan %(m)s tidak dihadiri.")
            % {"m": _fmt(missed)}
        )
    if on > latest:
        raise IllegalStep(
            _("Surat Panggilan II paling lambat %(n)s hari kerja sejak tanggal tidak hadir %(m)s (yaitu %(d)s).")
            % {"n": SUMMONS_2_MAX_WORKING_DAYS, "m": _fmt(missed), "d": _fmt(latest)}
        )
    if not (on < hearing <= latest):
        raise IllegalStep(
            _("Pemeriksaan pada Panggilan II harus sesudah tanggal surat dan paling lambat %(d)s.")
            % {"d": _fmt(latest)}
        )
    return {**details, "missed_date": missed.isoformat()}


def examiner_lines(details: dict) -> list[str]:
    return [line for line in (details.get("examiners") or "").splitlines() if line.strip()]


def check_examination(case: Any, details: dict, on: dt.date) -> None:
    held = _date(details.get("exam_date"))
    if held is None:
        raise IllegalStep(_("Isi tanggal pemeriksaan pada BAP."))
    if held > on:
        raise IllegalStep(_("Tanggal pemeriksaan pada BAP (%(d)s) tidak boleh di masa depan.") % {"d": _fmt(held)})
    summons = [s for s in (_issued(case, K.SUMMONS_1), _issued(case, K.SUMMONS_2)) if s is not None]
    if not summons:
        raise IllegalStep(_("BAP memerlukan surat panggilan yang sudah ditandatangani."))
    scheduled = min(_date(s.details.get("hearing_date")) or held for s in summons)
    if held < scheduled:
        raise IllegalStep(
            _("Tanggal pemeriksaan pada BAP (%(d)s) sebelum tanggal pemeriksaan pada surat panggilan (%(s)s).")
            % {"d": _fmt(held), "s": _fmt(scheduled)}
        )
    reason = tim_pemeriksa_refusal(case, examiner_lines(details))
    if reason:
        raise IllegalStep(reason)


def check_signing(letter: Any, on: dt.date, cal: Calendar | None = None) -> None:
    """Everything that must hold on the day a letter is signed (the letter's details may be normalised)."""
    cal = cal or Calendar()
    check_draft(letter.kind, letter.case, replaces=letter.replaces, itself=letter)
    details = dict(letter.details or {})
    if letter.kind == K.SUMMONS_1:
        check_summons_1(details, on, cal)
    elif letter.kind == K.SUMMONS_2:
        letter.details = check_summons_2(letter.case, details, on, cal)
    elif letter.kind == K.EXAMINATION:
        check_examination(letter.case, details, on)


WORDS = {14: "empat belas", 15: "lima belas"}


def effective_clause(decision: Any, status: str = "") -> str:
    """KETIGA of a Keputusan, consistent with the appeal window (``legal.appeals.effective_date``): where an
    upaya administratif lies, the decision takes effect only once its window has passed; never 'pada tanggal
    ditetapkan'."""
    sanction = getattr(decision, "sanction_type", None)
    status = status or getattr(getattr(decision, "case", None), "employee_status", "") or "pns"
    if sanction is None or not regimes.appeal_kinds(status, sanction.code):
        return _("Keputusan ini mulai berlaku pada tanggal diterima oleh yang bersangkutan.")
    unit = _("hari kerja") if options.value("appeal_window_unit") == "workdays" else _("hari")
    window = f"{APPEAL_DAYS} ({WORDS.get(APPEAL_DAYS, APPEAL_DAYS)}) {unit}"
    if options.value("effective_rule") == "day_15_calendar":
        return _(
            "Keputusan ini mulai berlaku pada hari ke-15 (lima belas) sejak diterima oleh yang bersangkutan atau pada "
            "hari kerja pertama setelah tenggat upaya administratif %(w)s berakhir, mana yang lebih akhir, apabila "
            "tidak diajukan upaya administratif; apabila diajukan, setelah upaya administratif diputus."
        ) % {"w": window}
    return _(
        "Keputusan ini mulai berlaku pada hari kerja pertama setelah tenggat upaya administratif %(w)s sejak "
        "diterima oleh yang bersangkutan berakhir tanpa pengajuan; apabila diajukan upaya administratif, setelah "
        "upaya administratif itu diputus."
    ) % {"w": window}
