"""Results partial, annotated preview, review with audit, re-queue button, access, inline mode, panel."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from audit.models import AuditEvent
from cases.models import Case
from detection.models import DetectionRun, ReviewStatus
from detection.panels import dashboard_panels
from tests.conftest import client_for

from .conftest import TWO_FINGERS

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def done_evidence(election, post, upload, case):
    """Inline mode (no REDIS_URL): the upload's detection job runs synchronously on commit."""
    evidence = upload(post, TWO_FINGERS)
    return evidence


def test_inline_mode_runs_the_job_on_commit(settings, election, post, upload):
    assert settings.REDIS_URL == ""
    evidence = upload(post)  # django_capture_on_commit_callbacks(execute=True) inside
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.DONE, run.error
    assert "inline" in run.worker
    assert [h.fingers for h in run.hands.all()] == [1]


def test_detection_never_changes_the_case(done_evidence, case):
    status, version = case.status, case.version
    case.refresh_from_db()
    assert (case.status, case.version) == (status, version)


def test_results_partial_for_officers_leaders_and_monitors(
    client, done_evidence, hr_user, leader_user, monitor_user, case
):
    url = reverse("detection:evidence_results", args=[done_evidence.pk])
    run = DetectionRun.objects.get(evidence=done_evidence)
    for user in (hr_user, leader_user, monitor_user):
        client.force_login(user)
        response = client.get(url, {"case": case.pk})
        assert response.status_code == 200
        html = response.content.decode()
        assert 'hx-trigger="every 2s"' not in html  # finished: no polling
        assert "v_sign" in html or "two" in html
        assert "Nomor 2" in html  # the suggested ballot number with its reasons
        assert reverse("detection:annotated_image", args=[run.pk]) in html
        image = client.get(reverse("detection:annotated_image", args=[run.pk]))
        assert image.status_code == 200
        assert image["Content-Type"] == "image/jpeg"
        assert b"".join(image.streaming_content)[:2] == b"\xff\xd8"
        assert AuditEvent.objects.filter(action="evidence.view", actor=user, changes__kind="annotated").exists()
        can_review = user == hr_user
        assert ('value="confirmed"' in html) == can_review


def test_staff_and_outsiders_never_see_results(client, done_evidence, staff_user, outsider):
    run = DetectionRun.objects.get(evidence=done_evidence)
    hand = run.hands.first()
    for user in (staff_user, outsider):
        client.force_login(user)
        assert client.get(reverse("detection:evidence_results", args=[done_evidence.pk])).status_code == 403
        assert client.get(reverse("detection:annotated_image", args=[run.pk])).status_code == 403
        review = reverse("detection:review_finding", args=["hand", hand.pk])
        assert client.post(review, {"decision": "confirmed"}).status_code == 403
    client.logout()
    response = client.get(reverse("detection:evidence_results", args=[done_evidence.pk]))
    assert response.status_code == 302  # anonymous -> login


def test_polling_only_while_queued_or_running(hr_client, post, upload):
    evidence = upload(post)
    run = DetectionRun.objects.get(evidence=evidence)
    url = reverse("detection:evidence_results", args=[evidence.pk])
    for status in ("queued", "running"):
        DetectionRun.objects.filter(pk=run.pk).update(status=status)
        html = hr_client.get(url).content.decode()
        assert 'hx-trigger="every 2s"' in html
        assert f'hx-get="{url}"' in html
    DetectionRun.objects.filter(pk=run.pk).update(status="failed", error="Gambar tidak dapat diproses: rusak")
    html = hr_client.get(url).content.decode()
    assert 'hx-trigger="every 2s"' not in html
    assert "Gambar tidak dapat diproses: rusak" in html
    assert reverse("detection:requeue", args=[evidence.pk]) in html


