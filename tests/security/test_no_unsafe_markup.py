"""No template or module turns escaping off: user data is always escaped by Django's auto-escape."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
SKIP = {".venv", "node_modules", "staticfiles", "var", ".git", "tests"}
UNSAFE_TEMPLATE = re.compile(r"\|\s*safe(seq)?\b|{%\s*autoescape\s+off")
UNSAFE_CALLS = {"mark_safe", "SafeString", "SafeText", "mark_for_escaping"}


def _files(suffix: str):
    for path in ROOT.rglob(f"*{suffix}"):
        if not SKIP.intersection(path.relative_to(ROOT).parts):
            yield path


def test_no_template_marks_anything_safe():
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in _files(".html")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if UNSAFE_TEMPLATE.search(line)
    ]
    assert offenders == []


def test_no_python_marks_strings_safe_and_format_html_has_a_literal_format():
    offenders = []
    for path in _files(".py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in UNSAFE_CALLS:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
            if name == "format_html" and not (node.args and isinstance(node.args[0], ast.Constant)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} format_html without a literal format")
    assert offenders == []
