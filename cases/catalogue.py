"""Seed data for the violation and sanction catalogues (brief §2.1, §2.3, §2.5).

Used by the data migration; admins edit the rows afterwards in Django admin.
"""

SKB = "SKB 2022 (MenPAN-RB 2/2022, Mendagri 800-5474/2022, BKN 246/2022, KASN 30/2022, Bawaslu 1447.1/2022)"

# (code, number, title, ethics, discipline_level)
VIOLATION_TYPES = [
    ("SKB-01", 1, "Memasang spanduk/baliho/alat peraga lainnya terkait (bakal) calon", True, "berat"),
    ("SKB-02", 2, "Sosialisasi/kampanye media sosial/online (bakal) calon", True, "berat"),
    ("SKB-03", 3, "Menghadiri deklarasi/kampanye (bakal) pasangan calon dan memberikan tindakan/dukungan aktif", True,
     "berat"),
    ("SKB-04", 4, "Membuat posting, comment, share, like, bergabung/follow grup/akun pemenangan (bakal) calon", True,
     "berat"),
    ("SKB-05", 5, "Memposting foto bersama (bakal) calon/tim sukses/alat peraga partai, termasuk menunjukkan simbol "
     "keberpihakan (gestur jari), memakai atribut atau latar partai/calon", True, "berat"),
    ("SKB-06", 6, "Ikut dalam kegiatan kampanye/sosialisasi/pengenalan bakal calon", True, ""),
    ("SKB-07", 7, "Mengikuti deklarasi/kampanye bagi suami/istri calon", True, ""),
    ("SKB-08", 8, "Melakukan pendekatan ke partai politik/masyarakat sebagai bakal calon", False, "sedang"),
    ("SKB-09", 9, "Menjadi anggota atau pengurus partai politik", False, "ptdh"),
    ("SKB-10", 10, "Mengadakan kegiatan yang mengarah keberpihakan kepada partai/(bakal) calon", False, "sedang"),
    ("SKB-11", 11, "Menjadi tim ahli/tim pemenangan/konsultan partai atau (bakal) calon", False, "berat"),
    ("SKB-12", 12, "Memberikan dukungan kepada bakal calon perseorangan dengan surat dukungan/mengumpulkan KTP", False,
     "berat"),
    ("SKB-13", 13, "Membuat keputusan/tindakan yang menguntungkan atau merugikan partai/(bakal) calon", False,
     "berat"),
]  # fmt: skip

# (code, name, track, level, applies_to, rung, months, basis)
SANCTION_TYPES = [
    ("MORAL-TERTUTUP", "Pernyataan secara tertutup", "moral", "moral", "asn", 1, None, "PP 42/2004 Pasal 15"),
    ("MORAL-TERBUKA", "Pernyataan secara terbuka", "moral", "moral", "asn", 2, None, "PP 42/2004 Pasal 15"),
    ("PNS-R1", "Teguran lisan", "discipline", "ringan", "pns", 1, None, "PP 94/2021 Pasal 8"),
    ("PNS-R2", "Teguran tertulis", "discipline", "ringan", "pns", 2, None, "PP 94/2021 Pasal 8"),
    ("PNS-R3", "Pernyataan tidak puas secara tertulis", "discipline", "ringan", "pns", 3, None, "PP 94/2021 Pasal 8"),
    ("PNS-S1", "Pemotongan TPP 25% selama 6 bulan", "discipline", "sedang", "pns", 4, 6, "PP 94/2021 Pasal 8"),
    ("PNS-S2", "Pemotongan TPP 25% selama 9 bulan", "discipline", "sedang", "pns", 5, 9, "PP 94/2021 Pasal 8"),
    ("PNS-S3", "Pemotongan TPP 25% selama 12 bulan", "discipline", "sedang", "pns", 6, 12, "PP 94/2021 Pasal 8"),
    ("PNS-B1", "Penurunan jabatan setingkat lebih rendah selama 12 bulan", "discipline", "berat", "pns", 7, 12,
     "PP 94/2021 Pasal 8"),
    ("PNS-B2", "Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan", "discipline", "berat", "pns", 8,
     12, "PP 94/2021 Pasal 8"),
    ("PNS-B3", "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", "discipline", "berat", "pns",
     9, None, "PP 94/2021 Pasal 8"),
    # PPPK: configurable per instansi (PP 49/2018 Pasal 52); defaults mirror PNS and end in PHPK.
    ("PPPK-R1", "Teguran lisan", "discipline", "ringan", "pppk", 1, None, "PP 49/2018 Pasal 52"),
    ("PPPK-R2", "Teguran tertulis", "discipline", "ringan", "pppk", 2, None, "PP 49/2018 Pasal 52"),
    ("PPPK-R3", "Pernyataan tidak puas secara tertulis", "discipline", "ringan", "pppk", 3, None,
     "PP 49/2018 Pasal 52"),
    ("PPPK-S1", "Pemotongan TPP 25% selama 6 bulan", "discipline", "sedang", "pppk", 4, 6, "PP 49/2018 Pasal 52"),
    ("PPPK-S2", "Pemotongan TPP 25% selama 12 bulan", "discipline", "sedang", "pppk", 5, 12, "PP 49/2018 Pasal 52"),
    ("PPPK-B1", "Pemutusan hubungan perjanjian kerja (PHPK)", "discipline", "berat", "pppk", 6, None,
     "PP 49/2018 Pasal 52"),
    # Honorer: graded per work agreement (SE MenPAN-RB 1/2023).
    ("HON-R1", "Teguran lisan", "discipline", "ringan", "honorer", 1, None, "SE MenPAN-RB 1/2023"),
    ("HON-R2", "Teguran tertulis", "discipline", "ringan", "honorer", 2, None, "SE MenPAN-RB 1/2023"),
    ("HON-S1", "Surat peringatan terakhir", "discipline", "sedang", "honorer", 3, None, "SE MenPAN-RB 1/2023"),
    ("HON-B1", "Pemutusan kontrak kerja", "discipline", "berat", "honorer", 4, None, "SE MenPAN-RB 1/2023"),
]  # fmt: skip


def seed(apps) -> None:
    ViolationType = apps.get_model("cases", "ViolationType")
    SanctionType = apps.get_model("cases", "SanctionType")
    for code, number, title, ethics, level in VIOLATION_TYPES:
        ViolationType.objects.update_or_create(
            code=code,
            defaults={
                "number": number,
                "title": title,
                "ethics": ethics,
                "discipline_level": level,
                "legal_basis": SKB,
            },
        )
    for code, name, track, level, applies, rung, months, basis in SANCTION_TYPES:
        SanctionType.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "track": track,
                "level": level,
                "applies_to": applies,
                "rung": rung,
                "duration_months": months,
                "legal_basis": basis,
            },
        )
