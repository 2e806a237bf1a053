"""Meetings, their conclusions, and a conclusion given as a task."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import CursorPagination, paginate

from daihoi.core.exceptions import BusinessError
from daihoi.meetings import permissions, selectors, services
from daihoi.meetings.forms import ConclusionTaskForm
from daihoi.planning.permissions import access_task

from ..common import access, answers, form_data, gate, valid, write
from .planning import TaskOut

router = Router(tags=["Cuộc họp, kết luận"])

NOT_ALLOWED = "Bạn không có quyền thực hiện thao tác này."
ALREADY_TASKED = "Kết luận này đã được giao thành nhiệm vụ, không giao lại lần nữa."


class ConclusionOut(Schema):
    id: int
    number: int
    text: str
    task_id: int | None


class MeetingOut(Schema):
    id: int
    title: str
    kind: str
    status: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str
    committee_id: int | None
    chair_id: int | None


class MeetingDetail(MeetingOut):
    minutes: str
    conclusions: list[ConclusionOut]

    @staticmethod
    def resolve_conclusions(meeting) -> list:
        return list(meeting.conclusions.order_by("number"))


class ConclusionTaskIn(Schema):
    """The task a conclusion becomes; the deadline a date or "D-30"."""

    title: str
    lead_agency: int
    coordinating_agencies: list[int] | None = None
    deadline: str | None = None
    area: str
    phase: str


@router.get("/{congress_id}/meetings/", response=answers(list[MeetingOut]), summary="Cuộc họp")
@paginate(CursorPagination, ordering=("id",), page_size=50)
def meeting_list(request: HttpRequest, congress_id: int):
    return selectors.meetings_visible_to(access(request, congress_id)).order_by()


@router.get(
    "/{congress_id}/meetings/{meeting_id}/",
    response=answers(MeetingDetail),
    summary="Một cuộc họp, với các kết luận",
)
def meeting_detail(request: HttpRequest, congress_id: int, meeting_id: int):
    return permissions.access_meeting(access(request, congress_id), meeting_id)


@router.post(
    "/{congress_id}/meetings/{meeting_id}/conclusions/{conclusion_id}/task/",
    response=answers(TaskOut, 201),
    summary="Giao một kết luận thành nhiệm vụ",
)
def conclusion_task(
    request: HttpRequest,
    congress_id: int,
    meeting_id: int,
    conclusion_id: int,
    payload: ConclusionTaskIn,
) -> Status:
    acting = access(request, congress_id)
    conclusion = permissions.access_conclusion(acting, meeting_id, conclusion_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    if conclusion.task_id:
        raise BusinessError(ALREADY_TASKED)
    form = valid(ConclusionTaskForm(form_data(payload), congress=acting.congress))
    data = form.cleaned_data
    deadline, offset = data["deadline"]
    task = write(
        request,
        lambda: services.conclusion_to_task(
            access=acting,
            conclusion=conclusion,
            title=data["title"],
            lead_agency=data["lead_agency"],
            coordinating_agencies=list(data["coordinating_agencies"]),
            deadline=deadline,
            deadline_offset_days=offset,
            area=data["area"],
            phase=data["phase"],
        ),
    )
    return Status(201, access_task(acting, task.pk))
