"""Process-wide lazy singletons for the MediaPipe graphs (loaded once, offline, bundled files).

MediaPipe graphs are not re-entrant, so every model carries its own lock.
"""

from __future__ import annotations

import os
import threading

os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

_lock = threading.Lock()
_hands: dict[tuple, LockedModel] = {}
LOAD_COUNT = {"hands": 0}


class LockedModel:
    def __init__(self, model):
        self.model = model
        self.lock = threading.Lock()

    def process(self, image):
        with self.lock:
            return self.model.process(image)


def get_hands(max_num_hands: int = 6, min_detection_confidence: float = 0.5, model_complexity: int = 1) -> LockedModel:
    key = (int(max_num_hands), round(float(min_detection_confidence), 3), int(model_complexity))
    m = _hands.get(key)
    if m is not None:
        return m
    with _lock:
        m = _hands.get(key)
        if m is None:
            import mediapipe as mp

            m = LockedModel(
                mp.solutions.hands.Hands(
                    static_image_mode=True,
                    max_num_hands=key[0],
                    model_complexity=key[2],
                    min_detection_confidence=key[1],
                )
            )
            _hands[key] = m
            LOAD_COUNT["hands"] += 1
    return m


def loaded_models() -> dict[str, int]:
    return {"hands": len(_hands)}
