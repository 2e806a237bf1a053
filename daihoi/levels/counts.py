"""Each guidance item's tasks still to do (`GuidanceItemCount`), kept by the writes.

The delivery adds the tasks it creates (`add`). Every later write of a task goes through
planning's summary, which tells, in the writer's transaction, which tasks became done or not
done again (`tasks_done_changed`: accepted, cancelled, deleted — and resumed, restored); one
lookup of their links and one upsert follow. A plain UPDATE
of tasks tells only which congresses it touched (`tasks_recounted`): their items are counted
again. Rows are written in item order, after the task rows (docs/concurrency.md).
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection
from django.db.models import Count, Q

from daihoi.core import sql

from .models import GuidanceItemCount, GuidanceTask

NOT_DONE = Q(task__accepted=False, task__cancelled=False, task__deleted_at__isnull=True)


def add(deltas: Mapping[int, int]) -> None:
    """Adds `deltas` ({item id: change}) to the items' counts, in one upsert."""
    rows = sorted((item_id, n) for item_id, n in deltas.items() if n)
    if not rows:
        return
    table = sql.table(GuidanceItemCount)
    marks = ", ".join(["(%s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (item_id, open_tasks) VALUES {marks} "
            f"ON CONFLICT (item_id) DO UPDATE SET open_tasks = {table}.open_tasks "
            "+ excluded.open_tasks",
            [v for row in rows for v in row],
        )


def direct_counts(item_ids: Iterable[int]) -> dict[int, int]:
    """The items' tasks still to do, counted from the tasks (what the kept rows must equal)."""
    ids = list(item_ids)
    counted = dict.fromkeys(ids, 0)
    rows = (
        GuidanceTask.objects.filter(item_id__in=ids)
        .values("item_id")
        .annotate(n=Count("pk", filter=NOT_DONE))
        .order_by()
    )
    counted.update({row["item_id"]: row["n"] for row in rows})
    return counted


def recount(item_ids: Iterable[int]) -> None:
    """Counts the items again from their tasks, their rows locked first so that no write's
    change is lost between the count and the store."""
    ids = sorted(set(item_ids))
    if not ids:
        return
    GuidanceItemCount.objects.bulk_create(
        [GuidanceItemCount(item_id=pk) for pk in ids], ignore_conflicts=True
    )
    list(GuidanceItemCount.objects.select_for_update().filter(item_id__in=ids).order_by("pk"))
    for item_id, n in direct_counts(ids).items():
        GuidanceItemCount.objects.filter(item_id=item_id).update(open_tasks=n)


def on_tasks_done_changed(sender: Any, *, changes: Mapping[int, int], **kwargs: Any) -> None:
    deltas: Counter[int] = Counter()
    links = GuidanceTask.objects.filter(task_id__in=list(changes)).values_list("task_id", "item_id")
    for task_id, item_id in links:
        deltas[item_id] += changes[task_id]
    add(deltas)


def on_tasks_recounted(sender: Any, *, congress_ids: list[int], **kwargs: Any) -> None:
    items = GuidanceTask.objects.filter(task__congress_id__in=congress_ids).values_list(
        "item_id", flat=True
    )
    recount(set(items))
