"""Meetings, their conclusions, and a conclusion given as a task."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Schema, Status

from daihoi.core.exceptions import BusinessError
from daihoi.meetings import permissions, selectors, services
from daihoi.meetings.forms import (
    AgendaForm,
    ConclusionForm,
    ConclusionTaskForm,
    MeetingForm,
    RecordForm,
)
from daihoi.meetings.models import Attendance, Meeting
from daihoi.meetings.services import representative_field
from daihoi.organizations.permissions import access_committee
from daihoi.planning.permissions import access_task

from ..common import (
    access,
    answers,
    form_data,
    gate,
    listed,
    removal,
    removed,
    valid,
    versioned_put,
    write,
    write_versioned,
)
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


class AttendanceOut(Schema):
    person_id: int
    status: str


class AgencyAttendanceOut(Schema):
    agency_id: int
    status: str
    representative: str
    representative_title: str


class AgendaItemOut(Schema):
    position: int
    title: str
    origin: str
    source_update_id: int | None
    source_conclusion_id: int | None


class MeetingAttachmentOut(Schema):
    id: int
    original_name: str
    size: int
    content_type: str
    uploaded_at: dt.datetime


class MeetingDetail(MeetingOut):
    minutes: str
    version: int
    agenda: list[AgendaItemOut]
    attachments: list[MeetingAttachmentOut]
    invited_people: list[int]
    invited_agencies: list[int]
    attendance: list[AttendanceOut]
    agency_attendance: list[AgencyAttendanceOut]
    conclusions: list[ConclusionOut]

    @staticmethod
    def resolve_invited_people(meeting: Meeting) -> list[int]:
        return sorted(meeting.invited_people.values_list("pk", flat=True))

    @staticmethod
    def resolve_invited_agencies(meeting: Meeting) -> list[int]:
        return sorted(meeting.invited_agencies.values_list("pk", flat=True))

    @staticmethod
    def resolve_attendance(meeting: Meeting) -> list:
        return list(meeting.attendance.order_by("person_id"))

    @staticmethod
    def resolve_agency_attendance(meeting: Meeting) -> list:
        return list(meeting.agency_attendance.order_by("agency_id"))


class MeetingIn(Schema):
    """The page's form "Lên lịch cuộc họp": the date as dd/mm/yyyy or yyyy-mm-dd, times as
    hh:mm; `invited_agencies` the agencies' ids (or "g<id>" for a group)."""

    title: str
    kind: str
    committee: int | None = None
    date: str
    start_time: str
    end_time: str
    end_date: str | None = None
    place: str
    chair: int
    invited_people: list[int] | None = None
    invited_agencies: list[str] | None = None


class MeetingCreateIn(MeetingIn):
    """Its agenda too, as on the page: `agenda` the typed lines; `obstacles` and `follow_ups`
    the ids of what `GET …/meetings/agenda-proposals/` proposes, kept as agenda lines."""

    agenda: list[str] | None = None
    obstacles: list[int] | None = None
    follow_ups: list[int] | None = None


class MeetingUpdateIn(MeetingIn):
    version: int | None = None


class ProposalOut(Schema):
    id: int
    text: str


class AgendaProposalsOut(Schema):
    obstacles: list[ProposalOut]
    follow_ups: list[ProposalOut]


class AgencyPresenceIn(Schema):
    status: str
    representative: str | None = None
    representative_title: str | None = None


class RecordIn(Schema):
    """Who came and the minutes. `attendance`: person id → "present", "excused" or "absent"
    (a person left out keeps what was recorded, present by default); `agencies`: invited
    agency id → its presence ("represented" names the representative)."""

    minutes: str | None = None
    attendance: dict[int, str] | None = None
    agencies: dict[int, AgencyPresenceIn] | None = None


class ConclusionIn(Schema):
    text: str


class ConclusionTaskIn(Schema):
    """The task a conclusion becomes; the deadline a date or "D-30"."""

    title: str
    lead_agency: int
    coordinating_agencies: list[int] | None = None
    deadline: str | None = None
    area: str
    phase: str


