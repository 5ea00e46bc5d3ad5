"""The one gap-free counter: a row per key, locked with SELECT ... FOR UPDATE inside the caller's transaction.

Used for case references and letter numbers. A rolled-back transaction gives its number back, two
transactions never get the same number, and numbers never skip.
"""

from __future__ import annotations

from django.db import IntegrityError, models, transaction


def next_value(model: type[models.Model], *, field: str, **key) -> int:
    """Increment ``model.<field>`` of the row identified by ``key`` (created at 0) and return the new value."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Counters advance only inside the transaction that uses the number.")
    try:
        with transaction.atomic():  # savepoint: a concurrent creator wins, we then lock its row
            model.objects.get_or_create(**key)
    except IntegrityError:
        pass
    row = model.objects.select_for_update().get(**key)
    value = getattr(row, field) + 1
    setattr(row, field, value)
    row.save(update_fields=[field])
    return value
