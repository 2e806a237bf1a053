"""Every change of reporting records that users cause. Keyword-only, explicit actor, atomic."""

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.dates import format_date
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import NOT_IN_CONGRESS, require, send_on_commit
from daihoi.core.uploads import store_uploads, validate_attachment
from daihoi.organizations.models import Agency, Congress
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Task
from daihoi.planning.status import StatusClass, count_by_class

from . import permissions, signals
from .models import (
    ColumnKind,
    DailySnapshot,
    Explanation,
    ExplanationAction,
    ReportRequest,
    ReportRequestAction,
    ReportSubmission,
    SubmissionAction,
    SubmissionFile,
)

MAX_COLUMNS = 30
MAX_VALUE_LENGTH = 500


# Report requests ------------------------------------------------------------------------------


def clean_columns(columns: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    cleaned = []
    seen: set[str] = set()
    for column in columns:
        label = " ".join(str(column.get("label", "")).split())
        if not label:
            continue
        if label.casefold() in seen:
            raise BusinessError(f"Cột “{label}” bị trùng.", field="columns")
        seen.add(label.casefold())
        kind = column.get("kind")
        if kind not in ColumnKind.values:
            kind = ColumnKind.TEXT
        cleaned.append(
            {"label": label[:120], "kind": str(kind), "optional": bool(column.get("optional"))}
        )
    if len(cleaned) > MAX_COLUMNS:
        raise BusinessError(f"Bảng số liệu có tối đa {MAX_COLUMNS} cột.", field="columns")
    return cleaned


@transaction.atomic
def report_request_create(
    *,
    access: Access,
    title: str,
    deadline: dt.date,
    agencies: Sequence[Agency],
    instructions: str = "",
    columns: Sequence[dict[str, Any]] = (),
    template: UploadedFile | None = None,
    congresses_below: bool = False,
) -> ReportRequest:
    """Creates the request and one empty submission per agency asked.

    With `congresses_below` the agencies are the answering offices of congresses below the
    access's one, already checked by the caller (`levels.services.report_request_send`): each
    such submission is the answer of its congress, sent by that congress's secretariat.
    """
    require(
        permissions.can_manage_requests(access), "Chỉ Thường trực / Văn phòng mới yêu cầu báo cáo."
    )
    agencies = list({a.pk: a for a in agencies}.values())
    if not agencies:
        raise BusinessError("Chọn ít nhất một cơ quan, đơn vị phải báo cáo.", field="agencies")
    if not congresses_below and any(a.congress_id != access.congress.pk for a in agencies):
        raise BusinessError(NOT_IN_CONGRESS, field="agencies")
    if not title.strip():
        raise BusinessError("Nhập tên báo cáo.", field="title")
    if deadline < local_today():
        raise BusinessError(
            f"Hạn gửi {format_date(deadline)} đã qua; chọn hạn từ hôm nay "
            f"({format_date(local_today())}) trở đi.",
            field="deadline",
        )
    request = ReportRequest(
        congress=access.congress,
        title=title.strip(),
        instructions=instructions.strip(),
        deadline=deadline,
        columns=clean_columns(columns),
        to_congresses_below=congresses_below,
        created_by=access.user,
    )
    if template is not None:
        try:
            validate_attachment(template)
        except BusinessError as error:
            raise BusinessError(error.message, field="template") from None
        name = template.name or "mau"
        request.template_name = name[:255]
        request.template_file.save(name, template, save=False)
    request.save()
    ReportSubmission.objects.bulk_create(
        [ReportSubmission(request=request, agency=agency) for agency in agencies], batch_size=1000
    )
    record(
        access,
        ReportRequestAction.CREATED,
        request,
        data={"deadline": request.deadline.isoformat(), "agencies": [a.pk for a in agencies]},
    )
    if congresses_below:
        return request
    send_on_commit(
        signals.report_requested,
        ReportRequest,
        request=request,
        agency_ids=[a.pk for a in agencies],
        actor=access.user,
    )
    return request


def _lock_submission(submission: ReportSubmission) -> ReportSubmission:
    return (
        ReportSubmission.objects.select_for_update()
        .select_related("request", "agency")
        .get(pk=submission.pk)
    )


def parse_number(text: str) -> Decimal | None:
    """A figure as agencies write it (1.234 or 1.234,5 or 12,5); None when it is not one."""
    number = str(text or "").strip().replace(".", "").replace(" ", "").replace(",", ".")
    if not number:
        return None
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def clean_values(request: ReportRequest, values: Sequence[str]) -> list[str]:
    """One value per column; a number column takes digits written the Vietnamese way."""
    cleaned = []
    values = list(values) + [""] * (len(request.columns) - len(values))
    for column, raw in zip(request.columns, values, strict=False):
        text = " ".join(str(raw or "").split())[:MAX_VALUE_LENGTH]
        if column["kind"] == ColumnKind.NUMBER and text and parse_number(text) is None:
            raise BusinessError(
                f"Cột “{column['label']}” phải là số, không phải “{text}”.", field="values"
            )
        cleaned.append(text)
    return cleaned


def missing_required(request: ReportRequest, values: Sequence[str]) -> list[str]:
    """The labels of the columns that must be filled and are empty."""
    return [
        c["label"]
        for c, v in zip(request.columns, values, strict=False)
        if not c.get("optional") and not v
    ]


@transaction.atomic
def submission_submit(
    *,
    access: Access,
    submission: ReportSubmission,
    text: str,
    values: Sequence[str] = (),
    files: Sequence[UploadedFile] = (),
) -> ReportSubmission:
    """The agency sends (or, after a return, sends again) its report; for a request to the
    congresses below, the asked congress's secretariat sends its congress's report.

    Locks the submission row, then checks the right and the status on the locked row.
    """
    submission = _lock_submission(submission)
    require(
        submission.agency.congress_id == access.congress.pk
        and permissions.can_submit(access, submission),
        "Chỉ đầu mối của đơn vị được gửi báo cáo này, và chỉ khi báo cáo chưa gửi.",
    )
    kinds = [validate_attachment(upload) for upload in files]
    kept_files = submission.files.exists()
    if not text.strip() and not files and not kept_files and not any(values):
        raise BusinessError("Báo cáo cần có nội dung, tệp đính kèm hoặc số liệu.", field="text")
    submission.values = clean_values(submission.request, values)
    missing = missing_required(submission.request, submission.values)
    if missing:
        names = ", ".join(f"“{label}”" for label in missing)
        column_word = "các cột bắt buộc" if len(missing) > 1 else "cột bắt buộc"
        raise BusinessError(f"Chưa điền {column_word} {names}.", field="values")
    resubmission = submission.status == ReportSubmission.Status.RETURNED
    submission.text = text.strip()
    submission.status = ReportSubmission.Status.SUBMITTED
    submission.submitted_on = local_today()
    submission.submitted_at = timezone.now()
    submission.submitted_by = access.user
    submission.version += 1
    submission.save()
    store_uploads(SubmissionFile, files, kinds, submission=submission)
    record(
        access,
        SubmissionAction.RESUBMITTED if resubmission else SubmissionAction.SUBMITTED,
        submission,
        data={"version": submission.version, "files": len(files)},
    )
    return submission


@transaction.atomic
def submission_return(
    *, access: Access, submission: ReportSubmission, comment: str
) -> ReportSubmission:
    """The secretariat sends a report back for revision; the agency must send it again.

    Locks the submission row, then checks that it is still sent.
    """
    submission = _lock_submission(submission)
    require(
        submission.request.congress_id == access.congress.pk
        and permissions.can_return(access, submission),
        "Chỉ Thường trực / Văn phòng trả lại báo cáo đã gửi.",
    )
    if not comment.strip():
        raise BusinessError("Khi trả lại báo cáo phải ghi rõ ý kiến.", field="comment")
    submission.status = ReportSubmission.Status.RETURNED
    submission.return_comment = comment.strip()
    submission.submitted_on = None
    submission.version += 1
    submission.save()
    record(
        access,
        SubmissionAction.RETURNED,
        submission,
        reason=comment,
        data={"version": submission.version},
    )
    send_on_commit(
        signals.submission_returned,
        ReportRequest,
        submission=submission,
        comment=comment.strip(),
        actor=access.user,
    )
    return submission


# Requests for explanation ------------------------------------------------------------------------


@transaction.atomic
def explanation_request(*, access: Access, task: Task, reason: str) -> Explanation:
    """A leader asks the lead agency to explain an overdue task; one open request per task.

    Checks the right, then locks the task row and checks it is still overdue with no open request.
    """
    require(
        permissions.can_request_explanation(access, task),
        "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới yêu cầu giải trình.",
    )
    task = Task.objects.select_for_update().get(pk=task.pk)
    if task.status_class(local_today()) != StatusClass.OPEN_OVERDUE:
        raise BusinessError("Chỉ yêu cầu giải trình với nhiệm vụ đang quá hạn.")
    if not reason.strip():
        raise BusinessError("Nêu nội dung cần giải trình.", field="reason")
    if Explanation.objects.filter(task=task, answered_at__isnull=True).exists():
        raise BusinessError("Nhiệm vụ đang có một yêu cầu giải trình chưa được trả lời.")
    explanation = Explanation(
        task=task, agency_id=task.lead_agency_id, reason=reason.strip(), requested_by=access.user
    )
    try:
        with transaction.atomic():
            explanation.save()
    except IntegrityError:
        raise BusinessError("Nhiệm vụ đang có một yêu cầu giải trình chưa được trả lời.") from None
    record(access, ExplanationAction.REQUESTED, explanation, reason=reason, data={"task": task.pk})
    return explanation


@transaction.atomic
def explanation_answer(*, access: Access, explanation: Explanation, answer: str) -> Explanation:
    """Locks the explanation row, then checks the agency's right and that it is still open."""
    explanation = Explanation.objects.select_for_update().get(pk=explanation.pk)
    require(
        permissions.can_answer_explanation(access, explanation),
        "Chỉ đầu mối của đơn vị chủ trì trả lời yêu cầu giải trình.",
    )
    if not answer.strip():
        raise BusinessError("Nhập nội dung giải trình.", field="answer")
    explanation.answer = answer.strip()
    explanation.answered_by = access.user
    explanation.answered_at = timezone.now()
    explanation.save()
    record(access, ExplanationAction.ANSWERED, explanation, data={"task": explanation.task_id})
    return explanation


# Daily snapshot -----------------------------------------------------------------------------------


def snapshot_take(*, congress: Congress, day: dt.date) -> DailySnapshot:
    """The counts of `day` for one congress: one row per congress per day, rewritten if run again.

    Only today's row is ever written by the job, so past days keep what they were. Derived
    counts written by the system, not a change people make, so no audit entry.
    """
    counts = Task.objects.filter(congress=congress).aggregate(**count_by_class(day))
    snapshot, _ = DailySnapshot.objects.update_or_create(
        congress=congress, day=day, defaults={name: counts[name] for name in counts}
    )
    return snapshot
