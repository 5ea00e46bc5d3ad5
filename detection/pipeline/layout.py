"""Collage layout: find the separate photos (panels) pasted side by side on a plain canvas.

Social-media posts often combine several photos in one image ("foto kolase"). Seen whole, each
person's hand is tiny for the palm detector (it sees the long side at 192 px); seen per panel,
the hand is as large as in the original photo. Finding panels is a few milliseconds of numpy:

1. the canvas colour is the most common colour on the image border (it must cover a good part of it);
2. recursive XY-cut: rows, then columns, that hold no photo pixels split the content; where two
   photos touch, a straight line with a colour jump along nearly its whole length splits them;
3. the image counts as a collage only if some panel has a sharp, straight outline against the
   canvas (a hand in front of a plain wall gives a bounding box whose sides run through the wall).

Plain Python (numpy + OpenCV); no Django imports.
"""

from __future__ import annotations

import numpy as np

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 (x1, y1 exclusive)

CANVAS_TOLERANCE = 18  # max channel difference from the canvas colour still counted as canvas
MIN_CANVAS_SHARE = 0.3  # of the border ring
MIN_PANEL_SIDE = 24
SEAM_STRENGTH = 0.9  # share of the rows with a colour jump along a line where two photos touch
MIN_OUTLINE_CONTRAST = 0.45  # share of a panel's outline that differs from just outside it
MIN_COLLAGE_SIDE = 160  # smaller images are single (often tightly cropped) photos, never collages


def _channel_max(diff: np.ndarray) -> np.ndarray:
    # elementwise maximum of the three channels: much faster than ndarray.max(axis=2)
    return np.maximum(np.maximum(diff[..., 0], diff[..., 1]), diff[..., 2])


def canvas_colour(image: np.ndarray, ring: int = 3) -> np.ndarray | None:
    """The plain background colour of a collage, or None when the border is not mostly one colour."""
    border = np.concatenate(
        [
            image[:ring].reshape(-1, 3),
            image[-ring:].reshape(-1, 3),
            image[:, :ring].reshape(-1, 3),
            image[:, -ring:].reshape(-1, 3),
        ]
    ).astype(np.int16)
    q = border // 8
    keys = q[:, 0] * 1024 + q[:, 1] * 32 + q[:, 2]
    values, counts = np.unique(keys, return_counts=True)
    colour = np.median(border[keys == values[np.argmax(counts)]], 0)
    share = float((np.abs(border - colour).max(1) <= CANVAS_TOLERANCE - 6).mean())
    return colour if share >= MIN_CANVAS_SHARE else None


