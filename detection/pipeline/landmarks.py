"""The second half of MediaPipe Hands, run directly under LiteRT: the hand landmark model on the
rotated square region that the palm detector proposes.

The region follows MediaPipe's palm-to-ROI rule: the palm box centre, turned so that the wrist ->
middle-finger-base vector points up, shifted half a box towards the fingers and enlarged 2.6 x
(square on the long side). The crop is warped to 224 x 224 and the 21 landmarks are mapped back to
original pixels (z in the same pixel scale as x), so ``gestures.classify`` reads them exactly like
the landmarks of ``mediapipe.solutions.hands``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from .models import get_tflite
from .palm import Palm

INPUT = 224
ROI_SCALE = 2.6
ROI_SHIFT_Y = -0.5


@dataclass
class Roi:
    cx: float
    cy: float
    size: float
    angle: float  # radians; rotation of the hand's "up" from the image's up

    def corners(self) -> np.ndarray:
        c, s = math.cos(self.angle), math.sin(self.angle)
        h = self.size / 2
        pts = np.array([[-h, -h], [h, -h], [h, h], [-h, h]])
        return pts @ np.array([[c, s], [-s, c]]) + [self.cx, self.cy]


def palm_roi(palm: Palm) -> Roi:
    """MediaPipe's palm-detection-to-ROI transform, in pixels."""
    wrist, middle = palm.keypoints[0], palm.keypoints[2]
    angle = math.pi / 2 - math.atan2(-(middle[1] - wrist[1]), middle[0] - wrist[0])
    angle = (angle + math.pi) % (2 * math.pi) - math.pi
    x0, y0, x1, y1 = palm.box
    w, h = x1 - x0, y1 - y0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    # shift along the rotated y axis (towards the fingers)
    cx += -h * ROI_SHIFT_Y * math.sin(angle)
    cy += h * ROI_SHIFT_Y * math.cos(angle)
    return Roi(cx, cy, max(w, h) * ROI_SCALE, angle)


def landmarks_roi(points: np.ndarray, scale: float = 2.0, shift: float = -0.1) -> Roi:
    """MediaPipe's landmarks-to-ROI rule (what its tracking uses for the next frame): the hand's own
    axis (wrist -> middle-finger base), the landmarks' box in that frame, 2 x, shifted 0.1 to the fingers."""
    wrist, middle = points[0, :2], points[9, :2]
    angle = math.pi / 2 - math.atan2(-(middle[1] - wrist[1]), middle[0] - wrist[0])
    angle = (angle + math.pi) % (2 * math.pi) - math.pi
    c, s = math.cos(angle), math.sin(angle)
    rot = np.array([[c, s], [-s, c]])  # image -> hand frame
    local = points[:, :2] @ rot.T
    lo, hi = local.min(0), local.max(0)
    centre = ((lo + hi) / 2) @ rot  # back to the image frame
    w, h = hi - lo
    cx, cy = centre
    cx += -h * shift * s
    cy += h * shift * c
    return Roi(float(cx), float(cy), float(max(w, h) * scale), angle)


def _affine(roi: Roi) -> np.ndarray:
    """Matrix taking original pixels to the 224 x 224 input of ``roi``."""
    src = roi.corners()[:3].astype(np.float32)
    dst = np.array([[0, 0], [INPUT, 0], [INPUT, INPUT]], np.float32)
    return cv2.getAffineTransform(src, dst)


@dataclass
class Landmarks:
    points: np.ndarray  # 21 x 3, original pixels (z like x)
    presence: float
    right: float  # probability that this is a right hand (as the model sees it)
    roi: Roi


def read_landmarks(image: np.ndarray, rois: list[Roi], batch: int = 4, mirror: bool = False) -> list[Landmarks]:
    """Landmark model on each region (batched invokes). Returns one reading per region.
    ``mirror``: each region is read flipped left-right (the model is not mirror-symmetric, so this is
    a second, independent opinion) and the landmarks are flipped back."""
    model = get_tflite("landmark")
    out: list[Landmarks] = []
    for start in range(0, len(rois), batch):
        chunk = rois[start : start + batch]
        mats = [_affine(r) for r in chunk]
        crops = [
            cv2.warpAffine(image, m, (INPUT, INPUT), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
            for m in mats
        ]
        if mirror:
            crops = [np.ascontiguousarray(c[:, ::-1]) for c in crops]
        lms, presence, handed, _world = model.run(np.stack(crops).astype(np.float32) / 255.0)
        for k, (roi, m) in enumerate(zip(chunk, mats)):
            p = lms[k].reshape(21, 3).astype(np.float64)
            if mirror:
                p[:, 0] = INPUT - p[:, 0]
            inv = cv2.invertAffineTransform(m)
            xy = p[:, :2] @ inv[:, :2].T + inv[:, 2]
            z = p[:, 2] * roi.size / INPUT
            out.append(
                Landmarks(np.column_stack([xy, z]), float(_sigmoid(presence[k])), float(_sigmoid(handed[k])), roi)
            )
    return out


def _sigmoid(v) -> float:
    x = float(np.asarray(v).reshape(-1)[0])
    if 0.0 <= x <= 1.0:  # the bundled models already end in a sigmoid
        return x
    return 1.0 / (1.0 + math.exp(-x))