def test_confirm_and_reject_write_audit_events_with_the_case(hr_client, hr_user, done_evidence, case):
    hand = DetectionRun.objects.get(evidence=done_evidence).hands.get()
    url = reverse("detection:review_finding", args=["hand", hand.pk])
    assert hr_client.get(url).status_code == 405

    response = hr_client.post(url, {"decision": "confirmed", "note": "jelas dua jari"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    hand.refresh_from_db()
    assert hand.review_status == ReviewStatus.CONFIRMED
    assert hand.reviewed_by == hr_user and hand.note == "jelas dua jari"
    event = AuditEvent.objects.get(action="detection.finding.confirmed")
    assert event.case_id == case.pk
    assert event.actor == hr_user
    assert event.subject_id == str(hand.pk)

    response = hr_client.post(url, {"decision": "rejected"})
    assert response.status_code == 302
    assert AuditEvent.objects.get(action="detection.finding.rejected").case_id == case.pk
    hand.refresh_from_db()
    assert hand.review_status == ReviewStatus.REJECTED
    assert Case.objects.get(pk=case.pk).status == case.status  # review never moves the case

    assert hr_client.post(url, {"decision": "maybe"}).status_code == 400


def test_monitor_may_look_but_not_review(client, monitor_user, done_evidence):
    hand = DetectionRun.objects.get(evidence=done_evidence).hands.get()
    client_for(client, monitor_user)
    url = reverse("detection:review_finding", args=["hand", hand.pk])
    assert client.post(url, {"decision": "confirmed"}).status_code == 403
    assert not AuditEvent.objects.filter(action__startswith="detection.finding").exists()


def test_requeue_button_only_for_failed_or_dead_runs(
    hr_client, hr_user, done_evidence, django_capture_on_commit_callbacks
):
    run = DetectionRun.objects.get(evidence=done_evidence)
    url = reverse("detection:requeue", args=[done_evidence.pk])
    assert hr_client.get(url).status_code == 405
    assert hr_client.post(url).status_code == 409  # done: nothing to re-queue

    DetectionRun.objects.filter(pk=run.pk).update(status="failed", error="boom")
    with django_capture_on_commit_callbacks(execute=True):  # inline mode: runs again once committed
        response = hr_client.post(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    run.refresh_from_db()
    assert run.status == "done", run.error
    assert run.attempts == 2
    assert run.requested_by == hr_user
    assert AuditEvent.objects.filter(action="detection.requeued", subject_id=str(run.pk)).exists()


def test_case_include_renders_a_partial_per_evidence(done_evidence, case, post, upload, hr_user):
    second = upload(post)
    request = RequestFactory().get("/")
    request.user = hr_user
    html = render_to_string(
        "detection/includes/evidence_detections.html",
        {"evidence_list": [done_evidence, second], "case": case},
        request=request,
    )
    for ev in (done_evidence, second):
        assert f'hx-get="{reverse("detection:evidence_results", args=[ev.pk])}?case={case.pk}"' in html
    assert html.count('hx-trigger="load"') == 2


def test_dashboard_panel_for_officers_only(rf, hr_user, staff_user, monitor_user, done_evidence):
    run = DetectionRun.objects.get(evidence=done_evidence)
    DetectionRun.objects.create(evidence=upload_less_evidence(done_evidence, hr_user), status="failed", error="x")
    request = rf.get("/")
    request.user = hr_user
    (panel,) = dashboard_panels(request)
    counts = panel["context"]["counts"]
    assert counts["failed"] == 1
    assert counts["pending"] == run.hands.count() + run.symbols.count()
    html = render_to_string(panel["template"], {"ctx": panel["context"]})
    assert "temuan menunggu telaah" in html
    for user in (staff_user, monitor_user):
        request.user = user
        assert dashboard_panels(request) == []


def upload_less_evidence(like, user):
    """A second evidence row sharing the first one's stored file (no job)."""
    from cases.models import Evidence

    return Evidence.objects.create(
        post=like.post,
        file=like.file.name,
        sha256=like.sha256,
        width=like.width,
        height=like.height,
        content_type=like.content_type,
        uploaded_by=user,
    )


def test_case_page_loads_the_detection_partials(hr_client, done_evidence, case):
    response = hr_client.get(reverse("cases:case_detail", args=[case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="detection-ev-{done_evidence.pk}"' in html
    partial = hr_client.get(reverse("detection:evidence_results", args=[done_evidence.pk]), {"case": case.pk})
    assert f'id="detection-ev-{done_evidence.pk}"' in partial.content.decode()  # swaps the placeholder


def test_candidate_symbol_found_and_suggested(settings, election, post, upload, hr_client):
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    from detection import services
    from registry.models import CandidateSymbol

    from .conftest import ONE_FINGER

    # The "campaign sticker" is a textured patch of the very photo (so it is certainly in it).
    with Image.open(ONE_FINGER) as im:
        w, h = im.size
        patch = im.crop((w // 2 - 120, h // 2 - 120, w // 2 + 120, h // 2 + 120))
        buf = io.BytesIO()
        patch.save(buf, "PNG")
    pair = election.pairs.get(ballot_number=2)
    symbol = CandidateSymbol(pair=pair, label="Stiker paslon 2")
    symbol.image.save("stiker.png", ContentFile(buf.getvalue()), save=True)
    services.clear_symbol_cache()

    evidence = upload(post, ONE_FINGER)
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == "done", run.error
    (finding,) = run.symbols.all()
    assert finding.symbol == symbol and finding.ballot_number == 2 and finding.inliers > 10
    numbers = {c["number"]: c["reasons"] for c in run.candidates}
    assert "symbol: Stiker paslon 2" in numbers[2]
    assert 1 in numbers  # and the raised index finger
    assert len(services._SYMBOL_CACHE) == 1  # features computed once per process

    url = reverse("detection:review_finding", args=["symbol", finding.pk])
    assert hr_client.post(url, {"decision": "confirmed"}).status_code == 302
    assert AuditEvent.objects.filter(action="detection.finding.confirmed", subject_id=str(finding.pk)).exists()


def test_gesture_codes_and_reasons_are_shown_as_words():
    from detection.templatetags.detection_labels import gesture_label, reason_label

    assert gesture_label("v_sign") == "Huruf V / peace"
    assert reason_label("hand 0: v_sign") == "tangan 1: Huruf V / peace"
    assert reason_label("hands 0+1: five+two") == "tangan 1+2: Telapak terbuka (lima jari) + Dua jari"
    assert reason_label("something else") == "something else"


def test_collage_upload_is_read_per_photo_and_explained(hr_client, election, post, upload):
    """A real collage (four SubhiH photos on a plain canvas): each photo is looked at on its own,
    the panels are stored on the run, drawn on the preview and explained on the case page."""
    from pathlib import Path

    collage = Path(__file__).resolve().parents[1] / "fixtures" / "groups" / "grp_d008.jpg"
    evidence = upload(post, collage)
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.DONE, run.error
    assert run.second_pass == "panels"
    assert len(run.panels) == 4 and all(len(p) == 4 for p in run.panels)
    assert sorted(h.fingers for h in run.hands.all()) == [0, 4, 4, 5, 5]
    html = hr_client.get(reverse("detection:evidence_results", args=[evidence.pk])).content.decode()
    assert "kolase: 4 bagian diperiksa tersendiri" in html
    assert "Kanan" in html or "Kiri" in html  # the hand side in words, not the model's Left/Right


def test_post_page_shows_detection_before_any_case_is_opened(client, hr_user, monitor_user, post, upload):
    """Screening happens on the post page: its evidence's detection results load there too."""
    evidence = upload(post)
    url = reverse("detection:evidence_results", args=[evidence.pk])
    for user in (hr_user, monitor_user):
        client.force_login(user)
        html = client.get(reverse("cases:post_detail", args=[post.pk])).content.decode()
        assert f'hx-get="{url}"' in html
        assert client.get(url).status_code == 200


def test_detection_uses_the_evidence_size_limits(settings, post, upload):
    """One set of limits: detection refuses exactly what custody would refuse (here: a limit lowered
    after the upload), with a message, instead of a second, different limit of its own."""
    from detection.tasks import run_detection

    evidence = upload(post)
    settings.EVIDENCE_MAX_PIXELS = 10_000
    DetectionRun.objects.filter(evidence=evidence).update(status=DetectionRun.Status.QUEUED)  # as a re-run does
    run_detection(evidence.pk)
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.FAILED
    assert "Gambar tidak dapat diproses" in run.error and "MP" in run.error


def test_screenshot_of_a_scene_shows_the_regions_looked_at_on_request(hr_client, hr_user, election, post, upload):
    """A phone screenshot of a post showing a scene (SubhiH photos): the photo inside is read, the
    hands are in the screenshot's pixels, and the officer can ask for the regions looked at."""
    import io
    from pathlib import Path

    from PIL import Image

    shot = Path(__file__).resolve().parents[1] / "fixtures" / "screenshots" / "shot_scn_d025.jpg"
    evidence = upload(post, shot)
    run = DetectionRun.objects.get(evidence=evidence)
    assert run.status == DetectionRun.Status.DONE, run.error
    assert run.second_pass.startswith("post")
    passes = {r[0] for r in run.looked}
    assert {"post", "whole", "scan"} <= passes
    post_box = next(r[1:] for r in run.looked if r[0] == "post")
    assert sorted(h.fingers for h in run.hands.all()) == [0, 0, 4, 5]
    for h in run.hands.all():  # boxes in the screenshot's pixels, inside the photo
        assert post_box[1] <= h.bbox[1] and h.bbox[3] <= post_box[3]
    html = hr_client.get(reverse("detection:evidence_results", args=[evidence.pk])).content.decode()
    assert "Tampilkan area yang diperiksa" in html and "regions=1" in html
    plain = hr_client.get(reverse("detection:annotated_image", args=[run.pk]))
    marked = hr_client.get(reverse("detection:annotated_image", args=[run.pk]) + "?regions=1")
    assert plain.status_code == marked.status_code == 200
    a = Image.open(io.BytesIO(b"".join(plain.streaming_content)))
    b = Image.open(io.BytesIO(marked.content))
    assert a.size == b.size and list(a.getdata()) != list(b.getdata())
    assert AuditEvent.objects.filter(actor=hr_user, changes__kind="annotated_regions").exists()
