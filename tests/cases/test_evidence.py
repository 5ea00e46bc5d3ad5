import io
import os

import numpy as np
import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image

from audit.models import AuditEvent
from cases import evidence as ev
from cases import services
from cases.models import Evidence, EvidenceImmutableError, ReportedPost
from cases.urlnorm import normalize_url
from tests.cases.conftest import image_bytes, make_array, make_post, upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "raw",
    [
        "https://www.facebook.com/ahmad/posts/123/?fbclid=IwAR0&utm_source=wa",
        "http://m.facebook.com/ahmad/posts/123",
        "HTTPS://FACEBOOK.COM/ahmad/posts/123/",
        "facebook.com/ahmad/posts/123#comments",
    ],
)
def test_url_normalisation(raw):
    assert normalize_url(raw) == "https://facebook.com/ahmad/posts/123"


def test_url_normalisation_keeps_meaningful_params():
    assert normalize_url("https://www.youtube.com/watch?v=abc&si=track") == "https://youtube.com/watch?v=abc"
    assert normalize_url("https://www.instagram.com/p/XYZ/?igshid=1&utm_medium=copy") == "https://instagram.com/p/XYZ"


def test_same_post_twice_is_linked_not_stored_twice(hr_user, monitor_user, employee):
    first = make_post(monitor_user, url="https://www.instagram.com/p/ABC/?igshid=zz")
    again, duplicate, _ = services.report_post(
        acting_user=hr_user, platform="instagram", url="https://instagram.com/p/ABC", employees=[employee]
    )
    assert duplicate and again.pk == first.pk
    assert ReportedPost.objects.count() == 1
    assert AuditEvent.objects.filter(action="post.duplicate_report", subject_id=str(first.pk)).exists()
    assert list(first.employees.all()) == [employee]


