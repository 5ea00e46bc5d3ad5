"""The one place that sends work to a queue.

With REDIS_URL set, jobs go to the named RQ queue (any number of workers on any host).
Without it they run inline, in this process, so a single machine needs no Redis.
Jobs are always sent after the surrounding transaction commits, so a worker never
looks for a row that is not there yet. Pass primary keys, not model instances.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import transaction
from redis.exceptions import RedisError

log = logging.getLogger(__name__)


def queues_are_async() -> bool:
    return bool(settings.REDIS_URL)


def enqueue(queue: str, func: Callable[..., Any], *args: Any, retries: int = 0, **kwargs: Any) -> None:
    """Run ``func(*args, **kwargs)`` on ``queue`` once the current transaction commits."""
    if queue not in settings.RQ_QUEUE_NAMES:
        raise ValueError(f"Unknown queue {queue!r}")

    def send() -> None:
        if queues_are_async():
            import django_rq
            from rq import Retry

            options: dict[str, Any] = {}
            if retries:
                options["retry"] = Retry(max=retries, interval=[5, 30, 120][:retries] or 5)
            try:
                django_rq.get_queue(queue).enqueue(func, *args, **kwargs, **options)
            except RedisError:
                # The work is already committed; failing the request now would only hide that. Work that
                # must not be lost keeps its state in the database (a queued DetectionRun) and is sent
                # again by its requeue command once Redis is back.
                log.exception("Could not send %s to queue %s", getattr(func, "__name__", func), queue)
        else:
            try:
                func(*args, **kwargs)
            except Exception:  # inline jobs must not break the request that triggered them
                log.exception("Inline job %s failed", getattr(func, "__name__", func))

    transaction.on_commit(send)
