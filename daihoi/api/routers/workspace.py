""" "Hôm nay" and "Trách nhiệm của tôi": the same selectors as the two pages, as JSON. Each
figure carries the address of the list page showing exactly its rows (the same filters are
the task list's query parameters in the API)."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from daihoi.core.dates import today as local_today
from daihoi.planning.models import Task
from daihoi.planning.status import StatusClass
from daihoi.workspace import duties
from daihoi.workspace.selectors import Figure, Today, today_for

from ..common import access, answers

router = Router(tags=["Hôm nay"])


class FigureOut(Schema):
    label: str
    count: int
    url: str
    tone: str


class TaskBrief(Schema):
    id: int
    title: str
    deadline: dt.date | None
    lead_agency_id: int
    status_class: str
    status_label: str


class CommitteeRowOut(Schema):
    committee_id: int | None
    committee_name: str
    overdue: int
    overdue_url: str
    awaiting: int
    awaiting_url: str


class RequestRowOut(Schema):
    request_id: int
    title: str
    deadline: dt.date
    waiting: int
    waiting_url: str
    missing: int
    missing_url: str


class MeetingBrief(Schema):
    id: int
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str


class TodayOut(Schema):
    """`role`: which board the user gets (`secretariat`, `leader` or `officer`)."""

    role: str
    date: dt.date
    days_until_opening: int | None
    figures: list[FigureOut]
    leaderless: FigureOut | None
    committees: list[CommitteeRowOut]
    requests: list[RequestRowOut]
    meetings_title: str
    meetings_url: str
    meetings: list[MeetingBrief]
    tasks_title: str
    tasks_url: str
    tasks: list[TaskBrief]


class MembershipDutyOut(Schema):
    committee_id: int
    committee_name: str
    role: str
    role_label: str
    duties: str
    areas: list[str]
    supervised_agency_ids: list[int]


class AgencyBrief(Schema):
    id: int
    name: str


class DutySectionOut(Schema):
    title: str
    total: int
    empty: str
    tasks: list[TaskBrief]


class MyDutiesOut(Schema):
    memberships: list[MembershipDutyOut]
    agencies_led: list[AgencyBrief]
    sections: list[DutySectionOut]


def _task(task: Task, status: StatusClass) -> dict[str, Any]:
    return {
        "id": task.pk,
        "title": task.title,
        "deadline": task.deadline,
        "lead_agency_id": task.lead_agency_id,
        "status_class": str(status.value),
        "status_label": str(status.label),
    }


def _figure(figure: Figure) -> dict[str, Any]:
    return {"label": figure.label, "count": figure.count, "url": figure.url, "tone": figure.tone}


def _today(board: Today, day: dt.date, days_left: int | None) -> dict[str, Any]:
    return {
        "role": board.role,
        "date": day,
        "days_until_opening": days_left,
        "figures": [_figure(f) for f in board.figures],
        "leaderless": _figure(board.leaderless) if board.leaderless else None,
        "committees": [
            {
                "committee_id": row.committee.pk if row.committee else None,
                "committee_name": row.committee.name if row.committee else "",
                "overdue": row.overdue,
                "overdue_url": row.overdue_url,
                "awaiting": row.awaiting,
                "awaiting_url": row.awaiting_url,
            }
            for row in board.committees
        ],
        "requests": [
            {
                "request_id": row.request.pk,
                "title": row.request.title,
                "deadline": row.request.deadline,
                "waiting": row.waiting,
                "waiting_url": row.waiting_url,
                "missing": row.missing,
                "missing_url": row.missing_url,
            }
            for row in board.requests
        ],
        "meetings_title": board.meetings_title,
        "meetings_url": board.meetings_url,
        "meetings": board.meetings,
        "tasks_title": board.tasks_title,
        "tasks_url": board.tasks_url,
        "tasks": [_task(task, status) for task, status in board.tasks],
    }


@router.get(
    "/{congress_id}/today/",
    response=answers(TodayOut),
    summary="Hôm nay: việc cần làm theo vai trò, với số liệu và địa chỉ danh sách",
)
def today(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    acting = access(request, congress_id)
    day = local_today()
    return _today(today_for(acting, day), day, acting.congress.days_until_opening(day))


@router.get(
    "/{congress_id}/my-duties/",
    response=answers(MyDutiesOut),
    summary="Trách nhiệm của tôi: tiểu ban, nhiệm vụ được phân công và các nhiệm vụ liên quan",
)
def my_duties(request: HttpRequest, congress_id: int) -> dict[str, Any]:
    acting = access(request, congress_id)
    mine = duties.my_duties(acting, local_today())
    return {
        "memberships": [
            {
                "committee_id": m.committee_id,
                "committee_name": m.committee.name,
                "role": m.role,
                "role_label": m.get_role_display(),
                "duties": m.duties,
                "areas": list(m.areas),
                "supervised_agency_ids": [a.pk for a in m.supervised_agencies.all()],
            }
            for m in mine.memberships
        ],
        "agencies_led": mine.agencies_led,
        "sections": [
            {
                "title": s.title,
                "total": s.total,
                "empty": s.empty,
                "tasks": [_task(task, status) for task, status in s.rows],
            }
            for s in mine.sections
        ],
    }
