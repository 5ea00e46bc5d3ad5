"""A monitor reports a post with a photo; an officer opens the case and takes it through the summons,
the examination (BAP) and the report (LHP) to a decision with the recommended sanction."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from django.contrib.auth.models import Group

from accounts.roles import HR, MONITOR, ROLE_GROUPS
from tests.conftest import TOTP_SECRET, make_user
from tests.factories import EmployeeFactory, OrgUnitFactory

from .conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "Rahasia-Uji-123"
PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "hands" / "d0054_subhi_two_3_1528499009.07_pic00011.jpg"


@pytest.fixture
def world(settings, tmp_path):
    from django.apps import apps

    from cases.catalogue import seed
    from cases.models import SanctionType, ViolationType

    settings.MEDIA_ROOT = str(tmp_path / "media")
    for name in ROLE_GROUPS.values():  # a transactional test may follow a flush of the seeded groups
        Group.objects.get_or_create(name=name)
    seed(apps)  # the catalogues of the data migration (gone after a flush), exactly as seeded
    make_user("e2e_pemantau", MONITOR)
    make_user("e2e_petugas", HR, totp=True)
    unit = OrgUnitFactory(code="E2E-DISDIK", name="Dinas Pendidikan")
    employee = EmployeeFactory(full_name="Bambang Sutrisno", nip="198507152010011003", unit=unit,
                               position="Guru Ahli Pertama", position_kind="fungsional")  # fmt: skip
    return {
        "employee": employee,
        "violation": ViolationType.objects.get(code="SKB-05"),
        "recommended": SanctionType.objects.get(code="PNS-B1"),  # first offence, level "berat", PNS
    }


def _ok(page, text: str) -> None:
    page.wait_for_load_state("networkidle")
    errors = page.locator(".msg.error").all_inner_texts()
    assert not errors, errors
    assert text in page.locator(".messages").inner_text()


def _step(page, target: str, **fields: str) -> None:
    """Open the next-step panel that moves the case to ``target``, fill it and submit it."""
    panel = page.locator("details", has=page.locator(f"input[name=to][value={target}]"))
    panel.locator("summary").click()
    for name, value in fields.items():
        panel.locator(f"[name={name}]").fill(value)
    panel.locator("button[type=submit]").click()
    _ok(page, "Status kasus diperbarui.")


def test_report_post_open_case_and_decide(browser_page, live_url, world):
    from django.utils import timezone

    from cases import deadlines
    from cases.models import Case
    from workdays.calendar import add_working_days

    page = browser_page
    employee, violation, recommended = world["employee"], world["violation"], world["recommended"]

    # 1. the monitor reports the post with the photo and tags the employee through the picker
    login(page, live_url, "e2e_pemantau", PASSWORD)
    page.goto(f"{live_url}/")
    page.click("nav.mainnav >> text=Laporan unggahan")
    page.click("text=Laporkan unggahan")
    page.select_option("select[name=platform]", "facebook")
    page.fill("input[name=url]", "https://www.facebook.com/bambang.s/posts/987654321")
    page.fill("input[name=account_name]", "Bambang S.")
    found = timezone.localtime() - dt.timedelta(hours=2)
    page.fill("input[name=found_at]", found.strftime("%Y-%m-%dT%H:%M"))
    page.select_option("select[name=source]", "public")
    page.set_input_files("input[name=files]", str(PHOTO))
    page.fill("#people-q", "Bambang")
    option = page.locator(f"#people-options input[name=employees][value='{employee.pk}']")
    option.wait_for()
    option.check()
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/kasus/unggahan/*/")
    _ok(page, "Unggahan dicatat.")
    sha = hashlib.sha256(PHOTO.read_bytes()).hexdigest()
    assert page.locator(f".gallery code[title='{sha}']").inner_text().startswith(sha[:16])
    assert "Bambang Sutrisno" in page.content() and "belum dikonfirmasi" in page.content()
    post_url = page.url
    page.context.clear_cookies()

    # 2. the officer confirms the employee and opens the case
    login(page, live_url, "e2e_petugas", PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(post_url)
    open_form = page.locator("form[action$='/buka-kasus/']")
    open_form.locator(f"input[name=employees][value='{employee.pk}']").check()
    open_form.locator("select[name=violation_type]").select_option(str(violation.pk))
    open_form.locator("button[type=submit]").click()
    case = Case.objects.get(employee=employee)
    _ok(page, f"Kasus dibuka: {case.reference}")
    assert "dikonfirmasi oleh" in page.content()
    # the opened case is a link; the "open cases" form is gone (a second case is not one click away)
    assert page.locator("form[action$='/buka-kasus/']").count() == 0
    assert page.locator(f"a.badge:has-text('{case.reference}')").count() == 1
    page.click(f"a:has-text('{case.reference}')")
    page.wait_for_url(f"**/kasus/{case.pk}/")
    assert "Baru" in page.locator("span.badge.info").first.inner_text()
    # detection ran inline on the upload; whatever it found, the page renders its section
    assert page.locator(".detection-case").count() == 1

    # case data: both tracks open (a PNS), the violation type chosen at opening; add a summary
    update = page.locator("form[action$='/ubah/']")
    assert update.locator("select[name=violation_type]").input_value() == str(violation.pk)
    update.locator("input[name=ethics_track]").check()
    update.locator("input[name=discipline_track]").check()
    update.locator("textarea[name=summary]").fill("Foto dengan gestur dua jari di akun Facebook pribadi.")
    update.locator("input[name=reason]").fill("Ringkasan hasil penelaahan awal.")
    update.locator("button[type=submit]").click()
    _ok(page, "Kasus diperbarui.")

    # new → screening → summons I (at least 7 working days before the examination)
    _step(page, "screening")
    today = timezone.localdate()
    exam = add_working_days(today, 10)
    assert today <= deadlines.latest_summons_1_date(exam)
    _step(page, "summons_1", summons_1_date=today.isoformat(), examination_date=exam.isoformat())
    assert "Panggilan I" in page.locator("span.badge.info").first.inner_text()
    summary = page.locator(".case-summary").inner_text()  # the summary beside every section
    assert "Pemeriksaan" in summary and f"{exam:%d-%m-%Y}" in summary

    # the employee appears: examination, BAP, report (LHP)
    _step(page, "examination")
    bap = page.locator("details", has=page.locator("form[action$='/bap/']"))
    bap.locator("summary").click()
    bap.locator("input[name=held_on]").fill(exam.isoformat())
    bap.locator("input[name=place]").fill("Ruang rapat BKPSDM")
    # SKB #5 is rated berat: a Tim Pemeriksa (atasan langsung, Inspektorat, BKPSDM) examines
    bap.locator("textarea[name=examiners]").fill("Dewi Lestari\nAgus Prasetyo\nRina Kusumawati")
    bap.locator("textarea[name=questions_answers]").fill(
        "T: Apakah Saudara mengunggah foto tersebut?\nJ: Ya, saat acara keluarga."
    )
    bap.locator("button[type=submit]").click()
    _ok(page, "BAP dicatat.")
    assert "Ruang rapat BKPSDM" in page.inner_text("main")
    _step(
        page,
        "examination_report",
        report_findings="Terperiksa mengunggah foto dengan gestur dua jari mendukung pasangan calon nomor 2.",
        report_recommendation="Dijatuhi hukuman disiplin sesuai tingkat pelanggaran.",
    )
    assert "Laporan hasil pemeriksaan" in page.locator("span.badge.info").first.inner_text()

    # 3. the decision: the recommendation is shown and taken as it is
    rec = page.locator(".msg.info", has_text="Rekomendasi hukuman disiplin")
    assert recommended.name in rec.inner_text()
    assert "Pelanggaran pertama" in rec.inner_text()
    decision = page.locator("details", has=page.locator("form[action$='/keputusan/']"))
    decision.locator("summary").click()
    decision.locator("select[name=track]").select_option("discipline")
    sanction = decision.locator("select[name=sanction_type]")
    # grouped by track and employment status; this PNS sees each sanction once
    assert sanction.locator("option", has_text="Teguran tertulis").count() == 1
    assert sanction.locator("optgroup").count() == 2
    sanction.select_option(value=str(recommended.pk))
    decision.locator("input[name=decision_number]").fill("800/045/BKPSDM/2024")
    decision.locator("button[type=submit]").click()
    _ok(page, "Keputusan dicatat.")
    _step(page, "decision")

    assert page.locator("span.badge.info").first.inner_text() == "Keputusan"
    line = page.locator("section:has(h2:has-text('Keputusan dan sanksi')) div", has_text="800/045/BKPSDM/2024")
    text = line.first.inner_text()
    assert "Hukuman disiplin" in text and recommended.name in text and "PPK (Bupati)" in text
    timeline = page.locator("section:has(h2:has-text('Riwayat')) .timeline").inner_text()
    for sentence in ("membuka kasus", "mengubah data kasus", "mencatat BAP", "mencatat keputusan"):
        assert sentence in timeline, sentence
    assert "mengubah status: Laporan hasil pemeriksaan (LHP) → Keputusan" in timeline
    assert timeline.count("mengubah status:") == 5  # screening, summons I, examination, LHP, decision
    assert "case." not in timeline and "_" not in timeline  # no audit codes, no field codes

    case.refresh_from_db()
    assert case.status == Case.Status.DECISION
    d = case.decisions.get()
    assert d.sanction_type == recommended and d.recommended_sanction == recommended and not d.deviation_reason
