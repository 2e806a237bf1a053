"""Reads for pages and reports, already restricted to what the actor may see."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Prefetch, Q, QuerySet

from daihoi.core.dates import today as local_today
from daihoi.core.text import fold
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from . import summary
from .models import (
    AppraisalRound,
    AppraisalState,
    DetailedPlan,
    DetailedState,
    Phase,
    Plan,
    ProgressUpdate,
    Task,
    TaskAssignment,
    TaskQuerySet,
    detailed_due_expr,
    detailed_plan_of,
    detailed_state_q,
    expects_detailed_q,
)
from .status import MAIN_CLASSES, StatusClass, open_q, returned_q, status_q


@dataclass
class TaskFilters:
    status: str = ""
    agency: int | None = None
    role: str = ""  # lead / coordinate / appraise, with `agency`
    area: str = ""
    phase: str = ""
    plan: int | None = None
    committee: int | None = None
    deadline_from: dt.date | None = None
    deadline_to: dt.date | None = None
    q: str = ""
    awaiting: bool = False
    obstacle: bool = False  # has an obstacle not yet resolved
    returned: bool = False  # a completion returned by the leader, not yet reported again
    appraisal: str = ""  # an `AppraisalState`: where the product stands with the appraiser
    key_item: bool = False  # key tasks (trọng tâm) only
    extra: dict = field(default_factory=dict)


def _task_list_queryset() -> TaskQuerySet:
    return Task.objects.select_related(
        "lead_agency", "plan__congress", "congress"
    ).prefetch_related(
        Prefetch(
            "assignments",
            queryset=TaskAssignment.objects.select_related("agency").order_by(
                "role", "agency__name"
            ),
        )
    )


# Key tasks (trọng tâm) first, then by deadline: the order of every task list.
# Undated tasks last on every database (PostgreSQL's default; SQLite's is first), so the keyset
# pages of `listing.py` see the same order as OFFSET pages and `task_list_order_live`.
KEY_FIRST = ("-key_item", F("deadline").asc(nulls_last=True), "id")


def tasks_visible_to(access: Access, filters: TaskFilters, today: dt.date) -> QuerySet[Task]:
    qs = _task_list_queryset().visible_to(access)
    if filters.status in StatusClass.values:
        qs = qs.filter(status_q(filters.status, today))
    elif filters.status == "open":
        qs = qs.filter(open_q())
    if filters.awaiting:
        qs = qs.filter(open_q(), reported_complete_on__isnull=False)
    if filters.obstacle:
        qs = qs.filter(pk__in=open_obstacles(access, limit=None).values("task_id"))
    if filters.returned:
        qs = qs.filter(returned_q())
    if filters.appraisal in AppraisalState.values:
        qs = qs.filter(appraisal_state=filters.appraisal)
    if filters.key_item:
        qs = qs.filter(key_item=True)
    if filters.agency:
        if filters.role:
            # A second join on assignments; for an agency officer the first already restricts.
            qs = qs.filter(
                pk__in=TaskAssignment.objects.filter(
                    agency_id=filters.agency, role=filters.role
                ).values("task_id")
            )
        else:
            qs = qs.filter(
                pk__in=TaskAssignment.objects.filter(agency_id=filters.agency).values("task_id")
            )
    if filters.area:
        qs = qs.filter(area=filters.area)
    if filters.phase:
        qs = qs.filter(phase=filters.phase)
    if filters.plan:
        qs = qs.filter(plan_id=filters.plan)
    if filters.committee:
        # A task given under a committee's plan is that committee's, unless it names another.
        qs = qs.filter(
            Q(committee_id=filters.committee)
            | Q(committee_id__isnull=True, plan__committee_id=filters.committee)
        )
    if filters.deadline_from:
        qs = qs.filter(deadline__gte=filters.deadline_from)
    if filters.deadline_to:
        qs = qs.filter(deadline__lte=filters.deadline_to)
    for word in fold(filters.q).split():
        qs = qs.filter(search_text__contains=word)
    return qs.order_by(*KEY_FIRST)


def agency_inbox(
    access: Access,
    agency: Agency,
    *,
    show_done: bool = False,
    returned_only: bool = False,
    appraisal_only: bool = False,
    key_only: bool = False,
):
    """The agency's tasks (leads, coordinates or appraises), read through assignment rows: the
    rows behind `Task.objects.assigned_to`. An agency officer reads only their own agency's.

    An agency belongs to one congress, so the agency is checked once here instead of joining
    every row to its task: the count then stays on the partial inbox index.
    """
    if agency.congress_id != access.congress.pk:
        return TaskAssignment.objects.none()
    if not access.sees_whole_congress and agency.pk != access.agency_id:
        return TaskAssignment.objects.none()
    rows = TaskAssignment.objects.filter(agency=agency, cancelled=False).select_related(
        "task", "task__lead_agency"
    )
    if not show_done:
        rows = rows.filter(accepted=False)
    if returned_only:
        # The assignment row's copy of the task's `returned_at`, so this stays on the inbox index.
        rows = rows.filter(returned=True, accepted=False)
    if appraisal_only:
        rows = rows.filter(appraisal_waiting_q())
    if key_only:
        rows = rows.filter(key_item=True)
    return rows.order_by("accepted", "-key_item", "deadline", "task_id")


def appraisal_waiting_q() -> Q:
    """Assignment rows whose agency appraises a task with a product waiting for its opinion."""
    return Q(
        role=TaskAssignment.Role.APPRAISE,
        accepted=False,
        task__appraisal_state=AppraisalState.PENDING,
        task__deleted_at__isnull=True,
    )


def appraisal_waiting_count(access: Access, agency: Agency) -> int:
    """How many products wait for the agency's appraisal opinion (the inbox's filter)."""
    return agency_inbox(access, agency, appraisal_only=True).count()


def status_counts(access: Access, today: dt.date, agency_id: int | None = None) -> dict[str, int]:
    """The status classes counted for the actor (of one lead agency if given), from the summary
    kept by the writes when `today` is today."""
    if not access.sees_whole_congress:
        if agency_id is not None and agency_id != access.agency_id:
            return _finish_counts(dict.fromkeys(summary.SUMMED, 0))
        agency_id = access.agency_id
    totals = dict.fromkeys(summary.SUMMED, 0)
    for row in summary.grouped_counts(access.congress.pk, today, agency_id, by=()):
        for key in summary.SUMMED:
            totals[key] += row[key] or 0
    return _finish_counts(totals)


def _finish_counts(counts: dict) -> dict:
    counts["open"] = counts[StatusClass.OPEN_ON_TIME] + counts[StatusClass.OPEN_OVERDUE]
    counts["done"] = counts[StatusClass.DONE_ON_TIME] + counts[StatusClass.DONE_LATE]
    counted = counts["open"] + counts["done"]
    counts["completion_rate"] = round(100 * counts["done"] / counted) if counted else 0
    return counts


@dataclass
class Dashboard:
    counts: dict[str, int]
    agencies_behind: list["AgencyRow"]
    areas: list[dict]


def dashboard_counts(access: Access, today: dt.date) -> Dashboard:
    """The dashboard's three tables from the summary cells kept by the writes, summed in SQL
    by lead agency and by area (two queries of a few hundred rows at most)."""
    from .models import Area

    keys = summary.SUMMED
    agency_id = None if access.sees_whole_congress else access.agency_id
    congress_id = access.congress.pk
    if today == local_today():  # two sums over the summary's cells
        by_agency = _fold(
            summary.grouped_counts(congress_id, today, agency_id, by=("lead_agency_id",)),
            "lead_agency_id",
        )
        by_area = _fold(summary.grouped_counts(congress_id, today, agency_id, by=("area",)), "area")
    else:  # one grouped scan of the tasks, folded both ways
        grouped = summary.grouped_counts(congress_id, today, agency_id)
        by_agency, by_area = _fold(grouped, "lead_agency_id"), _fold(grouped, "area")
    totals = {key: sum(row[key] for row in by_area.values()) for key in keys}
    behind_ids = [pk for pk, c in by_agency.items() if c[StatusClass.OPEN_OVERDUE]]
    agencies_behind = []
    if access.sees_whole_congress and behind_ids:
        agencies = Agency.objects.in_bulk(behind_ids)
        agencies_behind = sorted(
            (AgencyRow(agencies[pk], by_agency[pk]) for pk in behind_ids),
            key=lambda r: (-r.counts[StatusClass.OPEN_OVERDUE], r.agency.name),
        )[:10]
    areas = [{"area": area, "label": Area(area).label, **c} for area, c in by_area.items()]
    areas.sort(key=lambda r: (-r[StatusClass.OPEN_OVERDUE], r["label"]))
    return Dashboard(_finish_counts(totals), agencies_behind, areas)


def _fold(rows: list[dict[str, Any]], key: str) -> dict[Any, dict[str, int]]:
    """Rows of `summary.grouped_counts` summed by one of their keys."""
    folded: dict[Any, dict[str, int]] = {}
    for row in rows:
        sums = folded.setdefault(row[key], dict.fromkeys(summary.SUMMED, 0))
        for name in summary.SUMMED:
            sums[name] += row[name]
    return folded


@dataclass
class AgencyRow:
    agency: Agency
    counts: dict[str, int]

    @property
    def completion_rate(self) -> int:
        done = self.counts[StatusClass.DONE_ON_TIME] + self.counts[StatusClass.DONE_LATE]
        counted = sum(self.counts[s] for s in MAIN_CLASSES)
        return round(100 * done / counted) if counted else 0


def agency_table(access: Access, today: dt.date, *, behind_only: bool = False) -> list[AgencyRow]:
    """Tasks counted by lead agency (the summary cells), then joined to the agencies."""
    agency_id = None if access.sees_whole_congress else access.agency_id
    by_agency = {
        row.pop("lead_agency_id"): row
        for row in summary.grouped_counts(
            access.congress.pk, today, agency_id, by=("lead_agency_id",)
        )
    }
    if behind_only:
        by_agency = {k: v for k, v in by_agency.items() if v[StatusClass.OPEN_OVERDUE]}
    agencies = Agency.objects.filter(pk__in=by_agency.keys()).order_by("name")
    rows = [AgencyRow(agency, by_agency[agency.pk]) for agency in agencies]
    if behind_only:
        rows.sort(key=lambda r: -r.counts[StatusClass.OPEN_OVERDUE])
    return rows


def area_table(access: Access, today: dt.date) -> list[dict]:
    from .models import Area

    agency_id = None if access.sees_whole_congress else access.agency_id
    rows = [
        {**row, "label": Area(row["area"]).label}
        for row in summary.grouped_counts(access.congress.pk, today, agency_id, by=("area",))
    ]
    rows.sort(key=lambda r: (-r[StatusClass.OPEN_OVERDUE], r["label"]))
    return rows


def due_soon(access: Access, today: dt.date, days: int = 7, limit: int = 20) -> QuerySet[Task]:
    qs = (
        Task.objects.visible_to(access)
        .filter(
            open_q(),
            deadline__gte=today,
            deadline__lte=today + dt.timedelta(days=days),
            reported_complete_on__isnull=True,
        )
        .select_related("lead_agency")
    )
    return qs.order_by(*KEY_FIRST)[:limit]


def open_obstacles(access: Access, limit: int | None = 10) -> QuerySet[ProgressUpdate]:
    """Open obstacles the actor may see, newest first (the rule: `open_obstacle_q`)."""
    qs = (
        ProgressUpdate.objects.visible_to(access)
        .open_obstacles()
        .select_related("task", "agency", "author")
        .order_by("-created_at", "-id")
    )
    return qs[:limit] if limit else qs


def open_obstacle_count(access: Access) -> int:
    return ProgressUpdate.objects.visible_to(access).open_obstacles().count()


def open_conclusion_tasks(access: Access, limit: int = 10) -> QuerySet[Task]:
    """ "Kết luận chưa hoàn thành": tasks given by meeting conclusions that are still open.

    Driven from the congress's conclusions (few: one small query for their task ids), never a
    scan of the congress's tasks looking for a conclusion (the planner walked 100,000 tasks in
    list order for none). The conclusion model is reached through the relation, as planning
    does not import meetings."""
    conclusion = Task._meta.get_field("conclusion").related_model
    given = list(
        conclusion._default_manager.filter(
            meeting__congress_id=access.congress.pk, task__isnull=False
        ).values_list("task_id", flat=True)
    )
    if not given:
        return Task.objects.none()
    qs = (
        Task.objects.visible_to(access)
        .filter(open_q(), pk__in=given)
        .select_related("lead_agency", "conclusion__meeting")
    )
    return qs.order_by(*KEY_FIRST)[:limit]


def plans_of(access: Access) -> QuerySet[Plan]:
    return (
        Plan.objects.filter(congress=access.congress)
        .select_related("issuer", "parent", "committee", "congress")
        .annotate(task_count=Count("tasks"))
        .order_by("-issued_on", "-number")
    )


def task_updates(task: Task) -> QuerySet[ProgressUpdate]:
    return task.updates.select_related("agency", "author").prefetch_related("attachments")


def appraisal_rounds(task: Task) -> QuerySet[AppraisalRound]:
    """Every round of the task's appraisal, the latest first, with their files (two queries)."""
    return (
        AppraisalRound.objects.filter(task=task)
        .select_related("appraiser", "submitted_by", "decided_by")
        .prefetch_related("files")
        .order_by("-number")
    )


