"""The roll-up of a congress over every congress below it, read from the task totals that the
writes keep per congress (`planning/tree_counts.py`, an extension of the summary cells of
`planning/summary.py`) and the schedule entries.

One level at a time: the rows are the congress's direct subordinates, each with its whole
subtree summed (the totals carry the ids on each congress's path, so this is one grouped scan
of a narrow table); opening a row shows the level below it.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from django.db import connection, models
from django.db.models import Q

from daihoi.organizations.models import Congress
from daihoi.planning import summary
from daihoi.planning.models import (
    CongressOverdueShare,
    CongressTaskCount,
    SubtreeTaskCount,
    TaskCountClock,
)
from daihoi.planning.status import MAIN_CLASSES, StatusClass

from .models import ScheduleEntry, ScheduleState
from .selectors import unanswered_by_child

MAX_DEPTH = 3
# A roll-up brings this many stale congresses to today on its own (the daily job does the rest).
BRING_LIMIT = 200
CLASSES = [s.value for s in MAIN_CLASSES]
# Read once: an enum's `.values` rebuilds its choices (and translates their labels) on each use.
STATES = list(ScheduleState.values)


@dataclass
class Counts:
    by_class: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    awaiting: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_class.values())

    @property
    def overdue(self) -> int:
        return self.by_class[StatusClass.OPEN_OVERDUE]

    @property
    def overdue_share(self) -> float:
        return self.overdue / self.total if self.total else 0.0

    @property
    def in_order(self) -> list[int]:
        """The four classes' counts, in the order of `MAIN_CLASSES` (the columns)."""
        return [self.by_class[c] for c in CLASSES]

    @property
    def labelled(self) -> list[tuple[str, str, int]]:
        return [(c.value, str(c.label), self.by_class[c.value]) for c in MAIN_CLASSES]

    @property
    def overdue_percent(self) -> int:
        return round(100 * self.overdue_share)

    def add(self, status: str, tasks: int, awaiting: int) -> None:
        if status in self.by_class:
            self.by_class[status] += tasks or 0
        self.awaiting += awaiting or 0


@dataclass
class Row:
    congress: Congress
    counts: Counts
    states: dict[str, int]
    # Report requests its subtree has not answered yet (sent by any congress above them).
    unanswered: int = 0

    @property
    def state_list(self) -> list[int]:
        return [self.states.get(s, 0) for s in STATES]


@dataclass
class Worst:
    congress: Congress
    total: int
    overdue: int
    share: float

    @property
    def percent(self) -> int:
        return round(100 * self.share)


@dataclass
class Rollup:
    congress: Congress
    total: Counts
    own: Counts
    rows: list[Row]
    worst: list[Worst]
    states: dict[str, int]
    stale: int

    @property
    def state_list(self) -> list[tuple[str, str, int]]:
        return [(s.value, str(s.label), self.states.get(s.value, 0)) for s in ScheduleState]


def depth(congress: Congress) -> int:
    return len(congress.ancestor_ids)


def _table(model: type[models.Model]) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _bring_stale(congress: Congress, today: dt.date) -> int:
    """Brings the subtree's summaries to today when only a few are behind (the morning's
    `run_daily_checks` rolls every congress); returns how many stay behind. The clocks not at
    today are found through their day's index (none, once the morning job has run)."""
    stale = _rows(
        f"SELECT clock.congress_id FROM {_table(TaskCountClock)} clock"
        f" JOIN {_table(Congress)} c ON c.id = clock.congress_id"
        " WHERE (clock.as_of < %s OR clock.as_of > %s) AND c.path LIKE %s LIMIT %s",
        [today, today, congress.path + "%", BRING_LIMIT + 1],
    )
    if len(stale) > BRING_LIMIT:
        return len(stale)
    for (congress_id,) in stale:
        summary.bring_to(congress_id, today)
    return 0


def _state_counts_by_child(congress: Congress, k: int) -> dict[int, dict[str, int]]:
    """Schedule states of the subtree, per direct subordinate, in one grouped scan of the
    index (every congress below another has its schedule entry)."""
    found: dict[int, dict[str, int]] = {}
    if k >= MAX_DEPTH:
        return found
    rows = _rows(
        f"SELECT d{k + 1}, state, count(*) FROM {_table(ScheduleEntry)}"
        f" WHERE d{k} = %s GROUP BY d{k + 1}, state",
        [congress.pk],
    )
    for child_id, state, n in rows:
        bucket = found.setdefault(child_id, dict.fromkeys(STATES, 0))
        bucket[state] += n
    return found


def rollup(congress: Congress, today: dt.date) -> Rollup:
    """The congress's own totals, one row per direct subordinate and class from the subtree
    table, the schedule states, the unanswered report requests and the worst twenty.

    The national office's page reads it on every visit, so it is written near its SQL: plain
    statements on the kept tables (the ORM's building of them cost more than running them)."""
    k = depth(congress)
    stale = _bring_stale(congress, today)
    total, own = Counts(), Counts()
    by_child: dict[int, Counts] = {}
    for status, n, a in _rows(
        f"SELECT status, tasks, awaiting FROM {_table(CongressTaskCount)} WHERE congress_id = %s",
        [congress.pk],
    ):
        own.add(status, n, a)
        total.add(status, n, a)
    for child_id, status, n, a in _rows(
        f"SELECT child_id, status, tasks, awaiting FROM {_table(SubtreeTaskCount)}"
        " WHERE parent_id = %s",
        [congress.pk],
    ):
        by_child.setdefault(child_id, Counts()).add(status, n, a)
        total.add(status, n, a)
    children = list(
        Congress.objects.raw(
            f"SELECT * FROM {_table(Congress)} WHERE parent_id = %s ORDER BY name", [congress.pk]
        )
    )
    states = _state_counts_by_child(congress, k)
    unanswered = unanswered_by_child(congress, k, MAX_DEPTH)
    table = [
        Row(
            child,
            by_child.get(child.pk, Counts()),
            states.get(child.pk, {}),
            unanswered.get(child.pk, 0),
        )
        for child in children
    ]
    all_states = dict.fromkeys(STATES, 0)
    for bucket in states.values():
        for state, n in bucket.items():
            all_states[state] += n
    return Rollup(congress, total, own, table, _worst(congress, k), all_states, stale)


def _worst(congress: Congress, k: int, limit: int = 20) -> list[Worst]:
    """The congresses below with the largest share of overdue tasks among their own, read in
    order from the kept shares, with the congresses themselves in the same statement."""
    if k >= MAX_DEPTH:
        return []
    rows = Congress.objects.raw(
        f"SELECT c.*, s.total AS share_total, s.overdue AS share_overdue, s.share AS share_value"
        f" FROM {_table(CongressOverdueShare)} s JOIN {_table(Congress)} c ON c.id = s.congress_id"
        f" WHERE s.d{k} = %s AND s.overdue > 0 AND s.congress_id <> %s"
        " ORDER BY s.share DESC, s.overdue DESC, s.congress_id LIMIT %s",
        [congress.pk, congress.pk, limit],
    )
    # The raw statement's extra columns are attributes the model class does not declare.
    return [
        Worst(c, cast(Any, c).share_total, cast(Any, c).share_overdue, cast(Any, c).share_value)
        for c in rows
    ]


def direct_totals(congress: Congress, today: dt.date) -> dict[str, int]:
    """The subtree's tasks counted from the tasks themselves (what the tests compare with)."""
    from daihoi.planning.models import Task
    from daihoi.planning.status import status_q

    tasks = Task.objects.filter(Q(congress__path__startswith=congress.path))
    return {s: tasks.filter(status_q(s, today)).count() for s in CLASSES}
