"""Evaluation of finger counting / gestures on a labelled CSV (single-hand or group format)."""

from __future__ import annotations

import csv
import json
import os
import time
from collections.abc import Callable

from .api import DetectConfig, hands_from_image
from .gestures import GESTURE_CATEGORY
from .intake import ImageRejected, load_image

COUNT_COLS = ["0", "1", "2", "3", "4", "5", "miss"]
SIZE_BUCKETS = [(0, 30, "< 30"), (30, 40, "30-40"), (40, 50, "40-50"), (50, 60, "50-60"), (60, 10**9, ">= 60")]


def size_bucket(box: list[float]) -> str:
    """Hand size = sqrt(box width x height), in the image's pixels."""
    size = max(0.0, (box[2] - box[0]) * (box[3] - box[1])) ** 0.5
    return next(name for lo, hi, name in SIZE_BUCKETS if lo <= size < hi)


def read_labels(csv_path: str) -> list[dict]:
    """Rows with ``path`` (image beside the CSV) and either ``fingers`` (single) or ``hands`` (group)."""
    base = os.path.dirname(os.path.abspath(csv_path))
    rows = []
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            item = {"file": r["file"], "path": os.path.join(base, r["file"])}
            if r.get("hands_json"):
                item["kind"] = "group"
                item["hands"] = json.loads(r["hands_json"])
            elif r.get("fingers", "") != "":
                item["kind"] = "single"
                item["fingers"] = int(r["fingers"])
                item["label"] = r.get("label") or None
            else:
                continue
            rows.append(item)
    return rows


def _iou(a, b):
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    u = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / u if u > 0 else 0.0


def match_boxes(pred_boxes: list[list[float]], gt_boxes: list[list[float]], iou_thr: float = 0.2) -> dict[int, int]:
    """Greedy matching gt index -> pred index, by IoU >= thr or prediction centre inside the gt box."""
    cands = []
    for gi, g in enumerate(gt_boxes):
        for pi, p in enumerate(pred_boxes):
            iou = _iou(g, p)
            cx, cy = (p[0] + p[2]) / 2, (p[1] + p[3]) / 2
            inside = g[0] <= cx <= g[2] and g[1] <= cy <= g[3]
            if iou >= iou_thr or inside:
                cands.append((iou + (0.5 if inside else 0.0), gi, pi))
    cands.sort(reverse=True)
    used_g, used_p, out = set(), set(), {}
    for _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out[gi] = pi
    return out


def _matrix(rows_keys, cols_keys, pairs):
    m = {r: {c: 0 for c in cols_keys} for r in rows_keys}
    for a, b in pairs:
        m.setdefault(a, {c: 0 for c in cols_keys})
        m[a][b] = m[a].get(b, 0) + 1
    return m


def format_matrix(title: str, m: dict, cols: list[str]) -> str:
    rows = list(m.keys())
    w = max([len(str(r)) for r in rows] + [10])
    cw = max([len(c) for c in cols] + [4]) + 1
    lines = [title, "true \\ pred".ljust(w) + "".join(c.rjust(cw) for c in cols)]
    for r in rows:
        lines.append(str(r).ljust(w) + "".join(str(m[r].get(c, 0)).rjust(cw) for c in cols))
    return "\n".join(lines)


