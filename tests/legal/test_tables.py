"""The legal tables (legal/): one test per rule, named with the article it enforces."""

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from legal import appeals, citations, instruments, page, regimes, rules, violations

ROOT = Path(__file__).resolve().parents[2]
MONDAY = dt.date(2025, 3, 3)


class Cal:
    """Mon–Fri calendar without holidays, so expected dates are easy to read."""

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        day, left = start, n
        while left:
            day += dt.timedelta(days=1)
            if day.weekday() < 5:
                left -= 1
        return day


class V:  # a violation as the citations module sees it
    def __init__(self, code: str):
        rule = violations.get(code)
        self.code, self.title, self.number = code, rule.title, rule.number


class S:  # a sanction as the citations module sees it
    def __init__(self, code: str):
        rule = regimes.BY_CODE[code]
        self.code, self.name, self.level = code, rule.name, rule.level


def test_skb2022_is_cited_with_its_numbers():
    skb = instruments.citation("skb2022")
    for number in ("Nomor 2 Tahun 2022", "Nomor 800-5474 Tahun 2022", "Nomor 246 Tahun 2022", "Nomor 30 Tahun 2022",
                   "Nomor 1447.1/PM.01/K.1/09/2022"):  # fmt: skip
        assert number in skb
    assert "Nomor 22 Tahun 2022" not in skb


def test_pp94_pasal_8_ladder_for_pns():
    ladder = regimes.menu("pns")
    assert [s.code for s in ladder] == [
        "PNS-R1", "PNS-R2", "PNS-R3", "PNS-S1", "PNS-S2", "PNS-S3", "PNS-B1", "PNS-B2", "PNS-B3",
    ]  # fmt: skip
    assert [s.months for s in ladder if s.level == "sedang"] == [6, 9, 12]
    assert all(str(s.article).endswith("PP 94/2021") and s.article.article.startswith("Pasal 8") for s in ladder)
    assert not any("penundaan" in s.name.lower() or "pangkat" in s.name.lower() for s in ladder)  # PP 53/2010 gone
    assert "PNS-PTDH" not in [s.code for s in ladder]  # PTDH is not a rung


def test_pp94_cpns_follows_the_pns_ladder_and_is_named_cpns():
    assert [s.code for s in regimes.menu("cpns")] == [s.code for s in regimes.menu("pns")]
    assert regimes.BY_CODE["PNS-B3"].label("cpns").endswith("sebagai CPNS")
    text = citations.paragraph(purpose=citations.PUNISHMENT, status="cpns", violation=V("SKB-05"), sanction=S("PNS-B3"))
    assert "sebagai CPNS" in text and "sebagai PNS" not in text


def test_pp49_2018_pasal_52_pppk_menu_ends_in_phpk():
    ladder = regimes.menu("pppk")
    assert ladder[-1].code == "PPPK-B1" and "PHPK" in ladder[-1].name and ladder[-1].dismissal
    assert all(s.article.instrument == "pp49" for s in ladder)
    text = citations.paragraph(
        purpose=citations.PUNISHMENT, status="pppk", violation=V("SKB-05"), sanction=S("PPPK-S1")
    )
    assert "Pasal 52 Peraturan Pemerintah Nomor 49 Tahun 2018" in text
    assert "Nomor 94 Tahun 2021" not in text  # PP 94/2021 is the PNS regime
    assert "pemotongan TPP" in text  # acronyms keep their capitals


def test_uu20_2023_pasal_52_party_membership_ptdh():
    assert violations.is_dismissal_offence("SKB-09")
    assert regimes.dismissal_outcome("pns").code == "PNS-PTDH"
    assert regimes.dismissal_outcome("cpns").code == "PNS-PTDH"
    assert regimes.dismissal_outcome("pppk").code == "PPPK-PTDH"
    assert regimes.dismissal_outcome("honorer").code == "HON-B1"
    ptdh = regimes.dismissal_outcome("pns")
    assert str(ptdh.article) == "Pasal 52 ayat (3) huruf j dan ayat (4) UU 20/2023"
    text = citations.paragraph(
        purpose=citations.PUNISHMENT, status="pns", violation=V("SKB-09"), sanction=S("PNS-PTDH")
    )
    assert "pemberhentian tidak dengan hormat sebagai PNS" in text and "bukan hukuman disiplin" in text


def test_se_menpan_1_2023_honorer_cites_no_pp94_uu_asn_or_bpasn():
    regime = regimes.regime("honorer")
    assert not regime.is_asn and regime.references == ("se_menpan_1_2023",)
    texts = [
        citations.paragraph(purpose=p, status="honorer", violation=V("SKB-05"), sanction=S("HON-R2"))
        for p in (citations.SUMMONS, citations.EXAMINATION, citations.PUNISHMENT, citations.COACHING)
    ]
    texts += citations.decision_references("honorer")
    for text in texts:
        for forbidden in (
            "Nomor 94 Tahun 2021",
            "PP 94",
            "Nomor 20 Tahun 2023",
            "UU ASN",
            "BPASN",
            "Nomor 42 Tahun 2004",
        ):
            assert forbidden not in text, (forbidden, text)
    assert all("Nomor 1 Tahun 2023" in t for t in texts)
    assert regimes.appeal_kinds("honorer", "HON-B1") == ()
    with pytest.raises(ValueError):
        citations.paragraph(purpose=citations.MORAL_OPEN, status="honorer", violation=V("SKB-05"))