def test_evidence_is_content_addressed_hashed_and_enqueued(
    monitor_user, jpeg, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr(ev, "detection_enqueuer", lambda: (lambda pk: calls.append(pk)))
    with django_capture_on_commit_callbacks(execute=True):
        post = make_post(monitor_user, files=[upload(jpeg)])
    e = post.evidence.get()
    import hashlib

    sha = hashlib.sha256(jpeg).hexdigest()
    assert e.sha256 == sha and e.file.name == f"evidence/{sha[:2]}/{sha}.jpg"
    assert default_storage.exists(e.file.name) and default_storage.exists(e.thumbnail.name)
    assert (e.width, e.height, e.content_type) == (640, 480, "image/jpeg") and len(e.phash) == 16
    assert calls == [e.pk]
    assert AuditEvent.objects.filter(action="evidence.upload", subject_id=str(e.pk)).exists()


def test_detection_is_skipped_when_the_module_is_missing(monkeypatch):
    import importlib

    real = importlib.import_module

    def fake(name, *a, **k):
        if name.startswith("detection."):
            raise ModuleNotFoundError(name)
        return real(name, *a, **k)

    monkeypatch.setattr(importlib, "import_module", fake)
    assert ev.detection_enqueuer() is None
    ev.enqueue_detection(1)  # no error


def test_evidence_enqueues_detection_with_retries(monitor_user, jpeg, monkeypatch, django_capture_on_commit_callbacks):
    from detection import services as detection_services
    from detection.tasks import run_detection

    sent = []
    monkeypatch.setattr(
        "netralitas_site.jobs.enqueue", lambda queue, func, *args, **kw: sent.append((queue, func, args, kw))
    )
    with django_capture_on_commit_callbacks(execute=True):
        post = make_post(monitor_user, files=[upload(jpeg)])
    e = post.evidence.get()
    assert sent == [("detection", run_detection, (e.pk,), {"retries": detection_services.RETRIES})]
    assert detection_services.RETRIES == 3


def test_identical_file_is_recognised_and_file_reused(monitor_user, jpeg):
    p1 = make_post(monitor_user, url="https://x.com/a/status/1", files=[upload(jpeg)])
    mtime = os.path.getmtime(default_storage.path(p1.evidence.get().file.name))
    p2, _dup, results = services.report_post(
        acting_user=monitor_user, platform="x", url="https://x.com/b/status/2", files=[upload(jpeg, "lagi.jpg")]
    )
    e1, e2 = p1.evidence.get(), p2.evidence.get()
    assert results[0]["identical_elsewhere"] is True
    assert e1.file.name == e2.file.name and e1.sha256 == e2.sha256
    assert os.path.getmtime(default_storage.path(e2.file.name)) == mtime  # not rewritten
    sim = ev.similar_evidence([e2])[e2.pk]
    assert [o.pk for o in sim["identical"]] == [e1.pk]
    # Same file on the same post again: no second row
    services.add_evidence(post=p1, files=[upload(jpeg)], acting_user=monitor_user)
    assert p1.evidence.count() == 1


def test_near_duplicates_found_by_perceptual_hash(monitor_user):
    arr = make_array(7)
    original = image_bytes(arr, "JPEG", quality=95)
    resized = image_bytes(np.asarray(Image.fromarray(arr).resize((320, 240))), "JPEG", quality=60)
    as_png = image_bytes(arr, "PNG")
    other = image_bytes(make_array(99), "JPEG")
    p1 = make_post(monitor_user, url="https://x.com/a/status/1", files=[upload(original)])
    p2 = make_post(monitor_user, url="https://x.com/a/status/2",
                   files=[upload(resized, "kecil.jpg"), upload(as_png, "b.png", "image/png"), upload(other, "c.jpg")])  # fmt: skip
    e1 = p1.evidence.get()
    sim = ev.similar_evidence([e1])[e1.pk]
    near = {o.original_name: d for o, d in sim["near"]}
    assert set(near) == {"kecil.jpg", "b.png"}
    assert all(d <= ev.PHASH_NEAR_DISTANCE for d in near.values())
    assert sim["identical"] == []
    assert p2.evidence.count() == 3


def test_exif_orientation_respected_for_thumbnail(monitor_user):
    arr = make_array(3, size=(200, 400))  # landscape 400x200
    img = Image.fromarray(arr)
    exif = img.getexif()
    exif[0x0112] = 6  # rotate 90° on display
    buf = io.BytesIO()
    img.save(buf, "JPEG", exif=exif.tobytes())
    post = make_post(monitor_user, files=[upload(buf.getvalue())])
    e = post.evidence.get()
    with default_storage.open(e.thumbnail.name) as fh:
        thumb = Image.open(fh)
        assert thumb.height > thumb.width  # upright portrait


def truncated(jpeg):
    return jpeg[: len(jpeg) // 2]


@pytest.mark.parametrize(
    "make,name,message",
    [
        (lambda j: b"This is not an image, just text pretending.\n" * 20, "foto.jpg", "bukan gambar yang sah"),
        (truncated, "potong.jpg", "rusak atau terpotong"),
        (lambda j: image_bytes(make_array(1), "GIF"), "anim.gif", "bukan gambar yang sah"),
        (lambda j: image_bytes(make_array(1, size=(300, 400)), "PNG"), "besar.png", "terlalu besar"),
    ],
)
def test_bad_uploads_refused_and_nothing_saved(monitor_user, jpeg, settings, make, name, message):
    settings.EVIDENCE_MAX_PIXELS = 100_000  # 400x300 = 120,000 pixels is over
    good = image_bytes(make_array(2, size=(200, 300)), "JPEG")  # 60,000 pixels
    post = make_post(monitor_user)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match=message):
        services.add_evidence(
            post=post, files=[upload(good, "ok.jpg"), upload(make(good), name)], acting_user=monitor_user
        )
    assert Evidence.objects.count() == 0 and AuditEvent.objects.count() == events
    assert not default_storage.exists("evidence")


def test_too_many_bytes_refused(monitor_user, jpeg, settings):
    settings.EVIDENCE_MAX_BYTES = 1000
    post = make_post(monitor_user)
    with pytest.raises(ValidationError, match="terlalu besar"):
        services.add_evidence(post=post, files=[upload(jpeg)], acting_user=monitor_user)


def test_decompression_bomb_refused_before_decoding(monitor_user, settings):
    settings.EVIDENCE_MAX_PIXELS = 50_000_000
    buf = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buf, "PNG")  # 400 Mpx, tiny file
    post = make_post(monitor_user)
    with pytest.raises(ValidationError, match="terlalu besar|bukan gambar"):
        services.add_evidence(
            post=post, files=[upload(buf.getvalue(), "bom.png", "image/png")], acting_user=monitor_user
        )
    assert Evidence.objects.count() == 0


def test_evidence_row_is_immutable(monitor_user, jpeg):
    e = make_post(monitor_user, files=[upload(jpeg)]).evidence.get()
    e.sha256 = "0" * 64
    with pytest.raises(EvidenceImmutableError):
        e.save()
    e.refresh_from_db()
    e.file = "evidence/other.jpg"
    with pytest.raises(EvidenceImmutableError):
        e.save()
    with pytest.raises(EvidenceImmutableError):
        e.delete()


def test_upload_through_the_form_refuses_a_text_file(client, monitor_user):
    client.force_login(monitor_user)
    r = client.post(
        "/kasus/unggahan/baru/",
        {"platform": "tiktok", "url": "https://tiktok.com/@a/video/1", "source": "internal",
         "found_at": "2024-11-01T10:00", "files": [upload(b"hello world" * 50, "palsu.jpg")]},
    )  # fmt: skip
    assert r.status_code == 200
    assert "bukan gambar yang sah" in r.content.decode()
    assert ReportedPost.objects.count() == 0
