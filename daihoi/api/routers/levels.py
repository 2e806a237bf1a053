"""Reports up the tree of congresses: what the congresses above asked this congress to report,
read by its secretariat and leaders and sent (again, after a return) by its secretariat."""

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import File, Form, Router, Schema, UploadedFile
from ninja.pagination import CursorPagination, paginate

from daihoi.levels import permissions, selectors
from daihoi.levels.models import ReportRecipient
from daihoi.organizations.permissions import Access
from daihoi.reporting.models import SubmissionFile

from ..common import access, answers, gate
from .reporting import ReportRequestOut, SubmissionOut, SubmitIn, send_submission

router = Router(tags=["Các cấp Đại hội"])


class AskingCongressOut(Schema):
    id: int
    name: str


class ReportFromAboveOut(Schema):
    """One request of a congress above to this congress, and this congress's answer."""

    id: int
    congress: AskingCongressOut
    request: ReportRequestOut
    submission: SubmissionOut

    @staticmethod
    def resolve_congress(recipient: ReportRecipient) -> object:
        return recipient.request.congress


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


@router.get(
    "/{congress_id}/reports-from-above/",
    response=answers(list[ReportFromAboveOut]),
    summary="Yêu cầu báo cáo của Đại hội cấp trên gửi Đại hội này",
)
@paginate(CursorPagination, ordering=("id",), page_size=50)
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