def test_pp94_pasal_5_huruf_n_forms_are_catalogued_with_level_and_article():
    forms = [v for v in violations.VIOLATIONS if v.code.startswith("PP94-5N-")]
    assert [v.number for v in forms] == [1, 2, 3, 4, 5, 6, 7]
    assert "fasilitas negara" in violations.get("PP94-5N-4").title and violations.level("PP94-5N-4") == "berat"
    assert "atribut partai atau atribut PNS" in violations.get("PP94-5N-2").title
    assert violations.level("PP94-5N-2") == "sedang"
    assert str(violations.get("PP94-5N-2").level_set_by) == "Pasal 13 huruf g PP 94/2021"
    assert all(str(v.prohibited_by) == f"Pasal 5 huruf n angka {v.number} PP 94/2021" for v in forms)
    assert len([v for v in violations.VIOLATIONS if v.code.startswith("SKB-")]) == 13
    text = citations.paragraph(
        purpose=citations.PUNISHMENT, status="pns", violation=V("PP94-5N-2"), sanction=S("PNS-S1")
    )
    assert "Pasal 5 huruf n angka 2 PP 94/2021" in text and "Pasal 13 huruf g PP 94/2021" in text
    assert "Pasal 8 ayat (3) huruf a PP 94/2021" in text
    assert "melakukan perbuatan berupa" in text


def test_pp94_pasal_5_huruf_n_unconfirmed_levels_use_the_conservative_default():
    assert violations.level("PP94-5N-1") == "sedang"
    assert violations.level("PP94-5N-7") == "berat"
    with override_settings(LEGAL_OPTIONS={"pp94_5n_1_level": "berat"}):
        assert violations.level("PP94-5N-1") == "berat"
    # unconfirmed level articles are not printed in letters
    text = citations.paragraph(
        purpose=citations.PUNISHMENT, status="pns", violation=V("PP94-5N-4"), sanction=S("PNS-B1")
    )
    assert "Pasal 14" not in text


def test_skb2022_angka_10_conflict_sedang_by_default_configurable_to_berat():
    assert violations.level("SKB-10") == "sedang" and violations.level("PP94-5N-6") == "sedang"
    assert "sedang" in violations.get("SKB-10").note and "berat" in violations.get("SKB-10").note
    with override_settings(LEGAL_OPTIONS={"skb10_level": "berat"}):
        assert violations.level("SKB-10") == "berat" and violations.level("PP94-5N-6") == "berat"


def test_pp79_2021_appeal_type_follows_the_decision():
    assert regimes.appeal_kinds("pns", "PNS-B3") == ("banding",)
    assert regimes.appeal_kinds("pns", "PNS-PTDH") == ("banding",)
    assert regimes.appeal_kinds("pppk", "PPPK-B1") == ("banding",)
    assert regimes.appeal_kinds("pns", "PNS-B1") == ("keberatan",)
    assert regimes.appeal_kinds("pns", "PNS-S2") == ("keberatan",)
    assert regimes.appeal_kinds("pns", "PNS-R2") == ()  # ringan: closed by default (unconfirmed)
    assert regimes.appeal_kinds("pns", "MORAL-TERBUKA") == ()
    with override_settings(LEGAL_OPTIONS={"ringan_appealable": True}):
        assert regimes.appeal_kinds("pns", "PNS-R2") == ("keberatan",)
    why = appeals.refusal(kind="banding", status="pns", sanction_code="PNS-S2", delivered_on=MONDAY, filed_on=MONDAY)
    assert "hanya dapat diajukan keberatan" in why


def test_pp79_2021_pasal_11_late_appeal_refused():
    deadline = appeals.deadline(MONDAY, Cal())
    assert deadline == dt.date(2025, 3, 21)  # 14 working days
    ok = appeals.refusal(
        kind="keberatan", status="pns", sanction_code="PNS-S1", delivered_on=MONDAY, filed_on=deadline, cal=Cal()
    )
    assert ok == ""
    late = appeals.refusal(kind="keberatan", status="pns", sanction_code="PNS-S1", delivered_on=MONDAY,
                           filed_on=deadline + dt.timedelta(days=3), cal=Cal())  # fmt: skip
    assert "terlambat" in late and "21-03-2025" in late
    with override_settings(LEGAL_OPTIONS={"appeal_window_unit": "calendar"}):
        assert appeals.deadline(MONDAY, Cal()) == dt.date(2025, 3, 17)


def test_pp79_2021_honorer_banding_refused():
    why = appeals.refusal(
        kind="banding", status="honorer", sanction_code="HON-B1", delivered_on=MONDAY, filed_on=MONDAY
    )
    assert "non-ASN" in why and "perjanjian kerja" in why


