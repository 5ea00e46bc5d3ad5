"""An officer drafts a written warning, the leader approves and downloads it, the employee acknowledges it."""

import io

import pytest
from django.contrib.auth.models import Group

from accounts.roles import HR, LEADER, ROLE_GROUPS, STAFF
from tests.conftest import TOTP_SECRET, make_user
from tests.factories import EmployeeFactory, OrgUnitFactory

from .conftest import login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "Rahasia-Uji-123"


@pytest.fixture
def world():
    from cases.authorities import from_employee
    from cases.models import Case, Decision, SanctionType, ViolationType
    from letters.models import Letterhead
    from tests.letters.conftest import confirm_codes

    for name in ROLE_GROUPS.values():  # a transactional test may follow a flush of the seeded groups
        Group.objects.get_or_create(name=name)
    officer = make_user("e2e_petugas", HR, totp=True)
    leader = make_user("e2e_pimpinan", LEADER, totp=True)
    staff = make_user("e2e_pegawai", STAFF)
    unit = OrgUnitFactory(code="E2E-BKPSDM", name="BKPSDM")
    head = EmployeeFactory(user=leader, full_name="Hendra Wijaya", nip="197203151998031004", rank="IV/c",
                           position="Kepala BKPSDM", unit=unit, position_kind="jpt")  # fmt: skip
    employee = EmployeeFactory(user=staff, full_name="Siti Rahmawati", nip="199004122015032004", unit=unit,
                               supervisor=head)  # fmt: skip
    letterhead = Letterhead.objects.create(government="PEMERINTAH KABUPATEN SUKAMAJU", agency="BKPSDM",
                                           address="Jl. Pemuda 1", city="Sukamaju", is_default=True)  # fmt: skip
    confirm_codes(letterhead)
    violation, _ = ViolationType.objects.get_or_create(
        code="SKB-05", defaults={"number": 5, "title": "Memposting foto dengan simbol keberpihakan", "ethics": True}
    )
    # The case has reached its decision: a teguran tertulis decided by the employee's head (the procedure allows
    # the written warning only there).
    case = Case.objects.create(reference="E2E-2024-0001", year=2024, number=1, employee=employee,
                               employee_status="pns", violation_type=violation, opened_by=officer,
                               status=Case.Status.DECISION)  # fmt: skip
    sanction, _ = SanctionType.objects.get_or_create(
        code="PNS-R2",
        defaults={"name": "Teguran tertulis", "track": "discipline", "level": "ringan", "applies_to": "pns"},
    )
    Decision.objects.create(case=case, track="discipline", sanction_type=sanction, authorised_official="supervisor",
                            signatory=from_employee(head, "supervisor"), decided_by=officer)  # fmt: skip
    return {"case": case, "employee": employee}


def test_warning_letter_journey(browser_page, live_url, world):
    from pypdf import PdfReader

    from letters.models import Letter

    page = browser_page
    # 1. the officer drafts a written warning from the case and submits it
    login(page, live_url, "e2e_petugas", PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"{live_url}/surat/baru/?case={world['case'].pk}&kind=written_warning")
    assert page.locator("input[name=addressee_name]").input_value() == "Siti Rahmawati"
    page.fill("textarea[name=body]", "Mengunggah foto dengan gestur dua jari bersama pasangan calon.")
    page.click("text=Simpan konsep")
    page.wait_for_url("**/surat/*/")
    page.click("button:has-text('Ajukan')")
    page.wait_for_load_state("networkidle")
    assert "Menunggu tanda tangan" in page.content()
    page.context.clear_cookies()

    # 2. the leader finds it in the inbox, approves it and downloads the PDF
    login(page, live_url, "e2e_pimpinan", PASSWORD, totp_secret=TOTP_SECRET)
    page.goto(f"{live_url}/surat/kotak-masuk/")
    page.click("text=Periksa")
    page.click("button:has-text('Setujui dan tandatangani')")
    page.wait_for_load_state("networkidle")
    assert "Terbit" in page.content()
    letter = Letter.objects.get(case=world["case"])
    assert letter.number and letter.number in page.content()
    with page.expect_download() as info:
        page.click("text=Unduh PDF")
    data = open(info.value.path(), "rb").read()
    assert data == letter.pdf.open("rb").read()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert letter.number in text and "Siti Rahmawati" in text
    page.context.clear_cookies()

    # 3. the employee sees the letter and acknowledges receipt
    login(page, live_url, "e2e_pegawai", PASSWORD)
    page.goto(f"{live_url}/surat/saya/")
    assert letter.number in page.content()
    page.click("button:has-text('Saya telah menerima surat ini')")
    page.wait_for_load_state("networkidle")
    assert "penerimaan surat telah dicatat" in page.content()
    letter.refresh_from_db()
    assert letter.status == Letter.Status.ACKNOWLEDGED
