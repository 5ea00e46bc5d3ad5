"""Dashboard and staff-home panels contributed by the apps.

Each app may define ``dashboard_panels(request)`` / ``my_home_panels(request, employee)``
in its ``panels`` module returning a list of ``{"title", "template", "context"}``;
the shell renders them in order. This keeps the shell free of app imports.
"""

from importlib import import_module

PANEL_MODULES = ("cases.panels", "letters.panels", "training.panels", "detection.panels", "outreach.panels")


def _collect(func_name: str, *args) -> list[dict]:
    panels: list[dict] = []
    for module_name in PANEL_MODULES:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        func = getattr(module, func_name, None)
        if func:
            panels.extend(func(*args))
    return panels


def dashboard_panels(request) -> list[dict]:
    return _collect("dashboard_panels", request)


def my_home_panels(request, employee) -> list[dict]:
    return _collect("my_home_panels", request, employee)


def case_panels(request, case) -> list[dict]:
    """Sections other apps add to a case page (after its letters)."""
    return _collect("case_panels", request, case)
