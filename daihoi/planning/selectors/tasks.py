"""Task lists and the rows around a task, already restricted to what the actor may see."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet

from daihoi.core.text import fold
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from ..models import (
    AppraisalRound,
    AppraisalState,
    Plan,
    ProgressUpdate,
    Task,
    TaskAssignment,
    TaskQuerySet,
)
from ..status import StatusClass, open_q, returned_q, status_q


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
