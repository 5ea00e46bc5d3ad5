"""Parallel signing transactions on PostgreSQL: numbers are unique and gap-free."""

import datetime as dt
import threading

import pytest
from django.db import connection, transaction

from letters import numbering
from letters.kinds import LetterKind
from letters.models import LetterCounter, Letterhead, NumberingRule
from tests.conftest import service_missing

# available_apps: the flush after this transactional test only needs to empty the letters tables.
pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True, available_apps=["letters"])]


def test_parallel_allocations_are_unique_and_gap_free():
    if connection.vendor != "postgresql":
        service_missing("PostgreSQL")
    letterhead = Letterhead.objects.create(
        government="PEMERINTAH KABUPATEN SUKAMAJU", agency="BKPSDM", address="Jl. Pemuda 1", city="Sukamaju"
    )
    NumberingRule.objects.create(
        letterhead=letterhead, kind=LetterKind.WRITTEN_WARNING, classification_code="800.1.6.4", code_confirmed=True
    )
    day = dt.date(2024, 11, 25)
    threads_n, per_thread = 8, 6
    committed: list[tuple[str, int]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads_n)

    class Abort(Exception):
        pass

    def worker(index: int) -> None:
        from django.db import connections

        try:
            barrier.wait()
            for i in range(per_thread):
                try:
                    with transaction.atomic():  # its own connection: one per thread
                        result = numbering.allocate(letterhead=letterhead, kind=LetterKind.WRITTEN_WARNING, on=day)
                        if (index + i) % 5 == 0:
                            raise Abort  # a failed signature: its number must be reused, not lost
                    with lock:
                        committed.append(result)
                except Abort:
                    pass
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(threads_n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    numbers = [n for n, _s in committed]
    sequences = sorted(s for _n, s in committed)
    assert len(numbers) == len(set(numbers)), "duplicate numbers"
    assert sequences == list(range(1, len(committed) + 1)), "gaps in the sequence"
    assert LetterCounter.objects.get(code="800.1.6.4", unit="BKPSDM", year=2024).last_value == len(committed)
    assert len(committed) < threads_n * per_thread  # some transactions really rolled back
