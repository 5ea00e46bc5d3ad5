"""Probe replay (low): a double submit on SQLite waits for the first instead of a 500 "database is locked"."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper


def _settings_for(url: str) -> dict:
    """The DATABASES["default"] that netralitas_site/settings.py builds for this DATABASE_URL."""
    code = "from netralitas_site import settings as s; print(repr(s.DATABASES['default']))"
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "1", "TESTING": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True)
    return eval(out.stdout)  # noqa: S307  (our own repr of a dict of literals)


def test_two_overlapping_read_then_write_transactions_both_succeed(tmp_path: Path, django_db_blocker):
    db = _settings_for(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert db["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    db.update({"TIME_ZONE": None, "CONN_HEALTH_CHECKS": False, "CONN_MAX_AGE": 0, "AUTOCOMMIT": True, "TEST": {}})
    errors: list[Exception] = []

    def submit() -> None:  # a view: read, think, write, in one transaction (like select_for_update + save)
        conn = DatabaseWrapper(db, alias="double_submit")
        try:
            conn.ensure_connection()
            conn._start_transaction_under_autocommit()  # exactly what transaction.atomic() runs first
            with conn.cursor() as c:
                c.execute("SELECT n FROM counter")
                n = c.fetchone()[0]
                time.sleep(0.3)
                c.execute("UPDATE counter SET n = %s", [n + 1])
                c.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            conn.close()

    with django_db_blocker.unblock():
        setup = DatabaseWrapper(db, alias="double_submit")
        with setup.cursor() as c:
            c.execute("CREATE TABLE counter (n integer)")
            c.execute("INSERT INTO counter VALUES (0)")
        setup.close()
        threads = [threading.Thread(target=submit) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        check = DatabaseWrapper(db, alias="double_submit")
        with check.cursor() as c:
            c.execute("SELECT n FROM counter")
            assert c.fetchone()[0] == 2  # serialised: no lost update either
        check.close()
