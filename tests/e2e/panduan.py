"""The screenshots of the user guides (docs/panduan/img/), taken by the browser suite on the demo data
(tests/e2e/test_screens.py) so the guides show the screens as they are. Set PANDUAN_SCREENSHOTS=0 to skip."""

from __future__ import annotations

import os
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "docs" / "panduan" / "img"

# demo username -> [(file name, path)] at 1280 px
PAGES = {
    "petugas": [
        ("petugas-dasbor", "/dasbor/"),
        ("petugas-kasus", "/kasus/"),
        ("petugas-kasus-detail", "/kasus/{case}/"),
        ("petugas-unggahan", "/kasus/unggahan/{post}/"),
        ("petugas-pegawai", "/pegawai/"),
        ("petugas-impor", "/pegawai/impor/"),
        ("petugas-pelatihan", "/pelatihan/kelola/"),
    ],
    "monitor": [
        ("monitor-dasbor", "/dasbor/"),
        ("monitor-laporan", "/kasus/unggahan/"),
        ("monitor-laporan-baru", "/kasus/unggahan/baru/"),
    ],  # fmt: skip
    "pimpinan": [
        ("pimpinan-dasbor", "/dasbor/"),
        ("pimpinan-surat", "/surat/"),
        ("pimpinan-kepatuhan", "/pelatihan/kepatuhan/"),
    ],  # fmt: skip
    "pegawai": [("pegawai-beranda", "/saya/"), ("pegawai-pelatihan", "/pelatihan/saya/")],
    "admin": [("admin-pemilihan", "/pemilu/")],
}
# demo username -> [(file name, path)] at 360 px (phone first: staff and monitors)
PHONE_PAGES = {
    "pegawai": [("pegawai-ponsel", "/saya/"), ("pegawai-surat-ponsel", "/surat/saya/")],
    "monitor": [("monitor-laporan-ponsel", "/kasus/unggahan/baru/")],
}


def _ids() -> dict[str, int]:
    """The demo objects the guides show (by what they are, not by database id)."""
    from cases.models import Case

    case = Case.objects.filter(reference__endswith="/0001").first() or Case.objects.order_by("pk").first()
    post = case.posts.order_by("pk").first() if case else None
    return {"case": case.pk if case else 0, "post": post.pk if post else 0}


def enabled() -> bool:
    return os.environ.get("PANDUAN_SCREENSHOTS", "1") != "0"


def shoot(page, base: str, username: str, *, phone: bool) -> list[str]:
    """Screenshot this role's guide pages; returns the files written."""
    if not enabled():
        return []
    OUT.mkdir(parents=True, exist_ok=True)
    written = []
    ids = _ids()
    for name, path in (PHONE_PAGES if phone else PAGES).get(username, []):
        path = path.format(**ids)
        response = page.goto(base + path)
        page.wait_for_load_state("networkidle")
        assert response is not None and response.status < 400, f"{name}: {path} -> {response and response.status}"
        page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
        written.append(name)
    return written
