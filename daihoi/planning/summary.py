"""Task counts kept by the writes: per (congress, lead agency, area, status class).

What it is. `TaskCount` holds, for each congress, lead agency, area and status class
(`status.StatusClass`), how many live tasks are in it, and among them how many await acceptance
and how many were returned. The dashboard, the agency inbox's counts and the charts' agency
table read these rows (at most agencies × areas × 6 per congress) instead of scanning the tasks;
a national roll-up sums them over many congresses (`cells_of` takes several congress ids).

How it stays current. Every write of a task goes through `Task.save()` / `Task.delete()`
(`models/tasks.py`), which read the row's state before (locked) and call `record_states` with
(before, after): the old cell loses the task, the new cell gains it, in the same transaction,
as one `INSERT … ON CONFLICT DO UPDATE` (cells in key order, so two writers never deadlock on
them). The bulk paths:
- `Task.objects.bulk_create` (the XLSX import, generators) adds the created tasks itself;
- `Task.objects.filter(…).update(<a counted column>=…)` recounts the congresses it touched
  (`rebuild`: a scan of each — fine for the demo loader, not for a hot path);
- `Task.objects.bulk_update` (the congress reschedule) reads the states before and after;
- an agency merge (one UPDATE of `lead_agency`) recounts on `agencies_merged`.
`Task.all_objects` (the plain manager) bypasses all this: use it only to read.

Time-dependent classes: a DAILY IDEMPOTENT ROLL FORWARD, not buckets by deadline date.
"Overdue" depends on today, so every row classifies as of its congress's `TaskCountClock.as_of`.
When a reader finds `as_of` older than today it rolls the congress forward under the clock's
row lock: the tasks that were on time at `as_of` and are overdue today (open, not reported in
time, `as_of <= deadline < today`) move from "open_on_time" to "open_overdue" — one range scan
on the deadline index, whatever the size of the congress — and `as_of` becomes today. Running it
twice does nothing (the clock already says today). `run_daily_checks` rolls every congress
forward each morning (`roll_forward_all`), so readers rarely pay for it; correctness never
depends on the job, since every reader checks the clock. Why not cells per deadline date
("bucket by deadline"): that makes one cell per (agency, area, deadline) among open tasks —
tens of thousands of rows for a 100,000-task congress with deadlines spread over the year —
and every read would sum them all; the roll forward keeps each read at ≤ agencies × areas × 6
rows and costs one small scan per congress per day.

Concurrency. A write takes the clock row in SHARE mode (PostgreSQL `FOR SHARE`) before
classifying, a roll forward or rebuild takes it FOR UPDATE: writes run side by side, and a roll
forward waits until the writes that classified against the old day have committed (then its
scan sees them). On SQLite writers are serialised by the database itself. A congress with no
clock row, or a clock row whose `as_of` is NULL, has no summary: writes skip it and the first
read builds it (`rebuild`), after any write that created the NULL row has committed.

Reads for another day than today (tests, reports "as of" a date) get None from `cells_of` and
count the tasks directly (`selectors.dashboard_counts` does both). `direct_cells` is that
direct count in the same shape: the consistency tests compare the two.
"""

import datetime as dt
import operator
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.db import connection, models, transaction
from django.db.models import Count, Q

from daihoi.core.dates import today as local_today

