"""Fixtures for the outreach tests: media in a temporary folder, plus the letters tests' case with an
examination, two decisions and a letterhead (imported so both suites build the same case)."""

from __future__ import annotations

import pytest

from tests.cases.conftest import image_bytes, make_array, make_post, upload  # noqa: F401
from tests.letters.conftest import case, issue, leader_employee, letterhead, make_draft, staff_employee  # noqa: F401


@pytest.fixture(autouse=True)
def media_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def jpeg():
    return image_bytes(make_array(3), "JPEG", quality=90)
