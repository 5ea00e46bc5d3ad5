"""python manage.py detect IMAGE [IMAGE ...] --json"""

from django.core.management.base import BaseCommand, CommandError

from detection.pipeline.cli import load_pair_config, run_detect


class Command(BaseCommand):
    help = "Detect hands, finger counts, gestures and symbols; one JSON object per image and line."

    def add_arguments(self, parser):
        parser.add_argument("images", nargs="+")
        parser.add_argument("--json", action="store_true", help="JSON lines (the default)")
        parser.add_argument("--text", action="store_true", help="human-readable lines instead of JSON")
        parser.add_argument("--symbol", action="append", default=[], help="reference symbol image (repeatable)")
        parser.add_argument("--pairs", help="pair config as JSON string or file")
        parser.add_argument("--annotate-dir", help="write annotated JPEGs into this directory")

    def handle(self, *args, **opts):
        failed = run_detect(
            opts["images"],
            as_json=not opts["text"],
            symbols=opts["symbol"],
            pair_config=load_pair_config(opts["pairs"]),
            annotate_dir=opts["annotate_dir"],
            stdout=self.stdout,
            stderr=self.stderr,
        )
        if failed:
            raise CommandError(f"{failed} image(s) could not be read", returncode=1)
