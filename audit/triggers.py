"""Database triggers that make the audit table append-only (PostgreSQL and SQLite).

Installed by the audit migration. ``suspended()`` exists only for the test suite's database flush between
transactional tests; nothing in the application calls it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

TABLE = "audit_auditevent"
TRIGGER_NAMES = ("audit_event_no_update", "audit_event_no_delete", "audit_event_no_truncate")

PG_INSTALL = f"""
CREATE OR REPLACE FUNCTION audit_event_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_event_immutable();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_immutable();
"""
SQLITE_INSTALL = [
    f"CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;",
    f"CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON {TABLE} "
    "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;",
]


def install(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(PG_INSTALL)
        elif connection.vendor == "sqlite":
            for sql in SQLITE_INSTALL:
                cursor.execute(sql)


def remove(connection) -> None:
    with connection.cursor() as cursor:
        for name in TRIGGER_NAMES:
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
