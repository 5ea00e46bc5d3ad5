"""Role limits on each view; staff see only their own issued letters."""

import pytest
from django.urls import reverse

from letters.kinds import LetterKind
from letters.models import BulkPrintJob, Letter

# url name -> personas that may open it (GET); others get 403 (or the login page when anonymous)
OFFICE = {"admin", "hr", "leader"}


@pytest.fixture
def letter(issue):
    return issue(LetterKind.WRITTEN_WARNING)


@pytest.fixture
def draft(make_draft):
    return make_draft(LetterKind.COACHING)


def _expect(client, user, url, allowed, method="get"):
    client.logout()
    if user is not None:
        client.force_login(user)
    response = getattr(client, method)(url)
    if user is None:
        assert response.status_code == 302 and "/accounts/login" in response["Location"], url
    elif allowed:
        assert response.status_code in (200, 302), (url, response.status_code)
    else:
        assert response.status_code in (403, 404), (url, response.status_code)


@pytest.mark.parametrize("who", ["anon", "admin", "hr", "monitor", "leader", "staff", "outsider"])
def test_role_limits_on_each_view(client, personas, who, letter, draft, case):
    user = personas[who]
    get_views = {
        reverse("letters:letter_list"): OFFICE,
        reverse("letters:inbox"): OFFICE,
        reverse("letters:letter_detail", args=[letter.pk]): OFFICE,
        reverse("letters:letter_pdf", args=[letter.pk]): OFFICE,
        reverse("letters:letter_preview", args=[draft.pk]): OFFICE,
        reverse("letters:letter_create") + f"?case={case.pk}&kind=written_warning": {"admin", "hr"},
        reverse("letters:letter_edit", args=[draft.pk]): {"admin", "hr"},
        reverse("letters:my_letters"): {"admin", "hr", "monitor", "leader", "staff"},
        reverse("letters:letterhead_edit"): {"admin"},
    }
    for url, allowed in get_views.items():
        _expect(client, user, url, who in allowed)
    post_views = {
        reverse("letters:letter_submit", args=[draft.pk]): {"admin", "hr"},
        reverse("letters:letter_approve", args=[letter.pk]): {"leader"},
        reverse("letters:letter_initial", args=[letter.pk]): OFFICE,
        reverse("letters:bulk_print"): OFFICE,
    }
    for url, allowed in post_views.items():
        _expect(client, user, url, who in allowed, method="post")


def test_mutations_require_post(client, hr_user, draft):
    client.force_login(hr_user)
    assert client.get(reverse("letters:letter_submit", args=[draft.pk])).status_code == 405


def test_staff_see_only_their_own_issued_letters(client, staff_user, other_staff_user, letter, draft):
    client.force_login(other_staff_user)
    assert letter.number not in client.get(reverse("letters:my_letters")).content.decode()
    assert client.get(reverse("letters:my_letter_pdf", args=[letter.pk])).status_code == 404
    assert client.post(reverse("letters:my_letter_ack", args=[letter.pk])).status_code == 404
    assert client.get(reverse("letters:letter_detail", args=[letter.pk])).status_code == 403
    client.force_login(staff_user)
    page = client.get(reverse("letters:my_letters")).content.decode()
    assert letter.number in page
    assert client.get(reverse("letters:my_letter_pdf", args=[draft.pk])).status_code == 404  # drafts stay hidden
    pdf = client.get(reverse("letters:my_letter_pdf", args=[letter.pk]))
    assert pdf.status_code == 200 and pdf.content == letter.pdf.open("rb").read()
    client.post(reverse("letters:my_letter_ack", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ACKNOWLEDGED


def test_full_journey_through_the_views(client, hr_user, leader_user, case, letterhead):
    client.force_login(hr_user)
    url = reverse("letters:letter_create") + f"?case={case.pk}&kind=written_warning"
    form = client.get(url)
    assert form.status_code == 200 and "Siti Uji" in form.content.decode()
    ctx = form.context["form"]
    data = {name: ctx[name].value() or "" for name in ctx.fields}
    data["signer"] = leader_user.pk
    data["letterhead"] = letterhead.pk
    data["body"] = "Uraian dari formulir."
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    letter = Letter.objects.get(body="Uraian dari formulir.")
    client.post(reverse("letters:letter_submit", args=[letter.pk]))
    client.force_login(leader_user)
    inbox = client.get(reverse("letters:inbox")).content.decode()
    assert reverse("letters:letter_detail", args=[letter.pk]) in inbox
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Surat menunggu Anda" in dashboard
    client.post(reverse("letters:letter_approve", args=[letter.pk]))
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ISSUED
    # approving twice is refused with a message, not a crash
    response = client.post(reverse("letters:letter_approve", args=[letter.pk]), follow=True)
    assert "Tidak dapat menandatangani" in response.content.decode()


def test_staff_home_panel_lists_letters_to_acknowledge(client, staff_user, letter):
    client.force_login(staff_user)
    page = client.get(reverse("my_home")).content.decode()
    assert "Surat yang perlu saya konfirmasi" in page and letter.number in page


def test_admin_edits_the_letterhead(client, admin_user, letterhead):
    client.force_login(admin_user)
    data = {
        "government": "PEMERINTAH KABUPATEN MAJUJAYA",
        "agency": "BKPSDM",
        "address": "Jl. Baru 2",
        "phone": "",
        "email": "",
        "website": "",
        "city": "Majujaya",
        "unit_code": "BKD",
    }
    assert client.post(reverse("letters:letterhead_edit"), data).status_code == 302
    letterhead.refresh_from_db()
    assert letterhead.government == "PEMERINTAH KABUPATEN MAJUJAYA" and letterhead.unit_code == "BKD"


def test_bulk_print_inline_merges_stored_pdfs(client, leader_user, issue, django_capture_on_commit_callbacks):
    from pypdf import PdfReader

    letters = [issue(LetterKind.WRITTEN_WARNING), issue(LetterKind.COACHING)]
    client.force_login(leader_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("letters:bulk_print"), {"letters": [letters[0].pk, letters[1].pk]})
    job = BulkPrintJob.objects.get()
    assert response.status_code == 302 and job.status == BulkPrintJob.Status.DONE and job.done_count == 2
    partial = client.get(reverse("letters:bulk_status", args=[job.pk]), HTTP_HX_REQUEST="true").content.decode()
    assert "100%" in partial and "hx-trigger" not in partial
    merged = b"".join(client.get(reverse("letters:bulk_download", args=[job.pk])).streaming_content)
    import io

    assert len(PdfReader(io.BytesIO(merged)).pages) == sum(len(PdfReader(lt.pdf.open("rb")).pages) for lt in letters)
