import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from printing.models import IssuedDocument
from training import services
from training.certificates import render_certificate
from training.models import Certificate

from .conftest import correct_answers

pytestmark = pytest.mark.django_db


def _pass(employee, user, quiz):
    attempt = services.start_attempt(quiz=quiz, employee=employee, acting_user=user)
    attempt, _late = services.submit_attempt(
        attempt=attempt, answers={k: [int(x) for x in v] for k, v in correct_answers(attempt).items()}, acting_user=user
    )
    return attempt


def test_certificate_pdf_has_name_and_code_and_is_stable(staff_client, staff_user, staff_employee, quiz):
    attempt = _pass(staff_employee, staff_user, quiz)
    cert = Certificate.objects.get(attempt=attempt)
    first = staff_client.get(reverse("training:certificate_download", args=[cert.pk]))
    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    cert.refresh_from_db()
    code = cert.document.code
    reader = PdfReader(io.BytesIO(first.content))
    page = reader.pages[0]
    text = page.extract_text()
    assert "Siti Uji" in text and code in text
    assert float(page.mediabox.width) > float(page.mediabox.height)  # landscape
    second = staff_client.get(reverse("training:certificate_download", args=[cert.pk]))
    assert second.content == first.content
    assert IssuedDocument.objects.filter(code=code).count() == 1
    from printing.pdf import sha256_hex

    assert cert.document.sha256 == sha256_hex(first.content)
    # the public verification page knows the code
    assert staff_client.get(reverse("verify_document", args=[code])).status_code == 200
    # rendering again does not reserve another code
    render_certificate(cert.pk)
    assert IssuedDocument.objects.count() == 1


def test_staff_cannot_see_other_staff_results_or_certificates(
    client, staff_user, staff_employee, other_staff_user, quiz
):
    attempt = _pass(staff_employee, staff_user, quiz)
    cert = Certificate.objects.get(attempt=attempt)
    client.force_login(other_staff_user)
    for url in [
        reverse("training:attempt", args=[attempt.pk]),
        reverse("training:attempt_result", args=[attempt.pk]),
        reverse("training:certificate_download", args=[cert.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("training:attempt_submit", args=[attempt.pk])).status_code == 404
    assert client.post(reverse("training:attempt_save", args=[attempt.pk])).status_code == 404
    home = client.get(reverse("my_home")).content.decode()
    assert "Kuis uji" in home  # the quiz is listed ...
    assert reverse("training:certificate_download", args=[cert.pk]) not in home  # ... not Siti's certificate


def test_capabilities(client, personas, session_now):
    urls_manage = [
        reverse("training:manage_home"),
        reverse("training:session_create"),
        reverse("training:question_list"),
    ]
    url_report = reverse("training:compliance")
    expectations = {
        "admin": (200, 200),
        "hr": (200, 200),
        "leader": (403, 200),
        "monitor": (403, 403),
        "staff": (403, 403),
        "outsider": (403, 403),
    }
    for name, (manage, report) in expectations.items():
        client.logout()
        client.force_login(personas[name])
        for url in urls_manage:
            assert client.get(url).status_code == manage, (name, url)
        assert client.get(url_report).status_code == report, name
    client.logout()
    assert client.get(url_report).status_code == 302


def test_every_training_view_declares_a_capability():
    from django.urls import get_resolver

    resolver = get_resolver()
    for pattern in resolver.url_patterns:
        if getattr(pattern, "namespace", None) == "training":
            for p in pattern.url_patterns:
                assert getattr(p.callback, "capability", None), p.name
