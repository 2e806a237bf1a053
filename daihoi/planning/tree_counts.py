"""Task counts per (congress, status class) with the congress's place in the tree: the roll-up
over congresses at every level reads these (`levels.rollup`).

An extension of the cells of `summary.py`, kept in the same transactions by the same writes:
`summary._apply` hands each batch of cell deltas to `add`, and `summary._rebuild_locked` calls
`recount` for the congress it rebuilt. Nothing else writes here, except `place` when a congress
moves in the tree (the levels app's `congress_set_parent`).
"""

from typing import Any

from django.db import connection
from django.db.models import Sum

from daihoi.organizations.models import Congress

from .models.summary import CongressTaskCount, TaskCount

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


def recount(congress_id: int) -> None:
    """The congress's totals summed again from its cells (after a rebuild of them)."""
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


def place(congress_ids: list[int]) -> None:
    """Copies the congresses' current paths onto their totals (after a move in the tree)."""
    for congress_id, path in _paths(set(congress_ids)).items():
        d0, d1, d2, d3 = depth_ids(path)
        CongressTaskCount.objects.filter(congress_id=congress_id).update(d0=d0, d1=d1, d2=d2, d3=d3)
