"""The roll-up of a congress over every congress below it, read from the task totals that the
writes keep per congress (`planning/tree_counts.py`, an extension of the summary cells of
`planning/summary.py`) and the schedule entries.

One level at a time: the rows are the congress's direct subordinates, each with its whole
subtree summed (the totals carry the ids on each congress's path, so this is one grouped scan
of a narrow table); opening a row shows the level below it.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Q

from daihoi.core.sql import read_all, table
from daihoi.organizations.models import Congress
from daihoi.planning import summary
from daihoi.planning.models import (
    CongressOverdueShare,
    CongressTaskCount,
    SubtreeTaskCount,
    TaskCountClock,
)
from daihoi.planning.status import MAIN_CLASSES, StatusClass
from daihoi.reporting.models import ReportSubmission

from .models import ReportRecipient, ScheduleEntry, ScheduleState

MAX_DEPTH = 3
# A roll-up brings this many stale congresses to today on its own (the daily job does the rest).
BRING_LIMIT = 200
CLASSES = [s.value for s in MAIN_CLASSES]
# Read once: an enum's `.values` rebuilds its choices (and translates their labels) on each use.
STATES = list(ScheduleState.values)
# The worst congresses by overdue share the roll-up names.
WORST = 20
# What the roll-up shows of each congress (its table, the worst list, the sheet, the API).
# In the model's column order, as `Model.from_db` takes them.
SHOWN = [
    f.attname
    for f in Congress._meta.concrete_fields
    if f.attname in ("id", "name", "level", "parent_id")
]
SHOWN_SQL = ", ".join(SHOWN)


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


# The roll-up's reads, each a statement with its parameters; `rollup` sends them together.
Read = tuple[str, list[Any]]


def _stale_read(congress: Congress, today: dt.date) -> Read:
    """The subtree's congresses whose summaries are not at today, found through their day's
    index (none, once the morning's `run_daily_checks` has rolled every congress)."""
    return (
        f"SELECT clock.congress_id FROM {table(TaskCountClock)} clock"
        f" JOIN {table(Congress)} c ON c.id = clock.congress_id"
        " WHERE (clock.as_of < %s OR clock.as_of > %s) AND c.path LIKE %s LIMIT %s",
        [today, today, congress.path + "%", BRING_LIMIT + 1],
    )


def _reads(congress: Congress, k: int) -> list[Read]:
    """The congress's own totals, its subtree's per direct subordinate, the subordinates (the
    fields the table shows), and below the last level nothing more; else the schedule states
    and the unanswered report requests per subordinate (each one grouped scan of the path
    ids), and the worst twenty by overdue share (read in order from the kept shares)."""
    pk = congress.pk
    reads: list[Read] = [
        (
            f"SELECT status, tasks, awaiting FROM {table(CongressTaskCount)}"
            " WHERE congress_id = %s",
            [pk],
        ),
        (
            f"SELECT child_id, status, tasks, awaiting FROM {table(SubtreeTaskCount)}"
            " WHERE parent_id = %s",
            [pk],
        ),
        (f"SELECT {SHOWN_SQL} FROM {table(Congress)} WHERE parent_id = %s ORDER BY name", [pk]),
    ]
    if k >= MAX_DEPTH:
        return reads
    here, below = f"d{k}", f"d{k + 1}"
    return [
        *reads,
        (
            f"SELECT {below}, state, count(*) FROM {table(ScheduleEntry)}"
            f" WHERE {here} = %s GROUP BY {below}, state",
            [pk],
        ),
        (
            f"SELECT x.{below}, count(*) FROM {table(ReportRecipient)} x"
            f" JOIN {table(ReportSubmission)} s ON s.id = x.submission_id"
            f" WHERE x.{here} = %s AND s.status <> %s AND x.{below} IS NOT NULL"
            f" GROUP BY x.{below}",
            [pk, ReportSubmission.Status.SUBMITTED],
        ),
        (
            f"SELECT {', '.join('c.' + f for f in SHOWN)}, s.total, s.overdue, s.share"
            f" FROM {table(CongressOverdueShare)} s JOIN {table(Congress)} c"
            f" ON c.id = s.congress_id WHERE s.{here} = %s AND s.overdue > 0"
            " AND s.congress_id <> %s ORDER BY s.share DESC, s.overdue DESC, s.congress_id"
            f" LIMIT {WORST}",
            [pk, pk],
        ),
    ]


def _shown(values: tuple[Any, ...]) -> Congress:
    """A congress from its shown fields (the rest deferred)."""
    return Congress.from_db(connection.alias, SHOWN, values)


def rollup(congress: Congress, today: dt.date) -> Rollup:
    """The congress's own totals, one row per direct subordinate and class from the subtree
    table, the schedule states, the unanswered report requests and the worst twenty.

    The national office's page reads it on every visit, so it is written near its SQL: plain
    statements on the kept tables, sent in one round trip (`core.sql.read_all`; the ORM's
    building of them cost more than running them). When a few congresses below are not at
    today (before the morning job), they are brought to today and the reads run again."""
    k = depth(congress)
    stale_ids, *found = read_all([_stale_read(congress, today), *_reads(congress, k)])
    stale = len(stale_ids) if len(stale_ids) > BRING_LIMIT else 0
    if stale_ids and not stale:
        for (congress_id,) in stale_ids:
            summary.bring_to(congress_id, today)
        found = read_all(_reads(congress, k))
    own_rows, subtree_rows, child_rows, *lower = found
    state_rows, unanswered_rows, worst_rows = lower or ([], [], [])
    total, own = Counts(), Counts()
    by_child: dict[int, Counts] = {}
    for status, n, a in own_rows:
        own.add(status, n, a)
        total.add(status, n, a)
    for child_id, status, n, a in subtree_rows:
        by_child.setdefault(child_id, Counts()).add(status, n, a)
        total.add(status, n, a)
    states: dict[int, dict[str, int]] = {}
    all_states = dict.fromkeys(STATES, 0)
    for child_id, state, n in state_rows:
        states.setdefault(child_id, dict.fromkeys(STATES, 0))[state] += n
        all_states[state] += n
    unanswered = dict(unanswered_rows)
    table_rows = [
        Row(
            child,
            by_child.get(child.pk, Counts()),
            states.get(child.pk, {}),
            unanswered.get(child.pk, 0),
        )
        for child in map(_shown, child_rows)
    ]
    width = len(SHOWN)
    worst = [Worst(_shown(row[:width]), *row[width:]) for row in worst_rows]
    return Rollup(congress, total, own, table_rows, worst, all_states, stale)


def direct_totals(congress: Congress, today: dt.date) -> dict[str, int]:
    """The subtree's tasks counted from the tasks themselves (what the tests compare with)."""
    from daihoi.planning.models import Task
    from daihoi.planning.status import status_q

    tasks = Task.objects.filter(Q(congress__path__startswith=congress.path))
    return {s: tasks.filter(status_q(s, today)).count() for s in CLASSES}
