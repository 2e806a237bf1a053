"""Task counts per (congress, status class) with the congress's place in the tree: the roll-up
over congresses at every level reads these (`levels.rollup`).

An extension of the cells of `summary`, kept in the same transactions by the same writes:
`_apply` (`summary/cells.py`) hands each batch of cell deltas to `add`, and `_rebuild_locked`
calls `recount` for the congress it rebuilt. Nothing else writes here, except `place` when a
congress moves in the tree (the levels app's `congress_set_parent`).

Two narrower tables follow the totals in the same statements' transaction: `SubtreeTaskCount`
(each change added to the row of every (ancestor, next congress on the path) pair, so a roll-up
reads one row per direct subordinate and class) and `CongressOverdueShare` (each touched
congress's overdue share re-summed from its totals, so the worst twenty are one ordered read).
"""

from typing import Any

from django.db import connection
from django.db.models import Sum

from daihoi.organizations.models import Congress

from .models.summary import CongressOverdueShare, CongressTaskCount, SubtreeTaskCount, TaskCount
from .status import MAIN_CLASSES, StatusClass

DEPTHS = 4


def depth_ids(path: str) -> list[int | None]:
    """The ids at depths 0…3 of a congress's path ("/1/5/23/" → [1, 5, 23, None])."""
    ids: list[int | None] = []
    ids += [int(p) for p in path.strip("/").split("/") if p][:DEPTHS]
    return ids + [None] * (DEPTHS - len(ids))


def _paths(congress_ids: set[int]) -> dict[int, str]:
    return dict(Congress.objects.filter(pk__in=congress_ids).values_list("pk", "path"))


