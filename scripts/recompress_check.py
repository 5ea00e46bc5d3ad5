"""How detection holds up when a post is recompressed or downscaled, as every platform does.

Re-saves each labelled group collage (optionally resized) as JPEG at the given quality, then reports how
many are still read as collages, hands found and exact finger counts (boxes scaled with the image).

    DEBUG=1 .venv/bin/python scripts/recompress_check.py --labels /work/shared/data/hands/groups/labels.csv
"""

from __future__ import annotations

import argparse
import io
import os
import sys

from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from detection.pipeline import detect, load_image  # noqa: E402
from detection.pipeline.evaluate import match_boxes, read_labels  # noqa: E402

VARIANTS = [("as given", None, 1.0), ("JPEG 60", 60, 1.0), ("JPEG 35", 35, 1.0), ("75 % size, JPEG 75", 75, 0.75)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", required=True, help="group labels CSV (file,hands_json)")
    rows = [r for r in read_labels(ap.parse_args().labels) if r["kind"] == "group"]
    for name, quality, scale in VARIANTS:
        collages = total = found = exact = 0
        for r in rows:
            if quality is None:
                data = open(r["path"], "rb").read()
            else:
                im = Image.open(r["path"]).convert("RGB")
                if scale != 1.0:
                    im = im.resize((int(im.width * scale), int(im.height * scale)), Image.BILINEAR)
                buf = io.BytesIO()
                im.save(buf, "JPEG", quality=quality)
                data = buf.getvalue()
            res = detect(load_image(data).image)
            collages += res.second_pass == "panels"
            truth = [[v * scale for v in h["bbox"]] for h in r["hands"]]
            matched = match_boxes([h.bbox for h in res.hands], truth)
            for i, h in enumerate(r["hands"]):
                total += 1
                if i in matched:
                    found += 1
                    exact += res.hands[matched[i]].fingers == h["fingers"]
        print(
            f"{name:20} read as collages {collages}/{len(rows)}  hands found {100 * found / total:.1f}%  "
            f"exact count {100 * exact / total:.1f}%"
        )


if __name__ == "__main__":
    main()
