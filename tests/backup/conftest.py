"""Fixtures shared with the case tests (real JPEG bytes, media in a temporary folder)."""

from tests.cases.conftest import jpeg, media_tmp  # noqa: F401
