"""Keeping the cells: a task's state and cell, the per-congress clock, the writes' deltas, the
rebuild and the daily roll forward (the package's docstring says why and how)."""

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Count, Q

from daihoi.core.dates import today as local_today

from .. import signals, tree_counts
from ..models import Task
from ..models.summary import TaskCount, TaskCountClock
from ..status import (
    OPEN_CLASSES,
    StatusClass,
    classify,
    open_q,
    returned_q,
    status_q,
)

# The task columns a cell depends on, in the order of a `State`.
STATE_COLUMNS = (
    "congress_id",
    "lead_agency_id",
    "area",
    "accepted",
    "cancelled",
    "paused",
    "deadline",
    "reported_complete_on",
    "returned_at",
    "deleted_at",
)
# `save(update_fields=…)` without any of these cannot move a task between cells.
SUMMARY_FIELDS = frozenset(STATE_COLUMNS) | {c.removesuffix("_id") for c in STATE_COLUMNS}

State = tuple[Any, ...]
Key = tuple[int, int, str, str]  # congress, lead agency, area, status class


# The columns that decide whether a task is still to do (`not_done`), which counts kept outside
# planning follow through `signals.tasks_done_changed` / `tasks_recounted`.
DONE_COLUMNS = frozenset({"accepted", "cancelled", "deleted_at"})
_AT = {column: i for i, column in enumerate(STATE_COLUMNS)}


def state_of(task: Task) -> State:
    return tuple(getattr(task, c) for c in STATE_COLUMNS)


def locked_state(pk: int) -> State | None:
    """The task's stored state, its row locked until the end of the transaction."""
    return Task.all_objects.select_for_update().filter(pk=pk).values_list(*STATE_COLUMNS).first()


def locked_states(pks: list[int]) -> dict[int, State]:
    """The stored states of several tasks, their rows locked."""
    rows = Task.all_objects.select_for_update().filter(pk__in=pks).order_by("pk")
    return {row[0]: tuple(row[1:]) for row in rows.values_list("pk", *STATE_COLUMNS)}


_caller_counts: ContextVar[bool] = ContextVar("summary_caller_counts", default=False)


@contextmanager
def counted_by_caller() -> Iterator[None]:
    """Inside, `Task.objects….update()` does not recount: the caller records the states."""
    token = _caller_counts.set(True)
    try:
        yield
    finally:
        _caller_counts.reset(token)


def caller_counts() -> bool:
    return _caller_counts.get()


def touches(update_fields: Iterable[str]) -> bool:
    return any(name in SUMMARY_FIELDS for name in update_fields)


def _cell(state: State, as_of: dt.date) -> tuple[Key, int, int] | None:
    (congress, agency, area, accepted, cancelled, paused, deadline, reported, returned_at, gone) = (
        state
    )
    if gone is not None:
        return None
    status = classify(
        accepted=accepted,
        cancelled=cancelled,
        paused=paused,
        deadline=deadline,
        reported_complete_on=reported,
        today=as_of,
    )
    is_open = not (accepted or cancelled or paused)
    return (
        (congress, agency, area, status.value),
        int(is_open and reported is not None),
        int(is_open and returned_at is not None),
    )


# The clock ----------------------------------------------------------------------------------------


