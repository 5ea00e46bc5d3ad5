"""The legal instruments the product relies on, each with its full citation (brief §1.2).

Plain Python, no Django. Titles are written out once here; every other module refers to an
instrument by its key, so a corrected title changes every letter and the legal-basis page at once.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Instrument:
    key: str
    short: str  # how a sentence refers to it, e.g. "PP 94/2021"
    citation: str  # full citation for a Mengingat clause
    number: str
    year: int
    contributes: str  # what the product takes from it
    unconfirmed: str = ""  # what of it the brief could not confirm


INSTRUMENTS: dict[str, Instrument] = {
    i.key: i
    for i in (
        Instrument(
            "uu_asn",
            "UU 20/2023",
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
            "20",
            2023,
            "ASN terdiri atas PNS dan PPPK; kewajiban netral (Pasal 9 ayat (2), Pasal 24 ayat (1)); "
            "keanggotaan partai politik berujung pemberhentian tidak dengan hormat (Pasal 52); "
            "penataan pegawai non-ASN (Pasal 66).",
            "Huruf pada Pasal 24 ayat (1) yang memuat kewajiban netral.",
        ),
        Instrument(
            "uu_asn_2014",
            "UU 5/2014",
            "Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara",
            "5",
            2014,
            "Asas netralitas (Pasal 2 huruf f); dasar pembentukan PP 94/2021 dan SKB 2022. Dicabut oleh UU 20/2023.",
        ),
        Instrument(
            "pp94",
            "PP 94/2021",
            "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
            "94",
            2021,
            "Larangan mendukung calon (Pasal 5 huruf n), jenis hukuman disiplin (Pasal 8), kewajiban atasan "
            "memanggil dan memeriksa, wewenang menghukum, upaya administratif. Berlaku juga bagi CPNS.",
            "Nomor pasal tingkat hukuman untuk Pasal 5 huruf n angka 1 dan 7; pasal pengulangan pelanggaran.",
        ),
        Instrument(
            "perbkn6",
            "Peraturan BKN 6/2022",
            "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022 tentang Peraturan Pelaksanaan Peraturan "
            "Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
            "6",
            2022,
            "Tata cara pelaksanaan PP 94/2021 dan format naskahnya; potongan tunjangan kinerja berlaku "
            "sebagai potongan TPP bagi pegawai daerah.",
            "Bunyi baku format lampiran; matriks pejabat yang berwenang menghukum di kabupaten/kota.",
        ),
        Instrument(
            "pp42",
            "PP 42/2004",
            "Peraturan Pemerintah Nomor 42 Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik Pegawai Negeri Sipil",
            "42",
            2004,
            "Pelanggaran kode etik dikenai sanksi moral tertulis yang dinyatakan PPK, secara tertutup atau "
            "terbuka (Pasal 15).",
            "Apakah sudah diganti peraturan baru; penerapannya bagi PPPK.",
        ),
        Instrument(
            "pp49",
            "PP 49/2018",
            "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja",
            "49",
            2018,
            "Disiplin PPPK diatur PPK per instansi dengan tata cara mengikuti PNS (Pasal 51–52); "
            "pemutusan hubungan perjanjian kerja (PHPK).",
            "Daftar hukuman PPPK yang seragam secara nasional.",
        ),
        Instrument(
            "pp79",
            "PP 79/2021",
            "Peraturan Pemerintah Nomor 79 Tahun 2021 tentang Upaya Administratif dan Badan Pertimbangan "
            "Aparatur Sipil Negara",
            "79",
            2021,
            "Keberatan terhadap keputusan selain pemberhentian; banding administratif ke BPASN terhadap "
            "pemberhentian PNS atau PHPK, paling lama 14 hari kerja (Pasal 11 ayat (3)); tanggapan PPK "
            "21 hari (Pasal 13 ayat (2)).",
            "Nomor pasal dikutip dari pemberitaan, belum dicocokkan dengan naskah resmi.",
        ),
        Instrument(
            "skb2022",
            "SKB 2022",
            "Keputusan Bersama Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 2 Tahun 2022, "
            "Menteri Dalam Negeri Nomor 800-5474 Tahun 2022, Kepala Badan Kepegawaian Negara Nomor 246 Tahun "
            "2022, Ketua Komisi Aparatur Sipil Negara Nomor 30 Tahun 2022, dan Ketua Badan Pengawas Pemilihan "
            "Umum Nomor 1447.1/PM.01/K.1/09/2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai "
            "Aparatur Sipil Negara dalam Penyelenggaraan Pemilihan Umum dan Pemilihan",
            "2/800-5474/246/30/1447.1/PM.01/K.1/09/2022",
            2022,
            "Katalog pelanggaran netralitas (13 butir) dengan jalur kode etik dan disiplin; kewajiban PPK "
            "melakukan sosialisasi, pengawasan dan tindak lanjut. Ditetapkan 22 September 2022 (bukan "
            "\u201cSKB Nomor 22 Tahun 2022\u201d).",
        ),
        Instrument(
            "se_menpan_1_2023",
            "SE MenPAN-RB 1/2023",
            "Surat Edaran Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 1 Tahun 2023",
            "1",
            2023,
            "Pegawai non-ASN (honorer/PPNPN) wajib netral dengan jenis pelanggaran yang sama; sanksinya "
            "berjenjang menurut perjanjian kerja sampai pemutusan perjanjian kerja.",
            "Judul lengkap surat edaran.",
        ),
        Instrument(
            "uu_pilkada",
            "UU 10/2016",
            "Undang-Undang Nomor 1 Tahun 2015 tentang Penetapan Peraturan Pemerintah Pengganti Undang-Undang "
            "Nomor 1 Tahun 2014 tentang Pemilihan Gubernur, Bupati, dan Walikota menjadi Undang-Undang "
            "sebagaimana telah beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2020",
            "1",
            2015,
            "Pasal 70 ayat (1), 71 ayat (1), 188 dan 189: jalur pidana pemilihan (Bawaslu/Gakkumdu), "
            "terpisah dari jalur kepegawaian; Pasal 134: laporan ke Bawaslu.",
            "Tenggat Pasal 134 dihitung dari naskah Perpu 1/2014; perubahan sesudahnya belum dicek.",
        ),
        Instrument(
            "permendagri_1_2023",
            "Permendagri 1/2023",
            "Peraturan Menteri Dalam Negeri Nomor 1 Tahun 2023 tentang Tata Naskah Dinas di Lingkungan "
            "Pemerintah Daerah",
            "1",
            2023,
            "Bentuk surat dinas dan keputusan (kop, nomor, sifat, blok tanda tangan; kop kepala daerah); "
            "penomoran per kode klasifikasi dan unit.",
            "Apakah tahun wajib pada nomor surat; bentuk baku surat hukuman disiplin (lampiran Peraturan BKN 6/2022).",
        ),
        Instrument(
            "uu_pdp",
            "UU 27/2022",
            "Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi",
            "27",
            2022,
            "Dasar pemrosesan data pegawai dan bukti; penghapusan dan pemusnahan data pribadi setelah masa "
            "retensi (purge_expired).",
            "Nomor pasal penghapusan/pemusnahan (Pasal 43–44) dari sumber sekunder.",
        ),
        Instrument(
            "permendagri_83_2022",
            "Permendagri 83/2022",
            "Peraturan Menteri Dalam Negeri Nomor 83 Tahun 2022 tentang Kode Klasifikasi Arsip di Lingkungan "
            "Kementerian Dalam Negeri dan Pemerintah Daerah",
            "83",
            2022,
            "Kode klasifikasi arsip (seri 800 kepegawaian) sebagai awalan nomor surat.",
            "Sub-kode untuk disiplin pegawai; diisi dan diperiksa per Pemda.",
        ),
        Instrument(
            "perbkn1_2023",
            "Peraturan BKN 1/2023",
            "Peraturan Badan Kepegawaian Negara Nomor 1 Tahun 2023",
            "1",
            2023,
            "Rekomendasi KASN/BKN mengikat PPK; tanpa tindak lanjut, data/layanan pegawai di SIASN dapat diblokir "
            "(bersama Perpres 116/2022): dasar jam tindak lanjut rekomendasi dan berkas jawaban ke BKN.",
            "Judul lengkap dan pasal pemblokiran; tidak ada jumlah hari tindak lanjut dalam peraturan yang "
            "ditemukan (arahan Kemendagri 2020: 3 hari).",
        ),
    )
}


def get(key: str) -> Instrument:
    return INSTRUMENTS[key]


def citation(key: str) -> str:
    return INSTRUMENTS[key].citation


def short(key: str) -> str:
    return INSTRUMENTS[key].short
