"""Views of the cases app, one module per area (registry.py: employees and elections)."""

from django.template import TemplateDoesNotExist
from django.template.loader import get_template


def detection_template_exists() -> bool:
    """The detection app plugs its results into case and post pages when it is installed."""
    try:
        get_template("detection/includes/evidence_detections.html")
    except TemplateDoesNotExist:
        return False
    return True
