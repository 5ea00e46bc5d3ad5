"""Detection pipeline tests: real MediaPipe on real photos, no mocks, no database."""

import csv
import io
import json
import math
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from detection.pipeline import (
    DetectConfig,
    ImageRejected,
    SymbolReference,
    annotate,
    classify,
    detect,
    load_image,
    match_symbols,
    suggest_candidates,
)
from detection.pipeline import models as models_mod
from detection.pipeline.hands import HandsConfig

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "hands"
LABELS = list(csv.DictReader(open(FIX / "labels.csv")))


def _rgb(path):
    return load_image(str(path)).image


# ---------------------------------------------------------------- real photos
@pytest.mark.parametrize("row", LABELS, ids=[r["label"] + ":" + r["file"][:5] for r in LABELS])
def test_finger_count_on_real_photos(row):
    res = detect(str(FIX / row["file"]))
    assert res.hands, "no hand found"
    largest = max(res.hands, key=lambda h: h.size)
    assert largest.fingers == int(row["fingers"])
    assert 0.0 <= largest.confidence <= 1.0
    assert largest.handedness in ("Left", "Right")


def test_washed_out_hand_is_found_by_the_darkened_retry():
    """A hand against a bright wall (overexposed webcam frame): the normal pass finds nothing."""
    path = str(FIX / "d0092_subhi_three_15_pic00022.jpg")
    plain = detect(path, config=DetectConfig(hands=HandsConfig(exposure_gamma=0)))
    assert not plain.hands or max(plain.hands, key=lambda h: h.size).fingers != 3
    res = detect(path)
    assert "exposure" in res.second_pass  # after the scan found nothing, or one lone hand
    assert max(res.hands, key=lambda h: h.size).fingers == 3


def test_unsure_hand_gets_a_mirrored_second_look():
    """A "three" whose ring finger is read as extended (four) with low confidence; the mirrored crop
    reads three with more confidence, and that reading wins."""
    path = str(FIX / "d0079_subhi_three_15_pic00029.jpg")
    first = max(detect(path, config=DetectConfig(recheck_below=0)).hands, key=lambda h: h.size)
    assert first.fingers == 4 and first.confidence < 0.95
    second = max(detect(path).hands, key=lambda h: h.size)
    assert second.fingers == 3 and second.confidence > first.confidence
    assert abs(second.bbox[0] - first.bbox[0]) < 0.2 * (first.bbox[2] - first.bbox[0])  # the same hand


def test_to_dict_is_json_and_annotate_keeps_size():
    img = _rgb(FIX / LABELS[0]["file"])
    res = detect(img)
    d = res.to_dict()
    json.dumps(d)
    assert set(d) >= {"hands", "symbols", "candidates", "timings_ms", "model_version"}
    assert {"hands_whole", "gestures", "total"} <= set(d["timings_ms"])
    out = annotate(img, res)
    assert out.shape == img.shape and out.dtype == np.uint8
    assert not np.array_equal(out, img)


def test_bbox_in_original_pixels_on_resized_copies():
    path = FIX / "d0129_subhi_five_15_pic00001.jpg"
    img = _rgb(path)
    ref = max(detect(img).hands, key=lambda h: h.size).bbox
    for s in (0.6, 1.7):
        im2 = cv2.resize(img, None, fx=s, fy=s, interpolation=cv2.INTER_AREA if s < 1 else cv2.INTER_CUBIC)
        buf = io.BytesIO()
        Image.fromarray(im2).save(buf, format="PNG")
        res = detect(buf.getvalue())
        assert res.image_size == [im2.shape[1], im2.shape[0]]
        b = max(res.hands, key=lambda h: h.size).bbox
        size = ref[2] - ref[0]
        for got, want in zip(b, ref):
            assert abs(got / s - want) < 0.15 * size


def test_exif_orientation_is_applied():
    img = _rgb(FIX / "d0027_subhi_one_3_pic00007.jpg")
    pil = Image.fromarray(img)
    exif = pil.getexif()
    exif[0x0112] = 6  # rotate 90 CW on display
    buf = io.BytesIO()
    pil.save(buf, format="JPEG", exif=exif.tobytes())
    out = load_image(buf.getvalue())
    assert out.original_size == (img.shape[0], img.shape[1])  # width/height swapped
    res = detect(buf.getvalue())
    assert res.hands and max(res.hands, key=lambda h: h.size).fingers == 1
    for h in res.hands:
        assert h.bbox[2] <= img.shape[0] + 5 and h.bbox[3] <= img.shape[1] + 5


