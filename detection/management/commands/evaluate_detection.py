"""python manage.py evaluate_detection --labels CSV [--labels CSV ...] | --all DATA_DIR"""

from django.core.management.base import BaseCommand, CommandError

from detection.pipeline.cli import run_evaluate, shared_label_files


class Command(BaseCommand):
    help = (
        "Hands found, exact finger counts, confusion matrices and hands found by size on labelled CSVs "
        "(single or group format); --all DATA_DIR runs every shared set and prints a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("--labels", action="append", default=[], help="labels.csv (images beside it); repeatable")
        parser.add_argument(
            "--all", metavar="DATA_DIR", help="every shared set under DATA_DIR (dev, groups, scenes, screenshots)"
        )
        parser.add_argument("--verbose", action="store_true", help="list every error")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        files = opts["labels"] + (shared_label_files(opts["all"]) if opts["all"] else [])
        if not files:
            raise CommandError("Berikan --labels CSV atau --all DATA_DIR.")
        run_evaluate(files, verbose=opts["verbose"], as_json=opts["json"], stdout=self.stdout)
