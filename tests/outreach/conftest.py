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


@pytest.fixture(autouse=True)
def easy_pow(settings):
    """A light proof-of-work keeps the tests fast; the browser journey solves the same kind in JS."""
    settings.PUBLIC_REPORT_POW_BITS = 6


def solved(client, path="/pengaduan/") -> dict:
    """GET the form and answer its challenge like pow.js does."""
    import re

    from outreach.challenge import solve

    page = client.get(path).content.decode()
    token = re.search(r'name="challenge" value="([^"]+)"', page).group(1)
    return {"challenge": token, "pow": solve(token)}
