"""The procedure rules that bind documents (letters/procedure.py, cases/authorities.py), one test per rule, named
after the article it enforces, each with its refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from cases.models import Case, Decision, SanctionType, Signatory
from letters import procedure, rendering, services
from letters.kinds import LetterKind
from letters.workflow import IllegalStep
from tests.conftest import make_user
from workdays.calendar import Calendar

from .conftest import PPK_NAME, signed_summons
from .helpers import pdf_text, squash

pytestmark = pytest.mark.django_db
K = LetterKind


@pytest.fixture
def berat_case(case, ppk):
    """The case's discipline decision is a heavy punishment, authorised to the PPK (the Bupati)."""
    case.decisions.filter(track="discipline").update(
        sanction_type=SanctionType.objects.get(code="PNS-B1"), authorised_official="ppk", signatory=ppk
    )
    return case


# --- Who signs -------------------------------------------------------------------------------------------
def test_pp94_keputusan_bupati_recorded_by_the_ppk_operator_and_audited_apart(berat_case, issue, leader_user):
    letter = issue(K.DECISION)
    assert letter.signatory.is_regional_head and letter.signer == leader_user
    text = squash(pdf_text(letter.pdf.read()))
    assert "KEPUTUSAN BUPATI SUKAMAJU" in text and text.count("BUPATI SUKAMAJU") >= 3  # kop, heading, penetap
    assert PPK_NAME in text
    assert "NIP 1972" not in text and "Hendra" not in text and "a.n." not in text  # no NIP, operator never shown
    event = AuditEvent.objects.filter(action="letters.approve", subject_id=str(letter.pk)).get()
    assert event.changes["signatory"].startswith(PPK_NAME)
    assert event.changes["recorded_by"] == leader_user.username and event.changes["on_behalf"] is True


def test_pp94_letter_signed_only_in_the_name_of_the_decided_official(berat_case, make_draft, head_signatory):
    with pytest.raises(IllegalStep, match=f"hanya dapat ditandatangani atas nama {PPK_NAME}"):
        make_draft(K.DECISION, signatory=head_signatory)  # the Kepala BKPSDM may not sign the Bupati's decision


def test_pp94_an_account_that_is_neither_the_official_nor_his_operator_cannot_record(berat_case, make_draft):
    other_leader = make_user("pimpinan_lain", "leader")
    with pytest.raises(IllegalStep, match="tidak tercatat sebagai"):
        make_draft(K.DECISION, signer=other_leader)


def test_pp94_signatory_change_after_drafting_is_refused_at_signing(berat_case, make_draft, hr_user, leader_user):
    letter = make_draft(K.DECISION)
    services.submit(letter_id=letter.pk, acting_user=hr_user)
    other = Signatory.objects.create(office="ppk", name="Pejabat Lain", title="Wakil Bupati Sukamaju")
    Decision.objects.filter(case=berat_case, track="discipline").update(signatory=other)
    with pytest.raises(IllegalStep, match="hanya dapat ditandatangani atas nama Pejabat Lain"):
        services.approve(letter_id=letter.pk, acting_user=leader_user)


def test_pp42_pasal_15_moral_sanction_declared_by_the_ppk(case, issue):
    text = squash(pdf_text(issue(K.MORAL_CLOSED).pdf.read()))
    assert "Bupati Sukamaju selaku Pejabat Pembina Kepegawaian" in text
    assert "Kepala Badan Kepegawaian dan Pengembangan" not in text.split("Tembusan")[0]


# --- Which document at which step ---------------------------------------------------------------------
def test_pp94_document_refused_at_the_wrong_step(case, make_draft):
    with pytest.raises(IllegalStep, match="tidak dapat dibuat pada tahap"):
        procedure.check_draft(K.SUMMONS_1, case)  # the case is at "Keputusan"
    Case.objects.filter(pk=case.pk).update(status=Case.Status.NEW)
    case.refresh_from_db()
    assert procedure.allowed_letter_kinds(case) == [K.COACHING]
    with pytest.raises(IllegalStep, match="tahap “Baru”"):
        procedure.check_draft(K.WRITTEN_WARNING, case)


