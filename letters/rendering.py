"""Letter -> PDF through printing.pdf.render_pdf. Drafts carry a KONSEP watermark and no number."""

from __future__ import annotations

import base64
import mimetypes
from typing import Any

from django.utils import timezone

from legal import citations, regimes
from printing.pdf import render_pdf
from printing.verification import qr_data_uri, verification_url
from registry.identifiers import format_nip

from . import numbering, procedure
from .dates import hari_tanggal, tanggal, zone_label
from .kinds import LetterKind, spec
from .models import Letter, Letterhead

PLACEHOLDER_LOGO = "static:letters/logo-placeholder.svg"


def logo_src(letterhead: Letterhead) -> str:
    if letterhead.logo:
        try:
            with letterhead.logo.open("rb") as fh:
                data = fh.read()
            mime = mimetypes.guess_type(letterhead.logo.name)[0] or "image/png"
            return f"data:{mime};base64," + base64.b64encode(data).decode()
        except OSError:
            pass
    return PLACEHOLDER_LOGO


def display_nip(value: str) -> str:
    digits = (value or "").replace(" ", "")
    return format_nip(digits) if len(digits) == 18 and digits.isdigit() else value


def region_name(letterhead: Letterhead) -> str:
    """'PEMERINTAH KABUPATEN SUKAMAJU' -> 'Kabupaten Sukamaju'."""
    text = letterhead.government.strip()
    if text.upper().startswith("PEMERINTAH "):
        text = text[len("PEMERINTAH ") :]
    return text.title()


def parse_qa(text: str) -> list[dict[str, str]]:
    """'T: ...' / 'J: ...' lines (also P:/Q:/A:) -> [{"q":..., "a":...}]."""
    items: list[dict[str, str]] = []
    for raw in (text or "").splitlines():
        line = raw.strip()
        if not line:
            continue
        head, _sep, rest = line.partition(":")
        tag = head.strip().upper()
        if tag in ("T", "P", "Q", "TANYA", "PERTANYAAN"):
            items.append({"q": rest.strip(), "a": ""})
        elif tag in ("J", "A", "JAWAB", "JAWABAN") and items:
            items[-1]["a"] = (items[-1]["a"] + " " + rest.strip()).strip()
        elif items:
            key = "a" if items[-1]["a"] else "q"
            items[-1][key] = (items[-1][key] + " " + line).strip()
    return items


def parse_people(text: str) -> list[dict[str, str]]:
    people = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")] + ["", ""]
        people.append({"name": parts[0], "nip": display_nip(parts[1]), "position": parts[2]})
    return people


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def sentence_case(name: str) -> str:
    """'Pemotongan TPP 25% selama 6 bulan' -> 'pemotongan TPP 25% selama 6 bulan' (acronyms keep capitals)."""
    return citations.lower_first(name or "")


def decision_wording(sanction: Any, status: str = "pns") -> dict[str, str]:
    """Heading and operative words of a Keputusan. A PTDH / PHPK tidak dengan hormat (UU 20/2023 Pasal 52) is not
    a hukuman disiplin, and an honorer receives a sanction under the work agreement, not a hukuman disiplin."""
    if sanction is None:
        return {"about": "PENJATUHAN HUKUMAN DISIPLIN", "operative": "Menjatuhkan hukuman disiplin"}
    rule = regimes.BY_CODE.get(sanction.code)
    name = rule.label(status) if rule else sanction.name
    level = rule.level if rule else sanction.level
    if level == regimes.DISMISSAL:
        return {"about": name.upper(), "operative": f"Menetapkan {sentence_case(name)}"}
    if status == "honorer":
        return {
            "about": f"PENJATUHAN SANKSI BERUPA {name.upper()}",
            "operative": f"Menjatuhkan sanksi berupa {sentence_case(name)}",
        }
    level_text = f" tingkat {level}" if level in regimes.LEVELS else ""
    return {
        "about": f"PENJATUHAN HUKUMAN DISIPLIN BERUPA {name.upper()}",
        "operative": f"Menjatuhkan hukuman disiplin{level_text} berupa {sentence_case(name)}",
    }


def letter_context(letter: Letter, *, draft: bool) -> dict[str, Any]:
    kind_spec = spec(letter.kind)
    details = dict(letter.details or {})
    when = letter.issued_on or timezone.localdate()
    for key in ("hearing_date", "missed_date", "exam_date"):
        if details.get(key):
            details[key + "_text"] = hari_tanggal(details[key]) if key == "hearing_date" else tanggal(details[key])
    if details.get("examiner_nip"):
        details["examiner_nip"] = display_nip(details["examiner_nip"])
    document = letter.issued_document
    ctx: dict[str, Any] = {
        "letter": letter,
        "spec": kind_spec,
        "kind": letter.kind,
        "kinds": LetterKind,
        "draft": draft,
        "letterhead": letter.letterhead,
        "logo_src": logo_src(letter.letterhead),
        "region": region_name(letter.letterhead),
        "number": letter.number if not draft else numbering.preview(letter.letterhead, letter.kind, when),
        "date_text": tanggal(letter.issued_on) if not draft else "……………… " + str(when.year),
        "addressee_nip": display_nip(letter.addressee_nip),
        "signer_nip": display_nip(letter.signer_nip),
        "paragraphs": [p.strip() for p in letter.body.split("\n\n") if p.strip()],
        "legal_basis": letter.legal_basis,
        "details": details,
        "copies": letter.copies_list,
        "qa": parse_qa(details.get("qa", "")),
        "examiners": parse_people(details.get("examiners", "")),
        "considerations": [
            ("abcdefghijklmnopqrstuvwxyz"[i % 26], text)
            for i, text in enumerate(lines(details.get("considerations", "")))
        ],
        "references": lines(details.get("references", "")),
        "identifier_label": letter.employee.identifier_label if letter.employee_id else "NIP",
        "confidential": kind_spec.confidential,
        "zone": zone_label(),
        "regional_head": bool(letter.signatory_id and letter.signatory.is_regional_head),
        "honorer": getattr(letter.case, "employee_status", "") == "honorer",
        "signs_as_ppk": bool(letter.signatory_id and letter.signatory.office == "ppk"),
        "decider_title": letter.signer_position.upper(),
        "effective_clause": procedure.effective_clause(letter.decision),
        "wording": decision_wording(
            getattr(letter.decision, "sanction_type", None), getattr(letter.case, "employee_status", "") or "pns"
        ),
    }
    if document and not draft:
        url = verification_url(document.code)
        ctx.update(verify_code=document.code, verify_url=url, qr_src=qr_data_uri(url))
    return ctx


def render_letter(letter: Letter, *, draft: bool) -> bytes:
    return render_pdf(spec(letter.kind).template, letter_context(letter, draft=draft))
