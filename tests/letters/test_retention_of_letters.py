"""Retention (UU 27/2022) reaches the letters of a purged case: the PDF goes, its SHA-256 stays, and both the
officer's download answers 404 instead of failing on a missing file."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from cases.models import Case

pytestmark = pytest.mark.django_db


def test_uu_27_2022_pasal_44_purge_removes_letter_pdfs_and_keeps_their_hashes(
    client, issue, case, hr_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path)
    settings.CASE_RETENTION_DAYS = 30
    letter = issue()
    name, digest = letter.pdf.name, letter.sha256
    assert name and digest and default_storage.exists(name)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.FINAL, status_since=dt.date.today() - dt.timedelta(31))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired", stdout=io.StringIO())
    letter.refresh_from_db()
    assert not default_storage.exists(name)
    assert (letter.pdf.name, letter.sha256, letter.addressee_name) == ("", digest, "")
    client.force_login(hr_user)
    assert client.get(reverse("letters:letter_pdf", args=[letter.pk])).status_code == 404
