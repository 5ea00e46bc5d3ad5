"""Netralitas detection pipeline (plain Python; no Django imports).

Public API::

    from detection.pipeline import detect, annotate, DetectConfig, ImageRejected
    result = detect(path_or_bytes, symbols=[SymbolReference(...)], pair_config={1: [...], ...})
    result.to_dict()           # JSON-able
    annotate(rgb_array, result)
"""

from .annotate import LOOKED_COLOURS, annotate, draw_looked
from .api import DetectConfig, detect, hands_from_image
from .gestures import DEFAULT_PAIR_CONFIG, GestureConfig, classify, finger_states, suggest_candidates
from .hands import HandsConfig
from .intake import ImageRejected, load_image
from .results import MODEL_VERSION, CandidateSuggestion, DetectionResult, HandResult, SymbolMatch
from .symbols import SymbolConfig, SymbolReference, match_symbols

__all__ = [
    "annotate",
    "draw_looked",
    "LOOKED_COLOURS",
    "detect",
    "hands_from_image",
    "DetectConfig",
    "HandsConfig",
    "GestureConfig",
    "classify",
    "finger_states",
    "suggest_candidates",
    "DEFAULT_PAIR_CONFIG",
    "ImageRejected",
    "load_image",
    "MODEL_VERSION",
    "CandidateSuggestion",
    "DetectionResult",
    "HandResult",
    "SymbolMatch",
    "SymbolConfig",
    "SymbolReference",
    "match_symbols",
]