def test_pp79_2021_effective_date_after_the_appeal_window():
    cal = Cal()
    # appealable: first working day after the 14-working-day window
    assert appeals.effective_date(MONDAY, "pns", "PNS-S1", cal) == dt.date(2025, 3, 24)
    assert appeals.effective_date(MONDAY, "pns", "PNS-S1", cal) > appeals.deadline(MONDAY, cal)
    # no appeal lies: effective when delivered
    assert appeals.effective_date(MONDAY, "pns", "PNS-R2", cal) == MONDAY
    assert appeals.effective_date(MONDAY, "honorer", "HON-B1", cal) == MONDAY
    with override_settings(LEGAL_OPTIONS={"effective_rule": "day_15_calendar", "appeal_window_unit": "calendar"}):
        assert appeals.effective_date(MONDAY, "pns", "PNS-S1", cal) == dt.date(2025, 3, 18)


def test_pp42_2004_pasal_15_moral_sanction_not_for_honorer():
    assert regimes.moral_allowed("pns") and regimes.moral_allowed("cpns")
    assert not regimes.moral_allowed("honorer")
    assert not regimes.moral_allowed("pppk")  # conservative default (unconfirmed)
    with override_settings(LEGAL_OPTIONS={"pppk_moral_sanction": True}):
        assert regimes.moral_allowed("pppk")
    assert [s.code for s in regimes.menu("pns", "moral")] == ["MORAL-TERTUTUP", "MORAL-TERBUKA"]
    assert all(str(s.article) == "Pasal 15 PP 42/2004" for s in regimes.menu("pns", "moral"))


def test_every_rule_names_an_article_and_an_existing_test():
    defined = set()
    for path in (ROOT / "tests").rglob("test_*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_"):
                defined.add(node.name)
    for rule in rules.RULES:
        assert rule.articles, rule.key
        assert rule.test in defined, f"{rule.key}: test {rule.test} missing"


@pytest.mark.django_db
def test_legal_basis_command_writes_the_page_from_the_tables(tmp_path):
    out = tmp_path / "legal-basis.md"
    call_command("legal_basis", out=str(out))
    text = out.read_text(encoding="utf-8")
    for rule in rules.RULES:
        assert rule.test in text
    assert "skb10_level" in text and "belum dikonfirmasi" in text and "LEGAL_OPTIONS" in text
    assert "Nomor 800-5474 Tahun 2022" in text and "PNS-PTDH" in text and "PP94-5N-4" in text
    call_command("legal_basis", out=str(out), check=True)


@pytest.mark.django_db
def test_the_committed_legal_basis_page_matches_the_code():
    call_command("legal_basis", check=True)


def test_unknown_legal_options_fail_the_system_check():
    from legal.checks import legal_options_check

    with override_settings(LEGAL_OPTIONS={"skb10_level": "ringan", "nope": 1}):
        errors = legal_options_check(None)
    assert len(errors) == 2
    with override_settings(LEGAL_OPTIONS={}):
        assert legal_options_check(None) == []


@pytest.mark.django_db
def test_legal_basis_page_for_officers_only(client, hr_user, staff_user):
    from tests.conftest import TOTP_SECRET  # noqa: F401  (personas carry TOTP)

    client.force_login(staff_user)
    assert client.get("/dasar-hukum/").status_code == 403
    client.force_login(hr_user)
    response = client.get("/dasar-hukum/")
    assert response.status_code == 200
    assert "Pasal 52 ayat (3) huruf j dan ayat (4) UU 20/2023" in response.content.decode()
    assert page.sections()[0].title == "Cara membaca"


@pytest.mark.django_db
def test_pp94_summons_1_at_least_7_working_days_before_examination():
    from cases import deadlines
    from legal import procedure

    assert deadlines.SUMMONS_1_MIN_WORKING_DAYS == procedure.SUMMONS_1_MIN_WORKING_DAYS == 7
    exam = dt.date(2025, 3, 14)  # Friday
    assert deadlines.latest_summons_1_date(exam) == dt.date(2025, 3, 5)
    assert deadlines.latest_second_examination_date(dt.date(2025, 3, 3)) == dt.date(2025, 3, 12)


def test_uu20_2023_pasal_52_training_text_cites_the_table():
    from training import content

    explanations = " ".join(q[-1] for q in content.QUESTIONS)
    assert str(regimes.dismissal_outcome("pns").article) in explanations
    assert "Pasal 15 PP 42/2004" in explanations and "Pasal 5 huruf n angka 4 PP 94/2021" in explanations


def test_every_pemda_option_is_on_the_unconfirmed_checklist():
    from legal import options
    from legal.unconfirmed import POINTS

    listed = " ".join(p.configure for p in POINTS)
    for key in options.OPTIONS:
        assert key in listed, key
    markdown = page.to_markdown()
    assert "Semua hal yang belum dikonfirmasi dalam brief" in markdown and "Digit 9–14 NI PPPK" in markdown
