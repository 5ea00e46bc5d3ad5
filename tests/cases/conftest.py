"""Helpers for the case tests: real images, posts and cases at any workflow status."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cases import services
from cases.models import Case, ViolationType
from registry.models import Employee
from tests.factories import EmployeeFactory


@pytest.fixture(autouse=True)
def media_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return settings.MEDIA_ROOT


def make_array(seed: int = 1, size=(480, 640)) -> np.ndarray:
    """A structured, photo-like RGB image (gradients + shapes), distinct per seed."""
    rng = np.random.default_rng(seed)
    h, w = size
    y, x = np.mgrid[0:h, 0:w]
    arr = np.zeros((h, w, 3), dtype=np.float64)
    for c in range(3):
        fx, fy, ph = rng.uniform(1, 6), rng.uniform(1, 6), rng.uniform(0, 6.28)
        arr[:, :, c] = 127 + 100 * np.sin(2 * np.pi * fx * x / w + ph) * np.cos(2 * np.pi * fy * y / h)
    for _ in range(6):
        cx, cy, r = rng.integers(0, w), rng.integers(0, h), rng.integers(20, 90)
        mask = (x - cx) ** 2 + (y - cy) ** 2 < r**2
        arr[mask] = rng.integers(0, 255, 3)
    return arr.clip(0, 255).astype(np.uint8)


def image_bytes(arr: np.ndarray, fmt: str = "JPEG", **kwargs) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, fmt, **kwargs)
    return buf.getvalue()


def upload(data: bytes, name: str = "bukti.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def jpeg():
    return image_bytes(make_array(1), "JPEG", quality=92)


@pytest.fixture
def employee(unit):
    return EmployeeFactory(full_name="Ahmad Terlapor", unit=unit)


@pytest.fixture
def vt5(db):
    return ViolationType.objects.get(code="SKB-05")


def make_post(user, *, url="https://www.facebook.com/ahmad/posts/1", employees=(), files=()):
    post, _dup, _res = services.report_post(
        acting_user=user, platform="facebook", url=url, account_name="ahmad", employees=employees, files=files
    )
    return post


def make_case(user, employee: Employee, *, violation_type=None, url=None) -> Case:
    post = make_post(
        user, url=url or f"https://facebook.com/p/{employee.pk}-{Case.objects.count()}", employees=[employee]
    )
    (case,) = services.open_cases(post=post, employees=[employee], acting_user=user, violation_type=violation_type)
    return case


def monday_in(days: int) -> dt.date:
    return dt.date.today() + dt.timedelta(days=days)
