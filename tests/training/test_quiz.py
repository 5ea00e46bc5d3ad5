import datetime as dt
import random
import re

import pytest
from django.urls import reverse

from training import services
from training.models import Attempt, Option

from .conftest import correct_answers, make_quiz, post_data

pytestmark = pytest.mark.django_db


def test_draw_has_no_repeats_and_options_are_shuffled_across_attempts(staff_employee, staff_user):
    quiz = make_quiz(12, num=8, max_attempts=50)
    orders_seen: dict[int, set[tuple]] = {}
    question_sets = set()
    rng = random.Random(7)
    for _ in range(12):
        attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user, rng=rng)
        items = list(attempt.items.all())
        ids = [i.question_id for i in items]
        assert len(ids) == 8 == len(set(ids))  # no repeats
        question_sets.add(frozenset(ids))
        for item in items:
            real = set(Option.objects.filter(question_id=item.question_id).values_list("pk", flat=True))
            assert set(item.option_order) == real and len(item.option_order) == len(real)
            orders_seen.setdefault(item.question_id, set()).add(tuple(item.option_order))
        services.submit_attempt(attempt=attempt, answers={}, acting_user=staff_user)
    assert len(question_sets) > 1  # different draws
    # options are shuffled: over all attempts, most questions drawn at least 3 times were shown in several orders
    drawn_often = [q for q, orders in orders_seen.items() if len(orders) >= 1 and _times(q) >= 3]
    assert drawn_often
    assert all(len(orders_seen[q]) > 1 for q in drawn_often)


def _times(question_id):
    from training.models import AttemptQuestion

    return AttemptQuestion.objects.filter(question_id=question_id).count()


def test_one_open_attempt_and_attempt_limit(staff_employee, staff_user, quiz):
    first = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    again = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    assert first.pk == again.pk
    assert Attempt.objects.filter(quiz=quiz, employee=staff_employee, status="open").count() == 1
    services.submit_attempt(attempt=first, answers={}, acting_user=staff_user)
    second = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    services.submit_attempt(attempt=second, answers={}, acting_user=staff_user)
    with pytest.raises(services.TrainingError, match="Batas percobaan"):
        services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    # an officer reset voids the failed attempts (kept in history) and allows a new one
    services.reset_attempts(quiz=quiz, employee_ids=[staff_employee.pk], acting_user=staff_user, reason="uji")
    third = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    assert third.number == 3
    assert Attempt.objects.filter(quiz=quiz, employee=staff_employee).count() == 3


def test_db_refuses_second_open_attempt(staff_employee, quiz):
    from django.db import IntegrityError

    Attempt.objects.create(quiz=quiz, employee=staff_employee, number=1, time_limit_minutes=5, pass_mark=50)
    with pytest.raises(IntegrityError):
        Attempt.objects.create(quiz=quiz, employee=staff_employee, number=2, time_limit_minutes=5, pass_mark=50)


def test_time_limit_is_enforced_on_the_server(staff_employee, staff_user, staff_client, quiz):
    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    answers = correct_answers(attempt)
    # the attempt started long ago: deadline plus grace has passed
    Attempt.objects.filter(pk=attempt.pk).update(started_at=attempt.started_at - dt.timedelta(minutes=11))
    response = staff_client.post(reverse("training:attempt_submit", args=[attempt.pk]), post_data(answers))
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED
    assert attempt.score == 0 and not attempt.passed  # the late (all-correct) answers were refused
    assert not attempt.items.exclude(selected=[]).exists()
    page = staff_client.get(response["Location"]).content.decode()
    assert "setelah batas waktu" in page


