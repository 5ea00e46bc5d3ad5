"""Seed content in Bahasa Indonesia: neutrality question bank, apel scripts, programme materials, pact text.

Written for this system from the public rules summarised in the domain brief; the Pemda's legal officer
should check them against the primary texts before use.
"""

from legal import regimes, violations

S, M, TF = "single", "multiple", "tf"

# Explanations that cite an article take it from the legal tables (legal/), so training and letters agree.
_PTDH = regimes.dismissal_outcome("pns").article
_MORAL = regimes.menu("pns", "moral")[0].article
_FACILITIES = violations.get("PP94-5N-4")

T_DASAR = "Dasar hukum netralitas"
T_MEDSOS = "Media sosial dan simbol keberpihakan"
T_KAMPANYE = "Kegiatan kampanye dan fasilitas negara"
T_SANKSI = "Sanksi dan penanganan pelanggaran"
T_PELAPORAN = "Pelaporan dan pencegahan"

B, SL = "Benar", "Salah"

# (topic, kind, question, [(option, is_correct)], explanation)
QUESTIONS = [
    (T_DASAR, S, "Siapa saja yang termasuk Aparatur Sipil Negara (ASN) menurut UU 20/2023?",
     [("PNS dan PPPK", True), ("PNS saja", False), ("PNS, PPPK dan tenaga honorer", False), ("Pegawai BUMD", False)],
     "ASN terdiri atas PNS dan PPPK. Tenaga honorer bukan ASN, tetapi tetap wajib netral berdasarkan SE MenPAN-RB 1/2023."),
    (T_DASAR, TF, "Kewajiban netralitas hanya berlaku selama masa kampanye resmi.",
     [(B, False), (SL, True)],
     "Larangan berlaku sebelum, selama dan sesudah masa kampanye, termasuk terhadap bakal calon."),
    (T_DASAR, S, "Pedoman bersama lima instansi tahun 2022 tentang pembinaan dan pengawasan netralitas ASN dikenal sebagai …",
     [("SKB 2022", True), ("Perpres 116/2022", False), ("PP 42/2004", False), ("UU 7/2017", False)],
     "Keputusan Bersama MenPAN-RB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu (2022) memuat daftar bentuk pelanggaran."),
    (T_DASAR, S, "Peraturan yang mengatur disiplin PNS saat ini adalah …",
     [("PP 94/2021", True), ("PP 53/2010", False), ("PP 49/2018", False), ("UU 10/2016", False)],
     "PP 94/2021 menggantikan PP 53/2010 sejak 31 Agustus 2021."),
    (T_DASAR, TF, "Tenaga honorer (non-ASN) boleh ikut berkampanye karena bukan ASN.",
     [(B, False), (SL, True)],
     "SE MenPAN-RB 1/2023 menerapkan larangan yang sama kepada pegawai non-ASN; sanksinya mengikuti perjanjian kerja."),
    (T_DASAR, S, "Setelah KASN dibubarkan pada 2024, pengawasan netralitas ASN dialihkan kepada …",
     [("BKN", True), ("Bawaslu", False), ("Inspektorat Daerah", False), ("KPU", False)],
     "Pengawasan netralitas beralih ke BKN; kebijakan di KemenPAN-RB."),
    (T_DASAR, TF, "PPPK terikat kewajiban netralitas yang sama dengan PNS.",
     [(B, True), (SL, False)],
     "SKB 2022 mencakup PNS dan PPPK; sanksi PPPK mengikuti ketentuan manajemen PPPK."),
    (T_MEDSOS, S, "Seorang PNS membagikan (share) unggahan kampanye pasangan calon di akun pribadinya. Bagaimana penilaiannya?",
     [("Termasuk pelanggaran netralitas", True), ("Boleh, karena akun pribadi", False),
      ("Boleh asal tanpa komentar", False), ("Hanya dilarang pada hari kerja", False)],
     "Membuat, menanggapi, membagikan atau menyukai unggahan calon termasuk daftar pelanggaran SKB 2022."),
    (T_MEDSOS, M, "Manakah yang termasuk pelanggaran di media sosial? (pilih semua yang benar)",
     [("Menyukai (like) unggahan kampanye calon", True), ("Bergabung di grup tim pemenangan calon", True),
      ("Mengunggah foto bersama calon dengan pose jari nomor urut", True),
      ("Membagikan informasi jadwal pemungutan suara dari KPU", False)],
     "Informasi netral dari penyelenggara pemilihan boleh dibagikan; dukungan kepada calon tidak."),
    (T_MEDSOS, TF, "Mengunggah ulang foto lama bersama calon setelah calon ditetapkan dapat dinilai sebagai pelanggaran.",
     [(B, True), (SL, False)],
     "Yang dinilai adalah waktu unggah dan konteksnya; unggahan ulang saat masa pemilihan dapat menunjukkan keberpihakan."),
    (T_MEDSOS, S, "Saat berfoto di acara kantor pada masa pemilihan, pose yang paling aman adalah …",
     [("Tangan mengepal atau tanpa pose jari", True), ("Jari membentuk huruf V", False),
      ("Mengacungkan satu jari", False), ("Tiga jari terbuka", False)],
     "Pose jari dapat dibaca sebagai nomor urut pasangan calon; kepalan tangan atau tanpa pose lebih aman."),
    (T_MEDSOS, TF, "Berkomentar mendukung calon di kolom komentar akun orang lain tidak termasuk pelanggaran.",
     [(B, False), (SL, True)],
     "Komentar yang menunjukkan dukungan tetap merupakan bentuk keberpihakan."),
    (T_MEDSOS, M, "Unsur apa saja yang dipertimbangkan saat menilai foto yang diduga menunjukkan keberpihakan?",
     [("Siapa yang ada di foto (calon, tim sukses)", True), ("Atribut atau latar partai/calon", True),
      ("Keterangan foto dan tagar", True), ("Merek telepon yang dipakai memotret", False)],
     "Konteks menentukan: orang, atribut, keterangan, acara, kanal, tanggal foto dan tanggal unggah."),
    (T_MEDSOS, S, "Apa langkah yang tepat bila Anda ditandai (tag) dalam unggahan kampanye oleh orang lain?",
     [("Melepas tanda dan tidak menanggapi unggahan tersebut", True), ("Membagikan ulang agar sopan", False),
      ("Memberi komentar terima kasih", False), ("Membiarkan dan menyukai unggahan", False)],
     "Menanggapi atau membagikan dapat dianggap dukungan; lepaskan tanda dan jangan berinteraksi."),
    (T_KAMPANYE, S, "PNS yang hadir di acara kampanye lalu ikut meneriakkan yel-yel dukungan …",
     [("Melanggar, karena memberi dukungan aktif", True), ("Tidak melanggar bila di luar jam kerja", False),
      ("Tidak melanggar bila tidak berseragam", False), ("Hanya melanggar bila calon menang", False)],
     "Hadir disertai dukungan aktif (yel-yel, gerakan, mengajak) termasuk pelanggaran."),
    (T_KAMPANYE, TF, "Menggunakan mobil dinas untuk mengantar peserta kampanye merupakan pelanggaran.",
     [(B, True), (SL, False)],
     f"Berkampanye dengan fasilitas negara dilarang oleh {_FACILITIES.prohibited_by} (hukuman disiplin tingkat "
     f"{violations.level(_FACILITIES.code)})."),
    (T_KAMPANYE, M, "Manakah yang termasuk larangan bagi PNS? (pilih semua yang benar)",
     [("Menjadi anggota tim sukses calon", True), ("Memasang spanduk calon", True),
      ("Memberikan surat dukungan disertai fotokopi KTP kepada bakal calon perseorangan", True),
      ("Menggunakan hak pilih di TPS", False)],
     "Menggunakan hak pilih adalah hak setiap warga; dukungan kepada calon dilarang."),
    (T_KAMPANYE, S, "Kepala dinas mengumpulkan staf dan mengimbau memilih pasangan calon tertentu. Ini termasuk …",
     [("Kegiatan yang menunjukkan keberpihakan dan mengarahkan bawahan", True),
      ("Pembinaan pegawai yang sah", False), ("Sosialisasi pemilihan yang netral", False),
      ("Kebebasan berpendapat", False)],
     "Mengajak, mengimbau atau menyeru bawahan untuk mendukung calon dilarang."),
    (T_KAMPANYE, TF, "Pejabat boleh membuat keputusan yang menguntungkan pasangan calon asalkan sesuai anggaran.",
     [(B, False), (SL, True)],
     "Keputusan atau tindakan yang menguntungkan atau merugikan pasangan calon dilarang, juga diancam pidana pemilihan."),
    (T_KAMPANYE, S, "Bagaimana sikap ASN bila diundang ke acara syukuran yang ternyata berisi deklarasi bakal calon?",
     [("Meninggalkan acara dan tidak ikut mendukung", True), ("Ikut berfoto bersama bakal calon", False),
      ("Memberi sambutan dukungan", False), ("Membawa rekan kerja", False)],
     "Ikut dalam deklarasi atau perkenalan bakal calon termasuk pelanggaran kode etik."),
    (T_KAMPANYE, TF, "Membagikan bahan kampanye (kaos, stiker) kepada warga oleh ASN diperbolehkan jika gratis.",
     [(B, False), (SL, True)],
     "Pemberian barang dalam rangka keberpihakan termasuk kegiatan yang dilarang."),
    (T_KAMPANYE, S, "Menjadi anggota atau pengurus partai politik bagi PNS berakibat …",
     [("Pemberhentian tidak dengan hormat", True), ("Teguran lisan", False),
      ("Pemotongan TPP 25% selama 6 bulan", False), ("Tidak ada sanksi", False)],
     f"{_PTDH}: PNS yang menjadi anggota/pengurus partai politik diberhentikan tidak dengan hormat; bagi PPPK "
     "berupa PHPK tidak dengan hormat. Ini bukan hukuman disiplin PP 94/2021."),
    (T_SANKSI, S, "Hukuman disiplin tingkat sedang menurut PP 94/2021 berupa …",
     [("Pemotongan tunjangan kinerja/TPP 25% selama 6, 9 atau 12 bulan", True),
      ("Teguran tertulis", False), ("Penurunan jabatan 12 bulan", False), ("Penundaan kenaikan pangkat", False)],
     "Sedang = pemotongan tukin/TPP 25%; penundaan pangkat adalah aturan lama PP 53/2010."),
    (T_SANKSI, M, "Manakah yang termasuk hukuman disiplin berat? (pilih semua yang benar)",
     [("Penurunan jabatan setingkat lebih rendah selama 12 bulan", True),
      ("Pembebasan dari jabatan menjadi pelaksana selama 12 bulan", True),
      ("Pemberhentian dengan hormat tidak atas permintaan sendiri", True), ("Teguran lisan", False)],
     "Teguran lisan adalah hukuman ringan."),
    (T_SANKSI, TF, "Sanksi moral atas pelanggaran kode etik dinyatakan oleh Pejabat Pembina Kepegawaian (PPK).",
     [(B, True), (SL, False)],
     f"{_MORAL}: sanksi moral berupa pernyataan tertutup atau terbuka oleh PPK."),
    (T_SANKSI, TF, "Atasan yang mengetahui dugaan pelanggaran tetapi tidak memeriksa dapat ikut dijatuhi hukuman.",
     [(B, True), (SL, False)],
     "Disiplin bukan delik aduan: atasan wajib memanggil dan memeriksa; yang lalai dapat dihukum lebih berat."),
    (T_SANKSI, S, "Bagi tenaga honorer yang melanggar netralitas, sanksi terberat adalah …",
     [("Pemutusan perjanjian kerja", True), ("Pemberhentian sebagai PNS", False),
      ("Penurunan pangkat", False), ("Tidak ada sanksi", False)],
     "Honorer tidak tunduk pada PP 94/2021; sanksi mengikuti perjanjian kerja hingga pemutusan."),
    (T_SANKSI, TF, "Rekomendasi BKN tentang pelanggaran netralitas boleh diabaikan oleh PPK.",
     [(B, False), (SL, True)],
     "Rekomendasi wajib ditindaklanjuti; BKN dapat memblokir layanan kepegawaian bila diabaikan."),
    (T_SANKSI, S, "Pelanggaran pidana pemilihan oleh pejabat ASN (misalnya keputusan yang menguntungkan paslon) ditangani oleh …",
     [("Bawaslu dan Sentra Gakkumdu", True), ("BKPSDM saja", False), ("Atasan langsung", False), ("KPU", False)],
     "Jalur pidana terpisah dari jalur disiplin kepegawaian."),
    (T_PELAPORAN, S, "Kanal pengaduan publik nasional yang dapat dipakai melaporkan dugaan pelanggaran netralitas ASN adalah …",
     [("SP4N-LAPOR!", True), ("SIASN", False), ("e-Kinerja", False), ("LPSE", False)],
     "SP4N-LAPOR! (lapor.go.id) dipromosikan BKN; pengaduan juga dapat disampaikan ke BKPSDM atau Inspektorat."),
    (T_PELAPORAN, TF, "Deteksi otomatis foto di media sosial sudah cukup untuk menjatuhkan hukuman tanpa pemeriksaan.",
     [(B, False), (SL, True)],
     "Temuan hanyalah sinyal; keputusan diambil manusia setelah pemeriksaan dan pembelaan."),
    (T_PELAPORAN, M, "Tindakan pencegahan yang baik di unit kerja selama masa pemilihan: (pilih semua yang benar)",
     [("Membacakan naskah netralitas saat apel pagi", True), ("Menandatangani pakta integritas netralitas", True),
      ("Mengingatkan rekan yang hendak mengunggah konten dukungan", True),
      ("Membuat grup percakapan kantor untuk kampanye calon", False)],
     "Sosialisasi, pakta integritas dan saling mengingatkan adalah bentuk pembinaan netralitas."),
    (T_PELAPORAN, S, "Pemungutan suara Pilkada Serentak 2024 dilaksanakan pada …",
     [("27 November 2024", True), ("14 Februari 2024", False), ("23 September 2024", False), ("1 Desember 2024", False)],
     "Kampanye 25 September – 23 November, masa tenang 24–26 November, pemungutan suara 27 November 2024."),
    (T_PELAPORAN, TF, "ASN tetap berhak menggunakan hak pilihnya di TPS.",
     [(B, True), (SL, False)],
     "Netral bukan berarti golput; ASN memilih secara rahasia tanpa menunjukkan dukungan di muka umum."),
]  # fmt: skip