# Timeline -----------------------------------------------------------------------------------------


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


# Detailed plans (kế hoạch chi tiết) ------------------------------------------------------------


def _expecting_detailed(access: Access) -> TaskQuerySet:
    """Tasks that have or are due to have a detailed plan (not cancelled; finished ones only with
    their plan), counted for the actor: the whole congress, or what the officer's agency leads
    (a detailed plan is the lead's own)."""
    return (
        Task.objects.counted_for(access)
        .filter(expects_detailed_q(), cancelled=False)
        # A task finished without a detailed plan no longer needs one.
        .exclude(accepted=True, detailed_plan__isnull=True)
        .annotate(detailed_due=detailed_due_expr())
    )


def detailed_tasks(
    access: Access, today: dt.date, *, state: str = "", plan_id: int | None = None
) -> QuerySet[Task]:
    """The tasks and their detailed plans in one query, filtered by a `DetailedState`."""
    qs = _expecting_detailed(access).select_related(
        "lead_agency", "plan__congress", "detailed_plan"
    )
    if plan_id is not None:
        qs = qs.filter(plan_id=plan_id)
    if state in DetailedState.values:
        qs = qs.filter(detailed_state_q(state, today))
    return qs.order_by("lead_agency__name", *KEY_FIRST)


def detailed_counts(access: Access, today: dt.date) -> dict[str, int]:
    """How many tasks are in each `DetailedState`, in one query."""
    return _expecting_detailed(access).aggregate(
        **{
            state.value: Count("pk", filter=detailed_state_q(state, today))
            for state in DetailedState
        }
    )


