"""Reading the cells: the non-empty cells of some congresses, or counts grouped by lead agency
and area; each read first brings a stale congress to today (`cells.bring_to`)."""

import datetime as dt
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from django.db import connection
from django.db.models import Count, Q

from daihoi.core.dates import today as local_today

from ..models import Task
from ..models.summary import TaskCount, TaskCountClock
from ..status import StatusClass, count_by_class, open_q, returned_q, status_q
from .cells import bring_to, table_name


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
        f"c.awaiting, c.returned FROM {table_name(TaskCountClock)} k "
        f"LEFT JOIN {table_name(TaskCount)} c ON c.congress_id = k.congress_id AND c.tasks <> 0"
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
        f"FROM {table_name(TaskCountClock)} k LEFT JOIN {table_name(TaskCount)} c "
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
