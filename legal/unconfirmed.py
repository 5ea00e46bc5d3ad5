"""Every point the domain brief lists as unconfirmed (§7 and the marks in §1–§6), with how the system
treats it and where a Pemda changes it. Printed on the legal-basis page so the legal officer can tick
them off against the primary texts (JDIH) in one sitting.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Point:
    topic: str
    brief: str
    handling: str  # what the system does now (the conservative reading)
    configure: str  # where a Pemda changes it


POINTS: tuple[Point, ...] = (
    Point("Jarak Panggilan I (7 hari kerja), Panggilan II, penyampaian keputusan (14 hari kerja)", "§3.2, §7",
          "Dipakai sebagai batas minimal/maksimal yang melindungi pegawai; dicek pada tanggal-tanggal kasus.",
          "Tetap di kode (legal/procedure.py); diubah hanya lewat rilis setelah dicek."),
    Point("Matriks pejabat yang berwenang menghukum di kabupaten/kota", "§3.3, §7",
          "Bawaan: ringan atasan/kepala unit, sedang kepala perangkat daerah, berat dan sanksi moral PPK.",
          "Pengaturan CASES_AUTHORITY_MATRIX (cases/sanctions.py)."),
    Point("Tingkat hukuman Pasal 5 huruf n angka 1 dan 7 PP 94/2021", "§2.2, §7",
          "Angka 1 sedang, angka 7 berat (sejalan SKB butir 12).", "LEGAL_OPTIONS: pp94_5n_1_level, pp94_5n_7_level."),
    Point("SKB butir 10 sedang vs PP 94 Pasal 5 huruf n angka 6 berat", "§2.3, §7",
          "Sedang; alasan rekomendasi menyebut pertentangannya; pejabat dapat memilih berat dengan alasan.",
          "LEGAL_OPTIONS: skb10_level."),
    Point("Dapat tidaknya hukuman ringan diajukan keberatan", "§3.4, §7",
          "Tidak dibuka; surat tidak menjanjikannya.", "LEGAL_OPTIONS: ringan_appealable."),
    Point("Saat berlaku keputusan bila tidak diajukan upaya administratif", "§3.4, §7",
          "Hari kerja pertama sesudah tenggat upaya administratif; tanpa upaya administratif: saat disampaikan.",
          "LEGAL_OPTIONS: effective_rule, appeal_window_unit."),
    Point("Nomor pasal PP 79/2021 (Pasal 11 ayat (3), Pasal 13 ayat (2))", "§3.4",
          "Tenggat 14 hari kerja dan 21 hari dipakai; nomor pasal ditandai belum dikonfirmasi.", "-"),
    Point("Pasal kewajiban dan kelalaian atasan langsung (Pasal 26 ayat (1), Pasal 28 PP 94/2021)", "§3.1",
          "Kewajiban dicatat per kasus; batas memanggil kebijakan Pemda.", "LEGAL_OPTIONS: supervisor_duty_workdays."),
    Point("Pasal pengulangan pelanggaran dalam PP 94/2021", "§3.5",
          "Aturan dipakai (lebih berat daripada keputusan terakhir jenis yang sama); pasal tidak dicetak.", "-"),
    Point("Daftar hukuman PPPK dan instrumen PPPK paruh waktu", "§1.1, §2.5, §7",
          "Menu bawaan mengikuti bentuk PNS dan berakhir PHPK; PPPK paruh waktu diperlakukan sebagai PPPK.",
          "Admin: Jenis sanksi (berlaku untuk PPPK)."),
    Point("Sanksi moral PP 42/2004 bagi PPPK; apakah PP 42/2004 sudah diganti", "§1.2, §2.1",
          "Hanya PNS/CPNS.", "LEGAL_OPTIONS: pppk_moral_sanction."),
    Point("Huruf Pasal 24 ayat (1) UU 20/2023 (kewajiban netral)", "§1.2",
          "Dikutip tanpa huruf.", "-"),
    Point("Judul lengkap SE MenPAN-RB 1/2023", "§1.1", "Dikutip dengan nomor dan tahun saja.", "-"),
    Point("Digit 9–14 NI PPPK", "§6.2, §7",
          "Hanya panjang, tanggal lahir, tahun dan digit jenis kelamin yang diperiksa.", "-"),
    Point("Tenggat tindak lanjut rekomendasi KASN/BKN", "§3.2, §7",
          "3 hari kerja (arahan Kemendagri 2020).", "Pengaturan RECOMMENDATION_ACT_WORKING_DAYS."),
    Point("Nomor surat: akhiran tahun, sub-kode 800.x untuk disiplin", "§4.1, §7",
          "Pola nomor per Pemda.", "Kop surat dan pola nomor di admin (letters/numbering.py)."),
    Point("Perpres 91/2024 dan 92/2024; pasal UU 27/2022", "§1.2, §6.6, §7",
          "Tidak dikutip pada dokumen keputusan.", "-"),
    Point("Daftar pose jari sebagai teks resmi", "§5.1, §7",
          "Deteksi hanya sinyal; tidak dikutip sebagai dasar hukum; pejabat memutus.", "-"),
)  # fmt: skip
