"""python manage.py benchmark_detection IMAGES_DIR [IMAGES_DIR ...] [--workers 2]"""

from django.core.management.base import BaseCommand

from detection.pipeline.cli import run_benchmark


class Command(BaseCommand):
    help = "Images/s, ms per stage and the pipeline / bare MediaPipe time ratio on a folder of images."

    def add_arguments(self, parser):
        parser.add_argument("images_dir", nargs="+", help="one or more folders, measured in the same run")
        parser.add_argument("--workers", type=int, default=1, help="also measure throughput with N processes")
        parser.add_argument("--limit", type=int)
        parser.add_argument("--repeat", type=int, default=1)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **opts):
        run_benchmark(
            opts["images_dir"],
            workers=opts["workers"],
            limit=opts["limit"],
            repeat=opts["repeat"],
            as_json=opts["json"],
            stdout=self.stdout,
        )
