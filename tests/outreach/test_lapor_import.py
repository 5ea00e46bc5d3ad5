"""SP4N-LAPOR! CSV export: each linked post lands in the queue like a form report; re-import adds nothing."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from cases.models import ReportedPost
from outreach import lapor
from outreach.models import PublicReport

pytestmark = pytest.mark.django_db

CSV = (
    "No. Tracking;Tanggal Laporan;Judul Laporan;Isi Laporan;Kategori;Status\n"
    "4012345;05/11/2024 10:31;ASN tidak netral;Lihat https://www.instagram.com/p/AAA111/ dan "
    "https://www.tiktok.com/@guru/video/5 , mohon ditindak.;Netralitas ASN;Proses\n"
    "4012346;06-11-2024;Camat kampanye;Foto di https://instagram.com/p/AAA111/?igsh=xyz;Netralitas ASN;Proses\n"
    "4012347;2024-11-07;Tanpa tautan;Ada pegawai ikut kampanye di lapangan;Netralitas ASN;Proses\n"
)


def test_lapor_rows_land_as_public_reports_merged_per_url_and_idempotent(tmp_path, capsys):
    path = tmp_path / "lapor.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("import_lapor", str(path))
    assert "3 pengaduan LAPOR! masuk antrean" in capsys.readouterr().out
    assert ReportedPost.objects.count() == 2  # the Instagram post reported twice is one post
    insta = ReportedPost.objects.get(platform="instagram")
    assert insta.source == "public" and insta.public_reports.count() == 2
    assert set(PublicReport.objects.values_list("lapor_reference", flat=True)) == {"4012345", "4012346"}
    assert PublicReport.objects.get(lapor_reference="4012346").created_at.date().isoformat() == "2024-11-06"
    call_command("import_lapor", str(path))
    assert "0 pengaduan LAPOR! masuk antrean, 3 sudah ada" in capsys.readouterr().out
    assert PublicReport.objects.count() == 3


@pytest.mark.parametrize(
    "text,message",
    [
        ("Judul;Isi\nx;y\n", "Kolom wajib tidak ada: no. tracking, tanggal laporan"),
        ("No. Tracking;Tanggal;Isi\n1;kemarin;https://x.com/a/status/1\n", "Baris 2: tanggal"),
        ("No. Tracking,Tanggal,Isi\n,01-01-2024,https://x.com/a/status/1\n", "Baris 2: nomor tracking kosong"),
    ],
)
def test_a_bad_lapor_file_is_refused_whole(text, message):
    with pytest.raises(ValidationError) as exc:
        lapor.import_csv(text.encode())
    assert message in " ".join(exc.value.messages)
    assert not PublicReport.objects.exists()


def test_monitor_uploads_a_lapor_export(client, monitor_user):
    client.force_login(monitor_user)
    upload = SimpleUploadedFile("lapor.csv", CSV.encode(), "text/csv")
    response = client.post(reverse("outreach:lapor_upload"), {"file": upload}, follow=True)
    assert "3 pengaduan LAPOR! masuk antrean" in response.content.decode()
    assert "4012347" in response.content.decode()  # listed as skipped (no link)