def test_small_hands_found_by_second_pass():
    """Group-like photo: three real photos shrunk side by side -> hands about 30-40 px."""
    files = [
        "d0000_subhi_zero_1528664299.56_pic00104.jpg",
        "d0027_subhi_one_3_pic00007.jpg",
        "d0129_subhi_five_15_pic00001.jpg",
    ]
    tiles = [cv2.resize(_rgb(FIX / f), (320, 240), interpolation=cv2.INTER_AREA) for f in files]
    canvas = np.full((360, 1000, 3), 180, np.uint8)
    for i, t in enumerate(tiles):
        canvas[60:300, 10 + i * 330 : 330 + i * 330] = t
    res = detect(canvas)
    whole_only = detect(canvas, config=DetectConfig(hands=DetectConfig().hands.__class__(second_pass="never")))
    assert len(res.hands) >= len(whole_only.hands)
    assert len(res.hands) >= 3
    assert res.second_pass


# ---------------------------------------------------------------- gestures from landmark fixtures
LMS = json.load(open(FIX / "landmarks.json"))


def _rot(p, deg, axis="z"):
    p = np.asarray(p, float)
    c = p.mean(0)
    a = math.radians(deg)
    R = {
        "z": [[math.cos(a), -math.sin(a), 0], [math.sin(a), math.cos(a), 0], [0, 0, 1]],
        "y": [[math.cos(a), 0, math.sin(a)], [0, 1, 0], [-math.sin(a), 0, math.cos(a)]],
    }[axis]
    return (p - c) @ np.asarray(R).T + c


@pytest.mark.parametrize("name", sorted(LMS))
@pytest.mark.parametrize("deg", [0, 45, 90, 180, 270])
def test_gesture_rotation_invariant(name, deg):
    fx = LMS[name]
    p = _rot(fx["landmarks"], deg)
    g, conf, fs = classify(p, image_up=None)
    assert sum(fs.extended) == fx["fingers"]
    assert g == fx["gesture"]


@pytest.mark.parametrize("name", sorted(LMS))
def test_gesture_mirrored_and_back_facing(name):
    fx = LMS[name]
    p = np.asarray(fx["landmarks"], float)
    mirrored = p.copy()
    mirrored[:, 0] = -mirrored[:, 0]  # left hand <-> right hand
    back = _rot(p, 180, "y")  # seen from the back
    for q in (mirrored, back):
        g, conf, fs = classify(q, image_up=None)
        assert sum(fs.extended) == fx["fingers"], name


def test_thumbs_up_vs_down_and_ok():
    five = np.asarray(LMS["zero"]["landmarks"], float)
    g, _, fs = classify(five)
    assert g == "zero"
    # synthetic: a fist (zero) with the thumb straightened along its MCP direction -> thumb only
    p = five.copy()
    d = p[2] - p[1]
    d /= np.linalg.norm(d)
    L = np.linalg.norm(p[9] - p[0])
    p[3] = p[2] + d * 0.35 * L
    p[4] = p[2] + d * 0.7 * L
    g, _, fs = classify(p, image_up=tuple((d[:2] / np.linalg.norm(d[:2])).tolist()))
    assert fs.extended == [True, False, False, False, False]
    assert g == "thumbs_up"
    g2, _, _ = classify(p, image_up=tuple((-d[:2] / np.linalg.norm(d[:2])).tolist()))
    assert g2 == "thumbs_down"
    # ok: index tip moved onto the thumb tip of an open hand -> middle, ring, pinky only
    o = np.asarray(LMS["five"]["landmarks"], float)
    o[8] = o[4] + (o[7] - o[4]) * 0.05
    o[7] = (o[6] + o[8]) / 2 + (o[4] - o[5]) * 0.2
    g, _, fs = classify(o)
    assert g == "ok" and sum(fs.extended) == 3


# ---------------------------------------------------------------- candidates
class _H:
    def __init__(self, gesture, conf=0.9, bbox=(0, 0, 10, 10)):
        self.gesture, self.confidence, self.bbox = gesture, conf, list(bbox)


