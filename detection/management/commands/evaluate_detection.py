"""python manage.py evaluate_detection --labels CSV"""

from django.core.management.base import BaseCommand

from detection.pipeline.cli import run_evaluate


class Command(BaseCommand):
    help = "Finger-count / gesture accuracy and confusion matrices on a labelled CSV (single or group format)."

    def add_arguments(self, parser):
        parser.add_argument("--labels", required=True, help="labels.csv (images beside it)")
        parser.add_argument("--verbose", action="store_true", help="list every error")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        run_evaluate(opts["labels"], verbose=opts["verbose"], as_json=opts["json"], stdout=self.stdout)
