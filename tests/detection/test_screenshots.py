"""Screenshots of posts: the photo inside is found and read as if uploaded alone; boxes stay in the
screenshot's pixels. Real photos, real models."""

import csv
import json
from pathlib import Path

import numpy as np

from detection.pipeline import DetectConfig, annotate, detect, load_image
from detection.pipeline.evaluate import match_boxes
from detection.pipeline.screenshot import find_post_photo, native_scale

FIX = Path(__file__).resolve().parents[1] / "fixtures"
SHOT = FIX / "screenshots" / "shot_d0129_subhi_five_15_pic00001.jpg"
ALONE = FIX / "hands" / "d0129_subhi_five_15_pic00001.jpg"


def test_the_photo_of_a_post_is_found_inside_the_chrome():
    shot = load_image(str(SHOT)).image
    alone = load_image(str(ALONE)).image
    x0, y0, x1, y1 = find_post_photo(shot)
    # shown at the screen's width (720 px), in the photo's own shape, below the author row
    assert (x0, x1) == (0, shot.shape[1])
    assert abs((y1 - y0) / (x1 - x0) - alone.shape[0] / alone.shape[1]) < 0.01
    assert y0 > 150 and y1 < shot.shape[0] - 150


def test_photos_and_collages_are_not_screenshots():
    for path in [ALONE, *sorted((FIX / "scenes").glob("*.jpg")), *sorted((FIX / "groups").glob("*.jpg"))]:
        assert find_post_photo(load_image(str(path)).image) is None, path.name


def test_a_screenshot_reads_like_the_photo_alone_in_the_screenshots_pixels():
    res = detect(str(SHOT))
    alone = detect(str(ALONE))
    assert res.second_pass.startswith("post")
    assert [h.fingers for h in res.hands] == [h.fingers for h in alone.hands] == [5]
    post = res.looked[0]
    assert post[0] == "post"
    x0, y0, x1, y1 = res.hands[0].bbox
    assert post[1] <= x0 and post[2] <= y0 and x1 <= post[3] and y1 <= post[4]
    # the same hand, scaled by the screen's width
    k = 720 / 640
    np.testing.assert_allclose(
        np.array(res.hands[0].bbox) - [0, post[2], 0, post[2]], np.array(alone.hands[0].bbox) * k, atol=12
    )
    shot = load_image(str(SHOT)).image
    assert annotate(shot, res).shape == shot.shape
    off = detect(str(SHOT), config=DetectConfig(screenshots=False))
    assert not off.second_pass.startswith("post")


def test_a_screenshot_of_a_scene_finds_every_hand():
    row = next(csv.DictReader(open(FIX / "screenshots" / "scenes.csv")))
    truth = json.loads(row["hands_json"])
    res = detect(str(FIX / "screenshots" / row["file"]))
    matched = match_boxes([h.bbox for h in res.hands], [t["bbox"] for t in truth])
    assert len(matched) == len(truth)
    assert all(res.hands[p].fingers == truth[g]["fingers"] for g, p in matched.items())


def test_an_enlarged_small_photo_is_read_at_its_own_size():
    import cv2

    photo = load_image(str(ALONE)).image
    small = cv2.resize(photo, None, fx=1 / 6, fy=1 / 6, interpolation=cv2.INTER_AREA)  # about 107 x 80 px
    shown = cv2.resize(small, (small.shape[1] * 6, small.shape[0] * 6), interpolation=cv2.INTER_LINEAR)
    assert native_scale(shown) >= 2  # no sharp edge left: shrunk back before reading
    assert native_scale(photo) == 1.0
