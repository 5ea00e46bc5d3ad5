"""Demo posts and cases in various workflow states (idempotent). Called by ``seed_demo``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from registry.models import Employee
from workdays.calendar import add_working_days

from . import services, workflow
from .models import Case, ReportedPost, SanctionType, ViolationType
from .sanctions import recommend

S = Case.Status
PLATFORMS = ["facebook", "instagram", "tiktok", "x", "whatsapp", "facebook", "instagram", "tiktok", "youtube", "other"]
TARGETS = [
    S.NEW, S.SCREENING, S.SUMMONS_1, S.SUMMONS_2, S.EXAMINATION, S.EXAMINATION_REPORT, S.DECISION, S.APPEAL_WINDOW,
    S.FINAL, S.DISMISSED,
]  # fmt: skip
PATH = [
    S.SCREENING, S.SUMMONS_1, S.EXAMINATION, S.EXAMINATION_REPORT, S.DECISION, S.DELIVERED, S.APPEAL_WINDOW,
    S.FINAL,
]  # fmt: skip


DEMO_MEDIA = Path(__file__).resolve().parent / "demo_media"
DEMO_PHOTOS = sorted(DEMO_MEDIA.glob("*.jpg"))  # real hand photos (Apache-2.0, see demo_media/SOURCES.md)
DEMO_COLLAGE = DEMO_MEDIA / "kolase" / "kolase-empat-foto.jpg"  # four real photos on one canvas


def _image(seed: int) -> SimpleUploadedFile:
    """A real photo of a finger pose, so the demo's detection results are real too."""
    photo = DEMO_PHOTOS[seed % len(DEMO_PHOTOS)]
    return SimpleUploadedFile(photo.name, photo.read_bytes(), content_type="image/jpeg")


def _walk(case: Case, target: str, officer) -> None:
    today = timezone.localdate()
    if target == S.DISMISSED:
        workflow.transition(case, S.DISMISSED, acting_user=officer, reason="Akun bukan milik pegawai (demo).",
                            expected_version=case.version)  # fmt: skip
        return
    for step in PATH:
        if case.status == target:
            return
        data = {}
        if step == S.SUMMONS_1:
            exam = add_working_days(today, 8)
            data = {"examination_date": exam, "summons_1_date": today}
        if step in (S.SUMMONS_2, S.EXAMINATION) and case.status == S.SUMMONS_1:
            # Time passes in the demo: the Panggilan I hearing lies 3 working days back, so what follows
            # (Panggilan II today, the examination on that hearing day) has consistent dates.
            Case.objects.filter(pk=case.pk).update(
                summons_1_date=add_working_days(today, -11), examination_date=add_working_days(today, -3)
            )
            case.refresh_from_db()
        if step == S.SUMMONS_2 or (target == S.SUMMONS_2 and step == S.EXAMINATION):
            step = S.SUMMONS_2  # the hearing was missed; Panggilan II today
            data = {"missed_examination_date": case.examination_date,
                    "examination_date": add_working_days(today, 3), "summons_2_date": today}  # fmt: skip
        if step == S.EXAMINATION_REPORT:
            services.record_examination(case=case, held_on=case.examination_date,
                                        examiners="Atasan langsung\nInspektorat\nBKPSDM",
                                        questions_answers="T: Apakah Saudara mengunggah foto tersebut?\nJ: Ya.",
                                        acting_user=officer, expected_version=case.version)  # fmt: skip
            case.refresh_from_db()
            data = {"report_findings": "Terperiksa mengakui mengunggah foto dengan gestur jari nomor urut paslon."}
        if step == S.DECISION:
            for track in ("moral", "discipline"):
                rec = recommend(case, track)
                if rec.sanction:
                    services.record_decision(case=case, track=track, sanction_type=rec.sanction, acting_user=officer,
                                             expected_version=case.version)  # fmt: skip
                    case.refresh_from_db()
        if step == S.DELIVERED:
            for d in case.decisions.all():
                services.set_delivered(decision=d, delivered_on=today, acting_user=officer,
                                       expected_version=case.version)  # fmt: skip
                case.refresh_from_db()
        if step == S.FINAL:
            Case.objects.filter(pk=case.pk).update(due_date=today - dt.timedelta(days=1))
            case.refresh_from_db()
        case = workflow.transition(case, step, acting_user=officer, expected_version=case.version, data=data)
        if step == S.SUMMONS_2 and target == S.SUMMONS_2:
            return


