"""Report requests and their submissions: asked by the secretariat, sent by the agencies'
officers, returned by the secretariat; read as the pages read them."""

import datetime as dt
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse, HttpRequest
from ninja import File, Form, Router, Schema, Status, UploadedFile

from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.views import stored_file
from daihoi.organizations.permissions import Access
from daihoi.reporting import permissions, selectors, services
from daihoi.reporting.forms import (
    ReportRequestForm,
    ReturnForm,
    StateFilterForm,
    SubmissionForm,
)
from daihoi.reporting.models import (
    ReportRequest,
    ReportSubmission,
    SubmissionFile,
    submission_state_q,
)

from ..common import Detail, access, answers, gate, listed, valid, write

router = Router(tags=["Báo cáo"])

ONLY_SECRETARIAT_ASKS = "Chỉ Thường trực / Văn phòng mới yêu cầu báo cáo."
ONLY_OWN_AGENCY_SENDS = "Chỉ đầu mối của đơn vị được gửi báo cáo của đơn vị mình."
ALREADY_SENT = "Báo cáo đã gửi; chỉ sửa được khi Văn phòng trả lại."
ONLY_SECRETARIAT_RETURNS = "Chỉ Thường trực / Văn phòng trả lại báo cáo."


class ReportRequestOut(Schema):
    id: int
    title: str
    instructions: str
    deadline: dt.date
    columns: list[Any]
    has_template: bool
    created_at: dt.datetime

    @staticmethod
    def resolve_has_template(report_request: ReportRequest) -> bool:
        return bool(report_request.template_file)


class SubmissionFileOut(Schema):
    id: int
    original_name: str
    size: int
    content_type: str


class SubmissionOut(Schema):
    id: int
    request_id: int
    agency_id: int
    status: str
    state: str
    text: str
    values: list[Any]
    submitted_on: dt.date | None
    return_comment: str
    version: int
    files: list[SubmissionFileOut]

    @staticmethod
    def resolve_state(submission: ReportSubmission) -> str:
        return str(submission.state(local_today()).value)


class ReportRequestIn(Schema):
    """The page's form "Yêu cầu báo cáo": the deadline as dd/mm/yyyy or yyyy-mm-dd; `agencies`
    the agencies' ids (or "g<id>" for an agency group); `columns` one column a line, "| số"
    for a number column, "| không bắt buộc" for one an agency may leave empty."""

    title: str
    deadline: str
    instructions: str | None = None
    agencies: list[str]
    columns: str | None = None


class SubmitIn(Schema):
    """The report's text and one value per column of the request's table, in order."""

    text: str | None = None
    values: list[str] | None = None


class ReturnIn(Schema):
    comment: str


def submissions() -> QuerySet[ReportSubmission]:
    return ReportSubmission.objects.select_related("request").prefetch_related(
        Prefetch("files", queryset=SubmissionFile.objects.order_by("id"))
    )


STATE_NOTE = (
    "`state`: chỉ những báo cáo ở tình hình đó (`on_time` đã gửi đúng hạn, `late` đã gửi quá "
    "hạn, `waiting` chưa gửi, còn hạn, `missing` chưa gửi, quá hạn) — như bộ lọc “Tình hình” "
    "của trang."
)


def _state(state: str) -> str:
    """The page's state filter as the validator: an unknown state is refused in its words."""
    return str(valid(StateFilterForm({"state": state})).cleaned_data["state"])


@listed(
    router,
    "/{congress_id}/report-requests/",
    ReportRequestOut,
    "Yêu cầu báo cáo (đơn vị: những yêu cầu gửi đơn vị mình)",
    description=STATE_NOTE + " Với đơn vị: tình hình báo cáo của chính đơn vị.",
)
def report_request_list(
    request: HttpRequest, congress_id: int, state: str = ""
) -> QuerySet[ReportRequest]:
    acting = access(request, congress_id)
    wanted = _state(state)
    requests = ReportRequest.objects.filter(congress=acting.congress)
    if acting.sees_whole_congress:
        if wanted:
            asked = ReportSubmission.objects.filter(submission_state_q(wanted, local_today()))
            requests = requests.filter(pk__in=asked.values("request_id"))
        return requests
    own = selectors.submissions_of_agency(acting, acting.agency_id or 0)
    if wanted:
        own = own.filter(submission_state_q(wanted, local_today()))
    return requests.filter(pk__in=own.order_by().values("request_id"))


