"""A reference to one article of one instrument, printable in a letter and on the legal-basis page."""

from __future__ import annotations

from dataclasses import dataclass

from .instruments import INSTRUMENTS


@dataclass(frozen=True)
class Article:
    instrument: str  # key in legal.instruments.INSTRUMENTS
    article: str  # "Pasal 8 ayat (2) huruf a"; "" when the instrument as a whole is meant
    unconfirmed: bool = False  # the brief could not confirm this article number

    def __str__(self) -> str:
        short = INSTRUMENTS[self.instrument].short
        return f"{self.article} {short}" if self.article else short

    @property
    def long(self) -> str:
        """The article with the instrument's full citation, for a Menimbang/Mengingat sentence."""
        full = INSTRUMENTS[self.instrument].citation
        return f"{self.article} {full}" if self.article else full


def art(instrument: str, article: str = "", *, unconfirmed: bool = False) -> Article:
    return Article(instrument, article, unconfirmed)
