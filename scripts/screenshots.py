"""Take the screenshots of the user guides (docs/panduan/img/) from a running demo server.

The browser suite regenerates the same screenshots on its own demo data (tests/e2e/test_screens.py); this
script does it against a server you run, e.g. after changing the demo data by hand.

./dev run            # in another terminal (demo data loaded)
.venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import django
import pyotp
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netralitas_site.settings")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM lookups beside Playwright's event loop
django.setup()
from accounts.demo import DEMO_ACCOUNTS  # noqa: E402
from tests.e2e.panduan import OUT, PAGES, PHONE_PAGES, _ids  # noqa: E402  (one list, shared with the browser suite)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]  # fmt: skip


def login(page, base: str, username: str) -> None:
    account = next(a for a in DEMO_ACCOUNTS if a.username == username)
    page.goto(f"{base}/accounts/login/")
    page.screenshot(path=str(OUT / "login.png"))
    page.fill("input[name=login]", username)
    page.fill("input[name=password]", account.password)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    if "/2fa/authenticate" in page.url:
        page.screenshot(path=str(OUT / "login-2fa.png"))
        page.fill("input[name=code]", pyotp.TOTP(account.totp_secret).now())
        page.click("form button[type=submit]")
        page.wait_for_load_state("networkidle")


def collage_shot(page, base: str) -> None:
    """The detection results of the demo's collage post: panels outlined, each photo read on its own."""
    from cases.models import ReportedPost

    post = ReportedPost.objects.filter(url="https://demo.netralitas/instagram/p/3000").first()
    if post is None:
        print("skip petugas-kolase: no demo collage post")
        return
    evidence = post.evidence.first()
    page.goto(f"{base}/kasus/unggahan/{post.pk}/")
    results = page.locator(f"#detection-ev-{evidence.pk}")
    results.wait_for()
    page.wait_for_function(f"document.querySelector('#detection-ev-{evidence.pk}').dataset.status === 'done'")
    page.wait_for_load_state("networkidle")
    results.screenshot(path=str(OUT / "petugas-kolase.png"))
    print("saved petugas-kolase.png")


# Pages anyone can open without logging in.
PUBLIC_PAGES = [("publik-pengaduan", "/pengaduan/"), ("publik-statistik", "/statistik/")]


def referral_shot(page, base: str) -> None:
    """The recommendation clock and referral bundles of the demo case that has a BKN recommendation."""
    from cases.models import Recommendation

    rec = Recommendation.objects.filter(number__startswith="R-1234/BKN").first()
    if rec is None:
        print("skip petugas-rujukan: no demo recommendation")
        return
    page.goto(f"{base}/kasus/{rec.case_id}/")
    page.locator("#rujukan").screenshot(path=str(OUT / "petugas-rujukan.png"))
    print("saved petugas-rujukan.png")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=ARGS)
        for username, pages in PAGES.items():
            context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="id-ID")
            page = context.new_page()
            login(page, args.base, username)
            for name, path in pages:
                response = page.goto(args.base + path.format(**_ids()))
                if response is None or response.status >= 400:
                    print(f"skip {name}: {path} -> {response.status if response else '?'}")
                    continue
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
                print(f"saved {name}.png")
            if username == "petugas":
                collage_shot(page, args.base)
                referral_shot(page, args.base)
            context.close()
        context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="id-ID")
        page = context.new_page()
        for name, path in PUBLIC_PAGES:
            page.goto(args.base + path)
            page.screenshot(path=str(OUT / f"{name}.png"), full_page=False)
            print(f"saved {name}.png")
        context.close()
        for username, pages in PHONE_PAGES.items():
            phone = browser.new_context(viewport={"width": 360, "height": 780}, is_mobile=True, locale="id-ID")
            page = phone.new_page()
            login(page, args.base, username)
            for name, path in pages:
                page.goto(args.base + path)
                page.screenshot(path=str(OUT / f"{name}.png"))
                print(f"saved {name}.png")
            phone.close()
        browser.close()


if __name__ == "__main__":
    main()
