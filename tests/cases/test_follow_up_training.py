"""Remedial training assigned from a case's follow-up action (cases -> training.services)."""

import datetime as dt

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from cases import services
from cases.forms import FollowUpForm
from cases.models import FollowUpAction
from tests.cases.conftest import make_case
from training.models import Assignment, Programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(hr_user, employee):
    return make_case(hr_user, employee)


@pytest.fixture
def programme(db):
    return Programme.objects.create(title="Pembinaan netralitas ASN")


def test_follow_up_with_remedial_training_assigns_and_links(hr_user, case, programme):
    due = timezone.localdate() + dt.timedelta(days=10)
    action = services.add_follow_up(
        case=case, description="Ikut pembinaan", remedial_training=True, due_on=due, acting_user=hr_user
    )
    a = action.training_assignment
    assert a is not None and a.employee == case.employee and a.programme == programme and a.due_date == due
    assert a.source == Assignment.Source.REMEDIAL and case.reference in a.reason
    event = AuditEvent.objects.get(case_id=case.pk, action="case.follow_up")
    assert event.changes["training_assignment"] == a.pk
    assert AuditEvent.objects.filter(action="training.remedial_assign", subject_id=str(a.pk)).exists()


def test_chosen_programme_is_used(hr_user, case, programme):
    chosen = Programme.objects.create(title="Etika ASN")
    Programme.objects.create(title="Terbaru")  # newest, but not the one chosen
    action = services.add_follow_up(
        case=case, description="Pembinaan", remedial_training=True, programme=chosen, acting_user=hr_user
    )
    assert action.training_assignment.programme == chosen


def test_without_remedial_training_nothing_is_assigned(hr_user, case, programme):
    action = services.add_follow_up(case=case, description="Teguran lisan", acting_user=hr_user)
    assert action.training_assignment is None and not Assignment.objects.exists()


def test_refused_without_published_programme_and_nothing_saved(hr_user, case):
    Programme.objects.create(title="Konsep", is_published=False)
    with pytest.raises(ValidationError, match="terbit"):
        services.add_follow_up(case=case, description="Pembinaan", remedial_training=True, acting_user=hr_user)
    assert not FollowUpAction.objects.exists() and not Assignment.objects.exists()
    assert not AuditEvent.objects.filter(action="case.follow_up").exists()


def test_unpublished_programme_refused_by_service(hr_user, case, programme):
    draft = Programme.objects.create(title="Konsep", is_published=False)
    with pytest.raises(ValidationError):
        services.add_follow_up(
            case=case, description="Pembinaan", remedial_training=True, programme=draft, acting_user=hr_user
        )
    assert not FollowUpAction.objects.exists() and not Assignment.objects.exists()


def test_form_offers_only_published_programmes_and_checks_availability(programme):
    Programme.objects.create(title="Konsep", is_published=False)
    assert list(FollowUpForm().fields["programme"].queryset) == [programme]
    form = FollowUpForm({"description": "x", "programme": programme.pk})
    assert not form.is_valid() and "remedial_training" in form.errors
    Programme.objects.all().delete()
    form = FollowUpForm({"description": "x", "remedial_training": "on"})
    assert not form.is_valid() and "remedial_training" in form.errors


def test_view_refuses_cleanly_without_published_programme(client, hr_user, case):
    client.force_login(hr_user)
    url = reverse("cases:case_follow_up", args=[case.pk])
    r = client.post(url, {"description": "Pembinaan", "remedial_training": "on"})
    assert r.status_code == 302 and r["Location"] == reverse("cases:case_detail", args=[case.pk])
    assert any("terbit" in str(m) for m in get_messages(r.wsgi_request))
    assert not FollowUpAction.objects.exists() and not Assignment.objects.exists()


def test_view_assigns_chosen_programme(client, hr_user, case, programme):
    client.force_login(hr_user)
    due = timezone.localdate() + dt.timedelta(days=7)
    r = client.post(
        reverse("cases:case_follow_up", args=[case.pk]),
        {"description": "Pembinaan", "remedial_training": "on", "programme": programme.pk, "due_on": due.isoformat()},
    )
    assert r.status_code == 302
    action = FollowUpAction.objects.get(case=case)
    assert action.training_assignment.programme == programme and action.training_assignment.due_date == due


def test_case_page_shows_programme_due_date_and_completion(client, hr_user, case, programme):
    today = timezone.localdate()
    done = services.add_follow_up(
        case=case, description="A", remedial_training=True, due_on=today + dt.timedelta(days=3), acting_user=hr_user
    )
    Assignment.objects.filter(pk=done.training_assignment_id).update(completed_at=timezone.now())
    late = services.add_follow_up(
        case=case, description="B", remedial_training=True, due_on=today + dt.timedelta(days=5), acting_user=hr_user
    )
    Assignment.objects.filter(pk=late.training_assignment_id).update(due_date=today - dt.timedelta(days=2))
    client.force_login(hr_user)
    page = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert page.count("Pelatihan: Pembinaan netralitas ASN") == 2
    assert (today + dt.timedelta(days=3)).strftime("%d-%m-%Y") in page
    assert (today - dt.timedelta(days=2)).strftime("%d-%m-%Y") in page
    assert 'class="badge ok">selesai' in page and 'class="badge err">lewat batas waktu' in page


def test_case_page_follow_ups_without_n_plus_one(client, hr_user, case, programme):
    client.force_login(hr_user)
    url = reverse("cases:case_detail", args=[case.pk])

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx)

    services.add_follow_up(case=case, description="1", remedial_training=True, acting_user=hr_user)
    one = count()
    for i in range(4):
        services.add_follow_up(case=case, description=f"n{i}", remedial_training=True, acting_user=hr_user)
    assert count() == one
