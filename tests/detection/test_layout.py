"""Collage panels: real photos pasted on a plain canvas are looked at one by one (real MediaPipe)."""

import csv
import json
from pathlib import Path

import cv2
import numpy as np
import pytest

from detection.pipeline import DetectConfig, detect, load_image
from detection.pipeline.evaluate import match_boxes
from detection.pipeline.hands import HandsConfig
from detection.pipeline.layout import find_panels, panel_windows

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SINGLES = [r for r in csv.DictReader(open(FIXTURES / "hands" / "labels.csv"))]
SUBHI = list({r["fingers"]: r for r in reversed(SINGLES) if "_subhi_" in r["file"]}.values())  # one per count
SUBHI.sort(key=lambda r: int(r["fingers"]))
GROUPS = list(csv.DictReader(open(FIXTURES / "groups" / "labels.csv")))


def _collage(gap: int, tile_height: int = 150, colour=(70, 120, 90)):
    """The six SubhiH photos shrunk to ``tile_height`` in one bottom-aligned row: hands of ~30 px."""
    canvas = np.full((720, 1400, 3), colour, np.uint8)
    x, boxes = 40, []
    for row in SUBHI:
        photo = load_image(str(FIXTURES / "hands" / row["file"])).image
        tile = cv2.resize(photo, (tile_height * 4 // 3, tile_height), interpolation=cv2.INTER_AREA)
        canvas[500 - tile_height : 500, x : x + tile.shape[1]] = tile
        boxes.append((x, 500 - tile_height, x + tile.shape[1], 500))
        x += tile.shape[1] + gap
    return canvas, boxes


@pytest.mark.parametrize("gap", [10, 0], ids=["gutter", "touching"])
def test_panels_are_the_pasted_photos(gap):
    canvas, boxes = _collage(gap)
    assert find_panels(canvas) == boxes


def test_two_rows_of_photos():
    canvas, boxes = _collage(8, tile_height=120)
    lower = canvas[380:500, 40:1030].copy()
    canvas[150:270, 40:1030] = lower  # a second row above the first
    panels = find_panels(canvas)
    assert len(panels) == 12
    assert set(boxes) <= set(panels)


@pytest.mark.parametrize("row", SINGLES, ids=[r["file"][:5] for r in SINGLES])
def test_a_single_photo_is_not_a_collage(row):
    # includes the EPSRC hand in front of a plain wall: its wall must not pass for a canvas
    assert find_panels(load_image(str(FIXTURES / "hands" / row["file"])).image) is None


def test_collage_hands_are_found_per_panel_where_the_whole_image_misses_them():
    canvas, _ = _collage(6, tile_height=120)  # hands of about 25 px
    res = detect(canvas)
    assert res.second_pass == "panels"
    assert sorted(h.fingers for h in res.hands) == [0, 1, 2, 3, 4, 5]
    whole = detect(canvas, config=DetectConfig(hands=HandsConfig(second_pass="never")))
    assert sorted(h.fingers for h in whole.hands) != [0, 1, 2, 3, 4, 5]
    # without the layout, the "where to look" scan finds them too, for more palm-detector invokes
    scanned = detect(canvas, config=DetectConfig(hands=HandsConfig(panels=False)))
    assert "scan" in scanned.second_pass


@pytest.mark.parametrize("row", GROUPS, ids=[r["file"] for r in GROUPS])
def test_real_group_collages_counted(row):
    res = detect(str(FIXTURES / "groups" / row["file"]))
    labelled = json.loads(row["hands_json"])
    matched = match_boxes([h.bbox for h in res.hands], [h["bbox"] for h in labelled])
    assert res.second_pass == "panels"
    assert len(matched) == len(labelled), "a labelled hand was not found"
    for gi, pi in matched.items():
        assert res.hands[pi].fingers == labelled[gi]["fingers"]
    assert "layout" in res.timings_ms


def test_collage_with_no_hands_falls_back_to_the_whole_image_passes():
    canvas = np.full((480, 640, 3), 200, np.uint8)
    rng = np.random.default_rng(1)
    canvas[100:300, 100:350] = rng.integers(0, 255, (200, 250, 3), dtype=np.uint8)
    res = detect(canvas)
    assert res.second_pass != "panels"
    assert res.hands == []


def test_wide_panels_are_seen_through_square_windows():
    assert panel_windows((0, 0, 300, 200)) == [(0, 0, 300, 200)]
    windows = panel_windows((10, 5, 1010, 205))
    assert all(w[3] - w[1] == 200 and w[2] - w[0] == 200 for w in windows)
    assert windows[0][0] == 10 and windows[-1][2] == 1010
    assert all(b[0] < a[2] for a, b in zip(windows, windows[1:]))  # they overlap
    tall = panel_windows((0, 0, 100, 500))
    assert tall[0][1] == 0 and tall[-1][3] == 500 and all(w[2] - w[0] == 100 for w in tall)


def test_panels_are_reported_and_drawn():
    from detection.pipeline import annotate

    canvas, boxes = _collage(10)
    res = detect(canvas)
    assert [tuple(p) for p in res.panels] == boxes
    assert res.to_dict()["panels"] == [list(b) for b in boxes]
    drawn = annotate(canvas, res)
    x0, y0, x1, y1 = boxes[0]
    assert tuple(drawn[y0 + 20, x0]) == (255, 215, 0)  # the panel outline, left side
    assert detect(load_image(str(FIXTURES / "hands" / SINGLES[0]["file"])).image).panels == []


@pytest.mark.parametrize("quality", [75, 60, 45])
@pytest.mark.parametrize("row", GROUPS, ids=[r["file"] for r in GROUPS])
def test_recompressed_collages_are_still_collages(row, quality):
    """Posts are recompressed by every platform: JPEG ringing along the photo edges must not hide them."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.open(FIXTURES / "groups" / row["file"]).convert("RGB").save(buf, "JPEG", quality=quality)
    panels = find_panels(load_image(buf.getvalue()).image)
    assert panels is not None and len(panels) >= 4
    for hand in json.loads(row["hands_json"]):  # every labelled hand lies inside one panel
        x0, y0, x1, y1 = hand["bbox"]
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        assert any(p[0] <= cx <= p[2] and p[1] <= cy <= p[3] for p in panels)
