"""Probe replay (low): the quiz key stays hidden while attempts remain; options carry no database ids."""

from __future__ import annotations

import re

from django.urls import reverse

from training import services
from training.models import Attempt

from ..training.conftest import correct_answers, post_data


def _wrong(attempt) -> dict:
    """For every question, an option that is not (all of) the right answer."""
    right = correct_answers(attempt)
    out = {}
    for item in attempt.items.all():
        wrong = [str(o) for o in item.option_order if str(o) not in right[item.pk]]
        out[item.pk] = wrong[:1]
    return out


def _fail(client, employee, user, quiz) -> Attempt:
    attempt = services.start_attempt(quiz=quiz, employee=employee, acting_user=user)
    client.post(reverse("training:attempt_submit", args=[attempt.pk]), post_data(_wrong(attempt)))
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.SUBMITTED and not attempt.passed
    return attempt


def test_failed_attempt_with_tries_left_shows_own_answers_not_the_key(staff_client, staff_employee, staff_user, quiz):
    attempt = _fail(staff_client, staff_employee, staff_user, quiz)  # max_attempts=2: one left
    page = staff_client.get(reverse("training:attempt_result", args=[attempt.pk])).content.decode()
    assert "jawaban Anda" in page and 'id="key-withheld"' in page
    assert "✔" not in page and "PEMBAHASAN-" not in page
    assert 'class="badge ok"' not in page and 'class="badge err"' not in page  # no per-question marks


def test_key_is_shown_once_the_attempts_are_used_up(staff_client, staff_employee, staff_user, quiz):
    first = _fail(staff_client, staff_employee, staff_user, quiz)
    _fail(staff_client, staff_employee, staff_user, quiz)
    page = staff_client.get(reverse("training:attempt_result", args=[first.pk])).content.decode()
    assert "✔" in page and "PEMBAHASAN-" in page and 'id="key-withheld"' not in page


def test_options_are_posted_as_places_not_database_ids(staff_client, staff_employee, staff_user, quiz):
    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    page = staff_client.get(reverse("training:attempt", args=[attempt.pk])).content.decode()
    for item in attempt.items.all():
        values = re.findall(rf'name="q{item.pk}" value="([^"]+)"', page)
        assert values == [str(n) for n in range(1, len(item.option_order) + 1)]
    # a database id in the form is read as a place, never as that option
    item = attempt.items.first()
    right_id = int(next(iter(correct_answers(attempt)[item.pk])))
    staff_client.post(reverse("training:attempt_save", args=[attempt.pk]), {f"q{item.pk}": [str(right_id)]})
    item.refresh_from_db()
    as_place = [item.option_order[right_id - 1]] if right_id <= len(item.option_order) else []
    assert item.selected == as_place
