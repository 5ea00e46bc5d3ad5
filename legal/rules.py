"""Every rule the product takes from a regulation, with the article it implements, where the code enforces
it and the test that proves it. The legal-basis page (``legal.page``) prints this list beside the tables.
``tests/legal/test_rules_registry.py`` checks that every named test exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import procedure, repeat
from .articles import Article, art


@dataclass(frozen=True)
class Rule:
    key: str
    statement: str
    articles: tuple[Article, ...]
    enforced_in: str
    test: str
    option: str = ""  # per-Pemda option (legal.options) that changes it


RULES: tuple[Rule, ...] = (
    Rule(
        "status_at_act",
        "Rezim hukum mengikuti status kepegawaian pada tanggal perbuatan, bukan saat kasus dibuka; status itu "
        "dapat dikoreksi dengan alasan dan tercatat di log audit.",
        (art("uu_asn", "Pasal 66"),),
        "cases/services.py::set_status_at_act, cases/sanctions.py::recommend",
        "test_uu20_2023_pasal_66_status_at_time_of_act_drives_the_regime",
    ),
    Rule(
        "honorer_not_asn",
        "Honorer bukan ASN: tidak dikutip UU ASN, PP 94/2021, PP 42/2004 maupun BPASN; dasar dan sanksinya "
        "SE MenPAN-RB 1/2023 dan perjanjian kerja, sampai pemutusan perjanjian kerja.",
        (art("se_menpan_1_2023"), art("uu_asn", "Pasal 66")),
        "legal/regimes.py, legal/citations.py",
        "test_se_menpan_1_2023_honorer_cites_no_pp94_uu_asn_or_bpasn",
    ),
    Rule(
        "cpns_as_pns",
        "CPNS diperiksa dan dihukum menurut PP 94/2021 seperti PNS; dokumen menyebut statusnya CPNS.",
        (art("pp94"), art("perbkn6")),
        "legal/regimes.py",
        "test_pp94_cpns_follows_the_pns_ladder_and_is_named_cpns",
    ),
    Rule(
        "pp94_ladder",
        "Jenis hukuman disiplin PNS menurut tingkat: ringan (3), sedang (potongan TPP 25% 6/9/12 bulan), "
        "berat (3); jenis hukuman PP 53/2010 tidak ditawarkan.",
        (art("pp94", "Pasal 8"),),
        "legal/regimes.py::SANCTIONS",
        "test_pp94_pasal_8_ladder_for_pns",
    ),
    Rule(
        "pppk_menu",
        "Hukuman PPPK mengikuti aturan disiplin PPPK instansi (menu dapat diubah Pemda di admin), terberat PHPK.",
        (art("pp49", "Pasal 51"), art("pp49", "Pasal 52")),
        "legal/regimes.py::SANCTIONS, cases.SanctionType (admin)",
        "test_pp49_2018_pasal_52_pppk_menu_ends_in_phpk",
    ),
    Rule(
        "party_membership",
        "Menjadi anggota/pengurus partai politik berujung pemberhentian tidak dengan hormat (PNS/CPNS), PHPK "
        "tidak dengan hormat (PPPK) atau pemutusan perjanjian kerja (honorer) — bukan anak tangga PP 94/2021.",
        (art("uu_asn", "Pasal 52 ayat (3) huruf j dan ayat (4)"), art("skb2022", "Lampiran angka 9")),
        "legal/regimes.py::dismissal_outcome, cases/sanctions.py::recommend",
        "test_uu20_2023_pasal_52_party_membership_ptdh",
    ),
    Rule(
        "violation_levels",
        "Tingkat hukuman per butir katalog (13 butir SKB 2022 dan 7 bentuk Pasal 5 huruf n PP 94/2021).",
        (art("pp94", "Pasal 5 huruf n"), art("pp94", "Pasal 13 huruf g"), art("skb2022")),
        "legal/violations.py::level",
        "test_pp94_pasal_5_huruf_n_forms_are_catalogued_with_level_and_article",
    ),
    Rule(
        "skb10_conflict",
        "Butir 10 SKB (sedang) dan Pasal 5 huruf n angka 6 PP 94 (berat menurut pemberitaan) memakai satu "
        "opsi Pemda; bawaan sedang, dan alasan rekomendasi menyebut pertentangannya.",
        (art("skb2022", "Lampiran angka 10"), art("pp94", "Pasal 5 huruf n angka 6")),
        "legal/violations.py::level, cases/sanctions.py::recommend",
        "test_skb2022_angka_10_conflict_sedang_by_default_configurable_to_berat",
        option="skb10_level",
    ),
    Rule(
        "repeat_offence",
        "Pelanggaran berulang jenis yang sama: lebih berat daripada keputusan TERAKHIR untuk jenis itu; "
        "keputusan yang dibatalkan pada upaya administratif tidak dihitung; jenis lain tidak menaikkan.",
        (repeat.ARTICLE,),
        "legal/repeat.py, cases/sanctions.py::recommend",
        "test_pp94_repeat_offence_same_type_heavier_than_last_annulled_excluded",
    ),
    Rule(
        "appeal_routes",
        "Keberatan atas hukuman selain pemberhentian; banding administratif ke BPASN hanya atas pemberhentian "
        "PNS/CPNS atau PHPK; tidak ada untuk sanksi moral; hukuman ringan menurut opsi Pemda.",
        (art("pp79"), art("pp94")),
        "legal/regimes.py::appeal_kinds, legal/appeals.py::refusal",
        "test_pp79_2021_appeal_type_follows_the_decision",
        option="ringan_appealable",
    ),
    Rule(
        "appeal_window",
        f"Upaya administratif diajukan paling lama {procedure.APPEAL_DAYS} hari kerja sejak keputusan "
        "disampaikan; pengajuan terlambat ditolak.",
        (procedure.APPEAL_ARTICLE,),
        "legal/appeals.py::deadline, cases/services.py::file_appeal",
        "test_pp79_2021_pasal_11_late_appeal_refused",
        option="appeal_window_unit",
    ),
    Rule(
        "honorer_no_banding",
        "Honorer tidak dapat mengajukan keberatan/banding menurut PP 79/2021 (bukan ASN).",
        (art("pp79"), art("se_menpan_1_2023")),
        "legal/appeals.py::refusal",
        "test_pp79_2021_honorer_banding_refused",
    ),
    Rule(
        "effective_date",
        "Keputusan yang dapat diajukan upaya administratif berlaku sesudah tenggatnya habis; bila tidak ada "
        "upaya administratif, berlaku saat disampaikan.",
        (art("pp79"), art("pp94", "ketentuan saat berlaku", unconfirmed=True)),
        "legal/appeals.py::effective_date, cases/services.py::set_delivered",
        "test_pp79_2021_effective_date_after_the_appeal_window",
        option="effective_rule",
    ),
    Rule(
        "moral_sanction",
        "Sanksi moral (pernyataan tertutup/terbuka) dinyatakan PPK untuk pelanggaran kode etik PNS/CPNS; "
        "PPPK menurut opsi Pemda; tidak untuk honorer.",
        (art("pp42", "Pasal 15"),),
        "legal/regimes.py::moral_allowed, cases/sanctions.py::recommend",
        "test_pp42_2004_pasal_15_moral_sanction_not_for_honorer",
        option="pppk_moral_sanction",
    ),
    Rule(
        "supervisor_duty",
        "Atasan langsung yang mengetahui dugaan pelanggaran wajib memanggil dan memeriksa (bukan delik aduan); "
        "kelalaian ditandai kepada BKPSDM dan atasannya dan dapat menjadi kasus tersendiri.",
        (procedure.SUPERVISOR_DUTY_ARTICLE, procedure.SUPERVISOR_FAILURE_ARTICLE),
        "cases/supervision.py",
        "test_pp94_pasal_26_supervisor_notified_and_missed_duty_flagged",
        option="supervisor_duty_workdays",
    ),
    Rule(
        "summons_timing",
        f"Panggilan I paling lambat {procedure.SUMMONS_1_MIN_WORKING_DAYS} hari kerja sebelum pemeriksaan; "
        f"pemeriksaan Panggilan II paling lama {procedure.SUMMONS_2_MAX_WORKING_DAYS} hari kerja sesudah "
        f"tanggal tidak hadir; keputusan disampaikan paling lama {procedure.DELIVERY_WORKING_DAYS} hari kerja.",
        (procedure.SUMMONS_ARTICLE, procedure.DELIVERY_ARTICLE),
        "cases/deadlines.py, cases/workflow.py",
        "test_pp94_summons_1_at_least_7_working_days_before_examination",
    ),
    # Documents (letters/procedure.py, letters/services.py, cases/authorities.py)
    Rule(
        "signed_by_authorised_official",
        "Surat hukuman, sanksi moral dan pemberhentian hanya ditandatangani atas nama pejabat yang tercatat "
        "berwenang pada keputusan kasus (PPK = Bupati/Wali Kota tanpa NIP); akun yang merekam tanda tangan "
        "(pejabat sendiri atau operatornya) dicatat terpisah di audit dan tidak dicetak.",
        (art("pp94", "pejabat yang berwenang menghukum", unconfirmed=True), art("pp42", "Pasal 15")),
        "letters/services.py::_bind_signature, cases/authorities.py",
        "test_pp94_letter_signed_only_in_the_name_of_the_decided_official",
    ),
    Rule(
        "letter_at_its_step",
        "Setiap dokumen hanya pada tahap kasusnya (Panggilan I/II, BAP, surat hukuman setelah keputusan); "
        "tanpa kasus hanya teguran pembinaan (bukan hukuman).",
        (procedure.SUMMONS_ARTICLE, art("pp94", "Pasal 8")),
        "letters/procedure.py::allowed_letter_kinds",
        "test_pp94_document_refused_at_the_wrong_step",
    ),
    Rule(
        "letter_follows_decision",
        "Surat hukuman dibuat dari keputusan yang dicatat dan tidak dapat memuat sanksi lain; teguran tertulis "
        "dan pernyataan tidak puas berupa surat biasa, hukuman lain berupa Keputusan.",
        (art("pp94", "Pasal 8 ayat (2)"),),
        "letters/procedure.py::sanction_letter_kind",
        "test_pp94_pasal_8_punishment_letter_cannot_name_another_sanction",
    ),
    Rule(
        "summons_dates_on_signed_letters",
        f"Tanggal diperiksa pada surat yang ditandatangani: Panggilan I ditandatangani paling lambat "
        f"{procedure.SUMMONS_1_MIN_WORKING_DAYS} hari kerja sebelum pemeriksaan; Panggilan II bertanggal sejak "
        f"tanggal tidak hadir (dari Panggilan I bertanda tangan) sampai {procedure.SUMMONS_2_MAX_WORKING_DAYS} "
        "hari kerja sesudahnya.",
        (procedure.SUMMONS_ARTICLE,),
        "letters/procedure.py::check_summons_1, check_summons_2; cases/workflow.py::_guard_summons_2",
        "test_pp94_pasal_27_panggilan_ii_seven_days_after_first",
    ),
    Rule(
        "bap",
        "BAP memerlukan surat panggilan bertanda tangan, tanggal pemeriksaan tidak di masa depan dan tidak "
        "sebelum jadwal pada panggilan; ditandatangani oleh setiap pemeriksa dan yang diperiksa.",
        (art("pp94", "pemeriksaan dan berita acara pemeriksaan", unconfirmed=True),),
        "letters/procedure.py::check_examination, templates/letters/pdf/examination.html",
        "test_pp94_bap_date_not_in_the_future_nor_before_the_summons",
    ),
    Rule(
        "tim_pemeriksa",
        "Dugaan pelanggaran berat (atau PTDH): pemeriksaan oleh Tim Pemeriksa — atasan langsung, unsur "
        "pengawasan, unsur kepegawaian (paling sedikit tiga pemeriksa).",
        (art("pp94", "Tim Pemeriksa", unconfirmed=True),),
        "letters/procedure.py::tim_pemeriksa_refusal",
        "test_pp94_pasal_30_tim_pemeriksa_required_when_berat_is_suspected",
    ),
    Rule(
        "archive_numbering",
        "Nomor surat: kode klasifikasi arsip, nomor urut, kode unit, tahun; satu buku agenda per kode, unit dan "
        "tahun tanpa loncatan; kode contoh ditolak pada surat yang ditandatangani dan diperingatkan system check.",
        (art("permendagri_1_2023", unconfirmed=True), art("permendagri_83_2022", unconfirmed=True)),
        "letters/numbering.py, netralitas_site/counters.py, letters/checks.py",
        "test_permendagri_83_2022_placeholder_archive_code_refused_on_a_signed_letter",
    ),
    Rule(
        "recommendation_clock",
        "Rekomendasi Bawaslu/BKN/KASN ditindaklanjuti paling lama 3 hari kerja sejak diterima (bacaan hati-hati: "
        "tidak ada jumlah hari dalam peraturan yang ditemukan; arahan Kemendagri 2020 memberi 3 hari), dapat "
        "diubah dengan RECOMMENDATION_ACT_WORKING_DAYS; diingatkan, dan dijawab dengan berkas rujukan ke BKN.",
        (art("perbkn1_2023", unconfirmed=True),),
        "outreach/recommendations.py::rule, outreach/reminders.py, outreach/bundle.py",
        "test_recommendation_clock_is_three_working_days_peraturan_bkn_1_2023_unconfirmed_count",
    ),
    Rule(
        "retention_purge",
        "Data pribadi kasus yang selesai atau dihentikan dihapus setelah masa retensi (CASE_RETENTION_DAYS, "
        "menurut jadwal retensi arsip Pemda; bawaan 5 tahun): berkas bukti, pratinjau, PDF surat, teks "
        "pemeriksaan dan URL unggahan; hash SHA-256, jejak audit dan statistik anonim tetap. Uji coba (--dry-run) "
        "dahulu; setiap penghapusan tercatat di audit.",
        (art("uu_pdp", "Pasal 43 ayat (1)", unconfirmed=True), art("uu_pdp", "Pasal 44 ayat (1)", unconfirmed=True)),
        "retention/rules.py, retention/purge.py, manage.py purge_expired",
        "test_uu_27_2022_pasal_44_purge_after_retention_dry_run_first_then_real",
    ),
)
