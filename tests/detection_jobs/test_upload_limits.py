"""Probe replay (medium/low): image uploads are bounded per request, before anything is decoded.

A 7000×7000 PNG compresses to a few KB; the probe made one request decode and analyse it for 28 s and
2.5 GB, and a request could carry 100 of them.
"""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from cases import services as case_services
from cases.evidence import check_image
from cases.models import Evidence
from detection.models import DetectionRun

from .conftest import ONE_FINGER


def _png(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    Image.new("1", (w, h), 1).save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _file(data: bytes, name: str = "a.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="image/png")


@pytest.fixture(scope="module")
def big_png() -> bytes:
    data = _png(7000, 7000)
    assert len(data) < 20_000  # tiny on disk, 49 MP decoded
    return data


def test_request_pixel_budget_refuses_before_decoding(settings, post, hr_user, big_png):
    settings.EVIDENCE_REQUEST_MAX_PIXELS = 60_000_000
    with pytest.raises(ValidationError) as exc:
        case_services.add_evidence(post=post, files=[_file(big_png, f"{i}.png") for i in range(2)], acting_user=hr_user)
    assert "98,0 megapiksel" in exc.value.messages[0] or "98.0 megapiksel" in exc.value.messages[0]
    assert "maksimal 60" in exc.value.messages[0]
    assert not Evidence.objects.exists()


def test_too_many_files_in_one_request_is_refused_in_indonesian(settings, post, hr_user):
    settings.EVIDENCE_MAX_FILES = 3
    small = _png(10, 10)
    with pytest.raises(ValidationError) as exc:
        case_services.add_evidence(post=post, files=[_file(small, f"{i}.png") for i in range(4)], acting_user=hr_user)
    assert "Terlalu banyak berkas dalam satu kiriman: 4 (maksimal 3)" in exc.value.messages[0]
    assert not Evidence.objects.exists()


def test_inline_mode_leaves_a_big_photo_queued_instead_of_analysing_it_in_the_request(
    settings, post, upload, django_capture_on_commit_callbacks
):
    settings.REDIS_URL = ""
    settings.DETECTION_INLINE_MAX_PIXELS = 100_000  # the test photo is bigger than this
    evidence = upload(post, ONE_FINGER)
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.QUEUED and run.attempts == 0  # not analysed in the request
    assert "requeue_detections" in run.error

    # a single server runs the command from cron: it analyses the photo outside any request
    from django.core.management import call_command
    from django.utils import timezone

    DetectionRun.objects.filter(pk=run.pk).update(queued_at=timezone.now() - timezone.timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("requeue_detections", "--stale-minutes", "1", stdout=io.StringIO())
    run.refresh_from_db()
    assert run.status == DetectionRun.Status.DONE, run.error


def test_inline_mode_still_analyses_ordinary_photos_at_once(settings, post, upload):
    settings.REDIS_URL = ""
    evidence = upload(post, ONE_FINGER)
    assert DetectionRun.objects.get(evidence=evidence).status == DetectionRun.Status.DONE


def test_with_redis_the_upload_request_never_runs_detection_even_for_small_photos(rq, post, upload, settings):
    settings.DETECTION_INLINE_MAX_PIXELS = 10**12  # the inline bound plays no part with Redis
    evidence = upload(post, ONE_FINGER)
    assert [j.args for j in rq.jobs()] == [(evidence.pk,)]
    assert not DetectionRun.objects.filter(evidence=evidence, status="done").exists()


def test_101_files_get_an_indonesian_400_page(client, monitor_user, post):
    client.force_login(monitor_user)
    files = [_file(b"x", f"{i}.png") for i in range(101)]
    response = client.post(reverse("cases:post_add_evidence", args=[post.pk]), {"files": files})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Terlalu banyak berkas dalam satu kiriman (maksimal 100)" in body and "<html" in body.lower()


def test_mpo_jpeg_from_a_phone_is_accepted_as_a_jpeg():
    buf = io.BytesIO()
    first, second = Image.new("RGB", (64, 48), "red"), Image.new("RGB", (64, 48), "blue")
    first.save(buf, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(buf.getvalue())).format == "MPO"
    checked = check_image(SimpleUploadedFile("kamera.jpg", buf.getvalue(), content_type="image/jpeg"))
    assert (checked.ext, checked.content_type, checked.width) == ("jpg", "image/jpeg", 64)


def test_decompression_bomb_message_names_the_real_dimensions():
    with pytest.raises(ValidationError) as exc:
        check_image(_file(_png(20000, 20000), "bom.png"))
    message = exc.value.messages[0]
    assert "20000×20000 piksel" in message and "?" not in message


def test_requeue_button_on_a_big_photo_does_not_analyse_it_in_the_request(
    settings, post, upload, hr_client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    settings.REDIS_URL = ""
    evidence = upload(post, ONE_FINGER)
    DetectionRun.objects.filter(evidence=evidence).update(status=DetectionRun.Status.FAILED)
    settings.DETECTION_INLINE_MAX_PIXELS = 100_000
    with django_capture_on_commit_callbacks(execute=True):
        hr_client.post(reverse("detection:requeue", args=[evidence.pk]))
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.QUEUED and "requeue_detections" in run.error
