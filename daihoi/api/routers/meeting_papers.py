"""A meeting's papers: the files attached to it, and the Giấy mời and Thông báo kết luận it
issues as numbered documents of the registry."""

from collections.abc import Callable

from django.http import FileResponse, HttpRequest
from ninja import File, Router, Schema, Status, UploadedFile

from daihoi.core.views import stored_file
from daihoi.documents.models import Document
from daihoi.documents.permissions import access_document
from daihoi.meetings import notices, permissions, services
from daihoi.meetings.forms import IssueForm
from daihoi.meetings.models import Meeting

from ..common import Detail, access, answers, form_data, gate, valid, write
from .documents import DocumentDetail
from .meetings import NOT_ALLOWED, MeetingDetail

router = Router(tags=["Cuộc họp, kết luận"])


class IssueIn(Schema):
    """Who issues and signs the paper, and where it goes. Left out, the issuer is the
    congress's office (Văn phòng) and the recipients the invited agencies, as the page
    proposes; the signer is required."""

    issuer: int | None = None
    signer: int | None = None
    signer_title: str | None = None
    authority: str | None = None
    recipients: str | None = None


@router.post(
    "/{congress_id}/meetings/{meeting_id}/attachments/",
    response=answers(MeetingDetail, 201),
    summary="Đính kèm tài liệu cuộc họp (multipart, `files`)",
)
def meeting_attach(
    request: HttpRequest,
    congress_id: int,
    meeting_id: int,
    files: File[list[UploadedFile]] | None = None,
) -> Status:
    acting = access(request, congress_id)
    meeting = permissions.access_meeting(acting, meeting_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    uploads = request.FILES.getlist("files")
    write(request, lambda: services.meeting_attach(access=acting, meeting=meeting, uploads=uploads))
    return Status(201, permissions.access_meeting(acting, meeting_id))


@router.get(
    "/{congress_id}/meetings/{meeting_id}/attachments/{file_id}/",
    response=answers(Detail),
    summary="Tải tài liệu cuộc họp",
)
def meeting_attachment(
    request: HttpRequest, congress_id: int, meeting_id: int, file_id: int
) -> FileResponse:
    attachment = permissions.access_meeting_attachment(
        access(request, congress_id), meeting_id, file_id
    )
    return stored_file(attachment.file, attachment.original_name)


def _issue(
    request: HttpRequest,
    congress_id: int,
    meeting_id: int,
    payload: IssueIn,
    issue: Callable[..., Document],
) -> Status:
    acting = access(request, congress_id)
    meeting: Meeting = permissions.access_meeting(acting, meeting_id)
    gate(permissions.can_run_meetings(acting), NOT_ALLOWED)
    data = notices.signing_initial(meeting) | form_data(payload)
    form = valid(IssueForm(data, congress=acting.congress))
    document = write(request, lambda: issue(access=acting, meeting=meeting, **form.cleaned_data))
    return Status(201, access_document(acting, document.pk))


@router.post(
    "/{congress_id}/meetings/{meeting_id}/invitation/",
    response=answers(DocumentDetail, 201),
    summary="Ban hành Giấy mời họp",
    description="Giấy mời mới thay thế giấy mời đã ban hành trước đó; người được mời nhận "
    "thông báo kèm tệp lịch (.ics).",
)
def meeting_issue_invitation(
    request: HttpRequest, congress_id: int, meeting_id: int, payload: IssueIn
) -> Status:
    return _issue(request, congress_id, meeting_id, payload, services.meeting_issue_invitation)


@router.post(
    "/{congress_id}/meetings/{meeting_id}/notice/",
    response=answers(DocumentDetail, 201),
    summary="Ban hành Thông báo kết luận của cuộc họp",
    description="Cuộc họp phải đã diễn ra, được ghi nhận và có kết luận.",
)
def meeting_issue_notice(
    request: HttpRequest, congress_id: int, meeting_id: int, payload: IssueIn
) -> Status:
    return _issue(request, congress_id, meeting_id, payload, services.meeting_issue_notice)
