"""Appraisal (thẩm định) of a task's product through the API, as on the task's appraisal pages:
the lead agency submits its product with files, the appraising agency approves or returns it;
the lead, the appraising agency and the whole-congress roles read every round (others 404)."""

import datetime as dt

from django.http import FileResponse, HttpRequest
from ninja import File, Form, Router, Schema, Status, UploadedFile

from daihoi.core.views import stored_file
from daihoi.planning import permissions, selectors, services
from daihoi.planning.forms import AppraisalDecisionForm, AppraisalSubmitForm
from daihoi.planning.models import AppraisalRound, Task, TaskAssignment

from ..common import Detail, access, answers, form_data, gate, listed, valid, write
from .planning_schemas import AttachmentOut

router = Router(tags=["Thẩm định sản phẩm nhiệm vụ"])

# The pages' refusals (planning.views.tasks).
ONLY_LEAD = "Chỉ đơn vị chủ trì mới gửi sản phẩm của nhiệm vụ đi thẩm định."
ONLY_APPRAISER = "Chỉ đơn vị thẩm định của nhiệm vụ mới cho ý kiến thẩm định."


class AppraisalRoundOut(Schema):
    """One submission and the appraising agency's answer (`state`: `pending`, `approved`,
    `returned`); `files` download from `appraisal-files/{id}/`."""

    id: int
    task_id: int
    number: int
    appraiser_id: int
    text: str
    submitted_by_id: int
    submitted_at: dt.datetime
    state: str
    opinion: str
    decided_by_id: int | None
    decided_at: dt.datetime | None
    files: list[AttachmentOut]


class AppraisalSubmitIn(Schema):
    text: str


class AppraisalDecisionIn(Schema):
    """`decision`: `approved` or `returned` (the opinion is then required)."""

    decision: str
    opinion: str | None = None


@listed(
    router,
    "/{congress_id}/tasks/{task_id}/appraisal/",
    AppraisalRoundOut,
    "Các lần gửi thẩm định của nhiệm vụ",
)
def appraisal_rounds(request: HttpRequest, congress_id: int, task_id: int):
    task = permissions.access_appraisal_task(access(request, congress_id), task_id)
    return selectors.appraisal_rounds(task)


def _round(task: Task, round_id: int) -> AppraisalRound:
    return selectors.appraisal_rounds(task).get(pk=round_id)


@router.post(
    "/{congress_id}/tasks/{task_id}/appraisal/",
    response=answers(AppraisalRoundOut, 201),
    summary="Gửi sản phẩm đề nghị thẩm định, kèm tệp",
    description="multipart/form-data: `text`, các tệp `attachments`. Chỉ đơn vị chủ trì.",
)
def appraisal_submit(
    request: HttpRequest,
    congress_id: int,
    task_id: int,
    payload: Form[AppraisalSubmitIn],
    attachments: File[list[UploadedFile]] | None = None,
) -> Status:
    acting = access(request, congress_id)
    task = permissions.access_appraisal_task(acting, task_id)
    gate(acting.is_agency_officer and task.lead_agency_id == acting.agency_id, ONLY_LEAD)
    form = valid(AppraisalSubmitForm(form_data(payload), request.FILES))
    data = form.cleaned_data
    submitted = write(
        request,
        lambda: services.appraisal_submit(
            access=acting, task=task, text=data["text"], files=data["attachments"]
        ),
    )
    return Status(201, _round(task, submitted.pk))


@router.post(
    "/{congress_id}/tasks/{task_id}/appraisal/decision/",
    response=answers(AppraisalRoundOut),
    summary="Cho ý kiến thẩm định: thông qua hoặc trả lại",
)
def appraisal_decide(
    request: HttpRequest, congress_id: int, task_id: int, payload: AppraisalDecisionIn
) -> AppraisalRound:
    acting = access(request, congress_id)
    task = permissions.access_appraisal_task(acting, task_id)
    role = permissions.agency_role_in_task(acting, task)
    gate(acting.is_agency_officer and role == TaskAssignment.Role.APPRAISE, ONLY_APPRAISER)
    form = valid(AppraisalDecisionForm(form_data(payload)))
    decided = write(
        request,
        lambda: services.appraisal_decide(
            access=acting,
            task=task,
            decision=form.cleaned_data["decision"],
            opinion=form.cleaned_data["opinion"],
        ),
    )
    return _round(task, decided.pk)


@router.get(
    "/{congress_id}/appraisal-files/{appraisal_file_id}/",
    response=answers(Detail),
    summary="Tải tệp gửi thẩm định",
)
def appraisal_file(request: HttpRequest, congress_id: int, appraisal_file_id: int) -> FileResponse:
    stored = permissions.access_appraisal_file(access(request, congress_id), appraisal_file_id)
    return stored_file(stored.file, stored.original_name)
