"""python manage.py benchmark_upload_limits — what a hostile upload costs the web process now.

Each step runs in a fresh child process, so its peak memory (max RSS) is its own. The image is the probe's:
a 1-bit 7000×7000 PNG of a few KB that decodes to 49 MP.
"""

from __future__ import annotations

import io
import multiprocessing as mp
import resource
import time

from django.core.management.base import BaseCommand


def _png(size: int) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("1", (size, size), 1).save(buf, "PNG", optimize=True)
    return buf.getvalue()


def _step(name: str, data: bytes, queue) -> None:
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from cases import evidence

    files = [SimpleUploadedFile(f"{i}.png", data) for i in range(2 if name == "two_in_one_request" else 1)]
    start = time.perf_counter()
    outcome = "accepted"
    try:
        evidence.check_batch(files)
        for f in files:
            evidence.check_image(f)
    except ValidationError as exc:
        outcome = "refused: " + exc.messages[0][:70]
    seconds = time.perf_counter() - start
    queue.put((name, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, outcome))


class Command(BaseCommand):
    help = "Time and peak memory of a decompression-bomb-like upload (one and two 7000x7000 PNGs)."

    def handle(self, *args, **options) -> None:
        data = _png(7000)
        self.stdout.write(f"7000x7000 1-bit PNG: {len(data) / 1024:.1f} KB on disk, 49.0 MP decoded")
        ctx = mp.get_context("fork")
        for name in ("one_photo", "two_in_one_request"):
            queue = ctx.Queue()
            child = ctx.Process(target=_step, args=(name, data, queue))
            child.start()
            step, seconds, peak_mb, outcome = queue.get()
            child.join()
            self.stdout.write(f"{step:20s} {seconds * 1000:8.0f} ms  peak {peak_mb:6.0f} MB  {outcome}")
        self.stdout.write("Detection is not part of the request: with Redis a worker runs it; without, photos above")
        self.stdout.write("DETECTION_INLINE_MAX_PIXELS wait for `manage.py requeue_detections`.")