@dataclass
class DetailedRow:
    """One task of a plan and where its lead agency's detailed plan stands."""

    task: Task
    detailed: DetailedPlan | None
    due: dt.date | None
    today: dt.date

    @property
    def state_label(self) -> str:
        return str(self.detailed.get_status_display()) if self.detailed else "Chưa lập"

    @property
    def state(self) -> str:
        return self.detailed.status if self.detailed else "none"

    @property
    def sent(self) -> bool:
        return self.detailed is not None and self.detailed.first_submitted_on is not None

    @property
    def late(self) -> bool:
        """Past its due date and never sent."""
        return not self.sent and self.due is not None and self.due < self.today

    @property
    def sent_late(self) -> bool:
        sent_on = self.detailed.first_submitted_on if self.detailed else None
        return sent_on is not None and self.due is not None and sent_on > self.due


@dataclass
class DetailedBoard:
    """A plan's detailed plans: one row per task; the lead agencies that have sent theirs for
    every task they lead, those that have not, and those late (past due unsent, or sent late)."""

    rows: list[DetailedRow]
    sent: list[Agency] = field(default_factory=list)
    not_sent: list[Agency] = field(default_factory=list)
    late: list[Agency] = field(default_factory=list)


def detailed_board(access: Access, plan: Plan, today: dt.date) -> DetailedBoard:
    """One query, whatever the number of tasks and agencies."""
    rows = [
        DetailedRow(task, detailed_plan_of(task), task.detailed_due, today)  # type: ignore[attr-defined]
        for task in detailed_tasks(access, today, plan_id=plan.pk)
    ]
    board = DetailedBoard(rows)
    by_agency: dict[int, list[DetailedRow]] = {}
    for row in rows:
        by_agency.setdefault(row.task.lead_agency_id, []).append(row)
    for agency_rows in by_agency.values():
        agency = agency_rows[0].task.lead_agency
        (board.sent if all(r.sent for r in agency_rows) else board.not_sent).append(agency)
        if any(r.late or r.sent_late for r in agency_rows):
            board.late.append(agency)
    return board
