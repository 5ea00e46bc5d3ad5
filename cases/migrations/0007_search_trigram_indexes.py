"""Trigram indexes for the case-list keyword search (PostgreSQL only; SQLite searches without them).

Created with plain SQL rather than in ``Meta.indexes`` because a GIN index cannot be expressed portably:
SQLite has no ``USING gin``. The expressions match what the ORM emits: ``icontains`` compiles to
``UPPER(full_name::text) LIKE UPPER(%s)`` and case numbers are searched with ``reference::text LIKE %s``.
pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "employee_name_trgm_idx": ("cases", "Employee", "USING gin (UPPER(full_name) gin_trgm_ops)"),
    "case_reference_trgm_idx": ("cases", "Case", "USING gin (reference gin_trgm_ops)"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (app, model, using) in INDEXES.items():
        table = schema_editor.quote_name(apps.get_model(app, model)._meta.db_table)
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} {using}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_appeal")]

    operations = [TrigramExtension(), migrations.RunPython(create, drop)]
