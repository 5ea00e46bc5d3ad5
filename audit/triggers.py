"""Database triggers that make the audit table append-only (PostgreSQL and SQLite).

Installed by the audit migrations, reinstalled after every ``migrate`` (a migration that alters the table
makes SQLite rebuild it, which drops its triggers), and verified at start-up by the ``audit.E001`` system
check (``audit/checks.py``). ``suspended()`` exists only for the test suite's database flush between
transactional tests; nothing in the application calls it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

TABLE = "audit_auditevent"
REFUSAL = "audit events are append-only"

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION audit_event_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '{REFUSAL}';
END;
$$ LANGUAGE plpgsql;
"""
# INSERT ... ON CONFLICT DO UPDATE fires the UPDATE trigger, so PostgreSQL needs no INSERT trigger.
PG_TRIGGERS = {
    "audit_event_no_update": f"CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON {TABLE} "
    "FOR EACH ROW EXECUTE FUNCTION audit_event_immutable()",
    "audit_event_no_truncate": f"CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON {TABLE} "
    "FOR EACH STATEMENT EXECUTE FUNCTION audit_event_immutable()",
}
# SQLite's INSERT OR REPLACE deletes the old row without firing DELETE triggers (recursive_triggers is off),
# so an insert that would hit an existing id is refused before it happens.
SQLITE_TRIGGERS = {
    "audit_event_no_update": f"CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    "audit_event_no_delete": f"CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END",
    "audit_event_no_replace": "CREATE TRIGGER audit_event_no_replace BEFORE INSERT ON audit_auditevent "
    "WHEN EXISTS (SELECT 1 FROM audit_auditevent AS old WHERE old.id = NEW.id) "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
}


def expected(connection) -> dict[str, str]:
    return {"postgresql": PG_TRIGGERS, "sqlite": SQLITE_TRIGGERS}.get(connection.vendor, {})


def table_exists(connection) -> bool:
    with connection.cursor() as cursor:
        return TABLE in connection.introspection.table_names(cursor)


def present(connection) -> set[str]:
    """Names of the enabled triggers on the audit table."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal AND tgenabled <> 'D'",
                [TABLE],
            )
        elif connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE])
        else:
            return set()
        return {row[0] for row in cursor.fetchall()}


def missing(connection) -> list[str]:
    """Expected triggers that are absent or disabled ([] while the table does not exist yet)."""
    if not table_exists(connection):
        return []
    return sorted(set(expected(connection)) - present(connection))


def install(connection) -> None:
    """(Re)create every trigger; idempotent, and re-enables a disabled one on PostgreSQL."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_FUNCTION)
        for name, sql in expected(connection).items():
            drop = f"DROP TRIGGER IF EXISTS {name}" + (f" ON {TABLE}" if connection.vendor == "postgresql" else "")
            cursor.execute(drop)
            cursor.execute(sql)


def install_missing(connection) -> list[str]:
    gone = missing(connection)
    if gone:
        install(connection)
    return gone


def remove(connection) -> None:
    with connection.cursor() as cursor:
        for name in expected(connection):
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {TABLE}")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


@contextmanager
def suspended(connection) -> Iterator[None]:
    """Test-database housekeeping only: lift the triggers for one flush, then put them back."""
    remove(connection)
    try:
        yield
    finally:
        install(connection)