def test_pp94_no_procedure_letter_without_a_case(letterhead, staff_employee, hr_user, leader_user, head_signatory):
    data = {
        "kind": K.WRITTEN_WARNING,
        "employee": staff_employee,
        "letterhead": letterhead,
        "subject": "x",
        "legal_basis": "x",
        "signatory": head_signatory,
        "signer": leader_user,
    }
    with pytest.raises(IllegalStep, match="hanya dapat dibuat dari sebuah kasus"):
        services.create_draft(acting_user=hr_user, data=data)
    coaching = services.create_draft(acting_user=hr_user, data={**data, "kind": K.COACHING})
    assert coaching.case is None  # a coaching reminder is not a procedure document


def test_pp94_pasal_8_punishment_letter_cannot_name_another_sanction(case, make_draft):
    # The decision is a teguran tertulis: neither a Keputusan nor a pernyataan tidak puas may be drafted.
    for kind in (K.DECISION, K.DISSATISFACTION, K.MORAL_OPEN):
        with pytest.raises(IllegalStep, match="tidak sesuai dengan keputusan yang dicatat"):
            procedure.check_draft(kind, case)
    letter = make_draft(K.WRITTEN_WARNING)
    assert letter.decision.sanction_type.code == "PNS-R2"


def test_pp94_pasal_8_teguran_tertulis_is_a_plain_letter_not_a_keputusan(case, issue):
    text = squash(pdf_text(issue(K.WRITTEN_WARNING).pdf.read()))
    assert "Nomor :" in text and "Yth. Sdr. Siti Uji" in text and "Sifat : Rahasia" in text
    assert "KEPUTUSAN" not in text and "MEMUTUSKAN" not in text and "Menimbang" not in text


# --- Dates on the signed documents ----------------------------------------------------------------------
def test_pp94_pasal_27_panggilan_i_seven_working_days_before_the_examination():
    cal = Calendar()
    hearing = dt.date(2024, 10, 21)
    latest = cal.add_working_days(hearing, -7)
    procedure.check_summons_1({"hearing_date": hearing.isoformat()}, latest, cal)
    with pytest.raises(IllegalStep, match="paling lambat 7 hari kerja sebelum pemeriksaan"):
        procedure.check_summons_1({"hearing_date": hearing.isoformat()}, cal.add_working_days(latest, 1), cal)


def test_pp94_pasal_27_panggilan_ii_seven_days_after_first(case, letterhead, hr_user, leader_user):
    cal = Calendar()
    missed = dt.date(2024, 10, 21)
    latest = cal.add_working_days(missed, 7)
    with pytest.raises(IllegalStep, match="memerlukan Surat Panggilan I yang sudah ditandatangani"):
        procedure.check_summons_2(case, {"hearing_date": "2024-10-25"}, missed, cal)
    signed_summons(case, K.SUMMONS_1, missed, hr_user, leader_user)
    with pytest.raises(IllegalStep, match="setelah pemeriksaan 21 Oktober 2024 tidak dihadiri"):
        procedure.check_summons_2(case, {"hearing_date": "2024-10-25"}, missed - dt.timedelta(days=1), cal)
    with pytest.raises(IllegalStep, match="paling lambat 7 hari kerja sejak tanggal tidak hadir"):
        procedure.check_summons_2(case, {"hearing_date": "2024-11-05"}, cal.add_working_days(latest, 1), cal)
    with pytest.raises(IllegalStep, match="sesudah tanggal surat"):
        procedure.check_summons_2(case, {"hearing_date": cal.add_working_days(latest, 1).isoformat()}, missed, cal)
    ok = procedure.check_summons_2(case, {"hearing_date": "2024-10-25", "missed_date": "2024-10-01"}, missed, cal)
    assert ok["missed_date"] == "2024-10-21"  # the missed date comes from the signed Panggilan I, not typing