def _runs(flags: np.ndarray, min_len: int) -> list[tuple[int, int]]:
    out, start = [], None
    for i, f in enumerate([*flags.tolist(), False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            if i - start >= min_len:
                out.append((start, i))
            start = None
    return out


def _seams(jump: np.ndarray, fg: np.ndarray, vertical: bool) -> list[int]:
    """Positions of straight lines (vertical or horizontal) where two photos touch.

    ``jump[y, x]``: colour jump between columns x and x + 1 (rows for horizontal lines)."""
    if not vertical:
        fg = fg.T
    both = fg[:, 1:] & fg[:, :-1]
    n = both.sum(0)
    strength = np.where(n >= max(12, 0.4 * fg.shape[0]), (jump & both).sum(0) / np.maximum(n, 1), 0.0)
    cuts: list[int] = []
    for x in np.argsort(-strength):
        if strength[x] < SEAM_STRENGTH:
            break
        c = int(x) + 1
        if min(c, fg.shape[1] - c) < MIN_PANEL_SIDE or any(abs(c - o) < MIN_PANEL_SIDE for o in cuts):
            continue
        cuts.append(c)
    return sorted(cuts)


def _split(jumps: tuple, fg: np.ndarray, x0: int, y0: int, out: list[Box], depth: int = 0) -> None:
    """Recursive XY-cut of the content mask ``fg`` (a view at x0, y0 of the whole image's mask)."""
    h, w = fg.shape
    rows = _runs(fg.mean(1) > 0.01, 3)
    cols = _runs(fg.mean(0) > 0.01, 3)
    if not rows or not cols:
        return
    ry0, ry1, cx0, cx1 = rows[0][0], rows[-1][1], cols[0][0], cols[-1][1]
    if (ry0, ry1, cx0, cx1) != (0, h, 0, w):  # crop to the content first
        _split(jumps, fg[ry0:ry1, cx0:cx1], x0 + cx0, y0 + ry0, out, depth)
        return
    parts: list[Box] = []
    if len(rows) > 1:
        parts = [(0, a, w, b) for a, b in rows]
    elif len(cols) > 1:
        parts = [(a, 0, b, h) for a, b in cols]
    elif cuts := _seams(jumps[0][y0 : y0 + h, x0 : x0 + w - 1], fg, vertical=True):
        edges = [0, *cuts, w]
        parts = [(a, 0, b, h) for a, b in zip(edges, edges[1:])]
    elif cuts := _seams(jumps[1][x0 : x0 + w, y0 : y0 + h - 1], fg, vertical=False):
        edges = [0, *cuts, h]
        parts = [(0, a, w, b) for a, b in zip(edges, edges[1:])]
    if not parts or depth > 8:
        if min(w, h) >= MIN_PANEL_SIDE:
            out.append((x0, y0, x0 + w, y0 + h))
        return
    for a, c, b, d in parts:
        _split(jumps, fg[c:d, a:b], x0 + a, y0 + c, out, depth + 1)


def outline_contrast(image: np.ndarray, box: Box, inside: int = 2, outside: int = 3) -> float:
    """Share of the panel's outline (sides inside the image) where the photo differs from the canvas:
    a line ``inside`` px within each side against a line ``outside`` px beyond it. The gap of a few
    pixels skips JPEG ringing and chroma bleeding along the photo's edge (recompressed posts)."""
    height, width = image.shape[:2]
    x0, y0, x1, y1 = box

    def differ(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return np.abs(a.astype(np.int16) - b.astype(np.int16)).max(1)

    sides = []
    if y0 - outside >= 0 and y0 + inside < y1:
        sides.append(differ(image[y0 + inside, x0:x1], image[y0 - outside, x0:x1]))
    if y1 - 1 + outside < height and y1 - 1 - inside >= y0:
        sides.append(differ(image[y1 - 1 - inside, x0:x1], image[y1 - 1 + outside, x0:x1]))
    if x0 - outside >= 0 and x0 + inside < x1:
        sides.append(differ(image[y0:y1, x0 + inside], image[y0:y1, x0 - outside]))
    if x1 - 1 + outside < width and x1 - 1 - inside >= x0:
        sides.append(differ(image[y0:y1, x1 - 1 - inside], image[y0:y1, x1 - 1 + outside]))
    if not sides:
        return 0.0
    return float((np.concatenate(sides) > CANVAS_TOLERANCE).mean())


def find_panels(image: np.ndarray) -> list[Box] | None:
    """Boxes of the photos in a collage, in original pixels; None when the image is not a collage."""
    if min(image.shape[:2]) < MIN_COLLAGE_SIDE:
        return None
    colour = canvas_colour(image)
    if colour is None:
        return None
    import cv2

    canvas = np.empty_like(image)
    canvas[:] = np.round(colour).astype(np.uint8)
    fg = (_channel_max(cv2.absdiff(image, canvas)) > CANVAS_TOLERANCE).astype(np.uint8)
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)).astype(bool)
    # colour jumps between neighbouring columns (h x w-1) and rows (transposed: w x h-1), computed once
    jumps = (
        _channel_max(cv2.absdiff(image[:, 1:], image[:, :-1])) > CANVAS_TOLERANCE,
        (_channel_max(cv2.absdiff(image[1:], image[:-1])) > CANVAS_TOLERANCE).T,
    )
    panels: list[Box] = []
    _split(jumps, fg, 0, 0, panels)
    if not panels or max(outline_contrast(image, p) for p in panels) < MIN_OUTLINE_CONTRAST:
        return None
    return panels


def panel_windows(box: Box, max_aspect: float = 2.2, overlap: float = 0.3) -> list[Box]:
    """A panel much wider (or taller) than a photo -- touching photos that were not split -- is
    looked at through square windows with overlap, so that hands stay large in each view."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    if w <= max_aspect * h and h <= max_aspect * w:
        return [box]
    if w > h:
        n = int(np.ceil((w - overlap * h) / ((1 - overlap) * h)))
        return [(int(x), y0, int(x) + h, y1) for x in np.linspace(x0, x1 - h, max(n, 2))]
    n = int(np.ceil((h - overlap * w) / ((1 - overlap) * w)))
    return [(x0, int(y), x1, int(y) + w) for y in np.linspace(y0, y1 - w, max(n, 2))]
