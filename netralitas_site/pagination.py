"""A paginator whose count stops at a cap, so a list page costs the same at 500 or 500,000 rows."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """Counts at most ``cap + 1`` rows (``SELECT COUNT(*) FROM (… LIMIT cap+1)``): an exact count of a large
    table is a full scan on PostgreSQL. Past the cap the page says "more than N" and asks for a filter."""

    cap = 10_000

    @cached_property
    def count(self) -> int:
        # No ORDER BY: the database may stop at the first cap+1 rows it finds.
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap
