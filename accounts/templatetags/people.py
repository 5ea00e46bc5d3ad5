from __future__ import annotations

from typing import Any

from django import template

from accounts.people import person_name

register = template.Library()


@register.filter(name="person")
def person(user: Any) -> str:
    """``{{ user|person }}``: the full name of an account (see accounts.people)."""
    return person_name(user) if user else "—"