APEL_SCRIPTS = [
    ("Netral itu menjaga kepercayaan", "Netralitas umum", 3,
     "Rekan-rekan ASN yang saya hormati,\n\n"
     "Masyarakat mempercayakan pelayanan kepada kita tanpa memandang pilihan politiknya. Kepercayaan itu hanya "
     "terjaga bila kita netral: tidak memihak, tidak mengarahkan, dan tidak memakai jabatan untuk kepentingan calon "
     "mana pun.\n\n"
     "Gunakan hak pilih Anda di TPS, tetapi simpan pilihan itu untuk diri sendiri. Mari kita layani semua warga "
     "dengan sama baiknya, sebelum, selama, dan sesudah masa kampanye."),
    ("Bijak bermedia sosial di masa pemilihan", "Media sosial", 3,
     "Rekan-rekan sekalian,\n\n"
     "Satu tombol suka, bagikan, atau komentar dapat dibaca sebagai dukungan. Selama masa pemilihan jangan "
     "berinteraksi dengan unggahan kampanye, jangan bergabung di grup pemenangan, dan hindari berfoto dengan pose "
     "jari yang dapat dibaca sebagai nomor urut.\n\n"
     "Bila ragu, jangan unggah. Bila ditandai dalam unggahan kampanye, lepaskan tanda tersebut."),
    ("Fasilitas negara bukan untuk kampanye", "Fasilitas negara", 2,
     "Rekan-rekan,\n\n"
     "Kendaraan dinas, ruang rapat, anggaran, dan waktu kerja adalah milik negara untuk melayani masyarakat. "
     "Menggunakannya untuk kegiatan calon mana pun merupakan pelanggaran berat. Tolak permintaan semacam itu dan "
     "laporkan kepada atasan atau BKPSDM."),
]  # fmt: skip

