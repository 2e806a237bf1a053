"""The planning pages not yet behind JSON: an agency's inbox and task counts, the timelines of a
plan and of a committee, and the congress's new dates (relative deadlines follow); the pages'
selectors, forms, predicates and services."""

import datetime as dt

from django.db.models import Count, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema

from daihoi.core.dates import today as local_today
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access, access_agency, access_committee
from daihoi.planning import permissions, selectors, services
from daihoi.planning.forms import RescheduleForm
from daihoi.planning.models import TaskAssignment

from ..common import access, answers, form_data, gate, listed, valid, write
from ..errors import FieldErrors
from .planning_schemas import AgencyRef

router = Router(tags=["Kế hoạch, nhiệm vụ"])

ONLY_SECRETARIAT_RESCHEDULES = "Chỉ Thường trực / Văn phòng mới được đổi ngày Đại hội."
NO_AGENCY = "Tài khoản này không thuộc cơ quan, đơn vị nào; hãy chọn đơn vị (agency)."


class InboxQuery(Schema):
    """As the page "Đơn vị của tôi": `agency` another agency's tasks (those who see the whole
    congress; an officer: only their own), `done` the completed ones too, `returned` only those
    returned, `appraisal` only the products waiting for the agency's opinion, `key` only the key
    items."""

    agency: int | None = None
    done: bool = False
    returned: bool = False
    appraisal: bool = False
    key: bool = False


class InboxRowOut(Schema):
    """One task of the agency, through the agency's part in it (lead, coordinate, appraise)."""

    id: int
    task_id: int
    title: str = Field(alias="task.title")
    role: str
    deadline: dt.date | None
    key_item: bool
    returned: bool
    accepted: bool
    status_class: str

    @staticmethod
    def resolve_status_class(row: TaskAssignment) -> str:
        return str(row.task.status_class(local_today()).value)


class AgencyTasksOut(Schema):
    agency: AgencyRef
    counts: dict[str, int]
    role_counts: dict[str, int]
    appraisal_waiting: int


class AgencyRowOut(Schema):
    agency: AgencyRef
    counts: dict[str, int]
    completion_rate: int


class TimelineRowOut(Schema):
    task_id: int
    title: str
    lead_agency: AgencyRef | None
    start_date: dt.date | None
    deadline: dt.date | None
    status_class: str


class TimelinePhaseOut(Schema):
    phase: str
    label: str
    rows: list[TimelineRowOut]


class TimelineOut(Schema):
    """The tasks grouped by phase, by deadline, as on the timeline page."""

    start: dt.date
    end: dt.date
    opening_date: dt.date | None
    total: int
    phases: list[TimelinePhaseOut]


class RescheduleIn(Schema):
    """The new opening (and closing) day, dd/mm/yyyy or yyyy-mm-dd; `move_starts` moves a task's
    start to its new deadline where the deadline would fall before it."""

    opening_date: str
    closing_date: str | None = None
    move_starts: bool = False


class RescheduleOut(Schema):
    opening_date: dt.date
    closing_date: dt.date | None
    moved: int


def _counts(counts: dict) -> dict[str, int]:
    return {str(k): int(v) for k, v in counts.items() if isinstance(v, int)}


def _inbox_agency(acting: Access, agency_id: int | None) -> Agency:
    chosen = agency_id if agency_id is not None else acting.agency_id
    if chosen is None:
        raise FieldErrors({"agency": [NO_AGENCY]})
    agency = access_agency(acting, chosen)
    if not acting.sees_whole_congress and acting.agency_id != agency.pk:
        raise Http404
    return agency


@listed(
    router,
    "/{congress_id}/inbox/",
    InboxRowOut,
    "Nhiệm vụ của một đơn vị (mặc định: đơn vị của mình)",
    description="Sắp theo id (con trỏ); trang đơn vị sắp theo hạn.",
    max_page_size=200,
)
def agency_inbox(
    request: HttpRequest, congress_id: int, filters: Query[InboxQuery]
) -> QuerySet[TaskAssignment]:
    acting = access(request, congress_id)
    agency = _inbox_agency(acting, filters.agency)
    rows = selectors.agency_inbox(
        acting,
        agency,
        show_done=filters.done,
        returned_only=filters.returned,
        appraisal_only=filters.appraisal,
        key_only=filters.key,
    )
    return rows.order_by()


