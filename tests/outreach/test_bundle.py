"""Referral bundles: built, verified, tampered with (verification names the file), refused without a key
in production, built from the case page by officers only, and audited."""

from __future__ import annotations

import datetime as dt
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from audit.models import AuditEvent
from cases.models import Recommendation
from outreach import bundle as bundles
from outreach.manifest import verify_zip
from outreach.models import ReferralBundle
from tests.cases.conftest import make_post, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_case(case, issue, hr_user, jpeg):
    """A case with an issued (signed, PDF) letter, a BAP, an LHP, two decisions (one delivered),
    evidence on its post and a BKN recommendation."""
    post = make_post(hr_user, url="https://www.instagram.com/p/ABC123/", files=[upload(jpeg, "foto.jpg")])
    case.posts.add(post)
    case.report_findings = "Terbukti mengunggah foto dengan gestur dua jari."
    case.report_recommendation = "Teguran tertulis."
    case.save()
    case.decisions.filter(track="discipline").update(delivered_on=dt.date(2024, 11, 4), decision_number="800/12")
    Recommendation.objects.create(
        case=case, source="bkn", number="R-123/BKN/2024", received_on=dt.date(2024, 11, 1),
        content="Jatuhkan hukuman disiplin.", recorded_by=hr_user,
    )  # fmt: skip
    issue()
    return case


def _rewrite_with(src, dst, member, mutate):
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
        for info in a.infolist():
            data = a.read(info)
            b.writestr(info.filename, mutate(data) if info.filename == member else data)


def test_bundle_round_trip_then_one_changed_byte_names_the_evidence_file(full_case, tmp_path, capsys):
    out = tmp_path / "rujukan.zip"
    call_command("referral_bundle", full_case.reference, "--to", "bkn", "--out", str(out))
    call_command("verify_bundle", str(out))
    assert "SAH" in capsys.readouterr().out

    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        names = set(archive.namelist())
    kinds = {f["kind"] for f in manifest["files"]}
    assert {"letter", "evidence", "case", "examination", "examination_report", "decision", "recommendation"} <= kinds
    assert manifest["answers_recommendation"]["number"] == "R-123/BKN/2024"
    evidence = [f for f in manifest["files"] if f["kind"] == "evidence"]
    assert evidence[0]["custody"]["uploaded_by"] == "t_hr" and evidence[0]["custody"]["uploaded_at"]
    assert evidence[0]["sha256"] == evidence[0]["custody"]["recorded_sha256"]
    assert names == {f["path"] for f in manifest["files"]} | {"manifest.json", "manifest.sig"}
    assert zipfile.ZipFile(out).read("lhp.pdf").startswith(b"%PDF")
    decisions = json.loads(zipfile.ZipFile(out).read("keputusan.json"))
    assert any(d["delivery"]["delivered_on"] == "2024-11-04" for d in decisions)

    tampered = tmp_path / "diubah.zip"
    path = evidence[0]["path"]
    _rewrite_with(out, tampered, path, lambda b: b[:100] + bytes([b[100] ^ 1]) + b[101:])
    result = verify_zip(tampered)
    assert not result.ok
    assert result.problems == [f"{path}: SHA-256 tidak cocok dengan manifest (berkas telah diubah)."]
    with pytest.raises(CommandError, match="TIDAK SAH"):
        call_command("verify_bundle", str(tampered))
    assert path in capsys.readouterr().err


def test_a_changed_manifest_or_an_added_file_fails_verification(full_case, hr_user, tmp_path):
    built = bundles.build(case=full_case, recipient="bawaslu", acting_user=hr_user)
    out = tmp_path / "b.zip"
    bundles.write_to(built, str(out))
    edited = tmp_path / "m.zip"
    _rewrite_with(out, edited, "manifest.json", lambda b: b.replace(b'"bawaslu"', b'"bkn"', 1))
    assert any("manifest.json" in p for p in verify_zip(edited).problems)
    extra = tmp_path / "x.zip"
    _rewrite_with(out, extra, "kasus.json", lambda b: b)
    with zipfile.ZipFile(extra, "a") as z:
        z.writestr("bukti/sisipan.jpg", b"x")
    assert verify_zip(extra).problems == ["bukti/sisipan.jpg: ada di ZIP tetapi tidak tercantum di manifest."]


def test_a_bundle_is_not_built_from_evidence_whose_stored_bytes_changed(full_case, hr_user):
    from cases.models import Evidence

    ev = Evidence.objects.filter(post__cases=full_case).first()
    with default_storage.open(ev.file.name, "rb") as fh:
        data = bytearray(fh.read())
    data[50] ^= 1
    with open(default_storage.path(ev.file.name), "wb") as fh:
        fh.write(data)
    with pytest.raises(Exception, match="tidak cocok dengan hash"):
        bundles.build(case=full_case, recipient="bkn", acting_user=hr_user)
    assert not ReferralBundle.objects.exists()


def test_production_refuses_to_build_without_the_key(full_case, settings, tmp_path):
    settings.TESTING, settings.DEBUG, settings.REFERRAL_BUNDLE_KEY = False, False, ""
    with pytest.raises(CommandError, match="REFERRAL_BUNDLE_KEY"):
        call_command("referral_bundle", full_case.reference, "--to", "bkn", "--out", str(tmp_path / "x.zip"))
    settings.REFERRAL_BUNDLE_KEY = "kunci-rahasia-pemda"
    call_command("referral_bundle", full_case.reference, "--to", "bkn", "--out", str(tmp_path / "x.zip"))
    assert verify_zip(tmp_path / "x.zip").ok
    settings.REFERRAL_BUNDLE_KEY = "kunci-lain"
    assert "kunci lain" in verify_zip(tmp_path / "x.zip").problems[0]


def test_officer_builds_from_the_case_page_audited_and_other_roles_cannot(
    full_case, client, hr_user, monitor_user, leader_user
):
    url = reverse("outreach:bundle_build", args=[full_case.pk])
    for user in (monitor_user, leader_user):
        client.force_login(user)
        assert client.post(url, {"recipient": "bkn"}).status_code == 403
    assert not ReferralBundle.objects.exists()
    client.force_login(hr_user)
    page = client.get(reverse("cases:case_detail", args=[full_case.pk]))
    assert b"Buat berkas rujukan" in page.content
    response = client.post(url, {"recipient": "bkn"})
    built = ReferralBundle.objects.get()
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="referral.bundle_built")
    assert event.case_id == full_case.pk and len(event.changes["files"]) == built.file_count
    download = client.get(reverse("outreach:bundle_download", args=[built.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert AuditEvent.objects.filter(action="referral.bundle_download", case_id=full_case.pk).exists()
    assert client.post(url, {"recipient": "kpu"}).status_code == 302
    assert ReferralBundle.objects.count() == 1
