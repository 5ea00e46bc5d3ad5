"""Small hands in one scene (no collage canvas): found by the "where to look" scan, counted right.
Real photos, real models, no mocks."""

import csv
import json
from pathlib import Path

import pytest

from detection.pipeline import DetectConfig, detect
from detection.pipeline.evaluate import match_boxes
from detection.pipeline.hands import HandsConfig

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "scenes"
ROWS = list(csv.DictReader(open(FIX / "labels.csv")))


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_every_hand_of_a_scene_is_found_and_counted(row):
    truth = json.loads(row["hands_json"])
    res = detect(str(FIX / row["file"]), config=DetectConfig())
    assert "scan" in res.second_pass
    matched = match_boxes([h.bbox for h in res.hands], [t["bbox"] for t in truth])
    assert len(matched) == len(truth) == len(res.hands)
    for gi, pi in matched.items():
        assert res.hands[pi].fingers == truth[gi]["fingers"]


def test_the_whole_image_alone_misses_small_hands_the_scan_finds():
    path = str(FIX / "scn_d025.jpg")
    alone = detect(path, config=DetectConfig(hands=HandsConfig(second_pass="never")))
    scanned = detect(path)
    assert len(alone.hands) < 2 <= len(scanned.hands) - 2
    assert {h.source for h in scanned.hands} == {"scan"}


def test_scan_windows_cover_the_image_with_overlap():
    from detection.pipeline.hands import scan_windows

    wins = scan_windows(573, 429, 192, 24)
    assert all(x1 - x0 == 192 and y1 - y0 == 192 for x0, y0, x1, y1 in wins)
    xs = sorted({w[0] for w in wins})
    assert xs[0] == 0 and xs[-1] + 192 == 573
    assert all(b - a <= 192 - 24 for a, b in zip(xs, xs[1:]))
