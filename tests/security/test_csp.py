"""Probe replay (low): a strict Content Security Policy, and nothing in our templates that it would block."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.urls import reverse

ROOT = Path(settings.BASE_DIR)
SKIP = {".venv", "node_modules", "staticfiles", "var", ".git", "tests", "test-artifacts"}
# PDF templates are rendered by WeasyPrint on the server, never by a browser: their <style> is fine.
PDF = re.compile(r"(/pdf/|_pdf\.html$)")
BLOCKED = {
    "inline <script>": re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
    "on*= handler": re.compile(r"\son[a-z]+\s*=", re.I),
    'style="" attribute': re.compile(r"\sstyle\s*=", re.I),
    "<style> element": re.compile(r"<style[\s>]", re.I),
    "javascript: URL": re.compile(r"=\s*[\"']?\s*javascript:", re.I),
}


def test_every_page_carries_a_strict_policy(client, db):
    policy = client.get(reverse("account_login"))["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_no_template_needs_what_the_policy_blocks():
    offenders = []
    for path in ROOT.rglob("*.html"):
        rel = path.relative_to(ROOT)
        if SKIP.intersection(rel.parts) or PDF.search(str(rel)):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            offenders += [f"{rel}:{n} {what}" for what, rx in BLOCKED.items() if rx.search(line)]
    assert offenders == []


def test_htmx_does_not_inject_its_inline_indicator_style(client, db):
    body = client.get(reverse("account_login")).content.decode()
    assert '"includeIndicatorStyles": false' in body
