"""What the planning endpoints send and take."""

import datetime as dt
from typing import Literal

from ninja import Schema

from daihoi.core.dates import today as local_today
from daihoi.planning.models import Task


class AgencyRef(Schema):
    id: int
    name: str
    short_name: str


class AssignmentOut(Schema):
    agency: AgencyRef
    role: str


class TaskOut(Schema):
    id: int
    congress_id: int
    plan_id: int | None
    committee_id: int | None
    parent_id: int | None
    title: str
    description: str
    lead_agency: AgencyRef
    assignments: list[AssignmentOut]
    area: str
    phase: str
    start_date: dt.date | None
    deadline: dt.date | None
    deadline_offset_days: int | None
    progress: int
    key_item: bool
    status_class: str
    status_label: str
    reported_complete_on: dt.date | None
    accepted: bool
    accepted_at: dt.datetime | None
    returned_at: dt.datetime | None
    return_comment: str
    appraisal_state: str
    paused: bool
    cancelled: bool
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @staticmethod
    def resolve_status_class(task: Task) -> str:
        return str(task.status_class(local_today()).value)

    @staticmethod
    def resolve_status_label(task: Task) -> str:
        return str(task.status_class(local_today()).label)


class TaskIn(Schema):
    """A task as the secretariat gives it; dates as yyyy-mm-dd or dd/mm/yyyy, the deadline
    also relative to the opening day ("D-30")."""

    title: str
    description: str | None = None
    lead_agency: int
    coordinating_agencies: list[int] | None = None
    appraising_agency: int | None = None
    leader_in_charge: int | None = None
    area: str
    phase: str
    start_date: str | None = None
    deadline: str | None = None
    plan: int | None = None
    committee: int | None = None
    parent: int | None = None
    detailed_plan_due: str | None = None
    key_item: bool | None = None


class TaskUpdateIn(TaskIn):
    version: int | None = None


class TaskQuery(Schema):
    """The task list's filters, as on the page: status class ("open" for every open one),
    agency (and its role), area, phase, plan, committee, deadline range, search (diacritics
    ignored) and the flags."""

    q: str | None = None
    status: str | None = None
    agency: int | None = None
    role: str | None = None
    area: str | None = None
    phase: str | None = None
    plan: int | None = None
    committee: int | None = None
    deadline_from: str | None = None
    deadline_to: str | None = None
    awaiting: bool | None = None
    returned: bool | None = None
    obstacle: bool | None = None
    appraisal: str | None = None
    key_item: bool | None = None


class AttachmentOut(Schema):
    id: int
    original_name: str
    size: int
    content_type: str


class ProgressOut(Schema):
    id: int
    task_id: int
    agency: AgencyRef | None
    author_id: int | None
    text: str
    percent: int
    obstacle: str
    obstacle_resolved: bool
    reports_completion: bool
    created_at: dt.datetime
    attachments: list[AttachmentOut]


class ProgressIn(Schema):
    text: str
    percent: int
    obstacle: str | None = None
    reports_completion: bool | None = None


class ReviewIn(Schema):
    decision: Literal["accept", "return"]
    comment: str | None = None


class HaltIn(Schema):
    """`paused` (tạm dừng), `cancelled` (hủy) or `active` (tiếp tục), with the reason."""

    state: str
    reason: str | None = None


class ResolveIn(Schema):
    note: str | None = None


class PlanOut(Schema):
    id: int
    congress_id: int
    number: int
    issuer_code: str
    issuer_id: int | None
    symbol: str
    issued_on: dt.date
    subject: str
    committee_id: int | None
    parent_id: int | None
    detailed_plan_due: dt.date | None
    version: int


class PlanIn(Schema):
    number: int
    issuer_code: str
    issuer: int | None = None
    issued_on: str
    subject: str
    committee: int | None = None
    parent: int | None = None
    detailed_plan_due: str | None = None


class PlanUpdateIn(PlanIn):
    version: int | None = None


class AreaCounts(Schema):
    area: str
    label: str
    counts: dict[str, int]


class AgencyCounts(Schema):
    agency: AgencyRef
    counts: dict[str, int]


class DueSoonOut(Schema):
    id: int
    title: str
    deadline: dt.date | None
    lead_agency: AgencyRef


class OpenConclusionOut(Schema):
    """A task given by a meeting's conclusion and still open ("Kết luận chưa hoàn thành")."""

    id: int
    title: str
    deadline: dt.date | None
    lead_agency: AgencyRef
    conclusion_id: int
    conclusion_number: int
    meeting_id: int
    meeting_title: str


class DashboardOut(Schema):
    """The dashboard page's figures and lists: tasks due in the next 7 days and the open tasks
    of conclusions, as many as the page shows; the open obstacles are `/obstacles/`."""

    today: dt.date
    days_until_opening: int | None
    counts: dict[str, int]
    areas: list[AreaCounts]
    agencies_behind: list[AgencyCounts]
    open_obstacles: int
    due_soon: list[DueSoonOut]
    open_conclusions: list[OpenConclusionOut]
