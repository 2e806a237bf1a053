"""The roll-up of a congress over every congress below it, read from the task totals that the
writes keep per congress (`planning/tree_counts.py`, an extension of the summary cells of
`planning/summary.py`) and the schedule entries.

One level at a time: the rows are the congress's direct subordinates, each with its whole
subtree summed (the totals carry the ids on each congress's path, so this is one grouped scan
of a narrow table); opening a row shows the level below it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q

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


def _bring_stale(congress: Congress, today: dt.date) -> int:
    """Brings the subtree's summaries to today when only a few are behind (the morning's
    `run_daily_checks` rolls every congress); returns how many stay behind. The clocks not at
    today are found through their day's index (none, once the morning job has run)."""
    stale = list(
        TaskCountClock.objects.filter(Q(as_of__lt=today) | Q(as_of__gt=today))
        .filter(Q(congress__path__startswith=congress.path))
        .values_list("congress_id", flat=True)[: BRING_LIMIT + 1]
    )
    if len(stale) > BRING_LIMIT:
        return len(stale)
    for congress_id in stale:
        summary.bring_to(congress_id, today)
    return 0


def _state_counts_by_child(congress: Congress, k: int) -> dict[int, dict[str, int]]:
    """Schedule states of the subtree, per direct subordinate, in one grouped scan (every
    congress below another has its schedule entry)."""
    found: dict[int, dict[str, int]] = {}
    if k >= MAX_DEPTH:
        return found
    below = f"d{k + 1}"
    rows = (
        ScheduleEntry.objects.filter(**{f"d{k}": congress.pk})
        .values(below, "state")
        .annotate(n=Count("*"))  # not Count("id"): the index holds (d_k, d_k+1, state) only
        .order_by()
    )
    for row in rows:
        bucket = found.setdefault(row[below], dict.fromkeys(STATES, 0))
        bucket[row["state"]] += row["n"]
    return found


def rollup(congress: Congress, today: dt.date) -> Rollup:
    """The congress's own totals, one row per direct subordinate and class from the subtree
    table, the schedule states, the unanswered report requests and the worst twenty."""
    k = depth(congress)
    stale = _bring_stale(congress, today)
    total, own = Counts(), Counts()
    by_child: dict[int, Counts] = {}
    for status, n, a in CongressTaskCount.objects.filter(congress=congress).values_list(
        "status", "tasks", "awaiting"
    ):
        own.add(status, n, a)
        total.add(status, n, a)
    for child_id, status, n, a in SubtreeTaskCount.objects.filter(parent=congress).values_list(
        "child_id", "status", "tasks", "awaiting"
    ):
        by_child.setdefault(child_id, Counts()).add(status, n, a)
        total.add(status, n, a)
    children = {c.pk: c for c in Congress.objects.filter(parent=congress).order_by("name")}
    states = _state_counts_by_child(congress, k)
    unanswered = unanswered_by_child(congress, k, MAX_DEPTH)
    table = [
        Row(child, by_child.get(pk, Counts()), states.get(pk, {}), unanswered.get(pk, 0))
        for pk, child in children.items()
    ]
    all_states = dict.fromkeys(STATES, 0)
    for bucket in states.values():
        for state, n in bucket.items():
            all_states[state] += n
    return Rollup(congress, total, own, table, _worst(congress, k), all_states, stale)


def _worst(congress: Congress, k: int, limit: int = 20) -> list[Worst]:
    """The congresses below with the largest share of overdue tasks among their own, read in
    order from the kept shares."""
    if k >= MAX_DEPTH:
        return []
    rows = list(
        CongressOverdueShare.objects.filter(**{f"d{k}": congress.pk}, overdue__gt=0)
        .exclude(congress_id=congress.pk)
        .select_related("congress")
        .order_by("-share", "-overdue", "congress_id")[:limit]
    )
    return [Worst(r.congress, r.total, r.overdue, r.share) for r in rows]


def direct_totals(congress: Congress, today: dt.date) -> dict[str, int]:
    """The subtree's tasks counted from the tasks themselves (what the tests compare with)."""
    from daihoi.planning.models import Task
    from daihoi.planning.status import status_q

    tasks = Task.objects.filter(Q(congress__path__startswith=congress.path))
    return {s: tasks.filter(status_q(s, today)).count() for s in CLASSES}
