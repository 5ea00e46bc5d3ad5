"""Generalisation check for the collage (panel) pass on collages it was not tuned on.

Builds random collages from the single-hand dev photos (SubhiH + EPSRC; 2-6 photos, one or two
bottom-aligned rows, 0-14 px apart, random canvas colour and size, photos 90-190 px tall) and
counts, per pasted photo, whether the largest hand found inside it has the labelled finger count.
Only photos that the pipeline counts right at full size are used, so the figure isolates what
shrinking and pasting costs. Compares the default pipeline with the panel pass switched off.

    DEBUG=1 .venv/bin/python scripts/collage_check.py --labels /work/shared/data/hands/dev/labels.csv \
        --collages 80 --seed 1
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import sys
import time

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from detection.pipeline import DetectConfig, detect, load_image  # noqa: E402
from detection.pipeline.hands import HandsConfig  # noqa: E402


def build(rng: random.Random, photos: list[tuple[np.ndarray, int]]):
    n = len(photos)
    height = rng.randint(90, 190)
    gap = rng.randint(0, 14)
    colour = tuple(rng.randint(0, 255) for _ in range(3))
    tiles = []
    for image, fingers in photos:
        h, w = image.shape[:2]
        c = rng.uniform(0, 0.08)  # crop a little, never much
        image = image[int(c * h) : h - int(c * h * 0.5), int(c * w * 0.5) : w - int(c * w * 0.5)]
        s = rng.uniform(0.8, 1.2) * height / image.shape[0]
        tiles.append((cv2.resize(image, None, fx=s, fy=s, interpolation=cv2.INTER_AREA), fingers))
    per_row = (n + 1) // 2 if n >= 4 and rng.random() < 0.4 else n
    rows = [tiles[:per_row], tiles[per_row:]] if per_row < n else [tiles]
    width = max(sum(t.shape[1] + gap for t, _ in row) for row in rows) + 80
    total_h = sum(max(t.shape[0] for t, _ in row) + gap for row in rows) + 80
    if rng.random() < 0.8:
        width = max(width, int(total_h * rng.choice([16 / 9, 3 / 2, 4 / 3])))
    total_h = max(total_h, int(width / 2.4))
    canvas = np.empty((total_h, width, 3), np.uint8)
    canvas[:] = colour
    y, truth = 40, []
    for row in rows:
        row_h = max(t.shape[0] for t, _ in row)
        x = 40
        for tile, fingers in row:
            top = y + row_h - tile.shape[0]
            canvas[top : y + row_h, x : x + tile.shape[1]] = tile
            truth.append(((x, top, x + tile.shape[1], y + row_h), fingers))
            x += tile.shape[1] + gap
        y += row_h + gap
    return canvas, truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", required=True)
    ap.add_argument("--collages", type=int, default=80)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    base = os.path.dirname(os.path.abspath(args.labels))
    rows = [
        r
        for r in csv.DictReader(open(args.labels, newline="", encoding="utf-8"))
        if ("_subhi_" in r["file"] or "_epsrc_" in r["file"]) and "hands=2" not in (r.get("notes") or "")
    ]
    photos = []
    for r in rows:
        image = load_image(os.path.join(base, r["file"])).image
        res = detect(image)
        if res.hands and max(res.hands, key=lambda h: h.size).fingers == int(r["fingers"]):
            photos.append((image, int(r["fingers"])))
    print(f"photos counted right at full size: {len(photos)} of {len(rows)}")
    rng = random.Random(args.seed)
    configs = {"panels (default)": DetectConfig(), "panels off": DetectConfig(hands=HandsConfig(panels=False))}
    score = {name: [0, 0, 0.0] for name in configs}
    for _ in range(args.collages):
        canvas, truth = build(rng, rng.sample(photos, rng.randint(2, 6)))
        for name, config in configs.items():
            t = time.process_time()
            res = detect(canvas, config=config)
            score[name][2] += time.process_time() - t
            for (x0, y0, x1, y1), fingers in truth:
                inside = [
                    h
                    for h in res.hands
                    if x0 <= (h.bbox[0] + h.bbox[2]) / 2 <= x1 and y0 <= (h.bbox[1] + h.bbox[3]) / 2 <= y1
                ]
                score[name][1] += 1
                score[name][0] += bool(inside) and max(inside, key=lambda h: h.size).fingers == fingers
    for name, (ok, total, cpu) in score.items():
        print(
            f"{name:18} photos counted right: {100 * ok / total:.1f}% of {total}   CPU ms/collage: {1000 * cpu / args.collages:.0f}"
        )


if __name__ == "__main__":
    main()
