"""Referral bundles: one ZIP per case for BKN (follow-up of a recommendation) or Bawaslu/Gakkumdu.

Contents: issued letters as stored (PDF), BAP and LHP records, evidence files as stored, detection results,
decisions with their delivery record, recommendations with their follow-up, and ``manifest.json`` listing
every file with its SHA-256, size and custody record, signed by ``manifest.sig`` (see ``manifest.py``).
Stored bytes are checked against their recorded hash first: a bundle is never built from a broken custody.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from cases.models import Case, Recommendation
from printing.pdf import render_pdf

from . import manifest as mf
from .models import ReferralBundle
from .recommendations import clocks_for, rule

ISSUED_LETTER_STATES = ("issued", "acknowledged", "superseded")


@dataclass
class Entry:
    path: str
    data: bytes
    kind: str
    custody: dict = field(default_factory=dict)

    def listing(self) -> dict:
        return {
            "path": self.path,
            "sha256": hashlib.sha256(self.data).hexdigest(),
            "size": len(self.data),
            "kind": self.kind,
            "custody": self.custody,
        }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _who(user: Any) -> str | None:
    return getattr(user, "username", None) if user is not None else None


def _json(path: str, kind: str, payload: Any, built_at) -> Entry:
    data = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True, default=str).encode() + b"\n"
    return Entry(path, data, kind, {"generated_by": "netralitas", "generated_at": _iso(built_at)})


def _read_checked(name: str, expected_sha: str, label: str) -> bytes:
    with default_storage.open(name, "rb") as fh:
        data = fh.read()
    if expected_sha and hashlib.sha256(data).hexdigest() != expected_sha:
        raise ValidationError(
            _("%(f)s di penyimpanan tidak cocok dengan hash yang dicatat: berkas rujukan tidak dibuat.") % {"f": label}
        )
    return data


def _evidence_entries(case: Case) -> tuple[list[Entry], list]:
    from cases.models import Evidence

    entries, evidence = (
        [],
        list(
            Evidence.objects.filter(post__cases=case)
            .select_related("uploaded_by", "post")
            .order_by("uploaded_at", "pk")
        ),
    )
    for e in evidence:
        data = _read_checked(e.file.name, e.sha256, e.original_name or e.file.name)
        ext = e.file.name.rsplit(".", 1)[-1]
        entries.append(
            Entry(
                f"bukti/{e.sha256}.{ext}",
                data,
                "evidence",
                {
                    "uploaded_by": _who(e.uploaded_by),
                    "uploaded_at": _iso(e.uploaded_at),
                    "original_name": e.original_name,
                    "recorded_sha256": e.sha256,
                    "post_url": e.post.url,
                    "post_source": e.post.get_source_display(),
                },
            )
        )
    return entries, evidence


def _detection_payload(evidence: list) -> list[dict]:
    if not apps.is_installed("detection"):
        return []
    from detection.models import DetectionRun

    out = []
    runs = DetectionRun.objects.filter(evidence__in=evidence).prefetch_related("hands", "symbols")
    for run in runs.select_related("evidence"):
        out.append(
            {
                "evidence_sha256": run.evidence.sha256,
                "status": run.status,
                "model_version": run.model_version,
                "finished_at": _iso(run.finished_at),
                "panels": run.panels,
                "candidates": run.candidates,
                "hands": [
                    {
                        "gesture": h.gesture,
                        "fingers": h.fingers,
                        "confidence": h.confidence,
                        "handedness": h.handedness,
                        "bbox": h.bbox,
                        "review_status": h.review_status,
                        "reviewed_at": _iso(h.reviewed_at),
                    }
                    for h in run.hands.all()
                ],
                "symbols": [
                    {
                        "label": s.label,
                        "ballot_number": s.ballot_number,
                        "score": s.score,
                        "bbox": s.bbox,
                        "review_status": s.review_status,
                        "reviewed_at": _iso(s.reviewed_at),
                    }
                    for s in run.symbols.all()
                ],
            }
        )
    return out


def _letter_entries(case: Case) -> list[Entry]:
    if not apps.is_installed("letters"):
        return []
    from letters.models import Letter

    entries = []
    letters = (
        Letter.objects.filter(case=case, status__in=ISSUED_LETTER_STATES).exclude(pdf="").select_related("created_by")
    )
    for letter in letters.order_by("issued_on", "pk"):
        data = _read_checked(letter.pdf.name, letter.sha256, letter.number or letter.pdf.name)
        entries.append(
            Entry(
                f"surat/{letter.kind}-{letter.pk}.pdf",
                data,
                "letter",
                {
                    "kind": letter.get_kind_display(),
                    "number": letter.number,
                    "issued_on": _iso(letter.issued_on),
                    "status": letter.status,
                    "signer": letter.signer_name,
                    "drafted_by": _who(letter.created_by),
                    "received_at": _iso(letter.received_at),
                    "receipt": letter.receipt,
                    "recorded_sha256": letter.sha256,
                },
            )
        )
    return entries


def collect(case: Case, recipient: str, built_at) -> list[Entry]:
    """Every file of the bundle except the manifest and its signature."""
    entries = _letter_entries(case)
    evidence_entries, evidence = _evidence_entries(case)
    entries += evidence_entries
    employee = case.employee
    entries.append(
        _json(
            "kasus.json",
            "case",
            {
                "reference": case.reference,
                "status": case.get_status_display(),
                "opened_at": case.opened_at,
                "employee": {
                    "name": employee.full_name,
                    "nip": employee.nip,
                    "identifier": {"label": employee.identifier_label, "value": employee.identifier},
                    "status_at_act": case.get_employee_status_display(),
                    "unit": str(employee.unit) if employee.unit_id else "",
                },
                "violation_type": str(case.violation_type) if case.violation_type_id else None,
                "summary": case.summary,
                "gakkumdu": {
                    "referred": case.gakkumdu_referred,
                    "referred_on": case.gakkumdu_referred_on,
                    "outcome": case.gakkumdu_outcome,
                },
                "posts": [
                    {"url": p.url, "platform": p.platform, "source": p.get_source_display(), "found_at": p.found_at}
                    for p in case.posts.all()
                ],
            },
            built_at,
        )
    )
    exams = list(case.examinations.select_related("recorded_by"))
    if exams:
        entries.append(
            _json(
                "bap.json",
                "examination",
                [
                    {
                        "held_on": x.held_on,
                        "place": x.place,
                        "examiners": x.examiners.splitlines(),
                        "examinee_attended": x.examinee_attended,
                        "questions_answers": x.questions_answers,
                        "recorded_by": _who(x.recorded_by),
                        "recorded_at": x.recorded_at,
                    }
                    for x in exams
                ],
                built_at,
            )
        )
    if case.report_findings or case.report_recommendation:
        entries.append(
            _json(
                "lhp.json",
                "examination_report",
                {"findings": case.report_findings, "recommendation": case.report_recommendation},
                built_at,
            )
        )
        pdf = render_pdf(
            "outreach/pdf/lhp.html",
            {"case": case, "employee": employee, "examinations": exams, "printed_at": timezone.localtime(built_at)},
        )
        entries.append(
            Entry("lhp.pdf", pdf, "examination_report", {"generated_by": "netralitas", "generated_at": _iso(built_at)})
        )
    detections = _detection_payload(evidence)
    if detections:
        entries.append(_json("deteksi.json", "detection", detections, built_at))
    decisions = list(case.decisions.select_related("sanction_type", "decided_by").prefetch_related("appeals"))
    if decisions:
        entries.append(
            _json(
                "keputusan.json",
                "decision",
                [
                    {
                        "track": d.get_track_display(),
                        "sanction": d.sanction_type.name,
                        "substantiated": d.substantiated,
                        "decision_number": d.decision_number,
                        "decided_on": d.decided_on,
                        "authorised_official": d.get_authorised_official_display(),
                        "decided_by": _who(d.decided_by),
                        "delivery": {"delivered_on": d.delivered_on},
                        "appeals": [
                            {"kind": a.get_kind_display(), "filed_on": a.filed_on, "outcome": a.get_outcome_display()}
                            for a in d.appeals.all()
                        ],
                    }
                    for d in decisions
                ],
                built_at,
            )
        )
    recs = list(case.recommendations.all())
    if recs:
        entries.append(
            _json(
                "rekomendasi.json",
                "recommendation",
                {
                    "rule": {"working_days": rule().working_days, "basis": rule().basis},
                    "recommendations": [
                        {
                            "source": c.recommendation.get_source_display(),
                            "number": c.recommendation.number,
                            "received_on": c.recommendation.received_on,
                            "content": c.recommendation.content,
                            "due_on": c.due_on,
                            "state": c.label,
                            "follow_up": c.recommendation.follow_up,
                            "followed_up_on": c.recommendation.followed_up_on,
                        }
                        for c in clocks_for(recs)
                    ],
                },
                built_at,
            )
        )
    return entries


def _answered_recommendation(case: Case, recipient: str) -> Recommendation | None:
    """A BKN bundle answers the case's oldest BKN/KASN recommendation that has no answer sent yet."""
    if recipient != ReferralBundle.Recipient.BKN:
        return None
    answered = ReferralBundle.objects.filter(case=case, sent_on__isnull=False).values("recommendation_id")
    return (
        case.recommendations.filter(source__in=("bkn", "kasn"))
        .exclude(pk__in=answered)
        .order_by("received_on", "pk")
        .first()
    )


