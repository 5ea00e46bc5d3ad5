"""Writing audit events. Call ``record`` inside the same transaction as the change."""

from __future__ import annotations

from typing import Any

from django.db import models

from accounts.client_address import client_ip

from .models import AuditEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def record(
    action: str,
    *,
    actor: Any,
    subject: models.Model | None = None,
    case_id: int | None = None,
    changes: dict[str, Any] | None = None,
    reason: str = "",
    request: Any = None,
) -> AuditEvent:
    """Append one event. ``changes`` is ``{field: [old, new]}`` or any JSON-able detail."""
    ip = None
    if request is not None:
        ip = client_ip(request) or None
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        subject_type=subject._meta.label_lower if subject is not None else "",
        subject_id=str(subject.pk) if subject is not None else "",
        case_id=case_id,
        changes=_jsonable(changes or {}),
        reason=reason,
        ip_address=ip,
    )


def diff(instance: models.Model, fields: list[str], new_values: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for fields whose value changes."""
    out = {}
    for name in fields:
        old = getattr(instance, name)
        new = new_values.get(name, old)
        if old != new:
            out[name] = [_jsonable(old), _jsonable(new)]
    return out


def subject_types(subject: models.Model) -> list[str]:
    """The ``subject_type`` values under which a model's events are stored: its label, plus the labels it had
    before it moved app (``audit_former_labels`` on the model), since old events are never rewritten."""
    return [subject._meta.label_lower, *getattr(subject, "audit_former_labels", ())]


def events_for(*, subject: models.Model | None = None, case_id: int | None = None):
    qs = AuditEvent.objects.select_related("actor")
    if subject is not None:
        qs = qs.filter(subject_type__in=subject_types(subject), subject_id=str(subject.pk))
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    return qs
