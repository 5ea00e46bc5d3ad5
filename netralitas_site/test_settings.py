"""Settings for the test suite: the same settings module, with TESTING on."""

import os

os.environ.setdefault("TESTING", "1")
os.environ.setdefault("DEBUG", "0")

from .settings import *  # noqa: E402, F403