def test_answers_saved_in_time_count_when_attempt_expires(staff_employee, staff_user, staff_client, quiz):
    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    response = staff_client.post(
        reverse("training:attempt_save", args=[attempt.pk]), post_data(correct_answers(attempt))
    )
    assert "Tersimpan" in response.content.decode()
    Attempt.objects.filter(pk=attempt.pk).update(started_at=attempt.started_at - dt.timedelta(minutes=30))
    # autosave after the deadline is refused and closes the attempt
    late = staff_client.post(reverse("training:attempt_save", args=[attempt.pk]), {})
    assert "Waktu pengerjaan sudah habis" in late.content.decode()
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.EXPIRED and attempt.passed and attempt.score == 100


def test_within_grace_is_accepted(staff_employee, staff_user, quiz):
    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    Attempt.objects.filter(pk=attempt.pk).update(started_at=attempt.started_at - dt.timedelta(minutes=10, seconds=10))
    attempt.refresh_from_db()
    attempt, late = services.submit_attempt(
        attempt=attempt, answers=_int(correct_answers(attempt)), acting_user=staff_user
    )
    assert not late and attempt.passed


def _int(answers):
    return {k: [int(x) for x in v] for k, v in answers.items()}


def test_no_correct_answer_reaches_the_browser_before_submission(staff_client, staff_employee, quiz):
    bodies = []
    r = staff_client.get(reverse("training:quiz_detail", args=[quiz.pk]))
    bodies.append(r.content.decode())
    r = staff_client.post(reverse("training:quiz_start", args=[quiz.pk]), follow=True)
    bodies.append(r.content.decode())
    attempt = Attempt.objects.get(employee=staff_employee, quiz=quiz)
    for url in [reverse("training:attempt", args=[attempt.pk])]:
        bodies.append(staff_client.get(url).content.decode())
    r = staff_client.post(reverse("training:attempt_save", args=[attempt.pk]), {})
    bodies.append(r.content.decode())
    # the result page redirects back while the attempt is open
    r = staff_client.get(reverse("training:attempt_result", args=[attempt.pk]), follow=True)
    bodies.append(r.content.decode())
    bodies.append(staff_client.get(reverse("my_home")).content.decode())
    bodies.append(staff_client.get(reverse("training:my_training")).content.decode())

    attempt_page = bodies[2]
    items = list(attempt.items.select_related("question"))
    for body in bodies:
        assert "is_correct" not in body
        assert "correct" not in body.lower()
        assert "PEMBAHASAN-" not in body  # explanations only after submission
        assert "✔" not in body
    # every option is rendered the same way, so nothing distinguishes the right one
    for item in items:
        for place, _oid in enumerate(item.option_order, start=1):
            tag = re.search(rf'<input[^>]*name="q{item.pk}"[^>]*value="{place}"[^>]*>', attempt_page).group(0)
            assert f'name="q{item.pk}"' in tag
            normalised = re.sub(r'name="q\d+"', 'name="qY"', re.sub(r'value="\d+"', 'value="X"', tag))
            assert normalised in (
                '<input type="radio" name="qY" value="X">',
                '<input type="checkbox" name="qY" value="X">',
            )


def test_review_after_submission_shows_explanations(staff_client, staff_employee, staff_user, quiz):
    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    r = staff_client.post(reverse("training:attempt_submit", args=[attempt.pk]), post_data(correct_answers(attempt)))
    page = staff_client.get(r["Location"]).content.decode()
    assert "LULUS" in page and "PEMBAHASAN-" in page and "✔" in page
    attempt.refresh_from_db()
    assert attempt.passed and attempt.score == 100
    assert attempt.certificate is not None
    # a passed quiz cannot be started again
    r = staff_client.post(reverse("training:quiz_start", args=[quiz.pk]), follow=True)
    assert "sudah lulus" in r.content.decode()


def test_foreign_option_ids_are_ignored(staff_employee, staff_user, quiz):
    attempt = services.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    item = attempt.items.first()
    other = Option.objects.exclude(pk__in=item.option_order).first()
    services.save_answers(attempt=attempt, answers={item.pk: [other.pk, "x"]}, acting_user=staff_user)
    item.refresh_from_db()
    assert item.selected == []
