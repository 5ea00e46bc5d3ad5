"""Probe replay (high): letter and certificate PDFs must never carry a server file.

The probe set a letterhead city to ``Sukamaju<a rel="attachment" href="file:///proc/self/environ">.</a>``;
the decision letter printed it ``|safe`` and WeasyPrint fetched the file as an attachment.
"""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from letters.kinds import LetterKind
from printing.pdf import _url_fetcher, html_to_pdf

from ..letters.helpers import pdf_text, squash

ATTACH = '<a rel="attachment" href="file:///etc/passwd">.</a>'
IMG = "<img src=file:///proc/self/environ>"
STYLE = "<style>@import url(file:///etc/passwd);</style>"
HOSTILE = f"Sukamaju{ATTACH}{IMG}{STYLE}"
# The probe's own value; it fits the 80-character city field (PostgreSQL enforces the length).
CITY_HOSTILE = f"Sukamaju{ATTACH}"
PASSWD_MARK = "root:x:0:0"


def _attachments(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data))
    names = list(reader.attachments)
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            if annot.get_object().get("/Subtype") == "/FileAttachment":
                names.append("annotation")
    return names


def _assert_clean(data: bytes) -> str:
    assert _attachments(data) == []
    text = squash(pdf_text(data))
    assert PASSWD_MARK not in text and "SECRET_KEY" not in text and "DATABASE_URL" not in text
    assert PASSWD_MARK.encode() not in data
    return text


@pytest.mark.parametrize("kind", list(LetterKind))
def test_hostile_letterhead_and_case_values_print_as_text_in_every_letter_kind(
    issue, letterhead, case, staff_employee, kind
):
    for field in ("address", "agency", "government"):
        setattr(letterhead, field, getattr(letterhead, field) + HOSTILE)
    letterhead.city = CITY_HOSTILE
    letterhead.save()
    staff_employee.position = "Guru" + IMG
    staff_employee.save()
    case.summary = "Unggahan" + ATTACH
    case.save()
    letter = issue(kind)
    text = _assert_clean(letter.pdf.read())
    assert "Sukamaju<a rel=" in text  # printed as text, not interpreted as a link


def test_decision_sign_place_is_escaped(issue, letterhead):
    letterhead.city = CITY_HOSTILE
    letterhead.save()
    text = _assert_clean(issue(LetterKind.DECISION).pdf.read())
    assert "Ditetapkan di Sukamaju<a rel=" in text


def test_certificate_with_hostile_name_has_no_attachment(staff_user, staff_employee, quiz):
    from training import services
    from training.certificates import certificate_bytes
    from training.models import Certificate

    from ..training.conftest import correct_answers

    staff_employee.full_name = "Siti" + ATTACH + IMG
    staff_employee.save()
    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    answers = {k: [int(x) for x in v] for k, v in correct_answers(attempt).items()}
    services.submit_attempt(attempt=attempt, answers=answers, acting_user=staff_user)
    text = _assert_clean(certificate_bytes(Certificate.objects.get(attempt=attempt)))
    assert "Siti<a rel=" in text


def test_raw_html_cannot_fetch_server_files_either():
    """Defence in depth: even HTML that escaped the templates reaches no file and no network."""
    html = (
        f"<html><body><p>isi</p>{ATTACH}{IMG}{STYLE}"
        '<img src="/etc/passwd"><img src="../../../../etc/passwd"><img src="http://127.0.0.1:9/x.png">'
        '<a rel="attachment" href="static:../../../../etc/passwd">x</a>'
        '<svg><image href="file:///etc/passwd"/></svg></body></html>'
    )
    _assert_clean(html_to_pdf(html))


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///proc/self/environ",
        "http://127.0.0.1:8000/",
        "https://example.com/logo.png",
        "ftp://example.com/x",
        "static:../../../../etc/passwd",
        "static:/etc/passwd",
        "/etc/passwd",
        "static:letters/does-not-exist.svg",
    ],
)
def test_url_fetcher_refuses_everything_but_own_static_files(url):
    with pytest.raises(ValueError):
        _url_fetcher(url)


def test_url_fetcher_serves_own_static_files_and_data_uris():
    logo = _url_fetcher("static:letters/logo-placeholder.svg")
    assert logo["string"].lstrip().startswith(b"<") and logo["mime_type"] == "image/svg+xml"
    inline = _url_fetcher("data:text/plain;base64,aGFsbw==")
    assert inline["file_obj"].read() == b"halo"
    inline["file_obj"].close()
