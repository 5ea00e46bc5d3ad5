"""The legal-basis page, generated from the tables (instruments, regimes, violations, options, rules).

``sections()`` returns plain data that both outputs share: ``to_markdown()`` for docs/legal-basis.md
(``python manage.py legal_basis``) and the admin page ``/dasar-hukum/`` (template legal/basis.html).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import options, procedure, regimes, violations
from .instruments import INSTRUMENTS
from .rules import RULES
from .unconfirmed import POINTS

UNCONFIRMED = "belum dikonfirmasi"


@dataclass
class Section:
    title: str
    intro: str = ""
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _flag(unconfirmed: bool) -> str:
    return f" ({UNCONFIRMED})" if unconfirmed else ""


def _value(val) -> str:
    if isinstance(val, bool):
        return "ya" if val else "tidak"
    return str(val)


def sections() -> list[Section]:
    out = [
        Section(
            "Cara membaca",
            "Halaman ini dibuat dari tabel di kode (paket legal/). Setiap aturan menyebut pasalnya, tempat kode "
            "yang menegakkannya dan uji yang membuktikannya. Pasal bertanda “belum dikonfirmasi” berasal dari "
            "sumber sekunder; sistem memakai bacaan yang paling hati-hati dan Pemda dapat mengubahnya lewat "
            "pengaturan LEGAL_OPTIONS setelah bagian hukum memeriksa naskah resmi (JDIH). Bukan nasihat hukum.",
        )
    ]
    out.append(
        Section(
            "Peraturan yang dipakai",
            headers=["Singkatan", "Kutipan lengkap", "Yang diambil", "Belum dikonfirmasi"],
            rows=[[i.short, i.citation, i.contributes, i.unconfirmed or "-"] for i in INSTRUMENTS.values()],
        )
    )
    out.append(
        Section(
            "Dasar hukum per status kepegawaian (status pada tanggal perbuatan)",
            "Dasar hukum yang dipakai mengikuti status pegawai pada tanggal perbuatan, bukan pada tanggal kasus "
            "dibuka (banyak honorer menjadi PPPK pada 2025). Status: PNS, CPNS, PPPK, pegawai non-ASN (honorer).",
            ["Status", "ASN", "Kewajiban netral dari", "Rezim disiplin", "Pemberhentian", "Upaya administratif"],
            [
                [
                    r.label,
                    "ya" if r.is_asn else "tidak",
                    "; ".join(str(a) for a in r.duty),
                    "; ".join(str(a) for a in r.discipline),
                    f"{regimes.dismissal_outcome(s).label(s)} ({regimes.dismissal_outcome(s).article})",
                    r.appeals,
                ]
                for s, r in regimes.REGIMES.items()
            ],
        )
    )
    for status in ("pns", "pppk", "honorer"):
        rows = []
        for track in ("discipline", "moral"):
            for s in regimes.menu(status, track):
                kinds = ", ".join(regimes.appeal_kinds(status, s.code)) or "tidak ada"
                rows.append([s.code, s.label(status), s.level, str(s.article) + _flag(s.article.unconfirmed), kinds])
        dismissal = regimes.dismissal_outcome(status)
        if dismissal.level == regimes.DISMISSAL:
            kinds = ", ".join(regimes.appeal_kinds(status, dismissal.code)) or "tidak ada"
            rows.append([dismissal.code, dismissal.label(status), "di luar tangga", str(dismissal.article), kinds])
        title = {"pns": "PNS dan CPNS", "pppk": "PPPK", "honorer": "Honorer"}[status]
        out.append(
            Section(
                f"Menu sanksi: {title}",
                "Urutan dari yang paling ringan. Menu PPPK dan honorer adalah bawaan; Pemda mengubahnya di "
                "admin (Jenis sanksi) sesuai aturan instansi/perjanjian kerja.",
                ["Kode", "Sanksi", "Tingkat", "Pasal", "Upaya administratif"],
                rows,
            )
        )
    out.append(
        Section(
            "Katalog pelanggaran",
            "13 butir SKB 2022 dan 7 bentuk dukungan yang dilarang Pasal 5 huruf n PP 94/2021. “Tingkat berlaku” "
            "memakai opsi Pemda bila tingkatnya belum dikonfirmasi.",
            ["Kode", "Uraian", "Kode etik", "Dilarang oleh", "Tingkat berlaku", "Tingkat ditetapkan oleh", "Catatan"],
            [
                [
                    v.code,
                    v.title,
                    "ya" if v.ethics else "-",
                    str(v.prohibited_by),
                    violations.level(v.code) or "- (hanya kode etik)",
                    (str(v.level_set_by) + _flag(v.level_set_by.unconfirmed)) if v.level_set_by else "-",
                    " ".join(filter(None, [v.note, f"opsi: {v.level_option}" if v.level_option else ""])) or "-",
                ]
                for v in violations.VIOLATIONS
            ],
        )
    )
    out.append(
        Section(
            "Aturan dan pasalnya",
            headers=["Aturan", "Pasal", "Ditegakkan di", "Uji", "Opsi Pemda"],
            rows=[
                [
                    r.statement,
                    "; ".join(str(a) + _flag(a.unconfirmed) for a in r.articles),
                    r.enforced_in,
                    r.test,
                    r.option or "-",
                ]
                for r in RULES
            ],
        )
    )
    out.append(
        Section(
            "Tenggat prosedur",
            headers=["Tenggat", "Hari", "Pasal"],
            rows=[
                [
                    "Panggilan I sebelum pemeriksaan (paling sedikit)",
                    str(procedure.SUMMONS_1_MIN_WORKING_DAYS) + " hari kerja",
                    str(procedure.SUMMONS_ARTICLE) + _flag(True),
                ],
                [
                    "Pemeriksaan Panggilan II sesudah tidak hadir (paling lama)",
                    str(procedure.SUMMONS_2_MAX_WORKING_DAYS) + " hari kerja",
                    str(procedure.SUMMONS_ARTICLE) + _flag(True),
                ],
                [
                    "Penyampaian keputusan sesudah ditandatangani",
                    str(procedure.DELIVERY_WORKING_DAYS) + " hari kerja",
                    str(procedure.DELIVERY_ARTICLE) + _flag(True),
                ],
                [
                    "Pengajuan keberatan/banding sesudah disampaikan",
                    f"{procedure.APPEAL_DAYS} hari kerja (opsi)",
                    str(procedure.APPEAL_ARTICLE) + _flag(True),
                ],
                [
                    "Tanggapan PPK atas banding",
                    f"{procedure.PPK_RESPONSE_DAYS} hari",
                    "Pasal 13 ayat (2) PP 79/2021" + _flag(True),
                ],
            ],  # fmt: skip
        )
    )
    out.append(
        Section(
            "Hal yang belum dikonfirmasi dan pengaturannya per Pemda",
            "Nilai diatur di variabel lingkungan LEGAL_OPTIONS (JSON), dibaca settings.LEGAL_OPTIONS; kunci atau "
            'nilai yang tidak dikenal menggagalkan pemeriksaan sistem. Contoh: LEGAL_OPTIONS=\'{"skb10_level": '
            '"berat"}\'.',
            ["Opsi", "Pertanyaan", "Bawaan", "Berlaku", "Pilihan", "Mengapa bawaan ini", "Brief"],
            [
                [
                    o.key,
                    o.question,
                    _value(o.default),
                    _value(options.value(o.key)),
                    ", ".join(_value(c) for c in o.choices),
                    o.why_default,
                    o.brief,
                ]
                for o in options.OPTIONS.values()
            ],
        )
    )
    out.append(
        Section(
            "Semua hal yang belum dikonfirmasi dalam brief",
            "Daftar periksa untuk bagian hukum Pemda: perlakuan sistem saat ini dan tempat mengubahnya.",
            ["Hal", "Brief", "Perlakuan sekarang", "Diatur di"],
            [[p.topic, p.brief, p.handling, p.configure] for p in POINTS],
        )
    )
    return out


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def to_markdown() -> str:
    lines = [
        "# Dasar hukum (dibuat dari kode)",
        "",
        "Dibuat oleh `python manage.py legal_basis`. Jangan diedit manual.",
        "",
    ]
    for s in sections():
        lines += [f"## {s.title}", ""]
        if s.intro:
            lines += [s.intro, ""]
        if s.headers:
            lines.append("| " + " | ".join(s.headers) + " |")
            lines.append("|" + "---|" * len(s.headers))
            lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in s.rows]
            lines.append("")
    return "\n".join(lines)