def add(deltas: dict[tuple[Any, ...], list[int]]) -> None:
    """Adds the cells' deltas ((congress, agency, area, status) → [tasks, awaiting, returned])
    to the congresses' totals, in one upsert."""
    totals: dict[tuple[int, str], list[int]] = {}
    for (congress_id, _agency, _area, status), delta in deltas.items():
        row = totals.setdefault((congress_id, status), [0, 0, 0])
        for i in range(3):
            row[i] += delta[i]
    rows = [(key, d) for key, d in sorted(totals.items()) if any(d)]
    if not rows:
        return
    paths = _paths({key[0] for key, _ in rows})
    table = connection.ops.quote_name(CongressTaskCount._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s, %s, %s)"] * len(rows))
    params: list[Any] = []
    for (congress_id, status), (tasks, awaiting, returned) in rows:
        params += [congress_id, status, *depth_ids(paths.get(congress_id, "")), tasks]
        params += [awaiting, returned]
    sql = (
        f"INSERT INTO {table} (congress_id, status, d0, d1, d2, d3, tasks, awaiting, returned) "
        f"VALUES {values} ON CONFLICT (congress_id, status) DO UPDATE SET "
        f"tasks = {table}.tasks + excluded.tasks, "
        f"awaiting = {table}.awaiting + excluded.awaiting, "
        f"returned = {table}.returned + excluded.returned"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
    changes = [(cid, status, tasks, awaiting) for (cid, status), (tasks, awaiting, _) in rows]
    _add_subtrees(changes, paths)
    _refresh_shares(sorted(paths))


def _path_ids(path: str) -> list[int]:
    return [int(p) for p in path.strip("/").split("/") if p]


def _add_subtrees(changes: list[tuple[int, str, int, int]], paths: dict[int, str]) -> None:
    """Adds each (congress, status, tasks, awaiting) change to the subtree row of every pair of
    consecutive congresses on its path, in one upsert."""
    sums: dict[tuple[int, int, str], list[int]] = {}
    for congress_id, status, tasks, awaiting in changes:
        ids = _path_ids(paths.get(congress_id, ""))
        for parent, child in zip(ids, ids[1:], strict=False):
            row = sums.setdefault((parent, child, status), [0, 0])
            row[0] += tasks
            row[1] += awaiting
    rows = [(key, d) for key, d in sorted(sums.items()) if any(d)]
    if not rows:
        return
    table = connection.ops.quote_name(SubtreeTaskCount._meta.db_table)
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    params: list[Any] = []
    for (parent, child, status), (tasks, awaiting) in rows:
        params += [parent, child, status, tasks, awaiting]
    sql = (
        f"INSERT INTO {table} (parent_id, child_id, status, tasks, awaiting) VALUES {values} "
        "ON CONFLICT (parent_id, child_id, status) DO UPDATE SET "
        f"tasks = {table}.tasks + excluded.tasks, awaiting = {table}.awaiting + excluded.awaiting"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _refresh_shares(congress_ids: list[int]) -> None:
    """Each congress's own overdue share summed again from its totals, in one statement."""
    if not congress_ids:
        return
    share = connection.ops.quote_name(CongressOverdueShare._meta.db_table)
    totals = connection.ops.quote_name(CongressTaskCount._meta.db_table)
    main = ", ".join(["%s"] * len(MAIN_CLASSES))
    ids = ", ".join(["%s"] * len(congress_ids))
    main_sum = f"SUM(CASE WHEN status IN ({main}) THEN tasks ELSE 0 END)"
    overdue_sum = "SUM(CASE WHEN status = %s THEN tasks ELSE 0 END)"
    sql = (
        f"INSERT INTO {share} (congress_id, d0, d1, d2, d3, total, overdue, share) "
        f"SELECT congress_id, MAX(d0), MAX(d1), MAX(d2), MAX(d3), {main_sum}, {overdue_sum}, "
        f"CASE WHEN {main_sum} > 0 THEN {overdue_sum} * 1.0 / {main_sum} ELSE 0 END "
        f"FROM {totals} WHERE congress_id IN ({ids}) GROUP BY congress_id "
        "ON CONFLICT (congress_id) DO UPDATE SET d0 = excluded.d0, d1 = excluded.d1, "
        "d2 = excluded.d2, d3 = excluded.d3, total = excluded.total, "
        "overdue = excluded.overdue, share = excluded.share"
    )
    classes = [c.value for c in MAIN_CLASSES]
    overdue = StatusClass.OPEN_OVERDUE.value
    params: list[Any] = [*classes, overdue, *classes, overdue, *classes, *congress_ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def rebuild_subtrees() -> None:
    """Every subtree row summed again from the totals (after a congress moved in the tree)."""
    SubtreeTaskCount.objects.all().delete()
    paths = dict(Congress.objects.values_list("pk", "path"))
    changes = [
        (row["congress_id"], row["status"], row["tasks"], row["awaiting"])
        for row in CongressTaskCount.objects.values("congress_id", "status", "tasks", "awaiting")
    ]
    for start in range(0, len(changes), 2000):
        _add_subtrees(changes[start : start + 2000], paths)


def recount(congress_id: int) -> None:
    """The congress's totals summed again from its cells (after a rebuild of them)."""
    before = {
        row["status"]: (row["tasks"], row["awaiting"])
        for row in CongressTaskCount.objects.filter(congress_id=congress_id).values(
            "status", "tasks", "awaiting"
        )
    }
    CongressTaskCount.objects.filter(congress_id=congress_id).delete()
    path = _paths({congress_id}).get(congress_id, "")
    d0, d1, d2, d3 = depth_ids(path)
    CongressTaskCount.objects.bulk_create(
        [
            CongressTaskCount(
                congress_id=congress_id,
                status=row["status"],
                d0=d0,
                d1=d1,
                d2=d2,
                d3=d3,
                tasks=row["n"],
                awaiting=row["a"],
                returned=row["r"],
            )
            for row in TaskCount.objects.filter(congress_id=congress_id)
            .values("status")
            .annotate(n=Sum("tasks"), a=Sum("awaiting"), r=Sum("returned"))
            .order_by()
        ]
    )
    after = {
        row["status"]: (row["tasks"], row["awaiting"])
        for row in CongressTaskCount.objects.filter(congress_id=congress_id).values(
            "status", "tasks", "awaiting"
        )
    }
    changes = [
        (congress_id, status, n - before.get(status, (0, 0))[0], a - before.get(status, (0, 0))[1])
        for status, (n, a) in after.items()
    ] + [(congress_id, status, -n, -a) for status, (n, a) in before.items() if status not in after]
    _add_subtrees(changes, {congress_id: path})
    CongressOverdueShare.objects.filter(congress_id=congress_id).delete()
    _refresh_shares([congress_id])


def place(congress_ids: list[int]) -> None:
    """Copies the congresses' current paths onto their totals (after a move in the tree)."""
    for congress_id, path in _paths(set(congress_ids)).items():
        d0, d1, d2, d3 = depth_ids(path)
        CongressTaskCount.objects.filter(congress_id=congress_id).update(d0=d0, d1=d1, d2=d2, d3=d3)
    _refresh_shares(sorted(congress_ids))
    rebuild_subtrees()
