"""MediaPipe Hands taken apart: palm detector, then the landmark model only where a palm was found.

``LiteHands`` behaves like ``mediapipe.solutions.hands.Hands(static_image_mode=True)`` on one view
(same bundled models, same palm-to-region rule, same 0.5 presence check), but both halves run
directly under LiteRT, several views share one batched palm invoke, and the landmark step can be
given regions found elsewhere (``read_regions``). ``MediaPipeHands`` wraps the real graph with the
same interface, so every pass can be measured with either runtime (``HandsConfig.runtime``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .landmarks import Roi, palm_roi, read_landmarks
from .models import get_hands
from .palm import Palm, detect_palms

PRESENCE = 0.5  # the graph's hand presence threshold


@dataclass
class Reading:
    points: np.ndarray  # 21 x 3 in the pixels of the image read (z like x)
    handedness: str
    score: float
    roi: Roi | None = None
    window: tuple[int, int, int, int] | None = None


def _reading(lm, window=None) -> Reading:
    # the graph reports handedness as seen in a mirrored (selfie) view; keep its convention
    right = lm.right
    label, score = ("Left", right) if right >= 0.5 else ("Right", 1.0 - right)
    return Reading(lm.points, label, float(score), lm.roi, window)


def read_regions(image: np.ndarray, rois: list[Roi], windows: list | None = None) -> list[Reading]:
    """Landmarks on given regions (batched); regions whose hand-presence score is low are dropped."""
    if not rois:
        return []
    lms = read_landmarks(image, rois)
    wins = windows or [None] * len(rois)
    return [_reading(lm, w) for lm, w in zip(lms, wins) if lm.presence >= PRESENCE]


def read_palms(image: np.ndarray, palms: list[Palm]) -> list[Reading]:
    return read_regions(image, [palm_roi(p) for p in palms], [p.window for p in palms])


class LiteHands:
    """``process(view)`` -> readings in the view's pixels (palm detector on the whole view)."""

    def __init__(self, max_hands: int, min_detection_confidence: float):
        self.max_hands = max_hands
        self.threshold = min_detection_confidence

    def process(self, view: np.ndarray) -> list[Reading]:
        h, w = view.shape[:2]
        palms = detect_palms(view, [(0, 0, w, h)], self.threshold)[: self.max_hands]
        return read_palms(view, palms)


class MediaPipeHands:
    """The real MediaPipe Hands graph behind the same interface (for measurement)."""

    def __init__(self, max_hands: int, min_detection_confidence: float):
        self.model = get_hands(max_hands, min_detection_confidence)

    def process(self, view: np.ndarray) -> list[Reading]:
        res = self.model.process(view)
        if not res.multi_hand_landmarks:
            return []
        h, w = view.shape[:2]
        out = []
        for lm, hd in zip(res.multi_hand_landmarks, res.multi_handedness):
            p = np.array([(q.x * w, q.y * h, q.z * w) for q in lm.landmark], dtype=np.float64)
            c = hd.classification[0]
            out.append(Reading(p, c.label, float(c.score)))
        return out


def hands_reader(runtime: str, max_hands: int, min_detection_confidence: float):
    if runtime == "mediapipe":
        return MediaPipeHands(max_hands, min_detection_confidence)
    return LiteHands(max_hands, min_detection_confidence)
