"""Start-up guard: the app refuses to run while the audit table can be rewritten.

Registered as system check ``audit.E001`` (runserver, rqworker and every management command run it) and
called by ``netralitas_site/wsgi.py`` before gunicorn serves a request. Repair with
``python manage.py install_audit_triggers`` (``migrate`` reinstalls them after a migration rebuilt the table).
"""

from __future__ import annotations

from typing import Any

from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connections

from . import triggers


def trigger_errors(alias: str = "default") -> list[Error]:
    connection = connections[alias]
    try:
        gone = triggers.missing(connection)
    except DatabaseError:
        return []  # no database reachable (e.g. collectstatic in a build step): nothing to protect here
    if not gone or _audit_migrations_pending(connection):
        return []  # a pending audit migration installs them (migrate runs this check before migrating)
    return [
        Error(
            f"Audit table {triggers.TABLE} on database {alias!r} lacks its append-only triggers: {', '.join(gone)}.",
            hint="Run `python manage.py install_audit_triggers`, and find out who removed them.",
            id="audit.E001",
        )
    ]


def _audit_migrations_pending(connection) -> bool:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return any(migration.app_label == "audit" for migration, _backwards in plan)


@register()
def audit_triggers_check(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    return trigger_errors()


def assert_protected() -> None:
    """For process start-up outside manage.py (the WSGI application)."""
    errors = trigger_errors()
    if errors:
        raise ImproperlyConfigured(errors[0].msg + " " + errors[0].hint)
