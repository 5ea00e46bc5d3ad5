"""Fill msgstr for given msgids in a .po file and clear their fuzzy flag (after `./dev messages`).

.venv/bin/python scripts/po_fill.py locale/en/LC_MESSAGES/django.po scripts/translations_en.py
The second file defines ``T = {msgid: msgstr}``. Entries not listed are left alone.
"""

from __future__ import annotations

import re
import runpy
import sys


def _unquote(lines: list[str]) -> str:
    return "".join(re.match(r'^(?:msgid|msgstr|msgid_plural)?\s*"(.*)"$', ln).group(1) for ln in lines)


def _quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fill(po_path: str, table: dict[str, str]) -> int:
    text = open(po_path, encoding="utf-8").read()
    blocks = text.split("\n\n")
    escaped = {_quote(k)[1:-1]: k for k in table}
    done = 0
    for i, block in enumerate(blocks):
        lines = block.split("\n")
        try:
            start = next(j for j, ln in enumerate(lines) if ln.startswith("msgid "))
        except StopIteration:
            continue
        end = next((j for j, ln in enumerate(lines) if ln.startswith(("msgstr", "msgid_plural"))), len(lines))
        raw = _unquote(lines[start:end])  # still escaped, compared with the escaped keys
        msgid = escaped.get(raw)
        if msgid is None or "msgid_plural" in block:
            continue
        head = [ln for ln in lines[:start] if not ln.startswith("#~")]
        head = [re.sub(r",\s*fuzzy", "", ln) if ln.startswith("#,") else ln for ln in head]
        head = [ln for ln in head if ln.strip() != "#," and not ln.startswith("#| ")]
        blocks[i] = "\n".join(head + lines[start:end] + [f"msgstr {_quote(table[msgid])}"])
        done += 1
    open(po_path, "w", encoding="utf-8").write("\n\n".join(blocks))
    return done


if __name__ == "__main__":
    table = runpy.run_path(sys.argv[2])["T"]
    print(fill(sys.argv[1], table), "entries filled")
