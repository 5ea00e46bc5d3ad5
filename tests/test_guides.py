"""The user guides name the buttons the screens show (issue 14 point 18: the staff guide named a pact button
that did not exist). Every **bold** name after "tekan", "klik" or "tombol" must be a label in a template."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUTTON = re.compile(r"(?:[Tt]ekan|[Kk]lik|[Tt]ombol) \*\*([^*]+)\*\*")


def _labels() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "templates").rglob("*.html"))


def test_every_button_named_in_the_guides_exists_on_a_screen():
    labels = _labels()
    named = [(md.name, m.group(1)) for md in (ROOT / "docs" / "panduan").glob("*.md")
             for m in BUTTON.finditer(md.read_text(encoding="utf-8"))]  # fmt: skip
    assert len(named) >= 8
    missing = [(guide, name) for guide, name in named if f'"{name}"' not in labels and f">{name}<" not in labels]
    assert not missing, missing
