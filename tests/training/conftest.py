from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from training.models import Option, Question, Quiz, Session, Topic


def make_quiz(n_questions: int = 12, *, num: int = 5, **kwargs) -> Quiz:
    topic = Topic.objects.create(name=f"Topik {Topic.objects.count() + 1}")
    for i in range(n_questions):
        kind = [Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.TRUE_FALSE][i % 3]
        q = Question.objects.create(topic=topic, kind=kind, text=f"Soal nomor {i}", explanation=f"PEMBAHASAN-{i}")
        if kind == Question.Kind.TRUE_FALSE:
            opts = [("Benar", True), ("Salah", False)]
        elif kind == Question.Kind.MULTIPLE:
            opts = [(f"Opsi {i}-{j}", j < 2) for j in range(4)]
        else:
            opts = [(f"Opsi {i}-{j}", j == 0) for j in range(4)]
        for j, (text, ok) in enumerate(opts):
            Option.objects.create(question=q, text=text, is_correct=ok, order=j)
    defaults = {"title": "Kuis uji", "num_questions": num, "time_limit_minutes": 10, "pass_mark": 60, "max_attempts": 2}
    defaults.update(kwargs)
    quiz = Quiz.objects.create(**defaults)
    quiz.topics.set([topic])
    return quiz


def correct_answers(attempt) -> dict[int, list[str]]:
    answers = {}
    for item in attempt.items.select_related("question"):
        answers[item.pk] = [str(o.pk) for o in item.question.options.all() if o.is_correct]
    return answers


def post_data(answers: dict[int, list[str]]) -> dict:
    """Option ids -> what the form posts: each option's place (1, 2, …) in the attempt's shuffled order."""
    from training.models import AttemptQuestion

    orders = dict(AttemptQuestion.objects.filter(pk__in=answers).values_list("pk", "option_order"))
    return {f"q{k}": [str(orders[k].index(int(v)) + 1) for v in vs] for k, vs in answers.items()}


@pytest.fixture
def quiz(db):
    return make_quiz()


@pytest.fixture
def staff_employee(staff_user):
    return staff_user.employee


@pytest.fixture
def other_employee(other_staff_user):
    return other_staff_user.employee


@pytest.fixture
def session_now(db, unit):
    now = timezone.now()
    session = Session.objects.create(
        title="Sosialisasi uji",
        kind=Session.Kind.FACE,
        starts_at=now - dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=1),
        place="Aula",
        grace_minutes=10,
    )
    session.target_units.set([unit])
    return session
