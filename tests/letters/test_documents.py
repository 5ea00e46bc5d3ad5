"""The rendered PDFs: content read back, RAHASIA, embedded fonts, drafts, reprints, verification."""

import hashlib

import pytest
from django.urls import reverse

from letters import rendering
from letters.kinds import SPECS, LetterKind, spec
from printing.models import IssuedDocument

from .helpers import embedded_fonts, pdf_text, squash

# Every document of the disciplinary procedure is RAHASIA (brief §3.5); only the coaching reminder is not.
CONFIDENTIAL = set(LetterKind) - {LetterKind.COACHING}
PPK_SIGNED = {LetterKind.MORAL_CLOSED, LetterKind.MORAL_OPEN}


@pytest.mark.parametrize("kind", list(LetterKind))
def test_issued_pdf_carries_number_name_nip_basis_and_signer(issue, kind):
    letter = issue(kind)
    data = letter.pdf.read()
    text = squash(pdf_text(data))
    assert letter.number and letter.number in text
    assert "Siti Uji" in text
    assert "19900412 201503 2 004" in text  # NIP grouped 8-6-1-3
    if kind in PPK_SIGNED:  # sanksi moral: in the Bupati's name, no NIP line, the operator never printed
        assert "Drs. H. Ahmad Sulaeman, M.Si." in text and "BUPATI SUKAMAJU" in text
        assert "19720315 199803 1 004" not in text and "Hendra" not in text
    else:
        assert "Hendra Wijaya" in text and "19720315 199803 1 004" in text  # signer and signer NIP
        assert "KEPALA BADAN KEPEGAWAIAN" in text.upper()
    assert letter.issued_document.code in text
    assert ("RAHASIA" in text) == (kind in CONFIDENTIAL)
    assert spec(kind).confidential == (kind in CONFIDENTIAL)
    assert "KONSEP" not in text


def test_legal_basis_comes_from_violation_and_sanction(issue):
    warning = squash(pdf_text(issue(LetterKind.WRITTEN_WARNING).pdf.read()))
    assert "SKB 2022 angka 5" in warning  # violation type #5 of the case
    assert "Peraturan Pemerintah Nomor 94 Tahun 2021" in warning
    assert "teguran tertulis" in warning.lower()
    assert "21 Oktober 2024" in warning  # BAP date from the case's examination, Indonesian form
    moral = squash(pdf_text(issue(LetterKind.MORAL_CLOSED).pdf.read()))
    assert "Nomor 42 Tahun 2004" in moral and "secara tertutup" in moral
    coaching = squash(pdf_text(issue(LetterKind.COACHING).pdf.read()))
    assert "bukan hukuman disiplin" in coaching


def test_examination_record_uses_the_case_clarification_data(issue):
    text = squash(pdf_text(issue(LetterKind.EXAMINATION).pdf.read()))
    assert "Ruang Rapat BKPSDM" in text
    assert "Apakah akun Instagram @siti.uji milik Saudara?" in text
    assert "Rina Kusumawati" in text


def test_decision_follows_the_skeleton(issue):
    text = squash(pdf_text(issue(LetterKind.DECISION).pdf.read()))
    for part in ("KEPUTUSAN KEPALA BADAN", "TENTANG", "PENJATUHAN HUKUMAN DISIPLIN BERUPA PEMOTONGAN TPP 25%",
                 "pemotongan TPP 25% selama 6 bulan", "Menimbang",
                 "Mengingat", "MEMUTUSKAN", "KESATU", "Ditetapkan di Sukamaju", "Tembusan"):  # fmt: skip
        assert part in text, part


def test_fonts_are_embedded(issue):
    fonts = embedded_fonts(issue(LetterKind.DECISION).pdf.read())
    assert fonts and all(fonts.values()), fonts
    assert any("DejaVu-Serif" in name for name in fonts) and any("DejaVu-Sans" in name for name in fonts)


def test_coaching_letter_and_disciplinary_warning_are_different_types(issue):
    coaching, warning = issue(LetterKind.COACHING), issue(LetterKind.WRITTEN_WARNING)
    assert coaching.kind != warning.kind
    assert SPECS[LetterKind.COACHING].disciplinary is False
    assert SPECS[LetterKind.WRITTEN_WARNING].disciplinary is True
    assert SPECS[LetterKind.COACHING].template != SPECS[LetterKind.WRITTEN_WARNING].template
    assert coaching.number.split("/")[0] != warning.number.split("/")[0]  # separate number series
    assert coaching.issued_document.kind != warning.issued_document.kind
    coaching_text = squash(pdf_text(coaching.pdf.read()))
    assert "Teguran Pembinaan" in coaching_text and "hukuman disiplin tingkat ringan" not in coaching_text


def test_draft_preview_is_watermarked_and_unnumbered(make_draft, leader_user, client):
    letter = make_draft(LetterKind.WRITTEN_WARNING)
    data = rendering.render_letter(letter, draft=True)
    text = squash(pdf_text(data))
    assert "KONSEP" in text and "…" in text
    assert letter.number == ""
    client.force_login(leader_user)
    response = client.get(reverse("letters:letter_preview", args=[letter.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert "KONSEP" in pdf_text(response.content)
    letter.refresh_from_db()
    assert not letter.pdf and letter.number == ""


def test_reprint_is_byte_identical_and_hash_is_registered(issue, leader_user, client):
    letter = issue(LetterKind.WRITTEN_WARNING)
    stored = letter.pdf.read()
    client.force_login(leader_user)
    first = client.get(reverse("letters:letter_pdf", args=[letter.pk])).content
    second = client.get(reverse("letters:letter_pdf", args=[letter.pk]) + "?inline=1").content
    assert first == second == stored
    digest = hashlib.sha256(stored).hexdigest()
    assert letter.sha256 == digest == IssuedDocument.objects.get(pk=letter.issued_document_id).sha256


def test_public_verification_shows_only_number_date_type_hash(issue, client):
    letter = issue(LetterKind.WRITTEN_WARNING)
    page = client.get(reverse("verify_document", args=[letter.issued_document.code])).content.decode()
    assert letter.number in page and letter.sha256 in page
    assert "Siti Uji" not in page and "199004122015032004" not in page


def test_uploaded_logo_is_embedded(issue, letterhead, settings, tmp_path):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = str(tmp_path)
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
        b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    letterhead.logo.save("logo.png", ContentFile(png))
    assert rendering.logo_src(letterhead).startswith("data:image/png;base64,")
    assert issue(LetterKind.COACHING).pdf.size > 0