class MeetingQuery(Schema):
    """The list's filters, as on the page: starting between two days (both included), and
    `mine` for the meetings the token's owner chairs or is invited to in person."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    mine: bool = False


@listed(router, "/{congress_id}/meetings/", MeetingOut, "Cuộc họp")
def meeting_list(request: HttpRequest, congress_id: int, filters: Query[MeetingQuery]):
    return selectors.meetings_listed(
        access(request, congress_id),
        starts_from=filters.date_from,
        starts_to=filters.date_to,
        mine=filters.mine,
    ).order_by()


# Before the meeting's own path, which would take its name for an id.
@router.get(
    "/{congress_id}/meetings/agenda-proposals/",
    response=answers(AgendaProposalsOut),
    summary="Nội dung đề xuất cho chương trình cuộc họp mới",
    description="Vướng mắc đơn vị nêu từ cuộc họp trước của tiểu ban và kết luận trước chưa "
    "hoàn thành (`committee` bỏ trống: cả Đại hội), như trang lên lịch cuộc họp đề xuất.",
)
def agenda_proposals(
    request: HttpRequest, congress_id: int, committee: int | None = None
) -> dict[str, Any]:
    acting = access(request, congress_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    chosen = access_committee(acting, committee) if committee else None
    proposed = AgendaForm.proposing(acting, None, chosen).proposed
    return {
        name: [{"id": pk, "text": text} for pk, text in rows] for name, rows in proposed.items()
    }


@router.get(
    "/{congress_id}/meetings/{meeting_id}/",
    response=answers(MeetingDetail),
    summary="Một cuộc họp, với các kết luận",
)
def meeting_detail(request: HttpRequest, congress_id: int, meeting_id: int):
    return permissions.access_meeting(access(request, congress_id), meeting_id)


def _detail(acting, meeting_id: int) -> Meeting:
    return permissions.access_meeting(acting, meeting_id)


def _meeting_form(acting, payload: MeetingIn) -> MeetingForm:
    return valid(MeetingForm(form_data(payload), congress=acting.congress))


@router.post(
    "/{congress_id}/meetings/", response=answers(MeetingDetail, 201), summary="Lên lịch cuộc họp"
)
def meeting_create(request: HttpRequest, congress_id: int, payload: MeetingCreateIn) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    form = _meeting_form(acting, payload)
    agenda_form = valid(
        AgendaForm.proposing(
            acting,
            {
                "agenda": "\n".join(payload.agenda or []),
                "obstacles": [str(pk) for pk in payload.obstacles or []],
                "follow_ups": [str(pk) for pk in payload.follow_ups or []],
            },
            form.cleaned_data.get("committee"),
        )
    )
    lines, obstacles, follow_ups = agenda_form.chosen()
    meeting = write(
        request,
        lambda: services.meeting_plan(
            access=acting,
            agenda=lines,
            proposed_obstacles=obstacles,
            proposed_conclusions=follow_ups,
            **form.service_kwargs(),
        ),
    )
    return Status(201, _detail(acting, meeting.pk))


@versioned_put(
    router, "/{congress_id}/meetings/{meeting_id}/", MeetingDetail, "Sửa thông tin cuộc họp"
)
def meeting_update(
    request: HttpRequest, congress_id: int, meeting_id: int, payload: MeetingUpdateIn
) -> Meeting:
    acting = access(request, congress_id)
    meeting = permissions.access_meeting(acting, meeting_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    form = _meeting_form(acting, payload)
    write_versioned(
        request,
        services.meeting_update,
        payload.version,
        access=acting,
        meeting=meeting,
        **form.service_kwargs(),
    )
    return _detail(acting, meeting_id)


@router.post(
    "/{congress_id}/meetings/{meeting_id}/cancel/",
    response=answers(MeetingDetail),
    summary="Hoãn, hủy cuộc họp chưa diễn ra",
)
def meeting_cancel(request: HttpRequest, congress_id: int, meeting_id: int) -> Meeting:
    acting = access(request, congress_id)
    meeting = permissions.access_meeting(acting, meeting_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    write(request, lambda: services.meeting_cancel(access=acting, meeting=meeting))
    return _detail(acting, meeting_id)


@removal(
    router,
    "/{congress_id}/meetings/{meeting_id}/",
    "Chuyển cuộc họp vào thùng rác (Thường trực / Văn phòng khôi phục được)",
)
def meeting_delete(request: HttpRequest, congress_id: int, meeting_id: int) -> Status:
    acting = access(request, congress_id)
    meeting = permissions.access_meeting(acting, meeting_id)
    return removed(request, lambda: services.meeting_delete(access=acting, meeting=meeting))


def _record_data(meeting: Meeting, current: dict[int, str], payload: RecordIn) -> dict[str, Any]:
    data: dict[str, Any] = {"minutes": payload.minutes or ""}
    given = payload.attendance or {}
    for person in selectors.record_people(meeting, current):
        data[f"p{person.pk}"] = given.get(
            person.pk, current.get(person.pk, Attendance.Status.PRESENT)
        )
    for agency_id, presence in (payload.agencies or {}).items():
        data[f"agency_{agency_id}"] = presence.status
        data[representative_field(agency_id)] = presence.representative or ""
        data[f"{representative_field(agency_id)}_title"] = presence.representative_title or ""
    return data


@router.post(
    "/{congress_id}/meetings/{meeting_id}/record/",
    response=answers(MeetingDetail),
    summary="Ghi nhận thành phần dự và biên bản cuộc họp",
)
def meeting_record(
    request: HttpRequest, congress_id: int, meeting_id: int, payload: RecordIn
) -> Meeting:
    acting = access(request, congress_id)
    meeting = permissions.access_meeting(acting, meeting_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    current = dict(meeting.attendance.values_list("person_id", "status"))
    form = valid(
        RecordForm(
            _record_data(meeting, current, payload),
            people=selectors.record_people(meeting, current),
            current=current,
            agencies=meeting.invited_agencies.order_by("name"),
            current_agencies={row.agency_id: row for row in meeting.agency_attendance.all()},
        )
    )
    write(
        request,
        lambda: services.meeting_record(
            access=acting,
            meeting=meeting,
            attendance=form.attendance(),
            agencies=form.agency_presence(),
            minutes=form.cleaned_data["minutes"],
        ),
    )
    return _detail(acting, meeting_id)


@router.post(
    "/{congress_id}/meetings/{meeting_id}/conclusions/",
    response=answers(ConclusionOut, 201),
    summary="Thêm một kết luận của cuộc họp",
)
def conclusion_add(
    request: HttpRequest, congress_id: int, meeting_id: int, payload: ConclusionIn
) -> Status:
    acting = access(request, congress_id)
    meeting = permissions.access_meeting(acting, meeting_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    form = valid(ConclusionForm({"text": payload.text}))
    text = form.cleaned_data["text"]
    conclusion = write(
        request, lambda: services.conclusion_add(access=acting, meeting=meeting, text=text)
    )
    return Status(201, conclusion)


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
    task = write(
        request,
        lambda: services.conclusion_to_task(
            access=acting, conclusion=conclusion, **form.task_kwargs()
        ),
    )
    return Status(201, access_task(acting, task.pk))
