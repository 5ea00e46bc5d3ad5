"""People as the screens name them: full names, never login names (issue 14)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _


def person_name(user: Any) -> str:
    """A person's full name; the login name only when no name is recorded; "Sistem" for no one."""
    if user is None:
        return _("Sistem")
    return user.get_full_name() or user.username


class PersonChoiceField(forms.ModelChoiceField):
    """A dropdown of user accounts that shows people's names."""

    def label_from_instance(self, obj: Any) -> str:
        return person_name(obj)