from . import tree_counts
from .models import Task
from .models.summary import TaskCount, TaskCountClock
from .status import (
    OPEN_CLASSES,
    StatusClass,
    classify,
    count_by_class,
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


def _table(model: type[models.Model]) -> str:
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
            f"SELECT congress_id, as_of FROM {_table(TaskCountClock)} "
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
                    f"SELECT congress_id, as_of FROM {_table(TaskCountClock)} "
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


def _apply(deltas: dict[Key, list[int]]) -> None:
    tree_counts.add(deltas)  # the per-congress totals the roll-up reads
    rows: list[tuple[Any, ...]] = [(*key, *d) for key, d in sorted(deltas.items()) if any(d)]
    table = _table(TaskCount)
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


# Reading ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    congress_id: int
    lead_agency_id: int
    area: str
    status: str
    tasks: int
    awaiting: int
    returned: int


def cells_of(
    congress_ids: Sequence[int], today: dt.date, lead_agency_id: int | None = None
) -> list[Cell] | None:
    """The non-empty cells of the congresses (of one lead agency if given), current as of
    `today`; None when `today` is not today's date (the caller then counts directly). Two
    queries when the clocks already say today."""
    if today != local_today():
        return None
    ids = list(congress_ids)
    rows = _read_cells(ids, lead_agency_id)
    stale = {row[0] for row in rows if _as_date(row[1]) != today} | (
        set(ids) - {r[0] for r in rows}
    )
    if stale:
        for congress_id in sorted(stale):
            bring_to(congress_id, today)
        rows = _read_cells(ids, lead_agency_id)
    return [Cell(row[0], *row[2:]) for row in rows if row[2] is not None]


def _as_date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _read_cells(congress_ids: list[int], lead_agency_id: int | None) -> list[tuple[Any, ...]]:
    """Each congress's clock with its non-empty cells, in ONE query (a clock without cells
    comes as one row of NULLs)."""
    placeholders = ", ".join(["%s"] * len(congress_ids))
    params: list[Any] = []
    agency = ""
    if lead_agency_id is not None:
        agency = " AND c.lead_agency_id = %s"
        params.append(lead_agency_id)
    sql = (
        "SELECT k.congress_id, k.as_of, c.lead_agency_id, c.area, c.status, c.tasks, "
        f"c.awaiting, c.returned FROM {_table(TaskCountClock)} k "
        f"LEFT JOIN {_table(TaskCount)} c ON c.congress_id = k.congress_id AND c.tasks <> 0"
        f"{agency} WHERE k.congress_id IN ({placeholders})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *congress_ids])
        return list(cursor.fetchall())


# What each row of `grouped_counts` carries.
SUMMED = [*(s.value for s in StatusClass), "total", "awaiting", "returned"]
GROUPS = ("lead_agency_id", "area")


def grouped_counts(
    congress_id: int,
    today: dt.date,
    agency_id: int | None = None,
    by: Sequence[str] = GROUPS,
    *,
    statuses: Sequence[str] = (),
    area: str = "",
) -> list[dict[str, Any]]:
    """Live tasks grouped by `by` (some of "lead_agency_id", "area"; none gives one row),
    each group counted per status class plus its total, awaiting acceptance and returned;
    restricted to a lead agency, some status classes, an area when given. From the summary
    cells, summed in SQL (one query, a few rows) when `today` is today, else from one grouped
    scan of the tasks."""
    assert set(by) <= set(GROUPS)
    if today == local_today():
        rows = _summed(congress_id, agency_id, by, statuses, area)
        if any(_as_date(r[0]) != today for r in rows):
            bring_to(congress_id, today)
            rows = _summed(congress_id, agency_id, by, statuses, area)
        grouped: dict[tuple[Any, ...], dict[str, Any]] = {}
        for _, *keys, status, tasks, awaiting, returned in rows:
            if status is None:
                continue
            row = grouped.get(tuple(keys))
            if row is None:
                row = {**dict(zip(by, keys, strict=True)), **dict.fromkeys(SUMMED, 0)}
                grouped[tuple(keys)] = row
            row[status] += tasks
            row["total"] += tasks
            row["awaiting"] += awaiting
            row["returned"] += returned
        return list(grouped.values())
    qs = Task.objects.filter(congress_id=congress_id)
    if agency_id is not None:
        qs = qs.filter(lead_agency_id=agency_id)
    if area:
        qs = qs.filter(area=area)
    if statuses:
        qs = qs.filter(reduce(operator.or_, (status_q(s, today) for s in statuses)))
    counts = {
        **count_by_class(today),
        "awaiting": Count("pk", filter=open_q() & Q(reported_complete_on__isnull=False)),
        "returned": Count("pk", filter=returned_q()),
    }
    if not by:
        return [qs.aggregate(**counts)]
    return [dict(row) for row in qs.values(*by).annotate(**counts).order_by()]


def _summed(
    congress_id: int,
    agency_id: int | None,
    by: Sequence[str],
    statuses: Sequence[str],
    area: str,
) -> list[tuple[Any, ...]]:
    """The congress's clock day, then per (`by`…, status) the sums of its cells (a clock with
    no cell comes as one row of NULLs): one query."""
    where, params = "", list[Any]()
    if agency_id is not None:
        where += " AND c.lead_agency_id = %s"
        params.append(agency_id)
    if area:
        where += " AND c.area = %s"
        params.append(area)
    if statuses:
        where += f" AND c.status IN ({', '.join(['%s'] * len(statuses))})"
        params.extend(statuses)
    keys = "".join(f"c.{name}, " for name in by)
    sql = (
        f"SELECT k.as_of, {keys}c.status, SUM(c.tasks), SUM(c.awaiting), SUM(c.returned) "
        f"FROM {_table(TaskCountClock)} k LEFT JOIN {_table(TaskCount)} c "
        f"ON c.congress_id = k.congress_id AND c.tasks <> 0{where} "
        f"WHERE k.congress_id = %s GROUP BY k.as_of, {keys}c.status"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, congress_id])
        rows = list(cursor.fetchall())
    if not rows:  # no clock yet: build it, then read again
        bring_to(congress_id, local_today())
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, congress_id])
            rows = list(cursor.fetchall())
    return rows
