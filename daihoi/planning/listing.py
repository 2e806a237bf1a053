"""Task list pages whose cost does not grow with the list: counts from the summary when the
filters allow it, and keyset pages ("after this row", "before this row") instead of OFFSET for
the next and the previous pages.

The order is `selectors.KEY_FIRST` (key tasks first, then deadline with the undated last,
then id), read in order from the `task_list_order_live` index. A cursor names the last row of
a page: "<key 1|0>.<deadline yyyy-mm-dd or ->.<id>". The next page reads the rows after it —
an index range scan of 25 rows, however deep — instead of skipping (page − 1) × 25 rows. The
previous page reads the rows before the first row of a page the same way, the index walked
backwards (`KEY_LAST`, the exact reverse of `KEY_FIRST`).
"""

import datetime as dt

from django.core.paginator import Page
from django.db.models import F, Q, QuerySet

from daihoi.core.dates import today as local_today
from daihoi.core.paging import CappedPaginator
from daihoi.organizations.permissions import Access

from . import summary
from .models import Task
from .selectors import KEY_FIRST, TaskFilters
from .status import StatusClass

Cursor = tuple[bool, dt.date | None, int]
# `KEY_FIRST` reversed, nulls included, so the same index is read backwards.
KEY_LAST = ("key_item", F("deadline").desc(nulls_first=True), "-id")


# The columns a row of the task list shows (`task_list.html`), and no others.
ROW_FIELDS = (
    "congress_id",
    "title",
    "area",
    "phase",
    "deadline",
    "deadline_offset_days",
    "progress",
    "key_item",
    "accepted",
    "cancelled",
    "paused",
    "reported_complete_on",
    "returned_at",
    "return_comment",
    "appraisal_state",
    "lead_agency__name",
    "lead_agency__short_name",
    "plan__number",
    "plan__issuer_code",
    "plan__issuer__layout",
    "plan__congress__document_rules",
)


def lean_rows(tasks: QuerySet[Task]) -> QuerySet[Task]:
    """The list's rows with only the columns shown (task, lead agency, plan symbol)."""
    return (
        tasks.select_related(None)
        .select_related("lead_agency", "plan__issuer", "plan__congress")
        .only(*ROW_FIELDS)
    )


def cursor_of(task: Task) -> str:
    day = task.deadline.isoformat() if task.deadline else "-"
    return f"{int(task.key_item)}.{day}.{task.pk}"


def parse_cursor(text: str | None) -> Cursor | None:
    """The cursor in a URL, or None when absent or malformed (the page then uses OFFSET)."""
    if not text:
        return None
    try:
        key, day, pk = text.split(".")
        return key == "1", (None if day == "-" else dt.date.fromisoformat(day)), int(pk)
    except ValueError:
        return None


def rows_after(tasks: QuerySet[Task], cursor: Cursor, size: int) -> list[Task]:
    """The `size` rows of `tasks` (in `KEY_FIRST` order) after the cursor's row: at most three
    range scans (the rest of the cursor's deadline run, its undated tail, then the non-key
    tasks after the key ones), each stopping at `size` rows."""
    key, day, pk = cursor
    rows: list[Task] = []

    def take(part: QuerySet[Task]) -> None:
        if len(rows) < size:
            rows.extend(part.order_by(*KEY_FIRST)[: size - len(rows)])

    same_key = tasks.filter(key_item=key)
    if day is not None:
        take(same_key.filter(deadline__gte=day).filter(Q(deadline__gt=day) | Q(pk__gt=pk)))
        take(same_key.filter(deadline__isnull=True))
    else:
        take(same_key.filter(deadline__isnull=True, pk__gt=pk))
    if key:
        take(tasks.filter(key_item=False))
    return rows


def rows_before(tasks: QuerySet[Task], cursor: Cursor, size: int) -> list[Task]:
    """The `size` rows of `tasks` just before the cursor's row, in `KEY_FIRST` order: read
    backwards in at most three range scans (the cursor's undated run, its dated rows, then the
    key tasks before the non-key ones), each stopping at `size` rows."""
    key, day, pk = cursor
    rows: list[Task] = []

    def take(part: QuerySet[Task]) -> None:
        if len(rows) < size:
            rows.extend(part.order_by(*KEY_LAST)[: size - len(rows)])

    same_key = tasks.filter(key_item=key)
    if day is None:
        take(same_key.filter(deadline__isnull=True, pk__lt=pk))
        take(same_key.filter(deadline__isnull=False))
    else:
        take(same_key.filter(deadline__lte=day).filter(Q(deadline__lt=day) | Q(pk__lt=pk)))
    if not key:
        take(tasks.filter(key_item=True))
    rows.reverse()
    return rows


# Filters a count can be read from the summary with: a status class and an area.
COUNTABLE = {"status", "area"}


def counted_total(access: Access, filters: TaskFilters, today: dt.date) -> int | None:
    """How many tasks the list shows, from the summary's cells (two small queries, however many
    tasks) when the list is the whole congress's, filtered at most by a status class (or
    "open") and an area; None otherwise (the paginator then counts, up to its cap)."""
    if not access.sees_whole_congress or today != local_today():
        return None
    chosen = {
        name
        for name, value in vars(filters).items()
        if value not in ("", None, False, {}) and name != "extra"
    }
    if not chosen <= COUNTABLE:
        return None
    if filters.status and filters.status != "open" and filters.status not in StatusClass.values:
        return None
    wanted = (
        [StatusClass.OPEN_ON_TIME.value, StatusClass.OPEN_OVERDUE.value]
        if filters.status == "open"
        else [filters.status]
        if filters.status
        else []
    )
    rows = summary.grouped_counts(
        access.congress.pk, today, by=(), statuses=wanted, area=filters.area
    )
    return sum(row["total"] for row in rows)


class TaskPaginator(CappedPaginator):
    """A `CappedPaginator` that takes a count already known (from the summary) and serves the
    pages after a cursor by keyset."""

    def __init__(self, tasks: QuerySet[Task], per_page: int, known: int | None = None):
        super().__init__(tasks, per_page)
        if known is not None:
            self.__dict__["_probe"] = known  # cached_property: no counting query

    def page_for(
        self, number: str | None, cursor: Cursor | None, before: Cursor | None = None
    ) -> Page:
        """Page `number`: by OFFSET when no cursor is given (and always for page 1), else the
        rows after `cursor` ("Sau") or before `before` ("Trước")."""
        page = self.get_page(number)
        if page.number == 1 or (cursor is None and before is None):
            return page
        tasks = self.object_list
        if cursor is not None:
            rows = rows_after(tasks, cursor, self.per_page)  # type: ignore[arg-type]
        else:
            rows = rows_before(tasks, before, self.per_page)  # type: ignore[arg-type]
        return Page(rows, page.number, self)

    def next_cursor(self, page: Page) -> str:
        rows = list(page.object_list)
        return cursor_of(rows[-1]) if rows and page.has_next() else ""

    def previous_cursor(self, page: Page) -> str:
        """The first row's cursor, for a previous page that is not the first."""
        rows = list(page.object_list)
        return cursor_of(rows[0]) if rows and page.number > 2 else ""
