"""Reference symbol / logo matching with SIFT local features, Lowe ratio test and RANSAC homography."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from .results import SymbolMatch

_sift_lock = threading.Lock()
_sift = None


def _get_sift():
    global _sift
    with _sift_lock:
        if _sift is None:
            _sift = cv2.SIFT_create(nfeatures=4000)
        return _sift


@dataclass(frozen=True)
class SymbolConfig:
    ratio: float = 0.75
    min_inliers: int = 12
    ransac_px: float = 5.0
    max_side: int = 1600  # photos are matched at most at this size
    ref_max_side: int = 600


class SymbolReference:
    """A reference image with precomputed features; build once and reuse for many photos."""

    def __init__(self, name: str, image: np.ndarray, cfg: SymbolConfig = SymbolConfig()):
        self.name = name
        img = image
        s = min(1.0, cfg.ref_max_side / max(img.shape[:2]))
        if s < 1.0:
            img = cv2.resize(img, None, fx=s, fy=s, interpolation=cv2.INTER_AREA)
        self.size = (img.shape[1], img.shape[0])
        gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY) if img.ndim == 3 else img
        sift = _get_sift()
        self.kp, self.des = sift.detectAndCompute(gray, None)

    @classmethod
    def from_source(cls, name: str, src, cfg: SymbolConfig = SymbolConfig()) -> SymbolReference:
        from .intake import load_image

        return cls(name, load_image(src).image, cfg)


SymbolLike = SymbolReference | tuple


def _as_refs(symbols: Sequence[SymbolLike], cfg: SymbolConfig) -> list[SymbolReference]:
    refs = []
    for s in symbols:
        if isinstance(s, SymbolReference):
            refs.append(s)
        elif isinstance(s, (tuple, list)) and len(s) == 2:
            name, src = s
            refs.append(
                SymbolReference(name, src, cfg)
                if isinstance(src, np.ndarray)
                else SymbolReference.from_source(name, src, cfg)
            )
        elif isinstance(s, (str, os.PathLike)):
            refs.append(SymbolReference.from_source(os.path.basename(str(s)), s, cfg))
        else:
            raise TypeError(f"unsupported symbol reference {s!r}")
    return refs


def match_symbols(
    image: np.ndarray, symbols: Sequence[SymbolLike], cfg: SymbolConfig = SymbolConfig()
) -> list[SymbolMatch]:
    refs = _as_refs(symbols, cfg)
    if not refs:
        return []
    s = min(1.0, cfg.max_side / max(image.shape[:2]))
    img = cv2.resize(image, None, fx=s, fy=s, interpolation=cv2.INTER_AREA) if s < 1.0 else image
    gray = cv2.cvtColor(img, cv2.COLOR_RGB2GRAY)
    kp, des = _get_sift().detectAndCompute(gray, None)
    out: list[SymbolMatch] = []
    if des is None or len(kp) < 4:
        return out
    matcher = cv2.BFMatcher(cv2.NORM_L2)
    for ref in refs:
        if ref.des is None or len(ref.kp) < 4:
            continue
        pairs = matcher.knnMatch(ref.des, des, k=2)
        good = [m for m, *rest in pairs if rest and m.distance < cfg.ratio * rest[0].distance]
        if len(good) < cfg.min_inliers:
            continue
        src = np.float32([ref.kp[m.queryIdx].pt for m in good]).reshape(-1, 1, 2)
        dst = np.float32([kp[m.trainIdx].pt for m in good]).reshape(-1, 1, 2)
        H, mask = cv2.findHomography(src, dst, cv2.RANSAC, cfg.ransac_px)
        if H is None:
            continue
        inl = int(mask.sum())
        if inl < cfg.min_inliers:
            continue
        w, h = ref.size
        quad = cv2.perspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]).reshape(-1, 1, 2), H)
        quad = quad.reshape(4, 2) / s
        # reject degenerate projections (folded / tiny quads)
        area = cv2.contourArea(quad.astype(np.float32))
        if area < 100 or not cv2.isContourConvex(quad.astype(np.float32).reshape(-1, 1, 2)):
            continue
        score = float(inl / len(good)) * min(1.0, inl / (3.0 * cfg.min_inliers))
        x0, y0 = quad.min(0)
        x1, y1 = quad.max(0)
        out.append(
            SymbolMatch(
                ref.name,
                inl,
                score,
                [float(x0), float(y0), float(x1), float(y1)],
                [[float(a), float(b)] for a, b in quad],
            )
        )
    out.sort(key=lambda m: -m.inliers)
    return out
