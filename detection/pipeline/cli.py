"""Module CLI: ``python -m detection.pipeline.cli detect|evaluate|benchmark ...`` (no Django needed).

The Django management commands ``detect``, ``evaluate_detection`` and ``benchmark_detection``
call the same functions (``run_detect``, ``run_evaluate``, ``run_benchmark``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from .api import DetectConfig, detect
from .intake import ImageRejected


def hand_json(h) -> dict:
    return {
        "fingers": int(h.fingers),
        "gesture": h.gesture,
        "handedness": h.handedness,
        "score": round(float(h.score), 3),
        "bbox": [round(float(v), 1) for v in h.bbox],
    }


def detect_json(path: str, result) -> dict:
    return {
        "file": path,
        "hands": [hand_json(h) for h in result.hands],
        "symbols": [s.to_dict() for s in result.symbols],
        "candidates": [c.number for c in result.candidates],
        "ms": round(float(result.timings_ms.get("total", 0.0)), 1),
    }


def load_pair_config(value: str | None):
    if not value:
        return None
    text = open(value, encoding="utf-8").read() if os.path.exists(value) else value
    return json.loads(text)


def run_detect(
    images: list[str],
    *,
    as_json: bool = True,
    symbols: list[str] = (),
    pair_config=None,
    annotate_dir: str | None = None,
    stdout: TextIO = sys.stdout,
    stderr: TextIO = sys.stderr,
) -> int:
    """Detect on each image; print one JSON object per line. Returns the number of failed images."""
    from .symbols import SymbolReference

    refs = [SymbolReference.from_source(os.path.splitext(os.path.basename(s))[0], s) for s in symbols]
    failed = 0
    for path in images:
        try:
            res = detect(path, symbols=refs, pair_config=pair_config)
        except ImageRejected as exc:
            failed += 1
            stderr.write(f"{path}: rejected: {exc}\n")
            continue
        d = detect_json(path, res)
        if as_json:
            stdout.write(json.dumps(d) + "\n")
        else:
            hands = ", ".join(f"{h['gesture']}({h['fingers']})" for h in d["hands"]) or "no hands"
            stdout.write(f"{path}: {hands}; candidates {d['candidates']}; {d['ms']} ms\n")
        if annotate_dir:
            import cv2

            from .annotate import annotate
            from .intake import load_image

            os.makedirs(annotate_dir, exist_ok=True)
            out = annotate(load_image(path).image, res)
            name = os.path.splitext(os.path.basename(path))[0] + ".annotated.jpg"
            cv2.imwrite(os.path.join(annotate_dir, name), cv2.cvtColor(out, cv2.COLOR_RGB2BGR))
    return failed


def run_evaluate(
    labels: str | list[str], *, verbose: bool = False, as_json: bool = False, stdout: TextIO = sys.stdout
) -> dict:
    """Evaluate one labels CSV, or several (then a summary table follows: found, exact, ms per set)."""
    from .evaluate import evaluate, format_report, summary_line

    files = [labels] if isinstance(labels, str) else list(labels)
    reps = {}
    for path in files:
        rep = evaluate(path, DetectConfig(), progress=(lambda m: stdout.write("  " + m + "\n")) if verbose else None)
        reps[path] = rep
        stdout.write((json.dumps(rep, indent=1) if as_json else format_report(rep)) + "\n")
    if len(files) > 1 and not as_json:
        stdout.write(f"\n{'set':22s}{'n':>6s} {'':7s}{'found':>9s}{'exact':>9s}{'ms/image':>10s}\n")
        for path, rep in reps.items():
            stdout.write(summary_line(_set_name(path), rep) + "\n")
    return reps[files[0]] if len(files) == 1 else reps


def _set_name(path: str) -> str:
    parts = os.path.normpath(os.path.abspath(path)).split(os.sep)
    return "/".join(parts[-3:-1]) if parts[-3] == "screenshots" else parts[-2]


def shared_label_files(data_dir: str) -> list[str]:
    """labels.csv of every shared set present under ``data_dir`` (dev, groups, scenes, screenshots)."""
    from .evaluate import SHARED_SETS

    found = [os.path.join(data_dir, s, "labels.csv") for s in SHARED_SETS]
    return [f for f in found if os.path.exists(f)]


def run_benchmark(
    directory: str | list[str],
    *,
    workers: int = 1,
    limit: int | None = None,
    repeat: int = 1,
    as_json: bool = False,
    stdout: TextIO = sys.stdout,
) -> dict:
    """Benchmark one folder, or several in the same run (then a table of ratios follows)."""
    from .benchmark import benchmark, format_benchmark, format_summary

    dirs = [directory] if isinstance(directory, str) else list(directory)
    reps = []
    for d in dirs:
        rep = benchmark(d, DetectConfig(), workers=workers, limit=limit, repeat=repeat)
        reps.append(rep)
        stdout.write((json.dumps(rep, indent=1) if as_json else format_benchmark(rep)) + "\n")
    if len(reps) > 1 and not as_json:
        stdout.write("\n" + format_summary(reps) + "\n")
    return reps[0] if len(reps) == 1 else {"sets": reps}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m detection.pipeline.cli")
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("detect", help="detect hands/gestures/symbols, one JSON line per image")
    d.add_argument("images", nargs="+")
    d.add_argument("--json", action="store_true", help="JSON lines (default)")
    d.add_argument("--text", action="store_true", help="human-readable lines instead of JSON")
    d.add_argument("--symbol", action="append", default=[], help="reference symbol image (repeatable)")
    d.add_argument("--pairs", help="pair config JSON (string or file)")
    d.add_argument("--annotate-dir", help="write annotated JPEGs here")
    e = sub.add_parser("evaluate", help="accuracy on a labelled CSV (single or group format)")
    e.add_argument("--labels", action="append", default=[], help="labels.csv (repeatable)")
    e.add_argument("--all", metavar="DATA_DIR", help="every shared set under DATA_DIR, with a summary")
    e.add_argument("--verbose", action="store_true")
    e.add_argument("--json", action="store_true")
    b = sub.add_parser("benchmark", help="speed vs bare MediaPipe")
    b.add_argument("images_dir", nargs="+")
    b.add_argument("--workers", type=int, default=1)
    b.add_argument("--limit", type=int)
    b.add_argument("--repeat", type=int, default=1)
    b.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if a.cmd == "detect":
        failed = run_detect(
            a.images,
            as_json=not a.text,
            symbols=a.symbol,
            pair_config=load_pair_config(a.pairs),
            annotate_dir=a.annotate_dir,
        )
        return 1 if failed else 0
    if a.cmd == "evaluate":
        files = a.labels + (shared_label_files(a.all) if a.all else [])
        if not files:
            ap.error("give --labels CSV or --all DATA_DIR")
        run_evaluate(files, verbose=a.verbose, as_json=a.json)
        return 0
    run_benchmark(a.images_dir, workers=a.workers, limit=a.limit, repeat=a.repeat, as_json=a.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