def _link_supervisor_account(user, employees: list) -> None:
    """The demo 'atasan' account: a Kepala Seksi who becomes the atasan langsung of a demo case's employee
    (before the cases open, so the duty notification reaches them). Idempotent: keyed on the account."""
    if user is None or Employee.objects.filter(user=user).exists() or len(employees) < 2:
        return
    from django.contrib.auth.models import Group

    from accounts.roles import ROLE_GROUPS, STAFF

    staff = employees[1]
    boss = Employee(user=user, full_name="Agus Santoso", status="pns", nip="197805122005011003", sex="L",
                    rank="III/d", position="Kepala Seksi", position_kind="pengawas", unit=staff.unit,
                    supervisor=staff.supervisor, email=user.email)  # fmt: skip
    boss.full_clean()
    boss.save()
    Employee.objects.filter(pk=staff.pk).update(supervisor=boss)
    staff.supervisor = boss
    user.groups.add(Group.objects.get(name=ROLE_GROUPS[STAFF]))  # an atasan is also an employee


@transaction.atomic
def seed(context: dict) -> None:
    if ReportedPost.objects.filter(url__startswith="https://demo.netralitas/").exists():
        return
    users = context["users"]
    officer, monitor = users.get("hr"), users.get("monitor") or users.get("hr")
    staff_user = users.get("staff")
    employees = list(Employee.objects.filter(is_active=True, user__isnull=True).exclude(position_kind="jpt")[:12])
    own = Employee.objects.filter(user=staff_user).first() if staff_user else None
    if own:
        employees = [own] + employees
    vt = ViolationType.objects.get(code="SKB-05")
    assert SanctionType.objects.exists()
    _link_supervisor_account(users.get("supervisor"), employees)
    for i, target in enumerate(TARGETS):
        if i >= len(employees):
            break
        concerned = [employees[i]] + ([employees[i + 1]] if i == 2 and len(employees) > i + 1 else [])
        post, _dup, _res = services.report_post(
            acting_user=monitor,
            platform=PLATFORMS[i],
            url=f"https://demo.netralitas/{PLATFORMS[i]}/posts/{1000 + i}?utm_source=demo",
            account_name=employees[i].full_name.lower().replace(" ", "."),
            posted_at=timezone.now() - dt.timedelta(days=20 - i),
            source=["internal", "public", "bawaslu", "agency"][i % 4],
            notes="Foto dengan gestur jari yang menandakan nomor urut pasangan calon (data demo).",
            election=context.get("election"),
            employees=concerned,
            files=[_image(i), _image(100 + i)] if i % 3 == 0 else [_image(i)],
        )
        cases = services.open_cases(post=post, employees=concerned, violation_type=vt, assigned_officer=officer,
                                    acting_user=officer)  # fmt: skip
        for case in cases[:1]:
            _walk(case, target, officer)
    # A re-encoded copy of the first image on another post: shows as a near-duplicate.
    services.report_post(acting_user=monitor, platform="x", url="https://demo.netralitas/x/status/2000",
                         account_name="akun.lain", files=[_image(0)], notes="Unggahan ulang (demo).")  # fmt: skip
    # A collage post (several photos in one image): detection looks at each photo on its own.
    collage = SimpleUploadedFile(DEMO_COLLAGE.name, DEMO_COLLAGE.read_bytes(), content_type="image/jpeg")
    services.report_post(acting_user=monitor, platform="instagram", url="https://demo.netralitas/instagram/p/3000",
                         account_name="kolase.kegiatan", files=[collage], election=context.get("election"),
                         notes="Kolase empat foto dalam satu unggahan; belum ditelaah (demo).")  # fmt: skip
