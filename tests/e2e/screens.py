"""What every screen must be, checked in a real browser: (issue 14)

- usable at 360 px without sideways scrolling (``document.scrollWidth`` within the viewport),
- no serious or critical axe-core violation (axe vendored in tests/e2e/vendor, injected by Playwright),
- no internal code (snake_case words) and no English text in the Indonesian interface.

``crawl`` visits the pages a role reaches by following its own links: each URL shape once (digits folded), no
downloads, no logout, nothing that changes data (links only; forms are never submitted here).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}

# Links never followed: they download, leave, log out, or belong to Django's own admin (checked on its own).
SKIP = re.compile(
    r"(/accounts/logout|/unduh|/download|/pdf|\.pdf$|\.csv$|\.zip$|/ekspor|/export|/media/|/static/|/i18n/"
    r"|/admin/|/django-rq|/verify/|/verifikasi/|/berkas/|/file/|/bukti/\d+/)"
)

SNAKE = re.compile(r"\b[a-z]{2,}(?:_[a-z0-9]{2,})+\b")
# English words that have no business in the Indonesian interface (whole words, case-sensitive where capitalised).
ENGLISH = re.compile(
    r"\b(?:the|and|with|your|please|Sign In|Sign Out|Cancel|Submit|Save|Delete|Edit|Search|Password|Username"
    r"|Programme|Program(?:me)? Quiz|Quiz|Pact|Source|Two-Factor|Authentication|Code|Back|Next|Previous|Settings"
    r"|Download|Upload|Yes|None|True|False|Error|Warning|Loading|Select|Choose|Add|Remove|Close|Open)\b"
)
# Words that are Indonesian too, proper names, or legal text quoted verbatim from the SKB catalogue.
ALLOWED = {
    "posting", "comment", "share", "like", "follow", "online", "email", "e-mail", "Netralitas", "Instagram",
    "Facebook", "TikTok", "YouTube", "WhatsApp", "Twitter", "Threads", "QR", "PDF", "CSV", "ZIP", "TOTP", "NIP",
    "NIK", "PPPK", "PNS", "CPNS", "BKPSDM", "DKIP", "SKB",
}  # fmt: skip


def fold(url: str) -> str:
    """The URL's shape: numbers folded, so each kind of page is visited once."""
    parts = urlsplit(url)
    return re.sub(r"/\d+(?=/|$)", "/N", parts.path)


@dataclass
class Finding:
    url: str
    width: int
    problem: str


@dataclass
class Report:
    pages: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def add(self, url: str, width: int, problem: str) -> None:
        self.findings.append(Finding(url, width, problem))

    def text(self) -> str:
        return "\n".join(f"{f.width}px {f.url}: {f.problem}" for f in self.findings)


def install_axe(context) -> None:
    """Make axe available on every page of the context (an init script: the app's CSP does not apply to it)."""
    context.add_init_script(path=str(AXE))


def links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(
        "main a[href], nav.mainnav a[href], header a[href]", "els => els.map(e => e.getAttribute('href'))"
    )
    out = []
    for href in hrefs:
        if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
            continue
        url = urljoin(page.url, href)
        if url.startswith(base) and not SKIP.search(urlsplit(url).path):
            out.append(url.split("#")[0])
    return out


def visible_text(page) -> str:
    """What a person reads: the page's text (not its markup, scripts or hidden parts).

    Text marked up as code (``<code>``, e.g. the CSV column names of the import format) is meant literally.
    """
    return page.evaluate(
        """() => {
            let text = document.body.innerText;
            for (const el of document.querySelectorAll('code, kbd, samp')) text = text.split(el.innerText).join(' ');
            return text;
        }"""
    )


def words_problems(text: str) -> list[str]:
    problems = []
    for m in SNAKE.finditer(text):
        problems.append(f"internal code “{m.group(0)}”")
    for m in ENGLISH.finditer(text):
        if m.group(0) not in ALLOWED:
            start = max(0, m.start() - 30)
            problems.append(f"English “{m.group(0)}” in “…{text[start : m.end() + 30]!s}…”".replace("\n", " "))
    return problems


def overflow(page) -> list[str]:
    """What scrolls sideways: the page itself, or a box inside it (a wide table hides its buttons off-screen)."""
    return page.evaluate(
        """() => {
            const out = [];
            const doc = document.documentElement.scrollWidth - window.innerWidth;
            if (doc > 0) out.push(`the page scrolls sideways by ${doc}px`);
            for (const el of document.querySelectorAll('main *')) {
                const ox = getComputedStyle(el).overflowX;
                if ((ox === 'auto' || ox === 'scroll') && el.scrollWidth - el.clientWidth > 1) {
                    const what = el.className ? `.${String(el.className).split(' ')[0]}` : el.tagName.toLowerCase();
                    out.push(`${what} scrolls sideways by ${el.scrollWidth - el.clientWidth}px`);
                }
            }
            return out;
        }"""
    )


def axe_problems(page) -> list[str]:
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        }"""
    )
    return list(result)


def check_page(page, report: Report, *, width: int, axe: bool = True, words: bool = True, fit: bool = True) -> None:
    url = page.url
    if fit:
        for p in overflow(page):
            report.add(url, width, p)
    if words:
        for p in words_problems(visible_text(page)):
            report.add(url, width, p)
    if axe:
        for p in axe_problems(page):
            report.add(url, width, p)


def crawl(
    page,
    base: str,
    start: Iterable[str],
    *,
    width: int,
    report: Report,
    limit: int = 80,
    checked: set[str] | None = None,
    **checks,
) -> list[str]:
    """Visit the pages reachable from ``start`` by links (each URL shape once) and check each.

    ``checked`` (URL shapes already checked, e.g. by another role at the same width) may be shared: those
    pages are still visited for their links but not checked again.
    """
    queue = [urljoin(base, s) for s in start]
    checked = set() if checked is None else checked
    seen: set[str] = set()
    visited = []
    while queue and len(visited) < limit:
        url = queue.pop(0)
        shape = fold(url)
        if shape in seen:
            continue
        seen.add(shape)
        response = page.goto(url)
        page.wait_for_load_state("networkidle")
        if response is None or response.status >= 400 or not page.url.startswith(base):
            if response is not None and response.status >= 500:
                report.add(url, width, f"HTTP {response.status}")
            continue
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue
        visited.append(url)
        if shape not in checked:
            checked.add(shape)
            report.pages.append(url)
            check_page(page, report, width=width, **checks)
        queue.extend(u for u in links(page, base) if fold(u) not in seen)
    return visited
