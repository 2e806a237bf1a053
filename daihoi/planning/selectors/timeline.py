"""The tasks placed on one time axis by deadline, grouped by phase."""

import datetime as dt
from dataclasses import dataclass

from daihoi.organizations.permissions import Access

from ..models import Phase, Task
from ..status import StatusClass
from .tasks import TaskFilters, tasks_visible_to


@dataclass
class TimelineRow:
    task: Task
    status: StatusClass
    at: str | None  # the deadline's position on the axis, "0.0"…"100.0" (percent), or None
    span_from: str | None = None  # where a bar from the start date begins, when it has one
    span_width: str | None = None


@dataclass
class TimelinePhase:
    phase: str
    label: str
    rows: list[TimelineRow]


@dataclass
class TimelineMark:
    at: str
    label: str


@dataclass
class Timeline:
    start: dt.date
    end: dt.date
    phases: list[TimelinePhase]
    ticks: list[TimelineMark]
    today: TimelineMark
    opening: TimelineMark | None
    total: int


def _months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    months, day = [], start.replace(day=1)
    while day <= end:
        if day >= start:
            months.append(day)
        day = (day + dt.timedelta(days=32)).replace(day=1)
    return months


def task_timeline(access: Access, filters: TaskFilters, today: dt.date) -> Timeline:
    """The tasks of a plan or a committee (any `TaskFilters`), grouped by phase and placed by
    deadline on one axis shared by all rows, with today and the opening day marked. One query
    for the tasks (the same visibility and filter rules as the task list), whatever their number.
    Positions are percents of the axis, rendered as SVG coordinates by the template."""
    congress = access.congress
    tasks = list(
        tasks_visible_to(access, filters, today)
        .prefetch_related(None)
        .select_related("lead_agency")
        .order_by("deadline", "id")
    )
    dates = [today]
    for task in tasks:
        dates.extend(d for d in (task.start_date, task.deadline) if d is not None)
    dates.extend(d for d in (congress.opening_date, congress.closing_date) if d is not None)
    # A few days' margin either side, so markers at the ends stay inside the axis.
    start = min(dates) - dt.timedelta(days=3)
    end = max(dates) + dt.timedelta(days=3)
    length = (end - start).days

    def at(day: dt.date) -> str:
        return f"{100 * (day - start).days / length:.1f}"

    by_phase: dict[str, list[TimelineRow]] = {p.value: [] for p in Phase}
    for task in tasks:
        row = TimelineRow(
            task, task.status_class(today), at(task.deadline) if task.deadline else None
        )
        if task.start_date and task.deadline:
            row.span_from = at(task.start_date)
            row.span_width = f"{100 * (task.deadline - task.start_date).days / length:.1f}"
        by_phase[task.phase].append(row)
    phases = [
        TimelinePhase(p.value, str(p.label), by_phase[p.value]) for p in Phase if by_phase[p.value]
    ]
    months = _months_between(start, end)
    step = max(1, -(-len(months) // 8))  # at most eight labels on the axis
    ticks = [TimelineMark(at(m), f"{m:%m/%Y}") for m in months[::step]]
    opening = None
    if congress.opening_date:
        opening = TimelineMark(at(congress.opening_date), f"{congress.opening_date:%d/%m/%Y}")
    return Timeline(
        start=start,
        end=end,
        phases=phases,
        ticks=ticks,
        today=TimelineMark(at(today), f"{today:%d/%m/%Y}"),
        opening=opening,
        total=len(tasks),
    )
