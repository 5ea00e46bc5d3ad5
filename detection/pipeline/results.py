"""Result dataclasses; ``to_dict()`` returns plain JSON-able structures."""

from __future__ import annotations

from dataclasses import dataclass, field

MODEL_VERSION = (
    "netralitas-hands-1.1 (mediapipe-hands-0.10.21 full models under LiteRT 2.3.0; palm scan; angle-rules v1)"
)


def _r(x, nd=2):
    return round(float(x), nd)


@dataclass
class HandResult:
    bbox: list[float]  # [x0, y0, x1, y1] in ORIGINAL image pixels
    landmarks: list[list[float]]  # 21 x [x, y, z] in original pixels (z relative, pixel scale)
    fingers: int  # number of extended fingers incl. thumb
    extended: list[bool]  # [thumb, index, middle, ring, pinky]
    gesture: str  # zero, one, thumbs_up, v_sign, ok, ... (see gestures.GESTURES)
    confidence: float  # gesture confidence 0..1
    handedness: str  # "Left" / "Right" (as seen by MediaPipe)
    score: float  # detection (handedness) score 0..1
    source: str = "whole"  # which pass found it: whole, panel, scan, focus, exposure, padded, tile, recheck

    @property
    def size(self) -> float:
        return max(1.0, ((self.bbox[2] - self.bbox[0]) * (self.bbox[3] - self.bbox[1])) ** 0.5)

    def to_dict(self, with_landmarks: bool = True) -> dict:
        d = {
            "bbox": [_r(v, 1) for v in self.bbox],
            "fingers": int(self.fingers),
            "extended": [bool(e) for e in self.extended],
            "gesture": self.gesture,
            "confidence": _r(self.confidence, 3),
            "handedness": self.handedness,
            "score": _r(self.score, 3),
            "source": self.source,
        }
        if with_landmarks:
            d["landmarks"] = [[_r(v, 1) for v in p] for p in self.landmarks]
        return d


@dataclass
class SymbolMatch:
    name: str
    inliers: int
    score: float  # inlier ratio-weighted score 0..1
    bbox: list[float]  # [x0, y0, x1, y1] in original pixels
    quad: list[list[float]]  # 4 corners of the reference projected into the photo

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "inliers": int(self.inliers),
            "score": _r(self.score, 3),
            "bbox": [_r(v, 1) for v in self.bbox],
            "quad": [[_r(x, 1), _r(y, 1)] for x, y in self.quad],
        }


@dataclass
class CandidateSuggestion:
    number: int
    reasons: list[str]
    confidence: float

    def to_dict(self) -> dict:
        return {"number": int(self.number), "reasons": list(self.reasons), "confidence": _r(self.confidence, 3)}


@dataclass
class DetectionResult:
    hands: list[HandResult] = field(default_factory=list)
    symbols: list[SymbolMatch] = field(default_factory=list)
    candidates: list[CandidateSuggestion] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    model_version: str = MODEL_VERSION
    image_size: list[int] | None = None  # [width, height] of the original image
    second_pass: str = ""  # "", "panels", "exposure", "padded", "tiles" or joined with "+"
    panels: list[list[int]] = field(default_factory=list)  # collage photos looked at, [x0, y0, x1, y1]
    # every region looked at, [pass, x0, y0, x1, y1] (pass: post, whole, panel, scan, focus), for the preview
    looked: list[list] = field(default_factory=list)

    @property
    def candidate_numbers(self) -> list[int]:
        return [c.number for c in self.candidates]

    def to_dict(self, with_landmarks: bool = True) -> dict:
        return {
            "hands": [h.to_dict(with_landmarks) for h in self.hands],
            "symbols": [s.to_dict() for s in self.symbols],
            "candidates": [c.to_dict() for c in self.candidates],
            "timings_ms": {k: _r(v, 1) for k, v in self.timings_ms.items()},
            "model_version": self.model_version,
            "image_size": list(self.image_size) if self.image_size else None,
            "second_pass": self.second_pass,
            "panels": [list(p) for p in self.panels],
            "looked": [list(r) for r in self.looked],
        }
