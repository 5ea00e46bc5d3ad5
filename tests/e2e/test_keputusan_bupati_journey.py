"""A berat case for a Dinas Pendidikan teacher, in a real browser: the supervisor alone may not examine (Tim
Pemeriksa), the officer drafts the Keputusan from the recorded decision, and the PPK's operator signs it in the
Bupati's name — the PDF says KEPUTUSAN BUPATI, names the Bupati without NIP and never the operator.

(The atasan langsung's own view of his duty and clock is the journey in test_supervision_journey.py.)"""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group

from accounts.roles import HR, LEADER, ROLE_GROUPS
from tests.conftest import TOTP_SECRET, make_user
from tests.factories import EmployeeFactory, OrgUnitFactory

from .conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "Rahasia-Uji-123"
BUPATI = "Drs. H. Rahmat Hidayat, M.Si."


@pytest.fixture
def world(settings, tmp_path):
    from django.apps import apps
    from django.utils import timezone

    from cases import services, workflow
    from cases.catalogue import seed
    from cases.models import Case, Signatory, ViolationType
    from letters.models import Letterhead
    from tests.letters.conftest import confirm_codes
    from workdays.calendar import Calendar

    settings.MEDIA_ROOT = str(tmp_path / "media")
    for name in ROLE_GROUPS.values():
        Group.objects.get_or_create(name=name)
    seed(apps)
    officer = make_user("e2e_petugas_berat", HR, totp=True)
    operator = make_user("e2e_operator_ppk", LEADER, totp=True)
    bupati = Signatory.objects.create(office="ppk", name=BUPATI, title="Bupati Sukamaju", is_regional_head=True)
    bupati.operators.add(operator)
    confirm_codes(Letterhead.objects.create(government="PEMERINTAH KABUPATEN SUKAMAJU", agency="BKPSDM",
                                            address="Jl. Pemuda 1", city="Sukamaju", is_default=True))  # fmt: skip
    unit = OrgUnitFactory(code="E2E-DISDIK", name="Dinas Pendidikan")
    head = EmployeeFactory(full_name="Sri Wahyuni", unit=unit, position="Kepala Sekolah", position_kind="pengawas")
    teacher = EmployeeFactory(full_name="Bambang Sutrisno", unit=unit, supervisor=head, position="Guru Ahli Muda",
                              position_kind="fungsional")  # fmt: skip
    post, _d, _r = services.report_post(acting_user=officer, platform="instagram",
                                        url="https://instagram.com/p/e2e-berat", employees=[teacher])  # fmt: skip
    (case,) = services.open_cases(post=post, employees=[teacher], acting_user=officer,
                                  violation_type=ViolationType.objects.get(code="SKB-05"))  # fmt: skip
    cal, today = Calendar(), timezone.localdate()
    case = workflow.transition(case, "screening", acting_user=officer, expected_version=case.version)
    case = workflow.transition(case, "summons_1", acting_user=officer, expected_version=case.version,
                               data={"examination_date": cal.add_working_days(today, 8), "summons_1_date": today})  # fmt: skip
    # Time passes: the hearing was yesterday and the teacher came.
    Case.objects.filter(pk=case.pk).update(examination_date=cal.add_working_days(today, -1))
    case.refresh_from_db()
    case = workflow.transition(case, "examination", acting_user=officer, expected_version=case.version)
    return {"case": case, "officer": officer, "bupati": bupati}


def test_berat_case_through_tim_pemeriksa_to_a_keputusan_bupati_signed_by_the_operator(browser_page, live_url, world):
    from pypdf import PdfReader

    from cases import services, workflow
    from cases.models import Case, SanctionType
    from cases.sanctions import recommend
    from letters.models import Letter

    page, case = browser_page, world["case"]
    login(page, live_url, "e2e_petugas_berat", PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"{live_url}/kasus/{case.pk}/")
    # 1. The supervisor alone may not examine a suspected berat violation: the BAP is refused, then recorded.
    page.click("summary:has-text('Catat BAP')")
    page.fill("input[name=held_on]", case.examination_date.isoformat())
    page.fill("textarea[name=examiners]", "Sri Wahyuni | | Kepala Sekolah (atasan langsung)")
    page.fill("textarea[name=questions_answers]", "T: Apakah Saudara mengunggah foto itu?\nJ: Ya.")
    page.click("button:has-text('Simpan BAP')")
    page.wait_for_load_state("networkidle")
    assert "Tim Pemeriksa" in page.content()
    assert not case.examinations.exists()
    page.fill("textarea[name=examiners]", "Sri Wahyuni | | Kepala Sekolah (atasan langsung)\n"
              "Dewi Anggraeni | | Auditor Inspektorat\nRina Kusumawati | | Analis Kepegawaian BKPSDM")  # fmt: skip
    page.fill("textarea[name=questions_answers]", "T: Apakah Saudara mengunggah foto itu?\nJ: Ya.")
    page.click("button:has-text('Simpan BAP')")
    page.wait_for_load_state("networkidle")
    assert case.examinations.count() == 1

    # 2. LHP and the decision (recommended heavy punishment, authorised to the PPK) are recorded.
    case = Case.objects.get(pk=case.pk)
    case = workflow.transition(case, "examination_report", acting_user=world["officer"], expected_version=case.version,
                               data={"report_findings": "Terbukti mengunggah foto dengan gestur jari."})  # fmt: skip
    rec = recommend(case, SanctionType.Track.DISCIPLINE)
    decision = services.record_decision(case=case, track="discipline", sanction_type=rec.sanction,
                                        acting_user=world["officer"], expected_version=case.version)  # fmt: skip
    assert decision.authorised_official == "ppk" and decision.signatory == world["bupati"]
    case = Case.objects.get(pk=case.pk)
    workflow.transition(case, "decision", acting_user=world["officer"], expected_version=case.version)

    # 3. The officer drafts the Keputusan from the case page: only the decision's letter is offered.
    page.goto(f"{live_url}/kasus/{case.pk}/")
    assert page.locator("a[href*='kind=written_warning']").count() == 0
    page.click("a[href*='kind=decision']")
    page.wait_for_load_state("networkidle")
    page.click("text=Simpan konsep")
    page.wait_for_url("**/surat/*/")
    page.click("button:has-text('Ajukan')")
    page.wait_for_load_state("networkidle")
    assert "Menunggu tanda tangan" in page.content()
    page.context.clear_cookies()

    # 4. The PPK's operator signs in the Bupati's name.
    login(page, live_url, "e2e_operator_ppk", PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"{live_url}/surat/kotak-masuk/")
    page.click("text=Periksa")
    page.click("button:has-text('Setujui dan tandatangani')")
    page.wait_for_load_state("networkidle")
    assert "Terbit" in page.content()
    letter = Letter.objects.get(case=case, kind="decision")
    assert letter.signatory == world["bupati"] and letter.signer.username == "e2e_operator_ppk"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(letter.pdf.open("rb").read())).pages)
    text = " ".join(text.split())
    assert "KEPUTUSAN BUPATI SUKAMAJU" in text and BUPATI in text and "Bambang Sutrisno" in text
    assert "e2e_operator_ppk" not in text and "a.n." not in text
