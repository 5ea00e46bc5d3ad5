"""Import an SP4N-LAPOR! export (CSV) into the public-report queue.

Assumed columns (the LAPOR! instansi dashboard export; names matched case-insensitively, aliases accepted):
- ``No. Tracking`` (or ``Tracking ID``, ``ID Laporan``, ``Nomor Tracking``) — required, the LAPOR! number;
- ``Tanggal Laporan`` (or ``Tanggal``) — required, ``DD-MM-YYYY``, ``DD/MM/YYYY`` or ``YYYY-MM-DD`` (a time may follow);
- ``Judul Laporan`` (or ``Judul``) and ``Isi Laporan`` (or ``Isi``, ``Deskripsi``) — at least one required;
- ``Tautan`` (or ``URL``, ``Lampiran``) — optional.
Every http(s) link in title, text and link columns becomes one report (one post per URL, merged as usual);
rows without a link are listed as skipped. Re-importing the same file adds nothing (number + URL are unique).
The whole file is checked before anything is saved, then saved in one transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record

from .models import PublicReport
from .public_reports import submit

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
COLUMNS = {
    "tracking": ("no. tracking", "tracking id", "id laporan", "nomor tracking", "no tracking"),
    "date": ("tanggal laporan", "tanggal"),
    "title": ("judul laporan", "judul"),
    "body": ("isi laporan", "isi", "deskripsi"),
    "link": ("tautan", "url", "lampiran"),
}
URL_RE = re.compile(r"https?://[^\s<>\"'()\[\]]+", re.IGNORECASE)
DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d")


@dataclass
class ImportResult:
    created: int = 0
    already: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = _("%(c)s pengaduan LAPOR! masuk antrean, %(a)s sudah ada sebelumnya.") % {
            "c": self.created,
            "a": self.already,
        }
        if self.skipped:
            text += " " + _("Dilewati (tanpa tautan): %(r)s.") % {"r": ", ".join(self.skipped[:20])}
        return text


def _decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("Berkas bukan teks CSV (UTF-8)."))


def _date(value: str) -> dt.datetime | None:
    text = value.strip().split(" ")[0]
    for fmt in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a date; noon local time below)
        except ValueError:
            continue
        return timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    return None


def parse(raw: bytes) -> tuple[list[dict], list[str]]:
    """Rows ready to import (one per URL) and the LAPOR! numbers skipped for having no link."""
    if len(raw) > MAX_BYTES:
        raise ValidationError(_("Berkas terlalu besar (maksimal 5 MB)."))
    text = _decode(raw)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader, [])]
    index = {}
    for key, names in COLUMNS.items():
        index[key] = next((header.index(n) for n in names if n in header), None)
    missing = [COLUMNS[k][0] for k in ("tracking", "date") if index[k] is None]
    if index["title"] is None and index["body"] is None:
        missing.append("isi laporan")
    if missing:
        raise ValidationError(_("Kolom wajib tidak ada: %(c)s.") % {"c": ", ".join(missing)})
    errors, rows, skipped = [], [], []
    for line, cells in enumerate(reader, start=2):
        if line - 1 > MAX_ROWS:
            raise ValidationError(_("Terlalu banyak baris (maksimal %(n)s).") % {"n": MAX_ROWS})
        if not any(c.strip() for c in cells):
            continue

        def cell(key: str, cells=cells) -> str:
            i = index[key]
            return cells[i].strip() if i is not None and i < len(cells) else ""

        tracking = cell("tracking")[:60]
        when = _date(cell("date"))
        if not tracking:
            errors.append(_("Baris %(n)s: nomor tracking kosong.") % {"n": line})
        if when is None:
            errors.append(_("Baris %(n)s: tanggal “%(d)s” tidak dikenal.") % {"n": line, "d": cell("date")[:30]})
        title, body = cell("title"), cell("body")
        urls = list(dict.fromkeys(u.rstrip(".,;") for u in URL_RE.findall(" ".join((title, body, cell("link"))))))
        if not urls:
            skipped.append(tracking or str(line))
            continue
        description = "\n".join(filter(None, (title, body)))[:2000] or _("(tanpa uraian)")
        for url in urls:
            if len(url) > 1000:
                errors.append(_("Baris %(n)s: tautan terlalu panjang.") % {"n": line})
                continue
            rows.append({"tracking": tracking, "received_at": when, "url": url, "description": description})
    if errors:
        raise ValidationError(errors[:50])
    return rows, skipped


@transaction.atomic
def import_csv(uploaded: Any, *, acting_user: Any = None, request: Any = None) -> ImportResult:
    raw = uploaded.read(MAX_BYTES + 1) if hasattr(uploaded, "read") else bytes(uploaded)
    rows, skipped = parse(raw)
    result = ImportResult(skipped=skipped)
    for row in rows:
        if PublicReport.objects.filter(lapor_reference=row["tracking"], url=row["url"]).exists():
            result.already += 1
            continue
        submit(
            url=row["url"],
            description=row["description"],
            channel=PublicReport.Channel.LAPOR,
            lapor_reference=row["tracking"],
            received_at=row["received_at"],
            request=request,
        )
        result.created += 1
    record(
        "public_report.lapor_import",
        actor=acting_user,
        changes={"created": result.created, "already": result.already, "skipped": skipped[:100]},
        request=request,
    )
    return result
