"""Every page, every role, with hostile text in every field a user can type: it prints as text.

A world is built through the services (a post with evidence, a case with examination and decisions, issued
letters, a quiz attempt), then every free-text field of every row of our models gets HTML appended. Each
role then crawls the site from its home page (same-site links, GET only) and no page may carry the markup
unescaped, nor fail.
"""

from __future__ import annotations

import re
from collections import deque

import pytest
from django.apps import apps
from django.db import models

from letters.kinds import LetterKind
from tests.cases.conftest import image_bytes, make_array, make_post, upload

MARK = "<x-hostile a='1'>\"&"
RAW = "<x-hostile"
APPS = {"cases", "registry", "letters", "training", "detection", "printing", "outreach", "workdays", "retention"}
SKIP_FIELDS = {"sha256", "phash", "content_type", "code", "password", "token", "secret", "key", "number"}
SKIP_LINKS = re.compile(r"^/(admin|static|accounts/logout|media)/|\.(pdf|csv|xlsx|zip|jpg|png)(\?|$)|/unduh/")
MAX_PAGES = 120


def _poison() -> int:
    """Append MARK to every free-text field of every row (bypassing forms: the worst case on screen)."""
    changed = 0
    for model in apps.get_models():
        if model._meta.app_label not in APPS or model._meta.proxy:
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField))
            and not f.choices
            and not isinstance(f, (models.EmailField, models.URLField, models.SlugField, models.GenericIPAddressField))
            and f.name not in SKIP_FIELDS
            and (f.max_length or 10_000) > len(MARK) + 4
        ]
        if not fields:
            continue
        for obj in model._default_manager.all():
            values = {}
            for f in fields:
                old = getattr(obj, f.attname) or ""
                limit = (f.max_length or 10_000) - len(MARK)
                values[f.attname] = old[:limit] + MARK
            model._default_manager.filter(pk=obj.pk).update(**values)
            changed += 1
    return changed


def _links(body: str) -> list[str]:
    return [h for h in re.findall(r'href="(/[^"#]*)"', body) if not SKIP_LINKS.search(h)]


def _crawl(client, start: str = "/") -> dict[str, int]:
    seen: dict[str, int] = {}
    queue = deque([start])
    offenders = []
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft().replace("&amp;", "&")
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code in (301, 302) and response["Location"].startswith("/"):
            queue.append(response["Location"])
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        if RAW in body:
            line = next(x for x in body.splitlines() if RAW in x)
            offenders.append(f"{url}: {line.strip()[:200]}")
        queue.extend(_links(body))
    assert offenders == [], "\n".join(offenders)
    return seen


@pytest.fixture
def hostile_world(issue, letterhead, case, hr_user, staff_user, staff_employee, quiz, monitor_user):
    from cases import services as case_services
    from training import services as training

    post = make_post(monitor_user, url="https://facebook.com/p/hostile-1", files=[upload(image_bytes(make_array(7)))])
    case_services.add_subjects(post=post, employees=[staff_employee], acting_user=monitor_user)
    for kind in (LetterKind.SUMMONS_1, LetterKind.WRITTEN_WARNING, LetterKind.DECISION):
        issue(kind)
    attempt = training.start_attempt(quiz=quiz, employee=staff_employee, acting_user=staff_user)
    training.submit_attempt(attempt=attempt, answers={}, acting_user=staff_user)
    assert _poison() > 20


@pytest.mark.parametrize("role", ["admin_user", "hr_user", "monitor_user", "leader_user", "staff_user"])
def test_every_reachable_page_prints_hostile_text_escaped(client, hostile_world, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    pages = _crawl(client)
    assert len(pages) >= 10, pages
    errors = {u: s for u, s in pages.items() if s >= 500}
    assert errors == {}
