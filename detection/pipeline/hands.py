"""Hand detection at every size: whole image, then a second pass only where it can find more.

Pass 0 (collages): if the image is several photos pasted on a plain canvas (``layout.py``), each
photo is looked at on its own instead of the whole image -- one call per panel.
Pass 1: MediaPipe Hands on the whole image.
Pass 2 (decided cheaply from pass 1):
  * ``padded``: nothing found -> the image is padded (tight crops where the hand fills the
    frame defeat the palm detector) and upscaled, then run again.
  * ``tiles``: the hands found are small relative to the image (group photos), or nothing was
    found in a large image -> overlapping square tiles sized from the hand scale seen in pass 1,
    upscaled, near-uniform tiles skipped, bounded by ``max_tiles``.
All detections are mapped back to original pixels and merged (IoU / containment NMS).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import cv2
import numpy as np

from .landmarks import landmarks_roi, read_landmarks
from .layout import find_panels, panel_windows
from .palm import Palm, detect_palms, detect_palms_and_hints
from .reader import PRESENCE, hands_reader, read_palms


@dataclass(frozen=True)
class HandsConfig:
    runtime: str = "litert"  # litert: the two halves of MediaPipe Hands run directly | mediapipe: the graph
    max_hands: int = 8
    min_detection_confidence: float = 0.5
    tile_confidence: float = 0.15  # low palm threshold: the landmark model's presence check filters
    second_pass: str = "auto"  # auto | always | never
    panels: bool = True  # look at each photo of a collage on its own
    panel_max_hands: int = 4  # per panel view (one photo rarely shows more gesturing hands)
    panel_confidence: float = 0.2  # panels are small views: weak palm scores are common, landmarks filter
    panel_upscale_to: int = 256  # panel views are upscaled to this long side (landmark ROI quality)
    panel_pad: float = 0.08  # context around a panel, share of its long side
    panel_max_aspect: float = 2.2  # wider panels are looked at through square windows
    smooth_views: bool = True  # bilateral filter on panel views (recompressed posts); not on tiles
    exposure_gamma: float = 2.0  # nothing found -> one retry darkened (overexposed webcam frames); 0 = off
    pad_fractions: tuple[float, ...] = (0.7, 0.3)  # tried in turn; padding per side / long side
    pad_confidence: float = 0.3
    pad_min_side: int = 384  # padded image is upscaled to at least this long side
    small_hand_fraction: float = 0.14  # hand size / short image side below this -> tiles
    tile_hand_ratio: float = 5.0  # tile side = hand size * this
    max_tiles: int = 6
    tile_overlap: float = 0.2
    tile_upscale_to: int = 448  # tiles are upscaled to this side (landmark ROI quality)
    tile_min_std: float = 8.0  # skip near-uniform tiles (grey-level std below this)
    min_tile_image_side: int = 300  # images with a shorter side never get tiled
    merge_iou: float = 0.3
    merge_iomin: float = 0.6
    merge_wrist: float = 0.35  # wrists closer than this x hand size -> same hand
    edge_margin: float = 0.15  # a tile hand closer than this x hand size to a cut tile edge is "cut"
    max_refine: int = 3  # cut tile hands re-run on a crop centred on them (each costs one call)
    refine_ratio: float = 4.0  # refine crop side = hand size * this
    refine_upscale_to: int = 256
    # "where to look" (scenes): the palm detector alone over windows, landmarks only where it fired
    recheck_region: bool = False  # second look: landmark model alone on the hand's region, mirrored
    scan: bool = True  # False: the older MediaPipe tile passes
    scan_scale: float = 1.0  # windows are seen at this scale (192 px windows, as the detector sees them)
    scan_overlap: int = 24  # px shared by neighbouring windows (about the palm of a 50 px hand)
    scan_confidence: float = 0.15  # low palm threshold: the landmark model's presence check filters
    hint_confidence: float = 0.05  # weak palms of the whole-image pass: places worth a closer look
    max_focus: int = 4  # closer looks at such places per image (one batched palm invoke each)
    focus_ratio: float = 6.0  # side of a closer look = palm size x this
    scan_same_palm: float = 1.0  # palm centres closer than this x palm size are one hand (0 = off)
    scan_model: str = "palm"  # palm (full) | palm_lite
    scan_hint_confidence: float = 1.0  # weak palms of the scan (>= this) get a closer look (1 = off)
    scan_min_detail: float = 0.2  # skip windows with less detail than this x the image's most detailed one


@dataclass
class RawHand:
    landmarks: np.ndarray  # 21 x 3, original pixels (z scaled like x)
    world: np.ndarray | None
    handedness: str
    score: float
    source: str
    edge: float = math.inf  # distance of the landmarks to the nearest tile edge inside the image / hand size

    @property
    def bbox(self) -> list[float]:
        xy = self.landmarks[:, :2]
        x0, y0 = xy.min(0)
        x1, y1 = xy.max(0)
        m = 0.1 * max(x1 - x0, y1 - y0)
        return [float(x0 - m), float(y0 - m), float(x1 + m), float(y1 + m)]

    @property
    def size(self) -> float:
        b = self.bbox
        return math.sqrt(max(1.0, (b[2] - b[0]) * (b[3] - b[1])))


def _enlarge(view: np.ndarray, scale: float, smooth: bool) -> np.ndarray:
    """Upscale a small view for the landmark model. ``smooth``: an edge-preserving (bilateral) filter
    after upscaling, so that JPEG blocks and ringing of recompressed posts are not read as finger edges
    (collages re-saved at JPEG 60: exact counts 89 -> 92 %; unchanged on the originals)."""
    out = cv2.resize(view, None, fx=scale, fy=scale, interpolation=cv2.INTER_LINEAR) if scale > 1.0 else view
    if smooth:
        out = cv2.bilateralFilter(np.ascontiguousarray(out), 5, 30, 5)
    return np.ascontiguousarray(out)


def _model(cfg: HandsConfig, max_hands: int, confidence: float):
    return hands_reader(cfg.runtime, max_hands, confidence)


def _run(model, img: np.ndarray, x0: float, y0: float, scale: float, source: str) -> list[RawHand]:
    """One view through MediaPipe Hands (either runtime), mapped back to original pixels."""
    out: list[RawHand] = []
    for r in model.process(img):
        p = r.points / scale
        p[:, 0] += x0
        p[:, 1] += y0
        out.append(RawHand(p, None, r.handedness, r.score, source))
    return out


def _box_overlap(a, b) -> tuple[float, float]:
    ix = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    aa = (a[2] - a[0]) * (a[3] - a[1])
    ab = (b[2] - b[0]) * (b[3] - b[1])
    union = aa + ab - inter
    return (inter / union if union > 0 else 0.0), (inter / min(aa, ab) if min(aa, ab) > 0 else 0.0)


def merge_hands(
    hands: list[RawHand], iou: float = 0.3, iomin: float = 0.6, wrist: float = 0.35, edge_margin: float = 0.15
) -> list[RawHand]:
    """Greedy NMS. Duplicates: box IoU, box containment, or wrists close together. Between duplicates
    prefer a detection not cut by a tile edge (a hand cut by a tile edge is often reported as a
    partial hand with a wrong finger count), then the best score, larger box on near-ties."""
    order = sorted(hands, key=lambda h: (h.edge >= edge_margin, round(h.score, 1), h.size), reverse=True)
    kept: list[RawHand] = []
    for h in order:
        if not any(_dup(h, k, iou, iomin, wrist) for k in kept):
            kept.append(h)
    return kept


def _dup(a: RawHand, b: RawHand, iou: float, iomin: float, wrist: float = 0.0) -> bool:
    i, m = _box_overlap(a.bbox, b.bbox)
    if i > iou or m > iomin:
        return True
    if wrist > 0 and i > 0:
        d = float(np.linalg.norm(a.landmarks[0, :2] - b.landmarks[0, :2]))
        return d < wrist * min(a.size, b.size)
    return False


def _tiles(w: int, h: int, side: int, overlap_px: int) -> list[tuple[int, int, int, int]]:
    side = min(side, w, h) if min(w, h) >= side else min(w, h)
    out = []

    def starts(n_total, s):
        if n_total <= s:
            return [0]
        n = int(math.ceil((n_total - overlap_px) / max(1, s - overlap_px)))
        return [int(round(v)) for v in np.linspace(0, n_total - s, max(n, 2))]

    for y in starts(h, side):
        for x in starts(w, side):
            out.append((x, y, min(w, x + side), min(h, y + side)))
    return out


def plan_tiles(w: int, h: int, hand_size: float | None, cfg: HandsConfig):
    """Choose square tiles: sized from the hand scale, enlarged until they fit the budget."""
    short = min(w, h)
    side = int(hand_size * cfg.tile_hand_ratio) if hand_size else int(short / 1.5)
    side = max(160, min(side, short))
    while True:
        ov = int(max(cfg.tile_overlap * side, (hand_size or 0) * 1.2))
        ov = min(ov, side // 2)
        tiles = _tiles(w, h, side, ov)
        if len(tiles) <= cfg.max_tiles or side >= short:
            return tiles
        side = int(side * 1.12) + 1


def _add_time(timings: dict | None, key: str, since: float) -> None:
    if timings is not None:
        timings[key] = timings.get(key, 0.0) + (time.perf_counter() - since) * 1000


def join_passes(a: str, b: str) -> str:
    return f"{a}+{b}" if a and b else (a or b)


def scan_windows(w: int, h: int, side: int, overlap: int) -> list[tuple[int, int, int, int]]:
    """Square windows of ``side`` covering the image, neighbours overlapping by at least ``overlap``."""

    def starts(n: int) -> list[int]:
        if n <= side:
            return [0]
        k = max(2, math.ceil((n - overlap) / max(1, side - overlap)))
        return [int(round(v)) for v in np.linspace(0, n - side, k)]

    return [(x, y, min(w, x + side), min(h, y + side)) for y in starts(h) for x in starts(w)]


def detailed_windows(image: np.ndarray, windows: list, min_share: float) -> list:
    """Windows whose detail (mean |Laplacian|) is at least ``min_share`` of the most detailed window's.
    A hand whose fingers can be counted has sharp edges; out-of-focus background and plain walls
    do not (on the dev scenes 0.2 skips 46 % of the windows and keeps 99.5 % of the hands inside)."""
    if min_share <= 0 or len(windows) < 2:
        return windows
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY)
    integral = cv2.integral(cv2.convertScaleAbs(cv2.Laplacian(gray, cv2.CV_16S)))
    detail = [
        (integral[y1, x1] - integral[y0, x1] - integral[y1, x0] + integral[y0, x0]) / max(1, (x1 - x0) * (y1 - y0))
        for x0, y0, x1, y1 in windows
    ]
    top = max(detail)
    return [b for b, d in zip(windows, detail) if d >= min_share * top]


def scan_pass(image: np.ndarray, known: list[RawHand], cfg: HandsConfig, looked: list | None = None) -> list[RawHand]:
    """Small hands in one scene: the palm detector over windows seen at ``scan_scale`` (a few batched
    invokes, ~5 ms each), then the landmark model only on palms that no known hand explains. Regions
    are warped from the full image, so a hand cut by a window edge is still read whole."""
    h, w = image.shape[:2]
    side = int(round(192 / cfg.scan_scale))
    windows = scan_windows(w, h, side, cfg.scan_overlap)
    windows = detailed_windows(image, windows, cfg.scan_min_detail)
    if looked is not None:
        looked += [("scan", *b) for b in windows]
    boxes = [k.bbox for k in known]
    palms, hints = detect_palms_and_hints(
        image, windows, cfg.scan_confidence, cfg.scan_hint_confidence, model=cfg.scan_model
    )
    fresh = _distinct([p for p in palms if not _inside_any(p, boxes)], cfg.scan_same_palm)
    found = [RawHand(r.points, None, r.handedness, r.score, "scan") for r in read_palms(image, fresh)]
    if cfg.scan_hint_confidence < cfg.scan_confidence and hints:
        hints = [q for q in hints if not _inside_any(q, [p.box for p in palms])]
        found += focus_pass(image, known + found, hints, cfg, looked)
    return found


def focus_pass(
    image: np.ndarray, known: list[RawHand], hints: list[Palm], cfg: HandsConfig, looked: list | None = None
) -> list[RawHand]:
    """Closer looks where the whole-image pass saw a weak palm away from the hands it found (another
    person's hand, too small to pass the threshold there): one window around each, palm detector at
    the scan threshold, landmarks where it fires. Singles rarely have such hints (22 % at 0.05, mostly
    near the hand found), scenes and collages nearly always."""
    h, w = image.shape[:2]
    boxes = [k.bbox for k in known]
    windows = []
    for p in sorted(hints, key=lambda q: -q.score):
        cx, cy = (p.box[0] + p.box[2]) / 2, (p.box[1] + p.box[3]) / 2
        if any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
            continue
        side = int(min(min(w, h), max(128, cfg.focus_ratio * p.size)))
        x0 = int(min(max(0, cx - side / 2), w - side))
        y0 = int(min(max(0, cy - side / 2), h - side))
        windows.append((x0, y0, x0 + side, y0 + side))
        if len(windows) >= cfg.max_focus:
            break
    if not windows:
        return []
    if looked is not None:
        looked += [("focus", *b) for b in windows]
    palms = [p for p in detect_palms(image, windows, cfg.scan_confidence) if not _inside_any(p, boxes)]
    return [RawHand(r.points, None, r.handedness, r.score, "focus") for r in read_palms(image, palms)]


def _distinct(palms: list[Palm], same: float) -> list[Palm]:
    """One palm per hand before the landmark step: a palm seen from two overlapping windows can come out
    as two boxes that overlap too little for the NMS (one of them cut by a window edge); centres closer
    than ``same`` x the larger palm are one hand (the best scored is kept)."""
    kept: list[Palm] = []
    for p in sorted(palms, key=lambda q: -q.score):
        c = (p.box[:2] + p.box[2:]) / 2
        if all(np.linalg.norm(c - (k.box[:2] + k.box[2:]) / 2) >= same * max(p.size, k.size) for k in kept):
            kept.append(p)
    return kept


def _inside_any(p: Palm, boxes: list) -> bool:
    cx, cy = (p.box[0] + p.box[2]) / 2, (p.box[1] + p.box[3]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def detect_hands(
    image: np.ndarray, cfg: HandsConfig = HandsConfig(), timings: dict | None = None, looked: list | None = None
) -> tuple[list[RawHand], str, list]:
    """Return merged hands (original pixel coordinates), the name of the second pass used and the
    collage panels looked at (empty unless the image was read as a collage). ``looked`` collects the
    regions looked at as (pass, x0, y0, x1, y1), for the officer's preview."""
    t0 = time.perf_counter()
    h, w = image.shape[:2]
    if cfg.panels and cfg.second_pass != "never":
        panels = find_panels(image)
        if timings is not None:
            timings["layout"] = (time.perf_counter() - t0) * 1000
        if panels:
            hands = _panel_pass(image, panels, cfg, looked)
            if hands:  # nothing in any panel -> fall through to the whole-image passes
                hands = merge_hands(hands, cfg.merge_iou, cfg.merge_iomin, cfg.merge_wrist, cfg.edge_margin)
                if timings is not None:
                    timings["hands_whole"] = 0.0
                    timings["hands_second"] = (time.perf_counter() - t0) * 1000
                return hands, "panels", [list(p) for p in panels]
        t0 = time.perf_counter()
    hints: list[Palm] = []
    if looked is not None:
        looked.append(("whole", 0, 0, w, h))
    if cfg.runtime == "litert":
        palms, hints = detect_palms_and_hints(image, [(0, 0, w, h)], cfg.min_detection_confidence, cfg.hint_confidence)
        hands = [
            RawHand(r.points, None, r.handedness, r.score, "whole") for r in read_palms(image, palms[: cfg.max_hands])
        ]
    else:
        hands = _run(_model(cfg, cfg.max_hands, cfg.min_detection_confidence), image, 0, 0, 1.0, "whole")
    t1 = time.perf_counter()
    if timings is not None:
        timings["hands_whole"] = (t1 - t0) * 1000
    second = ""
    if cfg.second_pass != "never":
        short, long_ = min(w, h), max(w, h)
        big = short >= cfg.min_tile_image_side  # not a tight crop
        always = cfg.second_pass == "always"
        # hands small in the palm detector's view (it sees the long side at 192 px) suggest that
        # more, smaller hands may have been missed: a scene
        small = [x for x in hands if x.size < cfg.small_hand_fraction * long_]
        first_found = bool(hands)
        closer = long_ * cfg.scan_scale >= 1.5 * 192  # windows see the image larger than pass 1 did
        # a weak palm away from the hands found says someone else may be there (singles rarely have one)
        elsewhere = [p for p in hints if not _inside_any(p, [x.bbox for x in hands])]
        if cfg.scan and (small or (closer and not hands) or always):
            second = "scan"
            ts = time.perf_counter()
            hands += scan_pass(image, hands, cfg, looked)
            _add_time(timings, "scan", ts)
        elif cfg.scan and hands and elsewhere:
            ts = time.perf_counter()
            focused = focus_pass(image, hands, elsewhere, cfg, looked)
            _add_time(timings, "focus", ts)
            second = "focus" if focused else second
            hands += focused
        # nothing in the whole image and at most one hand in the windows: rather a close-up than a
        # scene (scenes have >= 2 hands) -- its hand may be washed out or fill the frame, and windows
        # cut it -- so the single-photo retries run, and their hand replaces a lone window hand
        lone = not first_found and len(hands) < 2
        if (not hands or lone) and cfg.exposure_gamma and big:
            retry = _exposure_pass(image, cfg)
            if retry:
                hands, second = retry, join_passes(second, "exposure")
        if not hands or always or (lone and all(x.source == "scan" for x in hands)):
            second = join_passes(second, "padded")
            retry = _padded_pass(image, cfg)
            hands = retry if (lone and retry and not always) else hands + retry
        if not cfg.scan:  # the older MediaPipe tile passes (kept for measurement)
            small = [x for x in hands if x.size < cfg.small_hand_fraction * long_]
            if big and (small or not hands or always):
                second = join_passes(second, "tiles")
                sizes = [x.size for x in hands]
                hand_size = float(np.median(sizes)) if sizes else None
                tiled = _tile_pass(image, hand_size, cfg, hands)
                hands += tiled + _refine_cut(image, tiled, cfg)
        hands = merge_hands(hands, cfg.merge_iou, cfg.merge_iomin, cfg.merge_wrist, cfg.edge_margin)
    if timings is not None:
        timings["hands_second"] = (time.perf_counter() - t1) * 1000
    return hands, second, []


def mirrored_view(
    image: np.ndarray, hand: RawHand, ratio: float = 2.2, upscale_to: int = 256, cfg: HandsConfig = HandsConfig()
) -> list[RawHand]:
    """The same hand seen again, mirrored: a square crop centred on it (``ratio`` x its size, upscaled),
    flipped left-right. The landmark model is not mirror-symmetric, so this is an independent reading
    for one MediaPipe call. Returns readings whose centre falls inside the hand's box, in original pixels."""
    b = hand.bbox
    if cfg.runtime == "litert" and cfg.recheck_region:  # the landmark model alone, on the hand's own region, flipped
        (lm,) = read_landmarks(image, [landmarks_roi(hand.landmarks)], mirror=True)
        if lm.presence < PRESENCE:
            return []
        return [RawHand(lm.points, None, hand.handedness, hand.score, "recheck")]
    h, w = image.shape[:2]
    cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
    side = int(min(max(h, w), max(32, ratio * max(b[2] - b[0], b[3] - b[1]))))
    x0 = int(max(0, min(w - side, cx - side / 2))) if side < w else 0
    y0 = int(max(0, min(h - side, cy - side / 2))) if side < h else 0
    crop = image[y0 : y0 + side, x0 : x0 + side]
    scale = max(1.0, upscale_to / max(crop.shape[:2]))
    crop = _enlarge(crop, scale, smooth=False)
    found = _run(_model(cfg, 2, 0.3), np.ascontiguousarray(crop[:, ::-1]), 0, 0, 1.0, "recheck")
    inside = []
    for r in found:  # back from the mirrored crop to original pixels
        r.landmarks[:, 0] = crop.shape[1] - r.landmarks[:, 0]
        r.landmarks /= scale  # a mirror flips x only; depth keeps its sign
        r.landmarks[:, 0] += x0
        r.landmarks[:, 1] += y0
        rb = r.bbox
        if b[0] <= (rb[0] + rb[2]) / 2 <= b[2] and b[1] <= (rb[1] + rb[3]) / 2 <= b[3]:
            inside.append(r)
    return inside


def _panel_pass(image: np.ndarray, panels: list, cfg: HandsConfig, looked: list | None = None) -> list[RawHand]:
    """One palm-detector look per collage panel (padded a little, upscaled); inside a panel whose
    hands are small for it (a group photo inside a collage) the scan (or the older tiles); then a
    closer look wherever a panel showed a weak palm away from the hands found."""
    h, w = image.shape[:2]
    model = _model(cfg, cfg.panel_max_hands, cfg.panel_confidence)
    out: list[RawHand] = []
    hints: list[Palm] = []
    for panel in panels:
        for x0, y0, x1, y1 in panel_windows(panel, cfg.panel_max_aspect):
            pad = int(cfg.panel_pad * max(x1 - x0, y1 - y0))
            x0, y0, x1, y1 = max(0, x0 - pad), max(0, y0 - pad), min(w, x1 + pad), min(h, y1 + pad)
            if looked is not None:
                looked.append(("panel", x0, y0, x1, y1))
            view = image[y0:y1, x0:x1]
            scale = max(1.0, cfg.panel_upscale_to / max(view.shape[:2]))
            view = _enlarge(view, scale, cfg.smooth_views)
            if cfg.runtime == "litert":
                vh, vw = view.shape[:2]
                palms, weak = detect_palms_and_hints(view, [(0, 0, vw, vh)], cfg.panel_confidence, cfg.hint_confidence)
                found = [
                    _to_original(RawHand(r.points, None, r.handedness, r.score, "panel"), x0, y0, scale)
                    for r in read_palms(view, palms[: cfg.panel_max_hands])
                ]
                hints += [Palm(q.box / scale + [x0, y0, x0, y0], q.keypoints / scale + [x0, y0], q.score) for q in weak]
            else:
                found = _run(model, view, x0, y0, scale, "panel")
            small = [f for f in found if f.size < cfg.small_hand_fraction * max(x1 - x0, y1 - y0)]
            if small and min(x1 - x0, y1 - y0) >= cfg.min_tile_image_side:
                crop = np.ascontiguousarray(image[y0:y1, x0:x1])
                for f in found:
                    f.landmarks[:, 0] -= x0
                    f.landmarks[:, 1] -= y0
                if cfg.scan:
                    inner = scan_pass(crop, found, cfg)
                else:
                    inner = _tile_pass(crop, float(np.median([f.size for f in found])), cfg, found)
                for f in found + inner:
                    f.landmarks[:, 0] += x0
                    f.landmarks[:, 1] += y0
                found += inner
            out += found
    if cfg.scan and hints:
        out += focus_pass(image, out, [q for q in hints if not _inside_any(q, [x.bbox for x in out])], cfg, looked)
    return out


def _to_original(hand: RawHand, x0: float, y0: float, scale: float) -> RawHand:
    hand.landmarks = hand.landmarks / scale
    hand.landmarks[:, 0] += x0
    hand.landmarks[:, 1] += y0
    return hand


def _exposure_pass(image: np.ndarray, cfg: HandsConfig) -> list[RawHand]:
    """A hand washed out against a bright window or wall gives the palm detector too little contrast;
    darkening the mid-tones (gamma) restores it. Only tried when the normal pass found nothing."""
    lut = (np.linspace(0.0, 1.0, 256) ** cfg.exposure_gamma * 255).astype(np.uint8)
    return _run(_model(cfg, cfg.max_hands, cfg.pad_confidence), cv2.LUT(image, lut), 0, 0, 1.0, "exposure")


def _padded_pass(image: np.ndarray, cfg: HandsConfig) -> list[RawHand]:
    """Replicate-padded, upscaled copies (tight crops): first padding that finds a hand wins."""
    h, w = image.shape[:2]
    model = _model(cfg, 2, cfg.pad_confidence)
    for frac in cfg.pad_fractions:
        pad = int(frac * max(h, w))
        padded = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
        scale = max(1.0, cfg.pad_min_side / max(padded.shape[:2]))
        # bilinear, like every other view: bicubic sharpens the JPEG blocks of small crops into false edges
        # (dev: hands found 97.0 -> 98.9 %, exact counts 92.0 -> 93.2 %)
        padded = _enlarge(padded, scale, smooth=False)
        found = _run(model, padded, 0, 0, scale, "padded")
        for f in found:
            f.landmarks[:, 0] -= pad
            f.landmarks[:, 1] -= pad
        if found:
            return found
    return []


def _mask_hands(work: np.ndarray, hands: list[RawHand]) -> None:
    """Paint known hands with their surrounding mean colour so tiles do not re-detect them
    (each re-detection would cost a landmark inference)."""
    H, W = work.shape[:2]
    for hd in hands:
        x0, y0, x1, y1 = hd.bbox
        x0, y0 = max(0, int(x0)), max(0, int(y0))
        x1, y1 = min(W, int(np.ceil(x1))), min(H, int(np.ceil(y1)))
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        work[y0:y1, x0:x1] = work[y0:y1, x0:x1].reshape(-1, 3).mean(0).astype(np.uint8)


def _edge_distance(hand: RawHand, box, w: int, h: int) -> float:
    """Distance (in hand sizes) from the hand's box to the nearest tile edge that cuts the image
    (tile edges on the image border do not cut anything)."""
    x0, y0, x1, y1 = box
    b = hand.bbox
    d = [math.inf]
    if x0 > 0:
        d.append(b[0] - x0)
    if y0 > 0:
        d.append(b[1] - y0)
    if x1 < w:
        d.append(x1 - b[2])
    if y1 < h:
        d.append(y1 - b[3])
    return min(d) / max(1.0, hand.size)


def _refine_cut(image: np.ndarray, tiled: list[RawHand], cfg: HandsConfig) -> list[RawHand]:
    """Hands cut by a tile edge are re-run on a square crop centred on them, so that the whole hand
    is seen once (a cut hand is otherwise reported as one or two partial hands)."""
    h, w = image.shape[:2]
    cut = sorted((t for t in tiled if t.edge < cfg.edge_margin), key=lambda t: t.edge)
    if not cut:
        return []
    model = _model(cfg, 4, cfg.tile_confidence)
    out: list[RawHand] = []
    done: list[tuple[float, float, float]] = []
    for t in cut:
        if len(done) >= cfg.max_refine:
            break
        b = t.bbox
        cx, cy = (b[0] + b[2]) / 2, (b[1] + b[3]) / 2
        if any(abs(cx - x) < s / 4 and abs(cy - y) < s / 4 for x, y, s in done):
            continue  # already covered by the centre of a refine crop
        side = int(min(w, h, max(64, cfg.refine_ratio * t.size)))
        x0 = int(min(max(0, cx - side / 2), w - side))
        y0 = int(min(max(0, cy - side / 2), h - side))
        done.append((x0 + side / 2, y0 + side / 2, side))
        crop = image[y0 : y0 + side, x0 : x0 + side]
        scale = max(1.0, cfg.refine_upscale_to / side)
        found = _run(model, _enlarge(crop, scale, smooth=False), x0, y0, scale, "tile")
        for f in found:
            f.edge = _edge_distance(f, (x0, y0, x0 + side, y0 + side), w, h)
        out += found
    return out


def _tile_pass(
    image: np.ndarray, hand_size: float | None, cfg: HandsConfig, known: list[RawHand] | None = None
) -> list[RawHand]:
    h, w = image.shape[:2]
    work = image.copy()
    if known:
        _mask_hands(work, known)
    gray = cv2.cvtColor(work, cv2.COLOR_RGB2GRAY)
    model = _model(cfg, 4, cfg.tile_confidence)
    out: list[RawHand] = []
    for x0, y0, x1, y1 in plan_tiles(w, h, hand_size, cfg):
        if float(gray[y0:y1:2, x0:x1:2].std()) < cfg.tile_min_std:
            continue
        tile = work[y0:y1, x0:x1]
        scale = max(1.0, cfg.tile_upscale_to / max(tile.shape[:2]))
        tile = _enlarge(tile, scale, smooth=False)  # smoothing tiles was measured worse (85.5 vs 87.6 % found)
        found = _run(model, tile, x0, y0, scale, "tile")
        for f in found:
            f.edge = _edge_distance(f, (x0, y0, x1, y1), w, h)
        if found:
            _mask_hands(work, found)
        out += found
    return out
