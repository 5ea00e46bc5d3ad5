"""Election registry: list, detail with candidate pairs, admin-only edits with audit."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from audit.models import AuditEvent
from registry.models import CandidatePair, CandidateSymbol, Election
from tests.factories import CandidatePairFactory, ElectionFactory


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def election(db):
    election = ElectionFactory()
    CandidatePairFactory(election=election, ballot_number=1, head_name="Ahmad", deputy_name="Nurul", colour="#1565c0")
    CandidatePairFactory(election=election, ballot_number=2, head_name="Boni", deputy_name="Dewi", colour="#c62828")
    return election


def png_bytes():
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


def pair_data(**overrides):
    data = {
        "ballot_number": 3,
        "head_name": "Made",
        "deputy_name": "Yusuf",
        "colour": "#2E7D32",
        "gestures": ["three", "ok"],
        "symbol_label": "",
    }
    data.update(overrides)
    return data


def test_list_shows_elections_with_pair_count(client, monitor_user, election):
    client.force_login(monitor_user)
    response = client.get(reverse("registry:election_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert election.name in page
    assert response.context["elections"][0].pair_count == 2
    assert reverse("registry:election_create") not in page  # monitor cannot edit


def test_detail_shows_pairs_colours_and_gesture_labels(client, leader_user, election):
    client.force_login(leader_user)
    page = client.get(reverse("registry:election_detail", args=[election.pk])).content.decode()
    assert "Ahmad" in page and "Nurul" in page and "#1565c0" in page
    assert "Satu jari (telunjuk)" in page and "Huruf V / peace" in page
    assert "v_sign" not in page  # human labels, not codes


def test_admin_creates_and_edits_election_with_audit(admin_client, admin_user):
    data = {
        "name": "Pilkada Sukamaju 2029",
        "region": "Kabupaten Sukamaju",
        "campaign_start": "2029-09-01",
        "campaign_end": "2029-11-01",
        "voting_day": "2029-11-05",
        "is_active": "on",
        "two_hand_combinations": '[{"gestures": ["five", "two"], "ballot_number": 7}]',
    }
    response = admin_client.post(reverse("registry:election_create"), data)
    assert response.status_code == 302
    election = Election.objects.get(name="Pilkada Sukamaju 2029")
    assert election.two_hand_combinations == [{"gestures": ["five", "two"], "ballot_number": 7}]
    assert AuditEvent.objects.filter(action="cases.election.created", subject_id=str(election.pk)).exists()
    data["region"] = "Kab. Sukamaju"
    response = admin_client.post(reverse("registry:election_edit", args=[election.pk]), data)
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="cases.election.changed")
    assert event.changes == {"region": ["Kabupaten Sukamaju", "Kab. Sukamaju"]} and event.actor == admin_user


def test_election_dates_and_combinations_validated(admin_client):
    data = {
        "name": "Salah",
        "region": "X",
        "campaign_start": "2029-11-01",
        "campaign_end": "2029-09-01",
        "voting_day": "2029-11-05",
        "two_hand_combinations": '[{"gestures": ["jempol_kaki"], "ballot_number": 1}]',
    }
    response = admin_client.post(reverse("registry:election_create"), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "jempol_kaki" in page and "Akhir kampanye" in page
    assert not Election.objects.filter(name="Salah").exists()


def test_admin_adds_pair_with_gestures_and_symbol(admin_client, election):
    image = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    data = pair_data(symbol_label="Logo partai", symbol_image=image)
    response = admin_client.post(reverse("registry:election_pair_create", args=[election.pk]), data)
    assert response.status_code == 302
    pair = CandidatePair.objects.get(election=election, ballot_number=3)
    assert pair.gestures == ["three", "ok"] and pair.colour == "#2e7d32"
    assert pair.symbols.get().label == "Logo partai"
    event = AuditEvent.objects.get(action="cases.candidate_pair.created")
    assert "symbol_added" in event.changes
    page = admin_client.get(reverse("registry:election_detail", args=[election.pk])).content.decode()
    assert "Tiga jari" in page and pair.symbols.get().image.url in page


def test_symbol_that_is_not_an_image_is_refused(admin_client, election):
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)></svg>", content_type="image/png")
    response = admin_client.post(
        reverse("registry:election_pair_create", args=[election.pk]), pair_data(symbol_label="x", symbol_image=fake)
    )
    assert response.status_code == 200
    assert not CandidatePair.objects.filter(ballot_number=3).exists()
    assert CandidateSymbol.objects.count() == 0


def test_pair_duplicate_ballot_number_and_bad_colour(admin_client, election):
    response = admin_client.post(
        reverse("registry:election_pair_create", args=[election.pk]), pair_data(ballot_number=1, colour="merah")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nomor urut ini sudah dipakai" in page and "#RRGGBB" in page


def test_pair_edit_and_delete_audited(admin_client, election):
    pair = election.pairs.get(ballot_number=2)
    url = reverse("registry:election_pair_edit", args=[election.pk, pair.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, pair_data(ballot_number=2, head_name="Bonifasius", gestures=["two", "call"]))
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.head_name == "Bonifasius" and pair.gestures == ["two", "call"]
    event = AuditEvent.objects.get(action="cases.candidate_pair.changed")
    assert event.changes["head_name"] == ["Boni", "Bonifasius"]
    response = admin_client.post(reverse("registry:election_pair_delete", args=[election.pk, pair.pk]))
    assert response.status_code == 302
    assert not CandidatePair.objects.filter(pk=pair.pk).exists()
    assert AuditEvent.objects.filter(action="cases.candidate_pair.deleted").exists()


def test_pair_of_another_election_is_404(admin_client, election):
    other = ElectionFactory(name="Lain")
    pair = election.pairs.first()
    assert admin_client.get(reverse("registry:election_pair_edit", args=[other.pk, pair.pk])).status_code == 404