@transaction.atomic
def build(*, case: Case, recipient: str, acting_user: Any = None, request: Any = None, via: str = "") -> ReferralBundle:
    """Build, store (content-addressed, never overwritten) and audit one referral bundle."""
    if recipient not in ReferralBundle.Recipient.values:
        raise ValidationError(_("Tujuan rujukan tidak dikenal: %(r)s (bkn atau bawaslu).") % {"r": recipient})
    built_at = timezone.now()
    entries = collect(case, recipient, built_at)
    answered = _answered_recommendation(case, recipient)
    listing = [e.listing() for e in entries]
    manifest = {
        "format": mf.FORMAT,
        "case": case.reference,
        "recipient": recipient,
        "recipient_label": str(ReferralBundle.Recipient(recipient).label),
        "answers_recommendation": (
            {"number": answered.number, "received_on": answered.received_on.isoformat()} if answered else None
        ),
        "built_at": built_at.isoformat(),
        "built_by": _who(acting_user) or via or "system",
        "files": listing,
    }
    manifest_bytes = mf.canonical(manifest)
    sig = mf.signature_line(manifest_bytes)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for entry in entries:
            archive.writestr(entry.path, entry.data)
        archive.writestr(mf.MANIFEST, manifest_bytes)
        archive.writestr(mf.SIGNATURE, sig)
    data = buf.getvalue()
    sha = hashlib.sha256(data).hexdigest()
    path = f"referrals/{sha[:2]}/{sha}.zip"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(data))
    bundle = ReferralBundle.objects.create(
        case=case,
        recipient=recipient,
        recommendation=answered,
        file=path,
        sha256=sha,
        manifest_sha256=hashlib.sha256(manifest_bytes).hexdigest(),
        file_count=len(entries),
        total_bytes=sum(item["size"] for item in listing),
        built_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        built_at=built_at,
    )
    record(
        "referral.bundle_built",
        actor=acting_user,
        subject=bundle,
        case_id=case.pk,
        changes={
            "recipient": recipient,
            "zip_sha256": sha,
            "manifest_sha256": bundle.manifest_sha256,
            "answers_recommendation": answered.pk if answered else None,
            "files": [{"path": i["path"], "sha256": i["sha256"]} for i in listing],
        },
        reason=via,
        request=request,
    )
    return bundle


def write_to(bundle: ReferralBundle, out_path: str) -> None:
    with default_storage.open(bundle.file.name, "rb") as src, open(out_path, "wb") as dst:
        shutil.copyfileobj(src, dst)


@transaction.atomic
def mark_sent(
    *, bundle: ReferralBundle, sent_on, reference: str = "", acting_user: Any, request: Any = None
) -> ReferralBundle:
    """Record that the bundle was sent; a BKN bundle thereby answers its recommendation."""
    bundle = ReferralBundle.objects.select_for_update().get(pk=bundle.pk)
    if bundle.sent_on:
        raise ValidationError(_("Pengiriman berkas rujukan ini sudah dicatat."))
    if sent_on < bundle.built_at.date():
        raise ValidationError(_("Tanggal kirim tidak boleh sebelum berkas dibuat."))
    bundle.sent_on, bundle.sent_reference = sent_on, reference.strip()[:200]
    bundle.save(update_fields=["sent_on", "sent_reference"])
    record(
        "referral.bundle_sent",
        actor=acting_user,
        subject=bundle,
        case_id=bundle.case_id,
        changes={"sent_on": sent_on, "reference": bundle.sent_reference, "recommendation": bundle.recommendation_id},
        request=request,
    )
    return bundle
