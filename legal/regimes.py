"""Legal basis, sanction menu, dismissal outcome and appeal routes per employment status (brief §1.1, §2, §3.4).

The regime follows the employee's status ON THE DATE OF THE ACT (brief §1.1 notes), never the status
when the case is opened. Statuses: ``pns``, ``cpns``, ``pppk``, ``honorer``.

CPNS decision: CPNS are disciplined under PP 94/2021 and Peraturan BKN 6/2022 exactly like PNS (brief
§1.1 says so in the PNS row); documents name them "CPNS", never "PNS", and the dismissal rung reads
"sebagai CPNS". Their dismissal as CPNS under the PNS-management rules is not encoded (not in the brief).

Honorer are not ASN (brief §1.1, §2.5): no UU ASN, no PP 94/2021, no PP 42/2004, no BPASN. Their
duty and sanctions come from SE MenPAN-RB 1/2023 and their work agreement, up to contract termination.
The menus below are the defaults seeded into ``cases.SanctionType``; a Pemda edits its PPPK and honorer
menus there (brief §2.5: per instansi / per work agreement).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import options
from .articles import Article, art

STATUSES = ("pns", "cpns", "pppk", "honorer")
STATUS_LABELS = {"pns": "PNS", "cpns": "CPNS", "pppk": "PPPK", "honorer": "Pegawai non-ASN (honorer)"}
LEVELS = ("ringan", "sedang", "berat")
DISMISSAL = "ptdh"  # level code of an outcome outside the ladder (PTDH / PHPK tidak dengan hormat)

KEBERATAN = "keberatan"
BANDING = "banding"


@dataclass(frozen=True)
class SanctionRule:
    code: str  # cases.SanctionType.code
    name: str
    track: str  # "discipline" | "moral"
    level: str  # "ringan" | "sedang" | "berat" | "ptdh" | "moral"
    applies_to: str  # "pns" (PNS+CPNS) | "pppk" | "honorer" | "asn"
    rung: int
    months: int | None
    article: Article
    dismissal: bool = False  # ends the employment (banding, not keberatan)

    def label(self, status: str) -> str:
        """The name as a document prints it for ``status`` (dismissal says 'sebagai PNS/CPNS')."""
        if self.dismissal and status in ("pns", "cpns"):
            return f"{self.name} sebagai {STATUS_LABELS[status]}"
        return self.name


P94, P49, P42, UU, SE = "pp94", "pp49", "pp42", "uu_asn", "se_menpan_1_2023"
PPPK_RULES = "PP 49/2018 Pasal 52 jo. peraturan disiplin PPPK instansi"

SANCTIONS: tuple[SanctionRule, ...] = (
    SanctionRule("MORAL-TERTUTUP", "Pernyataan secara tertutup", "moral", "moral", "asn", 1, None, art(P42, "Pasal 15")),
    SanctionRule("MORAL-TERBUKA", "Pernyataan secara terbuka", "moral", "moral", "asn", 2, None, art(P42, "Pasal 15")),
    SanctionRule("PNS-R1", "Teguran lisan", "discipline", "ringan", "pns", 1, None, art(P94, "Pasal 8 ayat (2) huruf a")),
    SanctionRule("PNS-R2", "Teguran tertulis", "discipline", "ringan", "pns", 2, None, art(P94, "Pasal 8 ayat (2) huruf b")),
    SanctionRule("PNS-R3", "Pernyataan tidak puas secara tertulis", "discipline", "ringan", "pns", 3, None,
                 art(P94, "Pasal 8 ayat (2) huruf c")),
    SanctionRule("PNS-S1", "Pemotongan TPP 25% selama 6 bulan", "discipline", "sedang", "pns", 4, 6,
                 art(P94, "Pasal 8 ayat (3) huruf a")),
    SanctionRule("PNS-S2", "Pemotongan TPP 25% selama 9 bulan", "discipline", "sedang", "pns", 5, 9,
                 art(P94, "Pasal 8 ayat (3) huruf b")),
    SanctionRule("PNS-S3", "Pemotongan TPP 25% selama 12 bulan", "discipline", "sedang", "pns", 6, 12,
                 art(P94, "Pasal 8 ayat (3) huruf c")),
    SanctionRule("PNS-B1", "Penurunan jabatan setingkat lebih rendah selama 12 bulan", "discipline", "berat", "pns",
                 7, 12, art(P94, "Pasal 8 ayat (4) huruf a")),
    SanctionRule("PNS-B2", "Pembebasan dari jabatan menjadi jabatan pelaksana selama 12 bulan", "discipline",
                 "berat", "pns", 8, 12, art(P94, "Pasal 8 ayat (4) huruf b")),
    SanctionRule("PNS-B3", "Pemberhentian dengan hormat tidak atas permintaan sendiri", "discipline", "berat",
                 "pns", 9, None, art(P94, "Pasal 8 ayat (4) huruf c"), dismissal=True),
    SanctionRule("PNS-PTDH", "Pemberhentian tidak dengan hormat", "discipline", DISMISSAL, "pns", 50, None,
                 art(UU, "Pasal 52 ayat (3) huruf j dan ayat (4)"), dismissal=True),
    # PPPK: the instansi's own menu (PP 49/2018 Pasal 52); defaults follow the PNS shape, ending in PHPK.
    SanctionRule("PPPK-R1", "Teguran lisan", "discipline", "ringan", "pppk", 1, None, art(P49, "Pasal 52")),
    SanctionRule("PPPK-R2", "Teguran tertulis", "discipline", "ringan", "pppk", 2, None, art(P49, "Pasal 52")),
    SanctionRule("PPPK-R3", "Pernyataan tidak puas secara tertulis", "discipline", "ringan", "pppk", 3, None,
                 art(P49, "Pasal 52")),
    SanctionRule("PPPK-S1", "Pemotongan TPP 25% selama 6 bulan", "discipline", "sedang", "pppk", 4, 6,
                 art(P49, "Pasal 52")),
    SanctionRule("PPPK-S2", "Pemotongan TPP 25% selama 12 bulan", "discipline", "sedang", "pppk", 5, 12,
                 art(P49, "Pasal 52")),
    SanctionRule("PPPK-B1", "Pemutusan hubungan perjanjian kerja (PHPK) dengan hormat tidak atas permintaan sendiri",
                 "discipline", "berat", "pppk", 6, None, art(P49, "Pasal 52"), dismissal=True),
    SanctionRule("PPPK-PTDH", "Pemutusan hubungan perjanjian kerja (PHPK) tidak dengan hormat", "discipline",
                 DISMISSAL, "pppk", 50, None, art(UU, "Pasal 52 ayat (3) huruf j dan ayat (4)"), dismissal=True),
    # Honorer: graded per the work agreement (SE MenPAN-RB 1/2023); the top is termination of the contract.
    SanctionRule("HON-R1", "Teguran lisan", "discipline", "ringan", "honorer", 1, None, art(SE)),
    SanctionRule("HON-R2", "Teguran tertulis", "discipline", "ringan", "honorer", 2, None, art(SE)),
    SanctionRule("HON-S1", "Surat peringatan terakhir", "discipline", "sedang", "honorer", 3, None, art(SE)),
    SanctionRule("HON-B1", "Pemutusan perjanjian kerja", "discipline", "berat", "honorer", 4, None, art(SE),
                 dismissal=True),
)  # fmt: skip

BY_CODE: dict[str, SanctionRule] = {s.code: s for s in SANCTIONS}

# The outcome for a dismissal offence (party membership, SKB 2022 #9) per status.
DISMISSAL_OUTCOME = {"pns": "PNS-PTDH", "cpns": "PNS-PTDH", "pppk": "PPPK-PTDH", "honorer": "HON-B1"}


@dataclass(frozen=True)
class Regime:
    status: str
    label: str
    is_asn: bool
    duty: tuple[Article, ...]  # where the neutrality duty comes from
    discipline: tuple[Article, ...]  # the discipline regime
    references: tuple[str, ...]  # instrument keys for a Mengingat clause, in order
    appeals: str  # one sentence on the appeal routes


_ASN_DUTY = (art(UU, "Pasal 9 ayat (2)"), art(UU, "Pasal 24 ayat (1)"))

REGIMES: dict[str, Regime] = {
    "pns": Regime(
        "pns",
        "PNS",
        True,
        _ASN_DUTY + (art(P94, "Pasal 5 huruf n"),),
        (art(P94, "Pasal 8"), art("perbkn6")),
        ("uu_asn", "pp94", "perbkn6", "skb2022"),
        "Keberatan atas hukuman selain pemberhentian; banding administratif ke BPASN atas pemberhentian.",
    ),
    "cpns": Regime(
        "cpns",
        "CPNS",
        True,
        _ASN_DUTY + (art(P94, "Pasal 5 huruf n"),),
        (art(P94, "Pasal 8"), art("perbkn6")),
        ("uu_asn", "pp94", "perbkn6", "skb2022"),
        "Seperti PNS.",
    ),
    "pppk": Regime(
        "pppk",
        "PPPK",
        True,
        _ASN_DUTY,
        (art(P49, "Pasal 51"), art(P49, "Pasal 52")),
        ("uu_asn", "pp49", "skb2022"),
        "Keberatan atas hukuman selain PHPK; banding administratif ke BPASN atas PHPK.",
    ),
    "honorer": Regime(
        "honorer",
        "Pegawai non-ASN (honorer)",
        False,
        (art(SE),),
        (art(SE),),
        ("se_menpan_1_2023",),
        "Tidak ada upaya administratif PP 79/2021 (bukan ASN); keberatan mengikuti perjanjian kerja.",
    ),
}


def regime(status: str) -> Regime:
    return REGIMES[status]


def menu(status: str, track: str = "discipline") -> list[SanctionRule]:
    """The ladder for ``status`` (dismissal outcomes outside the ladder are left out), lightest first."""
    return sorted(
        (s for s in SANCTIONS if s.track == track and s.level != DISMISSAL and applies(s.applies_to, status)),
        key=lambda s: s.rung,
    )


def applies(applies_to: str, status: str) -> bool:
    if applies_to == "asn":
        return status in ("pns", "cpns") or (status == "pppk" and options.value("pppk_moral_sanction"))
    if applies_to == "pns":
        return status in ("pns", "cpns")
    return applies_to == status


def moral_allowed(status: str) -> bool:
    """Sanksi moral (PP 42/2004 Pasal 15) is for PNS/CPNS; PPPK only where the Pemda opts in; never honorer."""
    return applies("asn", status)


def dismissal_outcome(status: str) -> SanctionRule:
    """PTDH (PNS/CPNS), PHPK tidak dengan hormat (PPPK) or contract termination (honorer)."""
    return BY_CODE[DISMISSAL_OUTCOME[status]]


def appeal_kinds(status: str, sanction_code: str) -> tuple[str, ...]:
    """Which upaya administratif lies against a decision imposing ``sanction_code`` on ``status`` (brief §3.4).

    Banding administratif to BPASN only against dismissal of a PNS/CPNS or PHPK of a PPPK (PP 79/2021);
    keberatan against the other disciplinary punishments (ringan only where the Pemda opted in);
    none for honorer (not ASN) and none recorded for sanksi moral (not a hukuman disiplin).
    """
    rule = BY_CODE.get(sanction_code)
    if status == "honorer" or rule is None or rule.track != "discipline":
        return ()
    if rule.dismissal:
        return (BANDING,)
    if rule.level == "ringan" and not options.value("ringan_appealable"):
        return ()
    return (KEBERATAN,)
