"""Speed benchmark: pipeline vs bare whole-image MediaPipe Hands on the same images, same run."""

from __future__ import annotations

import os
import time
from collections import defaultdict

from . import models
from .api import DetectConfig, detect
from .intake import load_image
from .models import get_hands

IMAGE_EXTS = (".jpg", ".jpeg", ".png", ".webp", ".bmp")


def list_images(directory: str, limit: int | None = None) -> list[str]:
    files = sorted(os.path.join(directory, f) for f in os.listdir(directory) if f.lower().endswith(IMAGE_EXTS))
    return files[:limit] if limit else files


def _worker_init():
    import numpy as np

    get_hands(DetectConfig().hands.max_hands, DetectConfig().hands.min_detection_confidence)
    detect(np.zeros((64, 64, 3), dtype=np.uint8))


def _worker_detect(path: str) -> float:
    t = time.perf_counter()
    try:
        detect(path)
    except Exception:  # noqa: S110 - a benchmark counts a failed image too
        pass
    return (time.perf_counter() - t) * 1000


def benchmark(
    directory: str, config: DetectConfig = DetectConfig(), workers: int = 1, limit: int | None = None, repeat: int = 1
) -> dict:
    files = list_images(directory, limit)
    if not files:
        raise ValueError(f"no images in {directory}")
    datas = [open(f, "rb").read() for f in files]
    imgs = [load_image(d).image for d in datas]
    bare = get_hands(config.hands.max_hands, config.hands.min_detection_confidence)
    bare.process(imgs[0])
    detect(datas[0], config=config)  # warm-up: loads every model the pipeline uses
    bare_ms, pipe_ms = 0.0, 0.0
    stages = defaultdict(float)
    inputs = dict(models.INPUTS)
    n = 0
    for _ in range(repeat):
        for d, im in zip(datas, imgs):  # interleaved, so that load changes hit both alike
            t = time.perf_counter()
            bare.process(im)
            bare_ms += (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            res = detect(d, config=config)
            pipe_ms += (time.perf_counter() - t) * 1000
            for k, v in res.timings_ms.items():
                stages[k] += v
            n += 1
    rep = {
        "directory": directory,
        "images": len(files),
        "runs": n,
        "bare_ms_per_image": bare_ms / n,
        "pipeline_ms_per_image": pipe_ms / n,
        "ratio": pipe_ms / bare_ms if bare_ms else None,
        "images_per_second_1_worker": 1000 * n / pipe_ms,
        "stages_ms": {k: v / n for k, v in stages.items()},
        "palm_views_per_image": (models.INPUTS["palm"] - inputs["palm"]) / n,
        "landmark_regions_per_image": (models.INPUTS["landmark"] - inputs["landmark"]) / n,
        "cpu_count": os.cpu_count(),
    }
    if workers and workers > 1:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        with ctx.Pool(workers, initializer=_worker_init) as pool:
            pool.map(_worker_detect, files[: workers * 2])  # make sure every worker is warm
            t = time.perf_counter()
            pool.map(_worker_detect, files * repeat, chunksize=4)
            wall = time.perf_counter() - t
        rep[f"images_per_second_{workers}_workers"] = len(files) * repeat / wall
        rep["workers"] = workers
    return rep


def format_benchmark(rep: dict) -> str:
    lines = [
        f"images: {rep['images']} from {rep['directory']} (runs: {rep['runs']}, cpus: {rep['cpu_count']})",
        f"bare whole-image MediaPipe Hands: {rep['bare_ms_per_image']:.1f} ms/image",
        f"pipeline (detect(), incl. decoding): {rep['pipeline_ms_per_image']:.1f} ms/image",
        f"ratio pipeline / bare: {rep['ratio']:.2f}x",
        f"throughput, 1 worker: {rep['images_per_second_1_worker']:.2f} images/s",
    ]
    if "workers" in rep:
        w = rep["workers"]
        lines.append(f"throughput, {w} worker processes: {rep[f'images_per_second_{w}_workers']:.2f} images/s")
    lines.append(
        f"LiteRT inputs per image: {rep['palm_views_per_image']:.2f} palm-detector views, "
        f"{rep['landmark_regions_per_image']:.2f} landmark regions"
    )
    lines.append("ms per stage (mean per image; scan/focus are inside hands_second):")
    for k, v in rep["stages_ms"].items():
        lines.append(f"  {k:14s} {v:8.1f}")
    return "\n".join(lines)


def format_summary(reps: list[dict]) -> str:
    """One table for several folders measured in the same run."""
    lines = [f"{'set':24s}{'images':>7s}{'bare ms':>9s}{'pipe ms':>9s}{'ratio':>8s}{'img/s 1w':>10s}{'img/s Nw':>10s}"]
    for r in reps:
        name = "/".join(os.path.normpath(r["directory"]).split(os.sep)[-2:])
        nw = r.get(f"images_per_second_{r.get('workers')}_workers")
        lines.append(
            f"{name:24s}{r['images']:7d}{r['bare_ms_per_image']:9.1f}{r['pipeline_ms_per_image']:9.1f}"
            f"{r['ratio']:7.2f}x{r['images_per_second_1_worker']:10.2f}{(f'{nw:10.2f}' if nw else '         -')}"
        )
    return "\n".join(lines)
