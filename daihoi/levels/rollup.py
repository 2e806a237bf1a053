"""The roll-up of a congress over every congress below it, read from the task totals that the
writes keep per congress (`planning/tree_counts.py`, an extension of the summary cells of
`planning/summary.py`) and the schedule entries.

One level at a time: the rows are the congress's direct subordinates, each with its whole
subtree summed (the totals carry the ids on each congress's path, so this is one grouped scan
of a narrow table); opening a row shows the level below it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, FloatField, Q, Sum
from django.db.models.functions import Cast

from daihoi.organizations.models import Congress
from daihoi.planning import summary
from daihoi.planning.models import CongressTaskCount, TaskCountClock
from daihoi.planning.status import MAIN_CLASSES, StatusClass

from .models import ScheduleEntry, ScheduleState
from .tree import descendants_q

MAX_DEPTH = 3
# A roll-up brings this many stale congresses to today on its own (the daily job does the rest).
BRING_LIMIT = 200
CLASSES = [s.value for s in MAIN_CLASSES]


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

    @property
    def state_list(self) -> list[int]:
        return [self.states.get(s, 0) for s in ScheduleState.values]


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
    `run_daily_checks` rolls every congress); returns how many stay behind."""
    stale = list(
        TaskCountClock.objects.filter(descendants_q(congress, "congress__") | Q(congress=congress))
        .exclude(as_of=today)
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
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        bucket = found.setdefault(row[below], dict.fromkeys(ScheduleState.values, 0))
        bucket[row["state"]] += row["n"]
    return found


def rollup(congress: Congress, today: dt.date) -> Rollup:
    k = depth(congress)
    stale = _bring_stale(congress, today)
    here = f"d{k}"
    total, own = Counts(), Counts()
    by_child: dict[int, Counts] = {}
    if k <= MAX_DEPTH:
        below = f"d{k + 1}" if k < MAX_DEPTH else None
        rows = (
            CongressTaskCount.objects.filter(**{here: congress.pk})
            .values(*([below] if below else []), "status")
            .annotate(n=Sum("tasks"), a=Sum("awaiting"))
            .order_by()
        )
        for row in rows:
            child = row.get(below) if below else None
            total.add(row["status"], row["n"], row["a"])
            (by_child.setdefault(child, Counts()) if child else own).add(
                row["status"], row["n"], row["a"]
            )
    children = {c.pk: c for c in Congress.objects.filter(parent=congress).order_by("name")}
    states = _state_counts_by_child(congress, k)
    table = [
        Row(child, by_child.get(pk, Counts()), states.get(pk, {})) for pk, child in children.items()
    ]
    all_states = dict.fromkeys(ScheduleState.values, 0)
    for bucket in states.values():
        for state, n in bucket.items():
            all_states[state] += n
    return Rollup(congress, total, own, table, _worst(congress, k), all_states, stale)


def _worst(congress: Congress, k: int, limit: int = 20) -> list[Worst]:
    """The congresses below with the largest share of overdue tasks among their own."""
    if k > MAX_DEPTH:
        return []
    rows = list(
        CongressTaskCount.objects.filter(**{f"d{k}": congress.pk})
        .exclude(congress_id=congress.pk)
        .values("congress_id")
        .annotate(
            total=Sum("tasks", filter=Q(status__in=CLASSES)),
            overdue=Sum("tasks", filter=Q(status=StatusClass.OPEN_OVERDUE)),
        )
        .filter(overdue__gt=0)
        .annotate(
            share=Cast(F("overdue"), FloatField()) / Cast(F("total"), FloatField()),
        )
        .order_by("-share", "-overdue", "congress_id")[:limit]
    )
    names = Congress.objects.in_bulk([r["congress_id"] for r in rows])
    return [
        Worst(names[r["congress_id"]], r["total"], r["overdue"], r["share"])
        for r in rows
        if r["congress_id"] in names
    ]


def direct_totals(congress: Congress, today: dt.date) -> dict[str, int]:
    """The subtree's tasks counted from the tasks themselves (what the tests compare with)."""
    from daihoi.planning.models import Task
    from daihoi.planning.status import status_q

    tasks = Task.objects.filter(Q(congress__path__startswith=congress.path))
    return {s: tasks.filter(status_q(s, today)).count() for s in CLASSES}
