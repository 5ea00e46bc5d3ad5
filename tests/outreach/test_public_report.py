"""The public report form: abuse-resistant, merged per URL, tracked by a code that shows only status words."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from audit.models import AuditEvent
from cases.models import Evidence, ReportedPost
from cases.services import open_cases, report_post
from outreach import public_reports
from outreach.models import PublicReport
from tests.factories import EmployeeFactory
from tests.outreach.conftest import solved

pytestmark = pytest.mark.django_db
URL = reverse("outreach:report")
TRACK = reverse("outreach:track")


def _values(**kw) -> dict:
    return {
        "platform": "instagram",
        "url": "https://www.instagram.com/p/Cx123abc/",
        "description": "Pegawai kecamatan berpose dua jari bersama calon nomor 2.",
        "contact": "warga@contoh.id",
    } | kw


def _post(client, addr="203.0.113.7", **kw):
    data = solved(client) | _values(**kw)
    return client.post(URL, data, REMOTE_ADDR=addr)


def _code(response) -> str:
    import re

    return re.search(r'id="tracking-code">([A-Z0-9-]+)<', response.content.decode()).group(1)


def test_a_report_lands_in_the_queue_as_a_public_post_with_a_tracking_code(client, jpeg):
    response = _post(client, screenshot=SimpleUploadedFile("layar.jpg", jpeg, "image/jpeg"))
    assert response.status_code == 200
    report = PublicReport.objects.get()
    assert report.post.source == ReportedPost.Source.PUBLIC
    assert report.post.get_source_display() == "Pengaduan masyarakat"
    assert report.evidence.uploaded_by.username == "pengaduan-masyarakat"
    assert not report.evidence.uploaded_by.is_active and not report.evidence.uploaded_by.has_usable_password()
    assert public_reports.status_words(_code(response)) == "Diterima"
    assert _code(response) not in str(list(PublicReport.objects.values()))  # only its hash is stored
    assert AuditEvent.objects.filter(action="public_report.received").exists()


def _html_as_jpeg():
    return SimpleUploadedFile("foto.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")


def _pixel_bomb():
    buf = io.BytesIO()
    Image.new("L", (12000, 12000)).save(buf, "PNG")
    return SimpleUploadedFile("bom.png", buf.getvalue(), "image/png")


@pytest.mark.parametrize(
    "values,message",
    [
        ({"url": "javascript:alert(document.cookie)"}, "Masukkan tautan unggahan yang lengkap"),
        ({"url": "https://x.com/" + "a" * 1200}, "paling banyak 1000 karakter"),
        ({"platform": "<script>"}, "Masukkan pilihan yang valid"),
        ({"description": "pendek"}, "paling sedikit 10 karakter"),
        ({"description": "x" * 2001}, "paling banyak 2000 karakter"),
        ({"description": "ada\x00nul di sini lho"}, "Karakter null tidak diizinkan"),
        ({"description": "\u202e\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b"}, "minimal 10 karakter"),
        ({"screenshot": "html"}, "bukan gambar yang sah"),
        ({"screenshot": "bomb"}, "terlalu besar"),
    ],
)
def test_hostile_files_and_field_values_are_refused_cleanly_and_nothing_is_saved(client, values, message, settings):
    settings.EVIDENCE_MAX_PIXELS = 50_000_000
    if values.get("screenshot") == "html":
        values["screenshot"] = _html_as_jpeg()
    elif values.get("screenshot") == "bomb":
        values["screenshot"] = _pixel_bomb()
    response = _post(client, **values)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PublicReport.objects.exists() and not ReportedPost.objects.exists() and not Evidence.objects.exists()
    media = Path(settings.MEDIA_ROOT)
    assert not media.exists() or not any(p.is_file() for p in media.rglob("*"))


def test_the_challenge_must_be_solved_fresh_and_unaltered(client):
    data = solved(client) | _values()
    assert client.post(URL, data | {"pow": ""}).status_code == 400
    assert client.post(URL, data | {"challenge": data["challenge"][:-2] + "xx"}).status_code == 400
    assert client.post(URL, data).status_code == 200
    replay = client.post(URL, data)
    assert replay.status_code == 400 and "sudah dikirim" in replay.content.decode()
    assert PublicReport.objects.count() == 1


def test_the_tenth_report_from_one_address_in_a_minute_is_refused(client):
    for i in range(9):
        assert _post(client, url=f"https://www.tiktok.com/@akun/video/{i}").status_code == 200
    refused = _post(client, url="https://www.tiktok.com/@akun/video/10")
    assert refused.status_code == 429
    assert "Terlalu banyak laporan dari alamat Anda" in refused.content.decode()
    assert PublicReport.objects.count() == 9
    assert _post(client, addr="198.51.100.20", url="https://www.tiktok.com/@akun/video/11").status_code == 200


def test_a_report_on_a_known_url_is_merged_and_counted(client, monitor_user):
    known, _dup, _r = report_post(
        acting_user=monitor_user, platform="facebook", url="https://www.facebook.com/budi/posts/99"
    )
    _post(client, platform="facebook", url="https://m.facebook.com/budi/posts/99/?fbclid=abc")
    _post(client, addr="198.51.100.3", platform="facebook", url="https://facebook.com/budi/posts/99")
    assert ReportedPost.objects.count() == 1
    assert known.public_reports.count() == 2
    assert AuditEvent.objects.filter(action="post.duplicate_report", subject_id=str(known.pk)).count() == 2
    client.force_login(monitor_user)
    queue = client.get(reverse("outreach:queue")).content.decode()
    assert '<td class="count">2</td>' in queue


def test_a_tracking_code_reveals_nothing_but_the_status_words(client, monitor_user, hr_user):
    response = _post(client, description="Kepala seksi Ahmad Terlapor mengangkat tiga jari di depan baliho.")
    code = _code(response)
    report = PublicReport.objects.get()
    employee = EmployeeFactory(full_name="Ahmad Terlapor", nip="198001012005011001")

    def page_for(c):
        return client.post(TRACK, {"code": c}).content.decode()

    page = page_for(code.lower().replace("-", " "))  # forgiving about case and separators
    assert "Diterima" in page
    public_reports.take_up(post=report.post, acting_user=monitor_user)
    assert "Sedang ditelaah" in page_for(code)
    open_cases(post=report.post, employees=[employee], acting_user=hr_user)
    page = page_for(code)
    assert "Ditangani" in page
    for secret in ("Ahmad", "198001012005011001", "instagram.com", "tiga jari", "NET/", "warga@contoh.id"):
        assert secret not in page
    assert "tidak dikenal" in page_for("AAAA-BBBB-CCCC")


def test_queue_is_for_monitors_and_taking_up_moves_every_report_on_the_post(client, monitor_user, staff_user):
    _post(client)
    _post(client, addr="198.51.100.9")
    client.force_login(staff_user)
    assert client.get(reverse("outreach:queue")).status_code == 403
    client.force_login(monitor_user)
    post = ReportedPost.objects.get()
    assert client.post(reverse("outreach:take_up", args=[post.pk])).status_code == 302
    assert PublicReport.objects.filter(taken_up_by=monitor_user).count() == 2
    client.post(reverse("outreach:close", args=[post.pk]), {"note": ""})
    assert not PublicReport.objects.filter(closed_at__isnull=False).exists()
    client.post(reverse("outreach:close", args=[post.pk]), {"note": "Bukan pegawai Pemda."})
    assert PublicReport.objects.filter(closed_at__isnull=False).count() == 2


def test_the_queue_page_makes_a_constant_number_of_queries(client, monitor_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(monitor_user)
    _post(client, url="https://x.com/a/status/1")
    client.get(reverse("outreach:queue"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("outreach:queue"))
    for i in range(2, 8):
        _post(client, addr=f"198.51.100.{i}", url=f"https://x.com/a/status/{i}")
    with CaptureQueriesContext(connection) as seven:
        page = client.get(reverse("outreach:queue"))
    assert len(seven.captured_queries) == len(one.captured_queries)
    assert page.content.decode().count("Diterima") >= 7


def test_public_pages_in_english_after_choosing_it(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(URL).content.decode()
    assert "Report a post by an employee who is not neutral" in page and "Send report" in page
    assert "Kirim laporan" not in page
    stats = client.get(reverse("outreach:statistics")).content.decode()
    assert "ASN neutrality enforcement figures" in stats
    translation.activate(settings.LANGUAGE_CODE)  # the middleware leaves the thread's language set
