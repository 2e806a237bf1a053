"""Pagination whose cost does not grow with the table: the total is counted up to a cap."""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property

# Rows on one page of a list.
PAGE_SIZE = 25


class CappedPaginator(Paginator):
    """Counts at most `cap` + 1 rows (a bounded `count(*)` over a LIMIT subquery).

    Past the cap the pages reach the first `cap` rows and say "hơn 10.000 mục — hãy lọc thêm";
    nobody pages through ten thousand tasks, they filter.
    """

    cap = 10_000

    @cached_property
    def _probe(self) -> int:
        rows = self.object_list[: self.cap + 1]
        return rows.count() if isinstance(rows, QuerySet) else len(rows)

    @cached_property
    def count(self) -> int:
        return min(self._probe, self.cap)

    @property
    def capped(self) -> bool:
        return self._probe > self.cap
