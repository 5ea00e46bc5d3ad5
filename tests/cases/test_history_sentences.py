"""Audit history reads as sentences with people's names and translated values (issue 14 point 2): one
presenter (audit.presenting) for the histories of posts, cases, letters, employees and elections."""

from __future__ import annotations

import pytest
from django.urls import reverse

from audit.presenting import describe
from audit.services import events_for
from cases import workflow
from cases.models import Case

from .conftest import make_case

pytestmark = pytest.mark.django_db
S = Case.Status


def test_a_transition_reads_as_a_sentence_with_the_officers_name_and_status_labels(hr_user, employee):
    hr_user.first_name, hr_user.last_name = "Siti", "Rahmawati"
    hr_user.save()
    case = make_case(hr_user, employee)
    workflow.transition(case, S.SCREENING, acting_user=hr_user, expected_version=case.version)
    entry = describe(events_for(case_id=case.pk).filter(action="case.transition").get())
    assert entry.sentence == "Siti Rahmawati mengubah status: Baru → Penelaahan"
    opened = describe(events_for(case_id=case.pk).filter(action="case.open").get())
    assert opened.sentence == "Siti Rahmawati membuka kasus"
    assert any(d.startswith("pegawai: ") for d in opened.details)
    assert not any("_" in d or "None" in d for d in opened.details)  # no field codes, no Python values


def test_unknown_actions_and_system_events_never_show_codes(hr_user, employee):
    from audit.services import record

    case = make_case(hr_user, employee)
    record("something.new_kind", actor=None, subject=case, case_id=case.pk, changes={"status": ["new", "screening"]})
    entry = describe(events_for(case_id=case.pk).filter(action="something.new_kind").get())
    assert entry.sentence == "Sistem mencatat perubahan"
    assert entry.details == ["status: Baru → Penelaahan"]


def test_case_page_history_has_no_audit_codes(client, hr_user, employee):
    from tests.conftest import give_totp

    give_totp(hr_user)
    client.force_login(hr_user)
    case = make_case(hr_user, employee)
    workflow.transition(case, S.SCREENING, acting_user=hr_user, expected_version=case.version)
    body = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    history = body[body.index('id="riwayat"') :]
    assert "case.transition" not in history and "case.open" not in history
    assert "mengubah status: Baru → Penelaahan" in history
