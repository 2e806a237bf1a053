"""The history of a record, as its page shows it under "Lịch sử": every change, who made it and
when, newest first, with the fields an edit changed. The record is reached through the same
access function as its detail, so a record one may not open has no history either (404)."""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import CursorPagination, paginate

from daihoi.budget.permissions import access_estimate
from daihoi.core.audit import history_of
from daihoi.core.models import AuditEntry
from daihoi.documents.permissions import access_document, access_incoming
from daihoi.meetings.permissions import access_meeting
from daihoi.planning.permissions import access_plan, access_task
from daihoi.reporting.permissions import access_submission
from daihoi.reporting.selectors import submission_history as submission_trail

from ..common import access, answers

router = Router(tags=["Lịch sử thay đổi"])


class HistoryEntryOut(Schema):
    """`changes`: for an edit, [tên trường, giá trị cũ, giá trị mới] for each field changed."""

    id: int
    created_at: dt.datetime
    actor: str
    action: str
    label: str
    reason: str
    changes: list[list[str]]

    @staticmethod
    def resolve_actor(entry: AuditEntry) -> str:
        return entry.actor.display_name if entry.actor else "Hệ thống"

    @staticmethod
    def resolve_changes(entry: AuditEntry) -> list[list[str]]:
        return [[str(part) for part in row] for row in entry.data.get("changes", [])]


def _history(path: str, summary: str):
    def route(view):
        return router.get(path, response=answers(list[HistoryEntryOut]), summary=summary)(
            paginate(CursorPagination, ordering=("-id",), page_size=50)(view)
        )

    return route


@_history("/{congress_id}/tasks/{task_id}/history/", "Lịch sử nhiệm vụ, kể cả các báo cáo tiến độ")
def task_history(request: HttpRequest, congress_id: int, task_id: int) -> QuerySet[AuditEntry]:
    task = access_task(access(request, congress_id), task_id)
    return history_of(task, *task.updates.only("pk"))


@_history("/{congress_id}/plans/{plan_id}/history/", "Lịch sử kế hoạch")
def plan_history(request: HttpRequest, congress_id: int, plan_id: int) -> QuerySet[AuditEntry]:
    return history_of(access_plan(access(request, congress_id), plan_id))


@_history("/{congress_id}/meetings/{meeting_id}/history/", "Lịch sử cuộc họp và các kết luận")
def meeting_history(
    request: HttpRequest, congress_id: int, meeting_id: int
) -> QuerySet[AuditEntry]:
    meeting = access_meeting(access(request, congress_id), meeting_id)
    return history_of(meeting, *meeting.conclusions.only("pk"))


@_history("/{congress_id}/documents/{document_id}/history/", "Lịch sử văn bản đi")
def document_history(
    request: HttpRequest, congress_id: int, document_id: int
) -> QuerySet[AuditEntry]:
    return history_of(access_document(access(request, congress_id), document_id))


@_history("/{congress_id}/incoming/{incoming_id}/history/", "Lịch sử văn bản đến")
def incoming_history(
    request: HttpRequest, congress_id: int, incoming_id: int
) -> QuerySet[AuditEntry]:
    return history_of(access_incoming(access(request, congress_id), incoming_id))


@_history("/{congress_id}/estimates/{estimate_id}/history/", "Lịch sử dự trù kinh phí")
def estimate_history(
    request: HttpRequest, congress_id: int, estimate_id: int
) -> QuerySet[AuditEntry]:
    return history_of(access_estimate(access(request, congress_id), estimate_id))


@_history(
    "/{congress_id}/submissions/{submission_id}/history/",
    "Lịch sử báo cáo của đơn vị (kể cả yêu cầu báo cáo)",
)
def submission_history(
    request: HttpRequest, congress_id: int, submission_id: int
) -> QuerySet[AuditEntry]:
    return submission_trail(access_submission(access(request, congress_id), submission_id))