@router.get(
    "/{congress_id}/agency-tasks/",
    response=answers(list[AgencyRowOut]),
    summary="Số nhiệm vụ theo đơn vị chủ trì (đơn vị: của mình)",
)
def agency_table(request: HttpRequest, congress_id: int) -> list[dict]:
    acting = access(request, congress_id)
    rows = selectors.agency_table(acting, local_today())
    return [
        {"agency": r.agency, "counts": _counts(r.counts), "completion_rate": r.completion_rate}
        for r in rows
    ]


@router.get(
    "/{congress_id}/agency-tasks/{agency_id}/",
    response=answers(AgencyTasksOut),
    summary="Một đơn vị: số nhiệm vụ theo tình trạng và theo vai trò",
    description="Danh sách nhiệm vụ của đơn vị: `GET …/inbox/?agency=<id>&done=true`.",
)
def agency_tasks(request: HttpRequest, congress_id: int, agency_id: int) -> dict:
    acting = access(request, congress_id)
    agency = _inbox_agency(acting, agency_id)
    role_counts = (
        agency.assignments.filter(task__congress=acting.congress, cancelled=False)
        .values("role")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        "agency": agency,
        "counts": _counts(selectors.status_counts(acting, local_today(), agency_id=agency.pk)),
        "role_counts": {r["role"]: r["n"] for r in role_counts},
        "appraisal_waiting": selectors.appraisal_waiting_count(acting, agency),
    }


def _timeline(acting: Access, filters: selectors.TaskFilters) -> dict:
    timeline = selectors.task_timeline(acting, filters, local_today())
    return {
        "start": timeline.start,
        "end": timeline.end,
        "opening_date": acting.congress.opening_date,
        "total": timeline.total,
        "phases": [
            {
                "phase": p.phase,
                "label": p.label,
                "rows": [
                    {
                        "task_id": r.task.pk,
                        "title": r.task.title,
                        "lead_agency": r.task.lead_agency,
                        "start_date": r.task.start_date,
                        "deadline": r.task.deadline,
                        "status_class": str(r.status.value),
                    }
                    for r in p.rows
                ],
            }
            for p in timeline.phases
        ],
    }


@router.get(
    "/{congress_id}/plans/{plan_id}/timeline/",
    response=answers(TimelineOut),
    summary="Dòng thời gian các nhiệm vụ của một kế hoạch",
)
def plan_timeline(request: HttpRequest, congress_id: int, plan_id: int) -> dict:
    acting = access(request, congress_id)
    plan = permissions.access_plan(acting, plan_id)
    return _timeline(acting, selectors.TaskFilters(plan=plan.pk))


@router.get(
    "/{congress_id}/committees/{committee_id}/timeline/",
    response=answers(TimelineOut),
    summary="Dòng thời gian các nhiệm vụ của một tiểu ban",
)
def committee_timeline(request: HttpRequest, congress_id: int, committee_id: int) -> dict:
    acting = access(request, congress_id)
    committee = access_committee(acting, committee_id)
    return _timeline(acting, selectors.TaskFilters(committee=committee.pk))


@router.post(
    "/{congress_id}/schedule/",
    response=answers(RescheduleOut),
    summary="Đổi ngày khai mạc, bế mạc: các hạn tính theo ngày khai mạc dời theo",
)
def congress_reschedule(request: HttpRequest, congress_id: int, payload: RescheduleIn) -> dict:
    acting = access(request, congress_id)
    gate(acting.can_manage, ONLY_SECRETARIAT_RESCHEDULES)
    data = valid(RescheduleForm(form_data(payload))).cleaned_data
    moved = write(request, lambda: services.congress_reschedule(access=acting, **data))
    return {
        "opening_date": data["opening_date"],
        "closing_date": data["closing_date"],
        "moved": moved,
    }
