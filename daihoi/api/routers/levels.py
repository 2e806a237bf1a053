"""What came from above: the guidance a congress above sent this congress (read by its people,
an agency's officer seeing only its own agency's tasks), and the reports the congresses above
asked of it, read by its secretariat and leaders and sent (again, after a return) by its
secretariat."""

import datetime as dt

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Field, File, Form, Router, Schema, UploadedFile

from daihoi.levels import permissions, selectors
from daihoi.levels.models import GuidanceRecipient, ReportRecipient
from daihoi.organizations.permissions import Access
from daihoi.reporting.models import SubmissionFile

from ..common import access, answers, gate, listed
from .reporting import ReportRequestOut, SubmissionOut, SubmitIn, send_submission

router = Router(tags=["Các cấp Đại hội"])


class AskingCongressOut(Schema):
    id: int
    name: str


class ReportFromAboveOut(Schema):
    """One request of a congress above to this congress, and this congress's answer."""

    id: int
    congress: AskingCongressOut = Field(alias="request.congress")
    request: ReportRequestOut
    submission: SubmissionOut


class ReceivedGuidanceOut(Schema):
    id: int
    congress: AskingCongressOut = Field(alias="guidance.congress")
    guidance_id: int
    title: str = Field(alias="guidance.title")
    kind: str = Field(alias="guidance.kind")
    symbol: str = Field(alias="guidance.symbol")
    delivered_at: dt.datetime | None
    task_count: int | None = None
    open_count: int | None = None
    notice_count: int | None = None


class ReceivedTaskOut(Schema):
    """A task of the guidance made in this congress: progress is reported on the task itself."""

    task_id: int
    title: str = Field(alias="task.title")
    lead_agency_id: int = Field(alias="task.lead_agency_id")
    deadline: dt.date | None = Field(alias="task.deadline")
    item_title: str = Field(alias="item.title")


class NoticeOut(Schema):
    text: str
    applied: bool
    created_at: dt.datetime


class ReceivedGuidanceDetailOut(Schema):
    id: int
    congress: AskingCongressOut
    guidance_id: int
    title: str
    kind: str
    symbol: str
    delivered_at: dt.datetime | None
    summary: str
    tasks: list[ReceivedTaskOut]
    notices: list[NoticeOut]


def _readers(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(acting.sees_whole_congress, permissions.READERS_ONLY)
    return acting


def _with_files(recipients: QuerySet[ReportRecipient]) -> QuerySet[ReportRecipient]:
    return recipients.prefetch_related(
        Prefetch("submission__files", queryset=SubmissionFile.objects.order_by("id"))
    )


def _one(acting: Access, report_recipient_id: int) -> ReportRecipient:
    found = permissions.access_report_received(acting, report_recipient_id)
    return _with_files(selectors.reports_received(acting)).get(pk=found.pk)


@listed(
    router,
    "/{congress_id}/reports-from-above/",
    ReportFromAboveOut,
    "Yêu cầu báo cáo của Đại hội cấp trên gửi Đại hội này",
)
def reports_from_above(request: HttpRequest, congress_id: int) -> QuerySet[ReportRecipient]:
    return _with_files(selectors.reports_received(_readers(request, congress_id))).order_by()


@router.get(
    "/{congress_id}/reports-from-above/{report_recipient_id}/",
    response=answers(ReportFromAboveOut),
    summary="Một yêu cầu của cấp trên, với báo cáo của Đại hội này",
)
def report_from_above(
    request: HttpRequest, congress_id: int, report_recipient_id: int
) -> ReportRecipient:
    return _one(_readers(request, congress_id), report_recipient_id)


@router.post(
    "/{congress_id}/reports-from-above/{report_recipient_id}/submit/",
    response=answers(ReportFromAboveOut),
    summary="Gửi (hoặc gửi lại sau khi cấp trên trả lại) báo cáo lên cấp trên (multipart)",
    description="`values`: một giá trị cho mỗi cột của bảng số liệu, theo thứ tự; `files`: "
    "tệp đính kèm. Cấp trên trả lại bằng `POST …/submissions/{submission_id}/return/` trong "
    "Đại hội của mình.",
)
def report_from_above_submit(
    request: HttpRequest,
    congress_id: int,
    report_recipient_id: int,
    payload: Form[SubmitIn],
    files: File[list[UploadedFile]] | None = None,
) -> ReportRecipient:
    acting = _readers(request, congress_id)
    recipient = permissions.access_report_received(acting, report_recipient_id)
    gate(permissions.can_answer_report(acting), permissions.ANSWER_ONLY)
    send_submission(request, acting, recipient.submission, payload)
    return _one(acting, report_recipient_id)


@listed(
    router,
    "/{congress_id}/guidances-received/",
    ReceivedGuidanceOut,
    "Hướng dẫn Đại hội cấp trên gửi Đại hội này (mới nhất trước)",
    ordering=("-id",),
)
def guidances_received(request: HttpRequest, congress_id: int) -> QuerySet[GuidanceRecipient]:
    return selectors.received_by(_readers(request, congress_id)).order_by()


@router.get(
    "/{congress_id}/guidances-received/{recipient_id}/",
    response=answers(ReceivedGuidanceDetailOut),
    summary="Một hướng dẫn đã nhận: các nhiệm vụ giao cho Đại hội này và thông báo thay đổi",
    description="Cán bộ đầu mối của một cơ quan chỉ thấy nhiệm vụ cơ quan mình chủ trì.",
)
def guidance_received(request: HttpRequest, congress_id: int, recipient_id: int) -> dict:
    acting = access(request, congress_id)
    recipient = permissions.access_received(acting, recipient_id)
    links = selectors.received_tasks(recipient)
    if not acting.sees_whole_congress:
        links = [t for t in links if t.task.lead_agency_id == acting.agency_id]
    guidance = recipient.guidance
    return {
        "id": recipient.pk,
        "congress": guidance.congress,
        "guidance_id": guidance.pk,
        "title": guidance.title,
        "kind": guidance.kind,
        "symbol": guidance.symbol,
        "delivered_at": recipient.delivered_at,
        "summary": guidance.summary,
        "tasks": links,
        "notices": list(recipient.notices.all()[:50]),
    }