def evaluate(
    csv_path: str,
    config: DetectConfig = DetectConfig(),
    progress: Callable | None = None,
    limit: int | None = None,
) -> dict:
    rows = read_labels(csv_path)[:limit] if limit else read_labels(csv_path)
    single_pairs, gest_pairs, group_pairs, failures = [], [], [], []
    n_single = n_single_found = n_single_exact = n_gest_ok = 0
    n_gt = n_found = n_exact = n_pred = n_fp = 0
    buckets = {name: [0, 0, 0] for *_, name in SIZE_BUCKETS}  # hands, found, exact
    t_total = 0.0
    for _i, r in enumerate(rows):
        try:
            img = load_image(r["path"]).image
        except ImageRejected as exc:
            failures.append(f"{r['file']}: {exc}")
            continue
        t = time.perf_counter()
        hands, *_ = hands_from_image(img, config)
        t_total += time.perf_counter() - t
        if r["kind"] == "single":
            n_single += 1
            best = max(hands, key=lambda h: h.size) if hands else None
            pred = str(best.fingers) if best else "miss"
            single_pairs.append((str(r["fingers"]), pred))
            if best:
                n_single_found += 1
            if best and best.fingers == r["fingers"]:
                n_single_exact += 1
            elif progress:
                progress(
                    f"count {r['file']}: true {r['fingers']} pred {pred}"
                    + (f" ({best.gesture}, {best.source})" if best else "")
                )
            if r.get("label"):
                cat = GESTURE_CATEGORY.get(best.gesture, "other") if best else "miss"
                gest_pairs.append((r["label"], cat))
                n_gest_ok += int(cat == r["label"])
        else:
            gt = r["hands"]
            n_gt += len(gt)
            n_pred += len(hands)
            m = match_boxes([h.bbox for h in hands], [g["bbox"] for g in gt])
            n_fp += len(hands) - len(m)
            for gi, g in enumerate(gt):
                b = buckets[size_bucket(g["bbox"])]
                b[0] += 1
                if gi in m:
                    b[1] += 1
                    b[2] += int(hands[m[gi]].fingers == g["fingers"])
                    n_found += 1
                    f = hands[m[gi]].fingers
                    n_exact += int(f == g["fingers"])
                    group_pairs.append((str(g["fingers"]), str(f)))
                    if f != g["fingers"] and progress:
                        progress(f"count {r['file']} #{gi}: true {g['fingers']} pred {f} ({hands[m[gi]].gesture})")
                else:
                    group_pairs.append((str(g["fingers"]), "miss"))
                    if progress:
                        progress(f"miss  {r['file']} #{gi}: {g}")
    rep = {
        "csv": csv_path,
        "images": len(rows),
        "failures": failures,
        "ms_per_image": 1000 * t_total / max(1, len(rows) - len(failures)),
    }
    labels = ["0", "1", "2", "3", "4", "5"]
    if n_single:
        glabels = sorted({a for a, _ in gest_pairs})
        rep["single"] = {
            "images": n_single,
            "hands_found": n_single_found / n_single,
            "exact_fingers": n_single_exact / n_single,
            "gesture_accuracy": (n_gest_ok / len(gest_pairs)) if gest_pairs else None,
            "fingers_confusion": _matrix(labels, COUNT_COLS, single_pairs),
            "gesture_confusion": _matrix(glabels, glabels + ["miss"], gest_pairs) if gest_pairs else None,
            "gesture_cols": glabels + ["miss"],
        }
    if n_gt:
        rep["group"] = {
            "hands": n_gt,
            "hands_found": n_found / n_gt,
            "exact_fingers": n_exact / n_gt,
            "exact_fingers_of_found": n_exact / max(1, n_found),
            "predicted": n_pred,
            "unmatched_predictions": n_fp,
            "fingers_confusion": _matrix(labels, COUNT_COLS, group_pairs),
            "by_size": {k: {"hands": v[0], "found": v[1], "exact": v[2]} for k, v in buckets.items()},
        }
    return rep


def format_sizes(by_size: dict) -> str:
    lines = ["hands by size (sqrt of box area, px)", f"{'size':8s}{'hands':>7s}{'found':>9s}{'exact':>9s}"]
    for name, v in by_size.items():
        n = v["hands"]
        found = f"{v['found'] / n:.1%}" if n else "-"
        exact = f"{v['exact'] / n:.1%}" if n else "-"
        lines.append(f"{name:8s}{n:7d}{found:>9s}{exact:>9s}")
    return "\n".join(lines)


def summary_line(name: str, rep: dict) -> str:
    """One row of the all-sets table: found and exact (a miss counts wrong) for either format."""
    s = rep.get("single") or rep.get("group")
    n = s["images"] if "images" in s else s["hands"]
    unit = "images" if "images" in s else "hands"
    return f"{name:22s}{n:6d} {unit:7s}{s['hands_found']:>9.1%}{s['exact_fingers']:>9.1%}{rep['ms_per_image']:>10.1f}"


# the shared sets, relative to the data folder (``--all DIR``)
SHARED_SETS = ("dev", "groups", "scenes", "screenshots/singles", "screenshots/scenes")


def format_report(rep: dict) -> str:
    out = [f"labels: {rep['csv']}  images: {rep['images']}  ms/image: {rep['ms_per_image']:.1f}"]
    for f in rep["failures"]:
        out.append(f"  unreadable: {f}")
    s = rep.get("single")
    if s:
        out.append(f"[single] hands found (>=1 hand per image): {s['hands_found']:.1%}")
        out.append(f"[single] exact finger count, largest hand (miss = wrong): {s['exact_fingers']:.1%}")
        if s["gesture_accuracy"] is not None:
            out.append(f"[single] gesture accuracy (label vs gesture category): {s['gesture_accuracy']:.1%}")
        out.append(format_matrix("finger-count confusion (largest hand)", s["fingers_confusion"], COUNT_COLS))
        if s["gesture_confusion"]:
            out.append(
                format_matrix(
                    "gesture confusion (label vs predicted category)", s["gesture_confusion"], s["gesture_cols"]
                )
            )
    g = rep.get("group")
    if g:
        out.append(f"[group] labelled hands found: {g['hands_found']:.1%} of {g['hands']}")
        out.append(
            f"[group] exact finger count (miss = wrong): {g['exact_fingers']:.1%}"
            f"  (of found: {g['exact_fingers_of_found']:.1%})"
        )
        out.append(
            f"[group] predictions: {g['predicted']}  unmatched (unlabelled hands or false): "
            f"{g['unmatched_predictions']}"
        )
        out.append(format_matrix("finger-count confusion (labelled hands)", g["fingers_confusion"], COUNT_COLS))
        out.append(format_sizes(g["by_size"]))
    return "\n".join(out)
