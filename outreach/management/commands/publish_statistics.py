"""Write a static snapshot of the public figures (HTML + CSV + JSON per election) for a Pemda website."""

import csv
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils import translation

from outreach import statistics
from printing.exports import safe_row
from registry.models import Election


class Command(BaseCommand):
    help = "Tulis cuplikan statis statistik publik (HTML, CSV, JSON) ke folder untuk situs web Pemda."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Folder tujuan (dibuat bila belum ada)")
        parser.add_argument(
            "--election", type=int, action="append", help="ID pemilihan (boleh berulang); bawaan: semua"
        )

    def handle(self, *args, **options):
        translation.activate(settings.LANGUAGE_CODE)
        qs = Election.objects.order_by("-voting_day", "-pk")
        if options["election"]:
            qs = qs.filter(pk__in=options["election"])
        elections = list(qs)
        if not elections:
            raise CommandError("Tidak ada pemilihan untuk diterbitkan.")
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        (out / "statistik.css").write_bytes((Path(settings.BASE_DIR) / "static/outreach/statistik.css").read_bytes())
        links = [{"name": f"{e.name} ({e.region})", "file": f"statistik-{e.pk}.html"} for e in elections]
        written = []
        for i, election in enumerate(elections):
            figures = statistics.figures(election)
            others = [link for link in links if link["file"] != links[i]["file"]]
            html = render_to_string("outreach/statistics_static.html", {"figures": figures, "others": others})
            stem = f"statistik-{election.pk}"
            (out / f"{stem}.html").write_text(html, encoding="utf-8")
            if i == 0:
                (out / "index.html").write_text(html, encoding="utf-8")
            (out / f"{stem}.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
            with open(out / f"{stem}.csv", "w", newline="", encoding="utf-8") as fh:
                writer = csv.writer(fh)
                for row in statistics.csv_rows(figures):
                    writer.writerow(safe_row(row))
            written.append(stem)
        self.stdout.write(f"{len(written)} pemilihan ditulis ke {out}: " + ", ".join(written))
