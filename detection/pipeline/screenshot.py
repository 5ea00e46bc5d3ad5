"""Screenshots of a post: find the photo inside the app's chrome, so it is read as if uploaded alone.

Monitors capture evidence as phone screenshots: a status bar, the app's name, an author row with an
avatar, the photo at screen width, action icons, a likes line and a caption, on a plain light or dark
theme colour. Read whole, the chrome costs palm-detector looks and the avatar or caption can pass for
content; the photo is also smaller relative to the image, so its hands look "small".

The photo is the longest band of rows that differ from the theme colour across most of the width,
grown to the nearest row of pure theme colour, at the screen's width less the bars of a
letterboxed (tall) photo. It counts as a screenshot only if the image is portrait, its top rows (status bar) are
the theme colour, and the rows above and below the band are mostly theme colour (chrome, not photo).

Plain numpy + OpenCV; no Django imports.
"""

from __future__ import annotations

import cv2
import numpy as np

Box = tuple[int, int, int, int]

THEME_TOLERANCE = 24  # max channel difference still counted as the theme colour
PHOTO_ROW = 0.35  # share of a row's pixels off the theme colour: a photo row
MIN_PHOTO_HEIGHT = 0.15  # of the screenshot's height
MIN_CHROME_PLAIN = 0.8  # rows above and below the photo: share of theme-colour pixels
MIN_PORTRAIT = 1.3  # height / width of a phone screenshot
STEP = 1  # pixel step of the search (2 was faster but lost 1.2 points on the dev screenshots: edge rows)


def _runs(flags: np.ndarray, max_gap: int) -> list[tuple[int, int]]:
    """Runs of True (end exclusive), bridging gaps of at most ``max_gap`` rows."""
    idx = np.flatnonzero(flags)
    if idx.size == 0:
        return []
    breaks = np.flatnonzero(np.diff(idx) > max_gap + 1)
    starts = np.concatenate([[idx[0]], idx[breaks + 1]])
    ends = np.concatenate([idx[breaks], [idx[-1]]]) + 1
    return list(zip(starts.tolist(), ends.tolist()))


def find_post_photo(image: np.ndarray) -> Box | None:
    """Box (x0, y0, x1, y1) of the photo in a screenshot of a post, or None when it is not one."""
    full_h, full_w = image.shape[:2]
    if full_h < MIN_PORTRAIT * full_w or full_w < 160:
        return None
    box = _find_band(np.ascontiguousarray(image[::STEP, ::STEP]))
    if box is None:
        return None
    x0, y0, x1, y1 = box
    return (STEP * x0, STEP * y0, min(full_w, STEP * x1), min(full_h, STEP * y1))


def _find_band(image: np.ndarray) -> Box | None:
    h, w = image.shape[:2]
    top = image[: max(2, h // 50)].reshape(-1, 3).astype(np.int16)
    theme = np.median(top, 0)
    if float((np.abs(top - theme).max(1) <= THEME_TOLERANCE).mean()) < 0.9:
        return None  # the status bar is not one plain colour
    canvas = np.empty_like(image)
    canvas[:] = np.round(theme).astype(np.uint8)
    diff = cv2.absdiff(image, canvas)
    off = np.maximum(np.maximum(diff[..., 0], diff[..., 1]), diff[..., 2]) > THEME_TOLERANCE
    row_share = off.mean(1)
    runs = _runs(row_share >= PHOTO_ROW, max_gap=max(2, h // 100))
    if not runs:
        return None
    y0, y1 = max(runs, key=lambda r: r[1] - r[0])
    while y0 > 0 and row_share[y0 - 1] > 0:  # grow to the nearest row of pure theme colour
        y0 -= 1
    while y1 < h and row_share[y1] > 0:
        y1 += 1
    if y1 - y0 < MIN_PHOTO_HEIGHT * h or y1 - y0 > 0.9 * h:
        return None
    above, below = off[:y0], off[y1:]
    if above.shape[0] < h // 40 or below.shape[0] < h // 40:
        return None
    if 1 - above.mean() < MIN_CHROME_PLAIN or 1 - below.mean() < MIN_CHROME_PLAIN:
        return None
    x0, x1 = _letterbox_columns(image[y0:y1])
    if x1 - x0 < 0.3 * w:
        return None
    return (x0, int(y0), x1, int(y1))


def _letterbox_columns(band: np.ndarray, max_std: float = 1.5) -> tuple[int, int]:
    """The photo spans the screen's width unless it is letterboxed (tall photos): then both sides
    hold equal bars of one flat colour, which are trimmed. Plain walls at a photo's edge are not
    bars: they have some gradient, and they are rarely the same width on both sides."""
    w = band.shape[1]
    flat = band.reshape(band.shape[0], w, 3).astype(np.float32).std(0).max(1) <= max_std
    left = int(np.argmin(flat)) if not flat.all() else 0
    right = int(np.argmin(flat[::-1])) if not flat.all() else 0
    if left > 0 and right > 0 and abs(left - right) <= max(4, w // 40):  # JPEG ringing blurs the edges
        return left, w - right
    return 0, w


SHARP_EDGE = 20  # 99th percentile of |Laplacian| in a photo at its own resolution (upscaled ones: < 12)


def native_scale(photo: np.ndarray, factors: tuple[float, ...] = (2, 3, 4, 6, 8, 12, 16)) -> float:
    """How much the app enlarged the photo to fit the screen (1 = not enlarged).

    A small photo shown at screen width has no sharp edge left; shrunk back by the right factor its
    edges are sharp again. Reading it at that size follows the same passes as the upload alone (a
    tight crop is padded, not scanned for small hands it cannot hold)."""
    gray = cv2.cvtColor(photo, cv2.COLOR_RGB2GRAY)[4:-4, 4:-4]
    if gray.size == 0 or _sharpness(gray) >= SHARP_EDGE:
        return 1.0
    for f in factors:
        small = cv2.resize(gray, None, fx=1 / f, fy=1 / f, interpolation=cv2.INTER_AREA)
        if min(small.shape) < 24:
            return float(f)
        if _sharpness(small) >= SHARP_EDGE:
            return float(f)
    return float(factors[-1])


def _sharpness(gray: np.ndarray) -> float:
    """99th percentile of |Laplacian| (a partial sort: np.percentile sorts the whole photo)."""
    lap = np.abs(cv2.Laplacian(gray, cv2.CV_16S)).ravel()
    k = int(0.99 * (lap.size - 1))
    return float(np.partition(lap, k)[k]) if lap.size else 0.0
