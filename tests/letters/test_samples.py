"""``letter_samples``: every document type for a PNS, a PPPK and an honorer case, read back with pdftotext.

Honorer documents cite neither PP 94/2021, UU ASN nor BPASN; each is signed in the name of the official the
decision records (the Bupati for a Keputusan or a sanksi moral, no NIP); the right articles are cited; every
procedure document is RAHASIA.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from letters import samples
from letters.kinds import LetterKind
from letters.models import Letter
from tests.conftest import service_missing

pytestmark = pytest.mark.django_db
K = LetterKind
PPK_SIGNED = {K.DECISION, K.MORAL_CLOSED, K.MORAL_OPEN}


def pdftotext(path: Path) -> str:
    if not shutil.which("pdftotext"):
        service_missing("pdftotext (poppler-utils)")
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


@pytest.fixture
def sample_dir(tmp_path) -> Path:
    call_command("letter_samples", "--out", str(tmp_path))
    return tmp_path


def test_letter_samples_cover_every_type_per_status_and_leave_no_data(sample_dir):
    names = sorted(p.stem for p in sample_dir.glob("*.pdf"))
    expected = sorted(f"{k}-{s}" for s in samples.STATUSES for k in samples.kinds_for(s))
    assert names == expected
    assert "moral_closed-honorer" not in names and "dissatisfaction-honorer" not in names  # PP 42/94 only for ASN
    assert "moral_open-pppk" not in names  # PP 42/2004 for PPPK only where the Pemda opts in
    assert not Letter.objects.exists()  # the transaction was rolled back


def test_se_menpan_1_2023_honorer_samples_cite_no_pp94_uu_asn_or_bpasn(sample_dir):
    for path in sample_dir.glob("*-honorer.pdf"):
        text = pdftotext(path)
        for banned in ("94 Tahun 2021", "PP 94", "Undang-Undang Nomor 20 Tahun 2023", "BPASN", "hukuman disiplin"):
            assert banned not in text, (path.name, banned)
        if path.stem.split("-")[0] != K.COACHING:
            assert (
                "Surat Edaran Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 1 Tahun 2023" in text
            )


def test_pp94_samples_signed_in_the_decided_officials_name(sample_dir):
    for path in sample_dir.glob("*.pdf"):
        kind = path.stem.rsplit("-", 1)[0]
        text = pdftotext(path)
        if kind in PPK_SIGNED:
            assert samples.PPK_NAME in text and "BUPATI SUKAMAJU," in text, path.name
            assert samples.HEAD_NAME not in text.split("Tembusan")[0].split("RAHASIA")[-1], path.name
        elif kind == K.EXAMINATION:  # the BAP: signed by the examinee and each member of the Tim Pemeriksa
            signatures = text.split("Yang diperiksa,")[1]
            for name in (samples.HEAD_NAME, "Dewi Anggraeni, S.E.", "Rina Kusumawati, S.H."):
                assert name in signatures, (path.name, name)
        else:
            assert samples.HEAD_NAME in text and "KEPALA DINAS PENDIDIKAN," in text, path.name
            assert "NIP 19750510 200003 1 002" in text and "/DISDIK/" in text, path.name  # his kop and register
        if kind == K.DECISION:
            assert "KEPUTUSAN BUPATI SUKAMAJU" in text
            assert "Kepala Badan Kepegawaian dan" not in text.split("Tembusan")[0]  # BKPSDM only gets a copy


def test_samples_cite_the_article_that_sets_the_sanction(sample_dir):
    def text(name: str) -> str:
        return pdftotext(sample_dir / f"{name}.pdf")

    pns_warning = text("written_warning-pns")
    assert "Pasal 5 huruf n PP 94/2021" in pns_warning and "Pasal 8 ayat (2) huruf b PP 94/2021" in pns_warning
    assert "Pasal 8 ayat (2) huruf c PP 94/2021" in text("dissatisfaction-pns")
    assert "Pasal 8 ayat (4) huruf a PP 94/2021" in text("decision-pns")
    assert "Nomor 1447.1/PM.01" in text("decision-pns")  # the SKB cited with its numbers
    pppk = text("decision-pppk")
    assert "Pasal 52" in pppk and "Nomor 49 Tahun 2018" in pppk and "Pasal 8 ayat" not in pppk
    assert "Pasal 15" in text("moral_closed-pns") and "secara tertutup" in text("moral_closed-pns")


def test_samples_rahasia_on_every_procedure_document(sample_dir):
    for path in sample_dir.glob("*.pdf"):
        assert ("RAHASIA" in pdftotext(path)) == (not path.stem.startswith(K.COACHING)), path.name
