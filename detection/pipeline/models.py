"""Process-wide lazy singletons for the models (loaded once per process, offline, bundled files).

* MediaPipe Hands graphs (``get_hands``);
* the two halves of MediaPipe Hands as plain TFLite files from the installed mediapipe wheel, run
  directly under LiteRT (``get_tflite``): the palm detector ("where to look") and the hand landmark
  model. One interpreter per batch size, so a batched invoke never re-plans the graph.

Neither graphs nor interpreters are re-entrant, so every model carries its own lock.
"""

from __future__ import annotations

import os
import threading

import numpy as np

os.environ.setdefault("GLOG_minloglevel", "2")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

_lock = threading.Lock()
_hands: dict[tuple, LockedModel] = {}
LOAD_COUNT = {"hands": 0, "tflite": 0}
INPUTS = {"palm": 0, "landmark": 0}  # views / regions run through each LiteRT model (benchmark counts)

# model files inside the installed mediapipe package (no download at run time)
TFLITE_FILES = {
    "palm": "modules/palm_detection/palm_detection_full.tflite",
    "palm_lite": "modules/palm_detection/palm_detection_lite.tflite",
    "landmark": "modules/hand_landmark/hand_landmark_full.tflite",
}
ANCHOR_LAYERS = (24 * 24 * 2, 12 * 12 * 6)  # palm detector: anchors at stride 8, then stride 16
_tflite: dict[tuple[str, int], TfliteModel] = {}
_batched: dict[str, BatchedModel] = {}


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


def tflite_path(name: str) -> str:
    """Absolute path of a bundled model file (raises FileNotFoundError when the wheel lacks it)."""
    import importlib.util

    spec = importlib.util.find_spec("mediapipe")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("mediapipe is not installed")
    path = os.path.join(list(spec.submodule_search_locations)[0], TFLITE_FILES[name])
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    return path


class TfliteModel:
    """A LiteRT interpreter with a fixed batch size; ``run`` pads a smaller batch."""

    def __init__(self, path: str, batch: int, segments: tuple[int, ...] = ()):
        from ai_edge_litert.interpreter import Interpreter

        self.interpreter = Interpreter(model_path=path, num_threads=1)
        inp = self.interpreter.get_input_details()[0]
        if batch != 1:
            self.interpreter.resize_tensor_input(inp["index"], [batch, *inp["shape"][1:]])
        self.interpreter.allocate_tensors()
        self.batch = batch
        self.segments = segments
        self.input_index = inp["index"]
        self.input_shape = tuple(int(v) for v in inp["shape"][1:])
        # outputs in the order of their names (Identity, Identity_1, ...)
        outs = sorted(self.interpreter.get_output_details(), key=lambda d: (len(d["name"]), d["name"]))
        self.output_indices = [d["index"] for d in outs]
        self.lock = threading.Lock()

    def run(self, batch_input: np.ndarray) -> list[np.ndarray]:
        n = batch_input.shape[0]
        INPUTS["palm" if self.segments else "landmark"] += n
        if n < self.batch:
            pad = np.zeros((self.batch - n, *batch_input.shape[1:]), np.float32)
            batch_input = np.concatenate([batch_input, pad])
        with self.lock:
            self.interpreter.set_tensor(self.input_index, np.ascontiguousarray(batch_input, np.float32))
            self.interpreter.invoke()
            outs = [self.interpreter.get_tensor(i) for i in self.output_indices]
        outs = [_unfold(t, self.batch, self.segments) if t.shape[0] != self.batch else t for t in outs]
        return [t[:n].copy() for t in outs]


def _unfold(t: np.ndarray, batch: int, segments: tuple[int, ...]) -> np.ndarray:
    """The palm graph reshapes each anchor layer to [1, -1, 18] and concatenates the layers, so a
    batch comes out as [layer 1 of every image, layer 2 of every image]: regroup it per image."""
    parts, start = [], 0
    for n in segments or (t.shape[1] // batch,):
        parts.append(t[0, start : start + n * batch].reshape(batch, n, *t.shape[2:]))
        start += n * batch
    return np.concatenate(parts, axis=1)


class BatchedModel:
    """Runs any number of inputs through interpreters of batch size 1, 2 or 4 (no padding waste)."""

    def __init__(self, name: str):
        self.name = name

    def run(self, batch_input: np.ndarray) -> list[np.ndarray]:
        parts: list[list[np.ndarray]] = []
        i = 0
        while i < len(batch_input):
            n = 4 if len(batch_input) - i >= 4 else (2 if len(batch_input) - i >= 2 else 1)
            parts.append(_interpreter(self.name, n).run(batch_input[i : i + n]))
            i += n
        return [np.concatenate([p[k] for p in parts]) for k in range(len(parts[0]))]


def _interpreter(name: str, batch: int) -> TfliteModel:
    key = (name, batch)
    m = _tflite.get(key)
    if m is None:
        with _lock:
            m = _tflite.get(key)
            if m is None:
                m = TfliteModel(tflite_path(name), batch, ANCHOR_LAYERS if name.startswith("palm") else ())
                _tflite[key] = m
                LOAD_COUNT["tflite"] += 1
    return m


def get_tflite(name: str) -> BatchedModel:
    """The palm detector (``palm``, ``palm_lite``) or the hand landmark model (``landmark``)."""
    m = _batched.get(name)
    if m is None:
        tflite_path(name)  # fail early and clearly when the wheel lacks the file
        m = _batched.setdefault(name, BatchedModel(name))
    return m