MATERIALS = [
    ("Mengapa ASN harus netral", "text",
     "ASN melayani seluruh masyarakat. Karena itu UU 20/2023 mewajibkan ASN bebas dari pengaruh golongan dan partai "
     "politik.\n\nKewajiban ini berlaku bagi PNS dan PPPK. Tenaga honorer juga terikat larangan yang sama melalui "
     "SE MenPAN-RB 1/2023.\n\nNetral tidak berarti tidak memilih: hak pilih tetap digunakan secara rahasia di TPS."),
    ("Bentuk-bentuk pelanggaran", "text",
     "Contoh pelanggaran: memasang alat peraga calon, berkampanye di media sosial, menyukai atau membagikan "
     "unggahan calon, berfoto dengan simbol keberpihakan, ikut deklarasi bakal calon, menjadi tim sukses, dan "
     "membuat keputusan yang menguntungkan atau merugikan pasangan calon.\n\nPenilaian selalu memperhatikan "
     "konteks: siapa, atribut apa, keterangan foto, acara, dan kapan diunggah."),
    ("Sanksi dan proses pemeriksaan", "text",
     "Pelanggaran dapat dikenai sanksi moral (kode etik) dan hukuman disiplin (PP 94/2021): ringan, sedang, "
     "atau berat. Keanggotaan partai politik berujung pemberhentian tidak dengan hormat.\n\nAtasan langsung wajib "
     "memanggil dan memeriksa; pegawai berhak membela diri dan mengajukan upaya administratif."),
    ("Video: Netralitas ASN dalam Pilkada", "video", ""),
]  # fmt: skip

PACT_TEXT = (
    "Dengan ini menyatakan bahwa saya:\n\n"
    "1. Akan bersikap netral dan tidak memihak kepada bakal calon maupun pasangan calon mana pun dalam pemilihan "
    "ini, sebelum, selama, dan sesudah masa kampanye;\n"
    "2. Tidak akan menggunakan jabatan, kewenangan, fasilitas, dan anggaran negara untuk kepentingan calon atau "
    "partai politik;\n"
    "3. Tidak akan mengunggah, menyukai, mengomentari, atau membagikan konten kampanye di media sosial, serta tidak "
    "bergabung dalam tim atau grup pemenangan;\n"
    "4. Tidak akan mengajak, mengimbau, atau mengarahkan rekan kerja, bawahan, keluarga, maupun masyarakat untuk "
    "mendukung calon tertentu;\n"
    "5. Bersedia menerima sanksi sesuai peraturan perundang-undangan apabila melanggar pernyataan ini."
)
