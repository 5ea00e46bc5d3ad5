"""Probe replay (low): pages with personal data, exports and certificate/letter PDFs are never cached."""

from __future__ import annotations

import pytest
from django.urls import reverse

from letters.kinds import LetterKind


def _no_store(response) -> bool:
    return "no-store" in response.get("Cache-Control", "")


@pytest.mark.parametrize("name", ["cases:case_list", "cases:case_export", "letters:letter_list", "home"])
def test_officer_pages_and_exports_are_not_stored(client, hr_user, name):
    client.force_login(hr_user)
    response = client.get(reverse(name))
    assert response.status_code in (200, 302) and _no_store(response)


def test_letter_pdf_is_not_stored(client, hr_user, issue):
    letter = issue(LetterKind.WRITTEN_WARNING)
    client.force_login(hr_user)
    response = client.get(reverse("letters:letter_pdf", args=[letter.pk]))
    assert response["Content-Type"] == "application/pdf" and _no_store(response)


def test_staff_own_pages_and_certificate_are_not_stored(client, staff_user, staff_employee, quiz):
    from training import services
    from training.models import Certificate

    from ..training.conftest import correct_answers

    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    answers = {k: [int(x) for x in v] for k, v in correct_answers(attempt).items()}
    services.submit_attempt(attempt=attempt, answers=answers, acting_user=staff_user)
    cert = Certificate.objects.get(attempt=attempt)
    client.force_login(staff_user)
    assert _no_store(client.get(reverse("my_home")))
    response = client.get(reverse("training:certificate_download", args=[cert.pk]))
    assert response["Content-Type"] == "application/pdf" and _no_store(response)