def test_pp94_bap_date_not_in_the_future_nor_before_the_summons(case, letterhead, hr_user, leader_user):
    today = timezone.localdate()
    held = Calendar().add_working_days(today, -2)
    details = {"exam_date": held.isoformat(), "examiners": "A\nB\nC"}
    with pytest.raises(IllegalStep, match="memerlukan surat panggilan"):
        procedure.check_examination(case, details, today)
    signed_summons(case, K.SUMMONS_1, held, hr_user, leader_user)
    procedure.check_examination(case, details, today)
    future = {**details, "exam_date": (today + dt.timedelta(days=1)).isoformat()}
    with pytest.raises(IllegalStep, match="tidak boleh di masa depan"):
        procedure.check_examination(case, future, today)
    early = {**details, "exam_date": (held - dt.timedelta(days=1)).isoformat()}
    with pytest.raises(IllegalStep, match="sebelum tanggal pemeriksaan pada surat panggilan"):
        procedure.check_examination(case, early, today)


def test_pp94_pasal_30_tim_pemeriksa_required_when_berat_is_suspected(case, letterhead, hr_user, leader_user):
    today = timezone.localdate()
    signed_summons(case, K.SUMMONS_1, today, hr_user, leader_user)
    alone = {"exam_date": today.isoformat(), "examiners": "Hendra Wijaya | | Atasan langsung"}
    with pytest.raises(IllegalStep, match="Tim Pemeriksa"):
        procedure.check_examination(case, alone, today)  # SKB #5 is rated berat
    case.violation_type.discipline_level = "sedang"
    procedure.check_examination(case, alone, today)  # optional for sedang


def test_pp94_bap_signed_by_every_examiner_and_the_examinee_on_the_examination_day(case, issue):
    letter = issue(K.EXAMINATION)
    text = squash(pdf_text(letter.pdf.read()))
    signatures = text.split("Yang diperiksa,")[1]
    for name in ("Siti Uji", "Hendra Wijaya", "Rina Kusumawati", "Dodi Pengawas"):
        assert name in signatures, name
    held = case.examinations.get().held_on
    assert f"Sukamaju, {rendering.tanggal(held)}" in text


def test_pp79_pasal_11_keputusan_takes_effect_after_the_appeal_window(berat_case, issue):
    text = squash(pdf_text(issue(K.DECISION).pdf.read()))
    assert "pada tanggal ditetapkan" not in text
    assert "setelah tenggat upaya administratif 14 (empat belas) hari kerja sejak diterima" in text


# --- Words and time zone --------------------------------------------------------------------------------
def test_acronyms_keep_their_capitals_in_letters():
    assert rendering.sentence_case("Pemotongan TPP 25% selama 6 bulan") == "pemotongan TPP 25% selama 6 bulan"
    assert rendering.sentence_case("PHPK") == "PHPK"
    wording = rendering.decision_wording(SanctionType.objects.get(code="PNS-B3"), "pns")
    assert wording["operative"].endswith("sebagai PNS")
    assert rendering.decision_wording(SanctionType.objects.get(code="PNS-B3"), "cpns")["about"].endswith("SEBAGAI CPNS")
    phpk = rendering.decision_wording(SanctionType.objects.get(code="PPPK-PTDH"), "pppk")
    assert "(PHPK)" in phpk["operative"] and "HUKUMAN DISIPLIN" not in phpk["about"]
    ptdh = rendering.decision_wording(SanctionType.objects.get(code="PNS-PTDH"), "pns")
    assert ptdh["about"].startswith("PEMBERHENTIAN TIDAK DENGAN HORMAT") and "HUKUMAN DISIPLIN" not in ptdh["about"]


def test_pemda_time_zone_wita_prints_on_the_summons(settings, issue):
    settings.TIME_ZONE = "Asia/Makassar"
    text = squash(pdf_text(issue(K.SUMMONS_1).pdf.read()))
    assert "09.00 WITA" in text and "WIB" not in text
    # 23:30 WIB on 20 October is already 21 October in Bulungan (WITA): letter dates follow the Pemda's zone.
    moment = dt.datetime(2024, 10, 20, 16, 30, tzinfo=dt.UTC)
    assert timezone.localdate(moment) == dt.date(2024, 10, 21)
