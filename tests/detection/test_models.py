"""The bundled models load from the installed mediapipe wheel and run under LiteRT (no network)."""

from pathlib import Path

import numpy as np
import pytest

from detection.pipeline import load_image
from detection.pipeline import models as models_mod
from detection.pipeline.landmarks import palm_roi, read_landmarks
from detection.pipeline.palm import ANCHORS, detect_palms
from detection.pipeline.reader import LiteHands, MediaPipeHands

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "hands"
PHOTO = FIX / "d0129_subhi_five_15_pic00001.jpg"


@pytest.mark.parametrize("name", sorted(models_mod.TFLITE_FILES))
def test_each_model_file_loads_from_the_installed_package(name):
    path = models_mod.tflite_path(name)
    assert "site-packages/mediapipe/modules/" in path or "dist-packages/mediapipe/modules/" in path
    m = models_mod._interpreter(name, 1)
    side = m.input_shape[0]
    outs = m.run(np.zeros((1, side, side, 3), np.float32))
    if name.startswith("palm"):
        assert [o.shape for o in outs] == [(1, len(ANCHORS), 18), (1, len(ANCHORS), 1)]
    else:
        assert outs[0].shape == (1, 63)


def test_batched_invokes_equal_single_invokes():
    """The palm graph folds the batch into its anchor axis; regrouped, every image gets its own answer."""
    rng = np.random.default_rng(0)
    for name, side in (("palm", 192), ("landmark", 224)):
        x = rng.random((3, side, side, 3), dtype=np.float32)
        batched = models_mod.get_tflite(name).run(x)  # a batch of 2, then 1
        for k in range(3):
            single = models_mod._interpreter(name, 1).run(x[k : k + 1])
            for b, s in zip(batched, single):
                np.testing.assert_allclose(b[k], s[0], atol=1e-4)


def test_models_load_once_per_process():
    models_mod.get_tflite("palm")
    a = models_mod._interpreter("palm", 1)
    n = dict(models_mod.LOAD_COUNT)
    img = load_image(str(PHOTO)).image
    LiteHands(2, 0.5).process(img)
    LiteHands(2, 0.5).process(img)
    assert models_mod._interpreter("palm", 1) is a
    assert models_mod.LOAD_COUNT["tflite"] - n["tflite"] <= 1  # at most the landmark interpreter, once


def test_two_halves_read_the_same_landmarks_as_the_mediapipe_graph():
    img = load_image(str(PHOTO)).image
    lite = LiteHands(2, 0.5).process(img)
    graph = MediaPipeHands(2, 0.5).process(img)
    assert len(lite) == len(graph) == 1
    assert lite[0].handedness == graph[0].handedness
    size = np.ptp(graph[0].points[:, :2], axis=0).max()
    assert np.abs(lite[0].points[:, :2] - graph[0].points[:, :2]).mean() < 0.03 * size


def test_palms_are_found_in_windows_and_mapped_back():
    img = load_image(str(PHOTO)).image
    h, w = img.shape[:2]
    whole = detect_palms(img, [(0, 0, w, h)])
    assert len(whole) == 1
    x0, y0, x1, y1 = whole[0].box.astype(int)
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    side = 3 * (x1 - x0)
    win = (max(0, cx - side // 2), max(0, cy - side // 2), min(w, cx + side // 2), min(h, cy + side // 2))
    part = detect_palms(img, [win])
    assert len(part) == 1 and part[0].window == win
    np.testing.assert_allclose(part[0].box, whole[0].box, atol=0.15 * (x1 - x0))
    (lm,) = read_landmarks(img, [palm_roi(part[0])])
    assert lm.presence > 0.9
