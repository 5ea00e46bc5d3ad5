"""Human labels for the detector's gesture codes and suggestion reasons."""

import re

from django import template
from django.utils.translation import gettext as _

from registry.models import GESTURE_CHOICES

register = template.Library()
LABELS = dict(GESTURE_CHOICES)
REASON = re.compile(r"^hands? ([\d+]+): ([\w+]+)$")


@register.filter
def gesture_label(code: str) -> str:
    return str(LABELS.get(code, _("tidak dikenali") if code == "unknown" else code))


@register.filter
def reason_label(reason: str) -> str:
    """'hand 0: v_sign' -> 'tangan 1: Huruf V / peace'; 'hands 0+1: five+two' -> 'tangan 1+2: …'."""
    match = REASON.match(reason)
    if not match:
        return reason
    hands = "+".join(str(int(i) + 1) for i in match.group(1).split("+"))
    gestures = " + ".join(gesture_label(g) for g in match.group(2).split("+"))
    return _("tangan %(h)s: %(g)s") % {"h": hands, "g": gestures}


@register.filter
def hand_side(handedness: str) -> str:
    """MediaPipe's 'Left'/'Right' in words ('Kiri'/'Kanan'); it assumes a mirrored (selfie) photo."""
    return {"Left": _("Kiri"), "Right": _("Kanan")}.get(handedness, handedness or "—")
