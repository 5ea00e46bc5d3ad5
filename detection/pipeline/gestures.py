"""Finger states and gesture labels from the 21 MediaPipe hand landmarks (3D).

Everything here is rotation-invariant: it uses joint angles and distances normalised by the
palm size, never image directions (except ``thumbs_up``/``thumbs_down``, which are defined by
the direction the thumb points in the image).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

THUMB = (1, 2, 3, 4)
FINGERS = {"index": (5, 6, 7, 8), "middle": (9, 10, 11, 12), "ring": (13, 14, 15, 16), "pinky": (17, 18, 19, 20)}

GESTURES = (
    "zero",
    "one",
    "thumbs_up",
    "thumbs_down",
    "v_sign",
    "two",
    "l_shape",
    "call",
    "metal",
    "three",
    "three_thumb",
    "three_other",
    "ok",
    "four",
    "five",
    "unknown",
)

# meaning of each gesture in the dataset vocabulary (used for "gesture accuracy")
GESTURE_CATEGORY = {
    "zero": "zero",
    "one": "one",
    "thumbs_up": "thumbs_up",
    "thumbs_down": "other",
    "v_sign": "two",
    "two": "two",
    "l_shape": "two",
    "call": "other",
    "metal": "other",
    "three": "three",
    "three_thumb": "three",
    "three_other": "three",
    "ok": "ok",
    "four": "four",
    "five": "five",
    "unknown": "other",
}


@dataclass(frozen=True)
class GestureConfig:
    finger_bend_deg: float = 75.0  # PIP+DIP bend above this -> finger folded
    finger_mcp_weight: float = 0.5  # share of MCP bend added to the finger bend
    thumb_bend_deg: float = 60.0  # MCP+IP bend above this -> thumb folded
    thumb_reach_ratio: float = 0.85  # |tip - pinky MCP| / |thumb MCP - pinky MCP| below this -> folded
    thumb_clear_ratio: float = 0.4  # tip distance to index/middle PIP+DIP (/palm size) below -> folded
    finger_reach_ratio: float = 1.0  # tip-wrist / pip-wrist below this -> folded
    ok_touch_ratio: float = 0.35  # thumb tip - index tip distance (/palm size) for "ok"
    soft_deg: float = 15.0  # softness of the angle decisions (confidence)


def _angle(u: np.ndarray, v: np.ndarray) -> float:
    nu = np.linalg.norm(u)
    nv = np.linalg.norm(v)
    if nu < 1e-9 or nv < 1e-9:
        return 0.0
    c = float(np.clip(np.dot(u, v) / (nu * nv), -1.0, 1.0))
    return float(np.degrees(np.arccos(c)))


def _sig(x: float) -> float:
    return float(1.0 / (1.0 + np.exp(-x)))


@dataclass
class FingerState:
    extended: list[bool]
    probs: list[float]  # probability-like score that each finger is extended
    features: dict[str, float] = field(default_factory=dict)


def palm_size(p: np.ndarray) -> float:
    """Average of wrist-to-middle-MCP and index-MCP-to-pinky-MCP distances (3D)."""
    return float(max(1e-6, (np.linalg.norm(p[9] - p[0]) + np.linalg.norm(p[5] - p[17])) / 2))


def finger_states(landmarks: Sequence[Sequence[float]], cfg: GestureConfig = GestureConfig()) -> FingerState:
    p = np.asarray(landmarks, dtype=np.float64).reshape(21, -1)
    if p.shape[1] == 2:
        p = np.concatenate([p, np.zeros((21, 1))], axis=1)
    ps = palm_size(p)
    feats: dict[str, float] = {}
    probs: list[float] = []

    # --- thumb
    cmc, mcp, ip, tip = (p[i] for i in THUMB)
    bend = _angle(mcp - cmc, ip - mcp) + _angle(ip - mcp, tip - ip)
    # distance of the tip from the palm: min over index MCP, middle MCP and the palm centre
    centre = p[[0, 5, 9, 13, 17]].mean(0)
    out = min(np.linalg.norm(tip - p[5]), np.linalg.norm(tip - p[9]), np.linalg.norm(tip - centre)) / ps
    reach = np.linalg.norm(tip - p[17]) / max(1e-6, np.linalg.norm(mcp - p[17]))
    clear = min(np.linalg.norm(tip - p[j]) for j in (6, 7, 10, 11, 14, 15, 18, 19)) / ps
    feats.update(thumb_bend=bend, thumb_out=out, thumb_reach=reach, thumb_clear=clear)
    pt = (
        _sig((cfg.thumb_bend_deg - bend) / cfg.soft_deg)
        * _sig((reach - cfg.thumb_reach_ratio) / 0.05)
        * _sig((clear - cfg.thumb_clear_ratio) / 0.03)
    )
    probs.append(pt)

    # --- four fingers
    for name, (m, q, d, t) in FINGERS.items():
        b_mcp = _angle(p[m] - p[0], p[q] - p[m])
        b = _angle(p[q] - p[m], p[d] - p[q]) + _angle(p[d] - p[q], p[t] - p[d])
        total = b + cfg.finger_mcp_weight * b_mcp
        reach_f = np.linalg.norm(p[t] - p[0]) / max(1e-6, np.linalg.norm(p[q] - p[0]))
        feats[f"{name}_bend"] = b
        feats[f"{name}_mcp"] = b_mcp
        feats[f"{name}_reach"] = reach_f
        pf = _sig((cfg.finger_bend_deg - total) / cfg.soft_deg) * _sig((reach_f - cfg.finger_reach_ratio) / 0.05)
        probs.append(pf)

    # --- "O" shapes: thumb tip touching the index tip -> neither counts as extended
    touch = np.linalg.norm(p[4] - p[8]) / ps
    feats["thumb_index_touch"] = touch
    if touch < cfg.ok_touch_ratio:
        probs[0] = min(probs[0], 0.2)
        probs[1] = min(probs[1], 0.2)
    extended = [pr >= 0.5 for pr in probs]
    return FingerState(extended, probs, feats)


def classify(
    landmarks, cfg: GestureConfig = GestureConfig(), *, image_up: tuple[float, float] | None = (0.0, -1.0)
) -> tuple[str, float, FingerState]:
    """Return (gesture, confidence, finger states).

    ``image_up`` is the image "up" direction in landmark x/y coordinates (default: y grows
    downwards); it is only used to tell ``thumbs_up`` from ``thumbs_down``. Pass ``None`` to skip.
    """
    p = np.asarray(landmarks, dtype=np.float64).reshape(21, -1)
    fs = finger_states(p, cfg)
    e = tuple(int(x) for x in fs.extended)
    conf = float(np.prod([pr if x else 1 - pr for pr, x in zip(fs.probs, fs.extended)]) ** (1 / 5))
    t, i, m, r, k = e
    n = sum(e)
    palm_size(p)
    g = "unknown"
    if fs.features["thumb_index_touch"] < cfg.ok_touch_ratio and m and r and k:
        g = "ok"
    elif n == 0:
        g = "zero"
    elif n == 5:
        g = "five"
    elif n == 4:
        g = "four"
    elif e == (0, 1, 0, 0, 0):
        g = "one"
    elif e == (1, 0, 0, 0, 0):
        g = "one"
        if image_up is not None:
            d = p[4, :2] - p[2, :2]
            d = d / max(1e-6, np.linalg.norm(d))
            cosu = float(np.dot(d, np.asarray(image_up, dtype=float)))
            if cosu > 0.5:
                g = "thumbs_up"
            elif cosu < -0.5:
                g = "thumbs_down"
    elif e == (0, 1, 1, 0, 0):
        spread = _angle(p[8] - p[5], p[12] - p[9])
        g = "v_sign" if spread > 12 else "two"
    elif e == (1, 1, 0, 0, 0):
        g = "l_shape"
    elif e == (1, 0, 0, 0, 1):
        g = "call"
    elif e in ((0, 1, 0, 0, 1), (1, 1, 0, 0, 1)):
        g = "metal"
    elif e == (0, 1, 1, 1, 0):
        g = "three"
    elif e == (1, 1, 1, 0, 0):
        g = "three_thumb"
    elif n == 3:
        g = "three_other"
    elif n == 2:
        g = "two"
    elif n == 1:
        g = "one"
    return g, conf, fs


# --------------------------------------------------------------------------------------------
# gestures -> ballot numbers

DEFAULT_PAIR_CONFIG: dict = {
    1: ["one", "thumbs_up"],
    2: ["v_sign", "two", "call", "l_shape"],
    3: ["three", "three_thumb", "ok", "metal"],
}


def _norm_config(pair_config) -> tuple[dict[int, list[str]], list[dict]]:
    if pair_config is None:
        pair_config = DEFAULT_PAIR_CONFIG
    singles: dict[int, list[str]] = {}
    combos: list[dict] = []
    cfg = dict(pair_config)
    for c in cfg.pop("combinations", []) or []:
        combos.append({"number": int(c["number"]), "gestures": sorted(c["gestures"])})
    for k, v in cfg.items():
        singles[int(k)] = list(v)
    return singles, combos


def suggest_candidates(hands: Iterable, pair_config=None, min_confidence: float = 0.0):
    """Map detected hand gestures to ballot numbers.

    ``pair_config``: ``{number: [gesture, ...], ..., "combinations": [{"number": 7,
    "gestures": ["five", "v_sign"]}]}`` (keys may be ints or strings). A combination matches
    when two hands of the photo show exactly those gestures (in any order) and are close to each
    other (centres within 4 hand sizes). ``hands`` are objects with ``gesture``, ``confidence``,
    ``bbox`` attributes (e.g. :class:`HandResult`). Returns a list of
    :class:`~detection.pipeline.results.CandidateSuggestion`, sorted by number.
    """
    from .results import CandidateSuggestion

    singles, combos = _norm_config(pair_config)
    hands = [h for h in hands if getattr(h, "confidence", 1.0) >= min_confidence]
    found: dict[int, CandidateSuggestion] = {}

    def add(num, reason, conf):
        s = found.get(num)
        if s is None:
            found[num] = CandidateSuggestion(num, [reason], conf)
        else:
            s.reasons.append(reason)
            s.confidence = max(s.confidence, conf)

    for idx, h in enumerate(hands):
        for num, gs in singles.items():
            if h.gesture in gs:
                add(num, f"hand {idx}: {h.gesture}", float(h.confidence))
    for c in combos:
        want = c["gestures"]
        if len(want) != 2:
            continue
        for a in range(len(hands)):
            for b in range(a + 1, len(hands)):
                ha, hb = hands[a], hands[b]
                if sorted([ha.gesture, hb.gesture]) != want:
                    continue
                ca = np.array([(ha.bbox[0] + ha.bbox[2]) / 2, (ha.bbox[1] + ha.bbox[3]) / 2])
                cb = np.array([(hb.bbox[0] + hb.bbox[2]) / 2, (hb.bbox[1] + hb.bbox[3]) / 2])
                size = max(
                    ha.bbox[2] - ha.bbox[0],
                    ha.bbox[3] - ha.bbox[1],
                    hb.bbox[2] - hb.bbox[0],
                    hb.bbox[3] - hb.bbox[1],
                    1,
                )
                if np.linalg.norm(ca - cb) <= 4 * size:
                    add(
                        c["number"],
                        f"hands {a}+{b}: {ha.gesture}+{hb.gesture}",
                        float(min(ha.confidence, hb.confidence)),
                    )
    return [found[k] for k in sorted(found)]