def table_name(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _insert_clock(congress_id: int) -> None:
    """The congress's clock row with no day yet; waits for another transaction inserting it."""
    TaskCountClock.objects.bulk_create(
        [TaskCountClock(congress_id=congress_id, as_of=None)], ignore_conflicts=True
    )


def _clocks_for_write(congress_ids: list[int]) -> dict[int, dt.date | None]:
    """The day each congress's cells classify against, the clocks held in share mode in the
    congresses' order, in one query (None: no summary to keep); a missing clock is inserted
    with no day, as for a congress never counted."""
    share = " FOR SHARE" if connection.vendor == "postgresql" else ""
    found: dict[int, dt.date | None] = {}
    for start in range(0, len(congress_ids), 1000):
        chunk = congress_ids[start : start + 1000]
        marks = ", ".join(["%s"] * len(chunk))
        sql = (
            f"SELECT congress_id, as_of FROM {table_name(TaskCountClock)} "
            f"WHERE congress_id IN ({marks}) ORDER BY congress_id{share}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, chunk)
            rows = cursor.fetchall()
            missing = sorted(set(chunk) - {row[0] for row in rows})
            if missing:
                TaskCountClock.objects.bulk_create(
                    [TaskCountClock(congress_id=pk, as_of=None) for pk in missing],
                    ignore_conflicts=True,
                )
                marks = ", ".join(["%s"] * len(missing))
                cursor.execute(
                    f"SELECT congress_id, as_of FROM {table_name(TaskCountClock)} "
                    f"WHERE congress_id IN ({marks}) ORDER BY congress_id{share}",
                    missing,
                )
                rows += cursor.fetchall()
        for congress_id, value in rows:
            if isinstance(value, str):  # SQLite through a raw cursor
                value = dt.date.fromisoformat(value)
            found[congress_id] = value
    return found


# Keeping the cells -------------------------------------------------------------------------------


def record_states(changes: Iterable[tuple[State | None, State | None]]) -> None:
    """The writes' entry point: each task's state before and after (None: absent or deleted),
    applied to its congress's cells in the caller's transaction. Bounded: one clock query per
    1,000 congresses touched and one upsert per 500 cells."""
    by_congress: dict[int, list[tuple[State | None, State | None]]] = {}
    for before, after in changes:
        if before == after:
            continue
        congress_id = (after or before)[0]  # type: ignore[index]
        by_congress.setdefault(congress_id, []).append((before, after))
    deltas: dict[Key, list[int]] = {}
    clocks = _clocks_for_write(sorted(by_congress))
    for congress_id, pairs in sorted(by_congress.items()):
        as_of = clocks.get(congress_id)
        if as_of is None:
            continue
        for before, after in pairs:
            for state, sign in ((before, -1), (after, 1)):
                cell = _cell(state, as_of) if state is not None else None
                if cell is None:
                    continue
                key, awaiting, returned = cell
                delta = deltas.setdefault(key, [0, 0, 0])
                delta[0] += sign
                delta[1] += sign * awaiting
                delta[2] += sign * returned
    _apply(deltas)


def not_done(state: State | None) -> bool:
    """Still to do: live, neither accepted nor cancelled (a paused task still is)."""
    if state is None:
        return False
    return (
        not state[_AT["accepted"]]
        and not state[_AT["cancelled"]]
        and (state[_AT["deleted_at"]] is None)
    )


def done_changes(changes: Iterable[tuple[int, State | None, State | None]]) -> None:
    """Tells the counts kept elsewhere (`signals.tasks_done_changed`, in the caller's
    transaction) which existing tasks (id, before, after) became done or not done again."""
    moved = {
        pk: 1 if not_done(after) else -1
        for pk, before, after in changes
        if before is not None and not_done(before) != not_done(after)
    }
    if moved:
        signals.tasks_done_changed.send(sender=Task, changes=moved)


def record_task_states(changes: Sequence[tuple[int, State | None, State | None]]) -> None:
    """`record_states` for tasks named by id (task id, before, after), then `done_changes`."""
    record_states((before, after) for _, before, after in changes)
    done_changes(changes)


def _apply(deltas: dict[Key, list[int]]) -> None:
    tree_counts.add(deltas)  # the per-congress totals the roll-up reads
    rows: list[tuple[Any, ...]] = [(*key, *d) for key, d in sorted(deltas.items()) if any(d)]
    table = table_name(TaskCount)
    for start in range(0, len(rows), 500):
        batch = rows[start : start + 500]
        values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(batch))
        sql = (
            f"INSERT INTO {table} "
            "(congress_id, lead_agency_id, area, status, tasks, awaiting, returned) "
            f"VALUES {values} ON CONFLICT (congress_id, lead_agency_id, area, status) "
            f"DO UPDATE SET tasks = {table}.tasks + excluded.tasks, "
            f"awaiting = {table}.awaiting + excluded.awaiting, "
            f"returned = {table}.returned + excluded.returned"
        )
        with connection.cursor() as cursor:
            params: list[Any] = [v for row in batch for v in row]
            cursor.execute(sql, params)


def _group_counts(tasks: Any) -> Any:
    return tasks.values("lead_agency_id", "area").annotate(
        tasks=Count("pk"),
        awaiting=Count("pk", filter=open_q() & Q(reported_complete_on__isnull=False)),
        returned=Count("pk", filter=returned_q()),
    )


def direct_cells(congress_id: int, today: dt.date) -> dict[Key, tuple[int, int, int]]:
    """The cells counted from the tasks themselves, in one grouped scan of the congress."""
    counts = {}
    for status in StatusClass:
        in_class = status_q(status, today)
        counts[f"{status.value}__tasks"] = Count("pk", filter=in_class)
        if status in OPEN_CLASSES:
            awaiting = in_class & open_q() & Q(reported_complete_on__isnull=False)
            counts[f"{status.value}__awaiting"] = Count("pk", filter=awaiting)
            counts[f"{status.value}__returned"] = Count("pk", filter=in_class & returned_q())
    found: dict[Key, tuple[int, int, int]] = {}
    rows: Any = (
        Task.objects.filter(congress_id=congress_id)
        .values("lead_agency_id", "area")
        .annotate(**counts)
        .order_by()
    )
    for row in rows:
        for status in StatusClass:
            n = row[f"{status.value}__tasks"]
            if n:
                key = (congress_id, row["lead_agency_id"], row["area"], status.value)
                found[key] = (
                    n,
                    row.get(f"{status.value}__awaiting", 0),
                    row.get(f"{status.value}__returned", 0),
                )
    return found


def stored_cells(congress_id: int) -> dict[Key, tuple[int, int, int]]:
    """The cells as kept, rows at zero left out (what `direct_cells` is compared with)."""
    return {
        (congress_id, c.lead_agency_id, c.area, c.status): (c.tasks, c.awaiting, c.returned)
        for c in TaskCount.objects.filter(congress_id=congress_id)
        if c.tasks or c.awaiting or c.returned
    }


@transaction.atomic
def rebuild(congress_id: int, as_of: dt.date | None = None) -> None:
    """Counts the congress's cells again from its tasks, as of `as_of` (today by default).
    Idempotent; takes the clock exclusively, so no write interleaves."""
    as_of = as_of or local_today()
    _insert_clock(congress_id)
    TaskCountClock.objects.select_for_update().get(congress_id=congress_id)
    _rebuild_locked(congress_id, as_of)


def _rebuild_locked(congress_id: int, as_of: dt.date) -> None:
    TaskCount.objects.filter(congress_id=congress_id).delete()
    TaskCount.objects.bulk_create(
        [
            TaskCount(
                congress_id=key[0],
                lead_agency_id=key[1],
                area=key[2],
                status=key[3],
                tasks=n,
                awaiting=awaiting,
                returned=returned,
            )
            for key, (n, awaiting, returned) in direct_cells(congress_id, as_of).items()
        ],
        batch_size=1000,
    )
    tree_counts.recount(congress_id)
    TaskCountClock.objects.filter(congress_id=congress_id).update(as_of=as_of)


def _roll_forward_locked(congress_id: int, as_of: dt.date, today: dt.date) -> None:
    """Moves the tasks that fell overdue between `as_of` and `today` (exclusive clock held)."""
    fell_due = Task.objects.filter(
        status_q(StatusClass.OPEN_OVERDUE, today), congress_id=congress_id, deadline__gte=as_of
    )
    deltas: dict[Key, list[int]] = {}
    for row in _group_counts(fell_due).order_by():
        moved = [row["tasks"], row["awaiting"], row["returned"]]
        base = (congress_id, row["lead_agency_id"], row["area"])
        deltas[(*base, StatusClass.OPEN_ON_TIME.value)] = [-n for n in moved]
        deltas[(*base, StatusClass.OPEN_OVERDUE.value)] = moved
    _apply(deltas)
    TaskCountClock.objects.filter(congress_id=congress_id).update(as_of=today)


@transaction.atomic
def bring_to(congress_id: int, today: dt.date) -> None:
    """Makes the congress's cells classify as of `today`: built when missing, rolled forward
    when older, rebuilt when newer (a clock set back). Idempotent."""
    _insert_clock(congress_id)
    clock = TaskCountClock.objects.select_for_update().get(congress_id=congress_id)
    if clock.as_of == today:
        return
    if clock.as_of is None or clock.as_of > today:
        _rebuild_locked(congress_id, today)
    else:
        _roll_forward_locked(congress_id, clock.as_of, today)


def start_counting(congress_id: int) -> None:
    """A new congress has no task: its summary starts empty and current, so every write keeps
    it from the first task on (planning connects this to the congress's creation)."""
    TaskCountClock.objects.bulk_create(
        [TaskCountClock(congress_id=congress_id, as_of=local_today())], ignore_conflicts=True
    )


def roll_forward_all(today: dt.date | None = None) -> int:
    """The daily refresh: every congress with a summary brought to `today`; returns how many
    moved. Safe to run any number of times (each congress in its own short transaction)."""
    today = today or local_today()
    stale = TaskCountClock.objects.filter(as_of__isnull=False).exclude(as_of=today)
    ids = list(stale.values_list("congress_id", flat=True))
    for congress_id in ids:
        bring_to(congress_id, today)
    return len(ids)
