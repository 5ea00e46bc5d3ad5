""" "Where to look": MediaPipe's palm detector (the first half of MediaPipe Hands) run directly
under LiteRT, with its SSD anchors decoded in numpy.

The model sees a 192 x 192 view and answers with 2016 anchor boxes (a 24 x 24 grid at stride 8 with
2 anchors per cell, a 12 x 12 grid at stride 16 with 6), each a palm box plus 7 keypoints (wrist,
finger bases, thumb). Palms below ~12 px in the view are not found, so small hands in a large
scene are looked for through windows (``windows.py``); each window is one invoke, and several
windows share one batched invoke.

Plain numpy + OpenCV; the interpreter comes from ``models.get_tflite`` (loaded once per process).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .models import get_tflite

INPUT = 192
# SsdAnchorsCalculator options of MediaPipe's palm_detection graph (strides 8, 16, 16, 16, fixed size)
_STRIDES_AND_ANCHORS = ((8, 2), (16, 6))


def _anchors() -> np.ndarray:
    out = []
    for stride, per_cell in _STRIDES_AND_ANCHORS:
        n = INPUT // stride
        ys, xs = np.mgrid[0:n, 0:n]
        centres = np.stack([(xs + 0.5) / n, (ys + 0.5) / n], -1).reshape(-1, 2)
        out.append(np.repeat(centres, per_cell, axis=0))
    return np.concatenate(out).astype(np.float32)  # 2016 x (cx, cy), normalised


ANCHORS = _anchors()


@dataclass
class Palm:
    """A palm found by the detector, in original image pixels."""

    box: np.ndarray  # x0, y0, x1, y1
    keypoints: np.ndarray  # 7 x 2: wrist, index/middle/ring/pinky bases, thumb CMC, thumb MCP
    score: float
    window: tuple[int, int, int, int] | None = None  # the view it was found in (for the preview)

    @property
    def size(self) -> float:
        return float(max(self.box[2] - self.box[0], self.box[3] - self.box[1]))


def letterbox(view: np.ndarray) -> tuple[np.ndarray, float, float, float]:
    """Fit an RGB view into 192 x 192 keeping its shape (the graph's letterbox). Returns the float
    input in [0, 1] and (scale, pad_x, pad_y) mapping input pixels back: orig = (p - pad) / scale."""
    h, w = view.shape[:2]
    scale = INPUT / max(h, w)
    nw, nh = max(1, round(w * scale)), max(1, round(h * scale))
    interp = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    small = cv2.resize(view, (nw, nh), interpolation=interp)
    px, py = (INPUT - nw) // 2, (INPUT - nh) // 2
    canvas = np.zeros((INPUT, INPUT, 3), np.float32)
    canvas[py : py + nh, px : px + nw] = small.astype(np.float32) / 255.0
    return canvas, scale, px, py


def decode(raw_boxes: np.ndarray, raw_scores: np.ndarray, threshold: float) -> list[tuple[np.ndarray, float]]:
    """Anchors -> (18 values in input pixels: box cx, cy, w, h then 7 keypoints, score), score >= threshold."""
    scores = 1.0 / (1.0 + np.exp(-np.clip(raw_scores.reshape(-1).astype(np.float64), -100, 100)))
    idx = np.nonzero(scores >= threshold)[0]
    out = []
    for i in idx:
        v = raw_boxes[i].astype(np.float64).copy()
        ax, ay = ANCHORS[i] * INPUT
        v[0] += ax
        v[1] += ay
        v[4::2] += ax
        v[5::2] += ay
        out.append((v, float(scores[i])))
    return out


def _nms(palms: list[Palm], iou: float) -> list[Palm]:
    """Weighted NMS like the graph's: overlapping boxes are averaged by score (steadier boxes)."""
    palms = sorted(palms, key=lambda p: -p.score)
    kept: list[Palm] = []
    used = [False] * len(palms)
    boxes = np.array([p.box for p in palms]) if palms else np.zeros((0, 4))
    for i, p in enumerate(palms):
        if used[i]:
            continue
        ix0 = np.maximum(boxes[i, 0], boxes[:, 0])
        iy0 = np.maximum(boxes[i, 1], boxes[:, 1])
        ix1 = np.minimum(boxes[i, 2], boxes[:, 2])
        iy1 = np.minimum(boxes[i, 3], boxes[:, 3])
        inter = np.clip(ix1 - ix0, 0, None) * np.clip(iy1 - iy0, 0, None)
        area = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
        ov = inter / np.maximum(1e-6, area[i] + area - inter)
        group = [j for j in range(len(palms)) if not used[j] and ov[j] >= iou]
        for j in group:
            used[j] = True
        w = np.array([palms[j].score for j in group])
        box = np.average([palms[j].box for j in group], axis=0, weights=w)
        kps = np.average([palms[j].keypoints for j in group], axis=0, weights=w)
        kept.append(Palm(box, kps, p.score, p.window))
    return kept


def _raw_palms(image: np.ndarray, windows: list, threshold: float, batch: int, model: str = "palm") -> list[Palm]:
    net = get_tflite(model)
    found: list[Palm] = []
    for start in range(0, len(windows), batch):
        chunk = windows[start : start + batch]
        inputs, maps = [], []
        for x0, y0, x1, y1 in chunk:
            inp, scale, px, py = letterbox(image[y0:y1, x0:x1])
            inputs.append(inp)
            maps.append((scale, px, py, x0, y0))
        raw_boxes, raw_scores = net.run(np.stack(inputs))
        for k, (scale, px, py, x0, y0) in enumerate(maps):
            for v, s in decode(raw_boxes[k], raw_scores[k], threshold):
                xs = (v[0::2] - px) / scale + x0  # box cx, (w), then the keypoints' x
                ys = (v[1::2] - py) / scale + y0
                cx, cy = xs[0], ys[0]
                bw, bh = v[2] / scale, v[3] / scale
                box = np.array([cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2])
                kps = np.stack([xs[2:], ys[2:]], -1)
                found.append(Palm(box, kps, s, tuple(chunk[k])))
    return found


def detect_palms(
    image: np.ndarray,
    windows: list[tuple[int, int, int, int]],
    threshold: float = 0.5,
    nms_iou: float = 0.3,
    batch: int = 4,
) -> list[Palm]:
    """Palms in each window (x0, y0, x1, y1) of ``image``, merged, in original pixels, best first."""
    return _nms(_raw_palms(image, windows, threshold, batch), nms_iou)


def detect_palms_and_hints(
    image: np.ndarray,
    windows: list,
    threshold: float,
    hint: float,
    nms_iou: float = 0.3,
    batch: int = 4,
    model: str = "palm",
) -> tuple[list[Palm], list[Palm]]:
    """Palms at ``threshold`` and, from the same invoke, weak ones (``hint`` <= score < threshold):
    places worth a closer look. The two are merged separately, so the palms are exactly those
    found at ``threshold`` alone."""
    raw = _raw_palms(image, windows, min(hint, threshold), batch, model)
    strong = _nms([p for p in raw if p.score >= threshold], nms_iou)
    weak = _nms([p for p in raw if p.score < threshold], nms_iou)
    return strong, weak
