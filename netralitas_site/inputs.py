"""The browser's own date pickers, always filled in ISO form.

``<input type="date">`` only accepts ``YYYY-MM-DD``: a localised ``08-12-2026`` reads as empty, so an edit form
shows a blank date and saving it unchanged erases the value (issue 14, point 16). Every date field uses these.
"""

from __future__ import annotations

from django import forms


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class UnixNewlinesMixin:
    """Browsers send a textarea's text with CRLF line ends; stored text keeps LF, so saving a form unchanged
    changes nothing (issue 14: the browser test that saves every edit form unchanged found this)."""

    def clean(self):
        data = super().clean()
        for name, value in list(data.items()):
            if isinstance(value, str) and "\r" in value:
                data[name] = value.replace("\r\n", "\n").replace("\r", "\n")
        return data
