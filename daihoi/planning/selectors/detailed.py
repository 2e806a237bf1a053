"""Detailed plans (kế hoạch chi tiết): the tasks expecting one and where each stands."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet

from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access

from ..models import (
    DetailedPlan,
    DetailedState,
    Plan,
    Task,
    TaskQuerySet,
    detailed_due_expr,
    detailed_plan_of,
    detailed_state_q,
    expects_detailed_q,
)
from .tasks import KEY_FIRST


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