def test_suggest_candidates_pure_function():
    cfg = {
        1: ["one", "thumbs_up"],
        2: ["v_sign", "two", "call", "l_shape"],
        3: ["three", "ok", "metal"],
        "combinations": [{"number": 7, "gestures": ["five", "v_sign"]}],
    }
    s = suggest_candidates([_H("v_sign"), _H("five", bbox=(12, 0, 22, 10))], cfg)
    assert [c.number for c in s] == [2, 7]
    assert any("v_sign" in r for r in s[0].reasons)
    assert suggest_candidates([_H("zero")], cfg) == []
    far = suggest_candidates([_H("v_sign"), _H("five", bbox=(500, 0, 510, 10))], cfg)
    assert [c.number for c in far] == [2]
    assert [c.number for c in suggest_candidates([_H("ok")], {"3": ["ok"]})] == [3]


# ---------------------------------------------------------------- intake
def test_intake_refuses_text_named_jpg(tmp_path):
    p = tmp_path / "photo.jpg"
    p.write_text("this is not an image")
    with pytest.raises(ImageRejected) as e:
        detect(str(p))
    assert "not a recognised image" in str(e.value)


def test_intake_refuses_truncated_jpeg(tmp_path):
    data = (FIX / LABELS[0]["file"]).read_bytes()
    with pytest.raises(ImageRejected) as e:
        load_image(data[: len(data) // 2])
    assert e.value.reason == "damaged"


def test_intake_refuses_oversized_and_bombs(tmp_path):
    data = (FIX / LABELS[0]["file"]).read_bytes()
    with pytest.raises(ImageRejected) as e:
        load_image(data, max_bytes=1000)
    assert e.value.reason == "too_large"
    # bomb: a tiny PNG declaring 20000 x 20000 pixels
    buf = io.BytesIO()
    Image.new("L", (20000, 20000)).save(buf, format="PNG", optimize=True)
    assert len(buf.getvalue()) < 2_000_000
    with pytest.raises(ImageRejected) as e:
        load_image(buf.getvalue())
    assert e.value.reason == "too_many_pixels"
    with pytest.raises(ImageRejected):
        load_image(data, max_pixels=1000)
    with pytest.raises(ImageRejected):
        load_image(b"")


def test_intake_decodes_by_content_and_normalises():
    img = _rgb(FIX / LABELS[0]["file"])
    buf = io.BytesIO()
    Image.fromarray(img).convert("RGBA").save(buf, format="PNG")
    p = load_image(buf.getvalue())  # PNG bytes, no name at all
    assert p.format == "PNG" and p.image.shape == img.shape and p.image.dtype == np.uint8


# ---------------------------------------------------------------- symbols
def _logo():
    rng = np.random.default_rng(3)
    logo = np.full((200, 200, 3), 255, np.uint8)
    cv2.circle(logo, (100, 100), 80, (200, 20, 20), -1)
    cv2.rectangle(logo, (60, 60), (140, 140), (250, 250, 0), -1)
    cv2.putText(logo, "7", (75, 135), cv2.FONT_HERSHEY_SIMPLEX, 3, (0, 0, 120), 8)
    for _ in range(25):
        x, y = rng.integers(10, 190, 2)
        cv2.circle(logo, (int(x), int(y)), int(rng.integers(3, 10)), tuple(int(v) for v in rng.integers(0, 255, 3)), -1)
    return logo


def test_symbol_match_positive_and_negative():
    photo = _rgb(FIX / "d0170_epsrc_five_five_180.jpg")
    logo = _logo()
    src = np.float32([[0, 0], [200, 0], [200, 200], [0, 200]])
    dst = np.float32([[60, 50], [230, 70], [220, 220], [50, 200]])
    H = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(logo, H, (photo.shape[1], photo.shape[0]))
    mask = cv2.warpPerspective(np.full((200, 200), 255, np.uint8), H, (photo.shape[1], photo.shape[0]))
    composed = photo.copy()
    composed[mask > 0] = warped[mask > 0]
    ref = SymbolReference("party7", logo)
    m = match_symbols(composed, [ref])
    assert len(m) == 1 and m[0].name == "party7" and m[0].inliers >= 12
    x0, y0, x1, y1 = m[0].bbox
    assert abs(x0 - 50) < 12 and abs(y0 - 50) < 12 and abs(x1 - 230) < 12 and abs(y1 - 220) < 12
    assert match_symbols(photo, [ref]) == []
    res = detect(composed, symbols=[ref])
    assert res.to_dict()["symbols"][0]["name"] == "party7"


# ---------------------------------------------------------------- singletons & CLI
def test_models_load_once():
    detect(_rgb(FIX / LABELS[0]["file"]))
    n = dict(models_mod.LOAD_COUNT)
    detect(_rgb(FIX / LABELS[1]["file"]))
    detect(_rgb(FIX / LABELS[0]["file"]))
    assert n == models_mod.LOAD_COUNT
    a = models_mod.get_hands(8, 0.5)
    assert models_mod.get_hands(8, 0.5) is a


def test_module_cli_detect_json_contract(tmp_path):
    bad = tmp_path / "bad.jpg"
    bad.write_text("nope")
    good = FIX / "d0054_subhi_two_3_1528499009.07_pic00011.jpg"
    p = subprocess.run(
        [sys.executable, "-m", "detection.pipeline.cli", "detect", str(good), str(bad), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert p.returncode == 1
    lines = [line for line in p.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    d = json.loads(lines[0])
    assert set(d) == {"file", "hands", "symbols", "candidates", "ms"}
    assert d["file"] == str(good) and isinstance(d["ms"], float)
    h = max(d["hands"], key=lambda h: (h["bbox"][2] - h["bbox"][0]) * (h["bbox"][3] - h["bbox"][1]))
    assert set(h) == {"fingers", "gesture", "handedness", "score", "bbox"}
    assert h["fingers"] == 2 and 2 in d["candidates"]
    assert "bad.jpg" in p.stderr


# ---------------------------------------------------------------- duplicate merging
def _raw(box, score=0.9, edge=math.inf):
    from detection.pipeline.hands import RawHand

    x0, y0, x1, y1 = box
    pts = np.array([[x0 + (x1 - x0) * (i % 5) / 4, y0 + (y1 - y0) * (i // 5) / 4, 0.0] for i in range(21)])
    pts[0] = [(x0 + x1) / 2, y1, 0.0]  # wrist at the bottom
    return RawHand(pts, None, "Right", score, "tile", edge)


def test_merge_prefers_hand_not_cut_by_tile_edge():
    from detection.pipeline.hands import merge_hands

    cut = _raw((100, 100, 140, 130), score=0.99, edge=-0.3)  # partial hand, higher score
    whole = _raw((95, 90, 145, 170), score=0.8, edge=1.0)  # the whole hand, contains the partial one
    kept = merge_hands([cut, whole])
    assert kept == [whole]
    # far-apart hands are both kept, whatever their edges
    other = _raw((400, 90, 450, 170), score=0.7, edge=-0.5)
    assert len(merge_hands([cut, whole, other])) == 2


def test_evaluate_every_shared_set_prints_found_exact_confusion_and_sizes(tmp_path):
    """``--all DATA_DIR`` evaluates each set laid out like the shared data, with a summary table."""
    import io
    import os

    from detection.pipeline.cli import run_evaluate, shared_label_files

    for name, src in (("dev", "hands"), ("groups", "groups"), ("scenes", "scenes")):
        os.symlink(ROOT / "tests" / "fixtures" / src, tmp_path / name)
    files = shared_label_files(str(tmp_path))
    assert [Path(f).parent.name for f in files] == ["dev", "groups", "scenes"]
    out = io.StringIO()
    reps = run_evaluate(files, stdout=out)
    text = out.getvalue()
    assert "finger-count confusion (largest hand)" in text and "finger-count confusion (labelled hands)" in text
    assert "hands by size" in text and "30-40" in text and ">= 60" in text
    scenes = reps[files[2]]["group"]
    assert scenes["hands_found"] == 1.0 and scenes["exact_fingers"] == 1.0
    assert sum(v["hands"] for v in scenes["by_size"].values()) == scenes["hands"] == 7
    summary = text.split("ms/image")[-1]
    assert "dev" in summary and "groups" in summary and "scenes" in summary


def test_benchmark_reports_ratio_stages_and_litert_inputs(tmp_path):
    from detection.pipeline.benchmark import benchmark, format_benchmark

    rep = benchmark(str(ROOT / "tests" / "fixtures" / "scenes"))
    assert rep["images"] == 2 and rep["ratio"] > 0
    assert rep["palm_views_per_image"] >= 2 and rep["landmark_regions_per_image"] >= 3
    assert {"intake", "layout", "hands_whole", "hands_second", "scan", "gestures"} <= set(rep["stages_ms"])
    assert "palm-detector views" in format_benchmark(rep)
