"""The "Surat" section on the case page: the case's letters and draft buttons fitting the case's status."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models import Case
from letters.drafting import kinds_for_case
from letters.kinds import LetterKind

pytestmark = pytest.mark.django_db

# After a teguran-tertulis decision (and a sanksi moral tertutup) only those two letters are offered.
DECISION_KINDS = [LetterKind.WRITTEN_WARNING, LetterKind.MORAL_CLOSED, LetterKind.COACHING]
OTHER_SANCTION_KINDS = [LetterKind.DISSATISFACTION, LetterKind.DECISION, LetterKind.MORAL_OPEN]


def draft_link(case, kind) -> str:
    return f"{reverse('letters:letter_create')}?case={case.pk}&amp;kind={kind}"


def page(client, user, case) -> str:
    client.force_login(user)
    r = client.get(reverse("cases:case_detail", args=[case.pk]))
    assert r.status_code == 200
    return r.content.decode()


@pytest.mark.parametrize(
    "status,expected",
    [
        (Case.Status.NEW, [LetterKind.COACHING]),
        (Case.Status.SUMMONS_1, [LetterKind.SUMMONS_1, LetterKind.COACHING]),
        (Case.Status.SUMMONS_2, [LetterKind.SUMMONS_2, LetterKind.COACHING]),
        (Case.Status.EXAMINATION, [LetterKind.EXAMINATION, LetterKind.COACHING]),
        (Case.Status.DECISION, DECISION_KINDS),
        (Case.Status.FINAL, [LetterKind.COACHING]),
    ],
)
def test_pp94_letter_kinds_follow_the_case_step(case, status, expected):
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    assert kinds_for_case(case) == expected


def test_pp94_pasal_8_after_teguran_tertulis_no_other_sanction_letter(case):
    kinds = kinds_for_case(case)
    assert LetterKind.WRITTEN_WARNING in kinds
    assert not set(OTHER_SANCTION_KINDS) & set(kinds)


def test_case_page_lists_letters_and_draft_buttons(client, hr_user, case, make_draft, issue):
    draft = make_draft(LetterKind.COACHING)
    issued = issue(LetterKind.WRITTEN_WARNING)
    html = page(client, hr_user, case)
    assert 'id="surat"' in html
    assert reverse("letters:letter_detail", args=[draft.pk]) in html
    assert reverse("letters:letter_detail", args=[issued.pk]) in html
    assert issued.number and issued.number in html
    assert "Konsep" in html
    for kind in [LetterKind.MORAL_CLOSED, LetterKind.COACHING]:
        assert draft_link(case, kind) in html
    for kind in OTHER_SANCTION_KINDS + [LetterKind.SUMMONS_1, LetterKind.WRITTEN_WARNING]:  # warning already issued
        assert draft_link(case, kind) not in html


def test_summons_status_offers_summons_letter(client, hr_user, case):
    Case.objects.filter(pk=case.pk).update(status=Case.Status.SUMMONS_1)
    html = page(client, hr_user, case)
    assert draft_link(case, LetterKind.SUMMONS_1) in html
    assert draft_link(case, LetterKind.COACHING) in html
    assert draft_link(case, LetterKind.DECISION) not in html


def test_viewer_without_draft_capability_sees_letters_but_no_buttons(client, leader_user, case, make_draft):
    letter = make_draft(LetterKind.COACHING)
    html = page(client, leader_user, case)
    assert reverse("letters:letter_detail", args=[letter.pk]) in html
    assert reverse("letters:letter_create") not in html


def test_draft_button_opens_the_prefilled_form(client, hr_user, case, letterhead):
    client.force_login(hr_user)
    r = client.get(reverse("letters:letter_create"), {"case": case.pk, "kind": LetterKind.WRITTEN_WARNING})
    assert r.status_code == 200


def test_letters_section_constant_queries(client, hr_user, case, make_draft):
    make_draft(LetterKind.COACHING)
    client.force_login(hr_user)
    url = reverse("cases:case_detail", args=[case.pk])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    one = count()
    make_draft(LetterKind.WRITTEN_WARNING)
    make_draft(LetterKind.MORAL_CLOSED)
    assert count() == one