@router.post(
    "/{congress_id}/report-requests/",
    response=answers(ReportRequestOut, 201),
    summary="Yêu cầu các đơn vị báo cáo (multipart, kèm mẫu nếu có)",
    description="Mỗi đơn vị được yêu cầu có một báo cáo chờ gửi và được thông báo.",
)
def report_request_create(
    request: HttpRequest,
    congress_id: int,
    payload: Form[ReportRequestIn],
    template: File[UploadedFile] | None = None,
) -> Status:
    acting = access(request, congress_id)
    gate(permissions.can_manage_requests(acting), ONLY_SECRETARIAT_ASKS)
    form = valid(ReportRequestForm(request.POST, request.FILES, congress=acting.congress))
    data = form.cleaned_data
    created = write(
        request,
        lambda: services.report_request_create(
            access=acting,
            title=data["title"],
            deadline=data["deadline"],
            agencies=list(data["agencies"]),
            instructions=data["instructions"],
            columns=data["columns"],
            template=data["template"],
        ),
    )
    return Status(201, permissions.access_report_request(acting, created.pk))


@router.get(
    "/{congress_id}/report-requests/{request_id}/",
    response=answers(ReportRequestOut),
    summary="Một yêu cầu báo cáo",
)
def report_request_detail(request: HttpRequest, congress_id: int, request_id: int):
    return permissions.access_report_request(access(request, congress_id), request_id)


@router.get(
    "/{congress_id}/report-requests/{request_id}/template/",
    response=answers(Detail),
    summary="Tải mẫu báo cáo của yêu cầu",
)
def report_request_template(
    request: HttpRequest, congress_id: int, request_id: int
) -> FileResponse:
    report_request = permissions.access_report_request(access(request, congress_id), request_id)
    return stored_file(report_request.template_file, report_request.template_name)


@listed(
    router,
    "/{congress_id}/report-requests/{request_id}/submissions/",
    SubmissionOut,
    "Báo cáo các đơn vị gửi cho một yêu cầu (đơn vị: của mình)",
    description="Sắp theo id (con trỏ); trang của yêu cầu sắp theo tên đơn vị. " + STATE_NOTE,
    page_size=100,
)
def submission_list(request: HttpRequest, congress_id: int, request_id: int, state: str = ""):
    acting = access(request, congress_id)
    report_request = permissions.access_report_request(acting, request_id)
    wanted = _state(state)
    return selectors.submissions_for(acting, report_request, local_today(), wanted).order_by()


@router.get(
    "/{congress_id}/submissions/{submission_id}/",
    response=answers(SubmissionOut),
    summary="Một báo cáo của đơn vị",
)
def submission_detail(request: HttpRequest, congress_id: int, submission_id: int):
    return permissions.access_submission(access(request, congress_id), submission_id)


@router.post(
    "/{congress_id}/submissions/{submission_id}/submit/",
    response=answers(SubmissionOut),
    summary="Đơn vị gửi (hoặc gửi lại sau khi bị trả lại) báo cáo (multipart, kèm tệp)",
)
def submission_submit(
    request: HttpRequest,
    congress_id: int,
    submission_id: int,
    payload: Form[SubmitIn],
    files: File[list[UploadedFile]] | None = None,
) -> ReportSubmission:
    acting = access(request, congress_id)
    submission = permissions.access_submission(acting, submission_id)
    gate(submission.agency_id == acting.agency_id, ONLY_OWN_AGENCY_SENDS)
    return send_submission(request, acting, submission, payload)


def send_submission(
    request: HttpRequest, acting: Access, submission: ReportSubmission, payload: SubmitIn
) -> ReportSubmission:
    """Sends (or sends again after a return) a report already authorised for the sender, with
    the request's table checked by the page's form; a report already sent is refused."""
    if not permissions.can_submit(acting, submission):
        raise BusinessError(ALREADY_SENT)
    values = payload.values or []
    data = {"text": payload.text or ""} | {f"value_{i}": v for i, v in enumerate(values)}
    form = valid(SubmissionForm(data, request.FILES, request=submission.request))
    write(
        request,
        lambda: services.submission_submit(
            access=acting,
            submission=submission,
            text=form.cleaned_data["text"],
            values=form.values(),
            files=form.cleaned_data["files"] or [],
        ),
    )
    return submissions().get(pk=submission.pk)


@router.post(
    "/{congress_id}/submissions/{submission_id}/return/",
    response=answers(SubmissionOut),
    summary="Trả lại báo cáo đã gửi, kèm ý kiến",
)
def submission_return(
    request: HttpRequest, congress_id: int, submission_id: int, payload: ReturnIn
) -> ReportSubmission:
    acting = access(request, congress_id)
    submission = permissions.access_submission(acting, submission_id)
    gate(permissions.can_manage_requests(acting), ONLY_SECRETARIAT_RETURNS)
    form = valid(ReturnForm({"comment": payload.comment}))
    write(
        request,
        lambda: services.submission_return(
            access=acting, submission=submission, comment=form.cleaned_data["comment"]
        ),
    )
    return submissions().get(pk=submission.pk)


@router.get(
    "/{congress_id}/submission-files/{submission_file_id}/",
    response=answers(Detail),
    summary="Tải tệp của một báo cáo",
)
def submission_file(
    request: HttpRequest, congress_id: int, submission_file_id: int
) -> FileResponse:
    stored = permissions.access_submission_file(access(request, congress_id), submission_file_id)
    return stored_file(stored.file, stored.original_name)
