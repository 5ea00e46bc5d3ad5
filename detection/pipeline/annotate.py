"""Draw a DetectionResult on an RGB image with OpenCV."""

from __future__ import annotations

import cv2
import numpy as np

HAND_CONNECTIONS = [
    (0, 1),
    (1, 2),
    (2, 3),
    (3, 4),
    (0, 5),
    (5, 6),
    (6, 7),
    (7, 8),
    (5, 9),
    (9, 10),
    (10, 11),
    (11, 12),
    (9, 13),
    (13, 14),
    (14, 15),
    (15, 16),
    (13, 17),
    (0, 17),
    (17, 18),
    (18, 19),
    (19, 20),
]


def annotate(image: np.ndarray, result) -> np.ndarray:
    """Return a copy of ``image`` (RGB uint8, original size) with hands, labels and symbols drawn."""
    out = np.ascontiguousarray(image.copy())
    h, w = out.shape[:2]
    th = max(1, int(round(max(h, w) / 600)))
    fs = max(0.4, max(h, w) / 1400)
    for x0, y0, x1, y1 in getattr(result, "panels", []) or []:  # collage photos, drawn under the hands
        cv2.rectangle(out, (int(x0), int(y0)), (int(x1) - 1, int(y1) - 1), (255, 215, 0), th)
    for hand in result.hands:
        x0, y0, x1, y1 = [int(round(v)) for v in hand.bbox]
        cv2.rectangle(out, (x0, y0), (x1, y1), (255, 64, 0), th)
        pts = [(int(round(p[0])), int(round(p[1]))) for p in hand.landmarks]
        for a, b in HAND_CONNECTIONS:
            cv2.line(out, pts[a], pts[b], (0, 220, 0), th)
        for i, p in enumerate(pts):
            tip = i in (4, 8, 12, 16, 20)
            cv2.circle(out, p, th + (1 if tip else 0), (255, 0, 0) if tip else (0, 128, 255), -1)
        label = f"{hand.gesture} {hand.fingers} ({hand.confidence:.2f})"
        (tw, tht), base = cv2.getTextSize(label, cv2.FONT_HERSHEY_SIMPLEX, fs, th)
        ty = max(tht + 2, y0 - 3)
        cv2.rectangle(out, (x0, ty - tht - 2), (x0 + tw + 2, ty + base), (255, 64, 0), -1)
        cv2.putText(out, label, (x0 + 1, ty), cv2.FONT_HERSHEY_SIMPLEX, fs, (255, 255, 255), th, cv2.LINE_AA)
    for sm in result.symbols:
        q = np.array(sm.quad, dtype=np.int32).reshape(-1, 1, 2)
        cv2.polylines(out, [q], True, (255, 0, 255), th + 1)
        cv2.putText(
            out,
            f"{sm.name} ({sm.inliers})",
            (int(sm.bbox[0]), max(12, int(sm.bbox[1]) - 4)),
            cv2.FONT_HERSHEY_SIMPLEX,
            fs,
            (255, 0, 255),
            th,
            cv2.LINE_AA,
        )
    if result.candidates:
        txt = "candidates: " + ", ".join(str(c.number) for c in result.candidates)
        cv2.putText(out, txt, (6, h - 8), cv2.FONT_HERSHEY_SIMPLEX, fs * 1.2, (255, 255, 0), th + 1, cv2.LINE_AA)
    return out


# colours of the regions looked at (RGB), one per pass; the preview's legend names them
LOOKED_COLOURS = {
    "post": (255, 0, 255),  # the photo found inside a screenshot
    "whole": (160, 160, 160),  # the whole image (or photo), seen at 192 px
    "panel": (255, 215, 0),  # a photo of a collage
    "scan": (0, 200, 255),  # a window of the "where to look" scan
    "focus": (255, 128, 0),  # a closer look where a weak palm was seen
}


def draw_looked(image: np.ndarray, looked: list, scale: float = 1.0) -> np.ndarray:
    """A copy of ``image`` with the regions looked at outlined, each labelled with its pass.
    ``looked``: [pass, x0, y0, x1, y1] in original pixels; ``scale``: image pixels per original pixel
    (a preview smaller than the original). Drawn so that an officer can see where the pipeline looked
    and report a hand it missed."""
    out = np.ascontiguousarray(image.copy())
    h, w = out.shape[:2]
    th = max(1, int(round(max(h, w) / 900)))
    fs = max(0.35, max(h, w) / 2200)
    for item in looked:
        name, box = str(item[0]), [float(v) * scale for v in item[1:5]]
        colour = LOOKED_COLOURS.get(name, (255, 255, 255))
        x0, y0, x1, y1 = (int(round(v)) for v in box)
        cv2.rectangle(out, (x0, y0), (max(x0, x1 - 1), max(y0, y1 - 1)), colour, th)
        cv2.putText(
            out, name, (x0 + 2, y0 + int(12 * fs / 0.35)), cv2.FONT_HERSHEY_SIMPLEX, fs, colour, th, cv2.LINE_AA
        )
    return out
