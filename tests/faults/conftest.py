"""Real parts for the fault tests: a private redis-server (own port, own folder, stopped and started by the test;
the shared server on 6379 is never touched), separate `manage.py` processes and a file database they share."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cases.conftest import jpeg, media_tmp  # noqa: F401
from tests.conftest import service_missing

ROOT = Path(__file__).resolve().parents[2]
PORT = int(os.environ.get("FAULTS_REDIS_PORT", "8116"))


class PrivateRedis:
    def __init__(self, folder: Path, *, port: int = PORT, persistent: bool = False):
        self.folder, self.port, self.persistent, self.proc = folder, port, persistent, None
        self.url = f"redis://127.0.0.1:{port}/0"

    def start(self) -> None:
        aof = ["--appendonly", "yes"] if self.persistent else ["--appendonly", "no"]
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                *aof,
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("private redis-server did not start")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()


@pytest.fixture
def private_redis(tmp_path):
    if shutil.which("redis-server") is None:
        service_missing("redis-server (binary)")
    folder = tmp_path / "redis"
    folder.mkdir()
    server = PrivateRedis(folder)
    server.start()
    yield server
    server.stop()


def process_env(tmp_path: Path, redis_url: str) -> dict:
    """What every process of one "installation" shares: the database file, the media folder and Redis."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_SETTINGS"))}
    env.update(
        TESTING="1",
        DEBUG="0",
        DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        MEDIA_ROOT=str(tmp_path / "media"),
        REDIS_URL=redis_url,
    )
    return env


def manage(env: dict, *args: str, timeout: int = 300) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return done.stdout + done.stderr


def shell(env: dict, code: str) -> str:
    return manage(env, "shell", "-c", code)
