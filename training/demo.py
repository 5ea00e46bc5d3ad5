"""Demo training content (idempotent): neutrality quiz (30+ questions), programme, sessions, campaign, pact."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from . import content
from .models import ApelScript, Campaign, IntegrityPact, Material, Option, Programme, Question, Quiz, Session, Topic
from .services import launch_campaign

QUIZ_TITLE = "Kuis Netralitas ASN Pilkada 2024"
PROGRAMME_TITLE = "Netralitas ASN dalam Pilkada Serentak 2024"


def seed_question_bank() -> list[Topic]:
    topics: dict[str, Topic] = {}
    for topic_name, kind, text, options, explanation in content.QUESTIONS:
        topic = topics.get(topic_name) or Topic.objects.get_or_create(name=topic_name)[0]
        topics[topic_name] = topic
        question, created = Question.objects.get_or_create(
            topic=topic, text=text, defaults={"kind": kind, "explanation": explanation}
        )
        if created:
            Option.objects.bulk_create(
                Option(question=question, text=opt, is_correct=ok, order=i) for i, (opt, ok) in enumerate(options)
            )
    return list(topics.values())


def seed_quiz() -> Quiz:
    topics = seed_question_bank()
    quiz, created = Quiz.objects.get_or_create(
        title=QUIZ_TITLE,
        defaults={
            "description": "Sepuluh soal acak tentang netralitas ASN. Nilai lulus 70, waktu 15 menit, tiga kali percobaan.",
            "num_questions": 10,
            "time_limit_minutes": 15,
            "pass_mark": 70,
            "max_attempts": 3,
        },
    )
    if created:
        quiz.topics.set(topics)
    return quiz


@transaction.atomic
def seed(context: dict) -> None:
    users = context.get("users", {})
    officer = users.get("hr") or users.get("admin")
    quiz = seed_quiz()
    today = timezone.localdate()
    programme, created = Programme.objects.get_or_create(
        title=PROGRAMME_TITLE,
        defaults={
            "summary": "Program wajib bagi seluruh pegawai: dasar hukum, bentuk pelanggaran, sanksi, dan kuis akhir.",
            "quiz": quiz,
            "due_date": today + dt.timedelta(days=7),
        },
    )
    if created:
        for order, (title, kind, body) in enumerate(content.MATERIALS, start=1):
            Material.objects.create(
                programme=programme,
                order=order,
                title=title,
                kind=kind,
                body=body,
                video_url="https://video.sukamajukab.go.id/netralitas-asn-2024" if kind == "video" else "",
            )
    for title, topic, minutes, body in content.APEL_SCRIPTS:
        ApelScript.objects.get_or_create(title=title, defaults={"topic": topic, "minutes": minutes, "body": body})
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0) + dt.timedelta(days=1)
    Session.objects.get_or_create(
        title="Sosialisasi Netralitas ASN bagi Perangkat Daerah",
        defaults={
            "programme": programme,
            "kind": Session.Kind.FACE,
            "starts_at": start,
            "ends_at": start + dt.timedelta(hours=2),
            "place": "Aula BKPSDM Kabupaten Sukamaju",
            "facilitator": "Kepala Bidang Pembinaan dan Disiplin Pegawai",
        },
    )
    apel_start = start.replace(hour=7, minute=30) + dt.timedelta(days=2)
    Session.objects.get_or_create(
        title="Apel Pagi: Netral itu menjaga kepercayaan",
        defaults={
            "programme": programme,
            "kind": Session.Kind.APEL,
            "starts_at": apel_start,
            "ends_at": apel_start + dt.timedelta(minutes=30),
            "place": "Halaman Kantor Bupati",
            "facilitator": "Sekretaris Daerah",
            "grace_minutes": 5,
        },
    )
    campaign = Campaign.objects.filter(title="Kampanye Netralitas 2024 — semua unit").first()
    if campaign is None:
        campaign = Campaign.objects.create(
            title="Kampanye Netralitas 2024 — semua unit",
            programme=programme,
            starts_on=today,
            due_date=today + dt.timedelta(days=7),
            created_by=officer,
        )
    launch_campaign(campaign=campaign, acting_user=officer)
    election = context.get("election")
    if election is not None:
        pact, _created = IntegrityPact.objects.get_or_create(
            election=election,
            title=f"Pakta Integritas Netralitas ASN — {election.name}",
            defaults={"text": content.PACT_TEXT},
        )
        pact_campaign = Campaign.objects.filter(pact=pact).first()
        if pact_campaign is None:
            pact_campaign = Campaign.objects.create(
                title=f"Penandatanganan {pact.title}",
                pact=pact,
                starts_on=today,
                due_date=today + dt.timedelta(days=7),
                created_by=officer,
            )
        launch_campaign(campaign=pact_campaign, acting_user=officer)
