"""Progress reports from the assigned agencies, and the leaders' review of a completion."""

from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, send_on_commit
from daihoi.core.uploads import store_uploads, validate_attachment
from daihoi.organizations.permissions import Access

from .. import permissions, signals
from ..models import Attachment, ProgressUpdate, Task, TaskAction, TaskReview
from .detailed import works_progress
from .tasks import copy_state_to_assignments, lock_task


@transaction.atomic
def task_report_progress(
    *,
    access: Access,
    task: Task,
    text: str,
    percent: int,
    obstacle: str = "",
    reports_completion: bool = False,
    attachments: Sequence[UploadedFile] = (),
) -> ProgressUpdate:
    """Locks the task row. Completion is the lead agency's word; it waits for acceptance."""
    task = lock_task(task, None)
    require(
        permissions.can_report_progress(access, task),
        "Đơn vị của bạn không được giao nhiệm vụ này hoặc nhiệm vụ đã kết thúc.",
    )
    if not 0 <= percent <= 100:
        raise BusinessError("Tiến độ phải từ 0 đến 100%.", field="percent")
    if reports_completion:
        refusal = permissions.completion_refusal(access, task)
        require(not refusal, refusal)
        if percent != 100:
            raise BusinessError("Báo cáo hoàn thành thì tiến độ phải là 100%.", field="percent")
        if task.reported_complete_on:
            raise BusinessError("Nhiệm vụ đã được báo cáo hoàn thành, đang chờ xác nhận.")
    # An approved detailed plan sets the task's progress from its works (services/detailed.py).
    works = works_progress(task)
    if reports_completion and works is not None and any(p < 100 for p in works):
        raise BusinessError(
            "Còn công việc trong kế hoạch chi tiết chưa đạt 100%; hãy cập nhật tiến độ từng công "
            "việc trước khi báo cáo hoàn thành."
        )
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung báo cáo.", field="text")
    content_types = [validate_attachment(f) for f in attachments]
    # The secretariat may enter a report on behalf of the lead agency.
    role = permissions.agency_role_in_task(access, task)
    agency_id = access.agency_id if role is not None and access.agency_id else task.lead_agency_id
    update = ProgressUpdate(
        task=task,
        agency_id=agency_id,
        author=access.user,
        text=text.strip(),
        percent=percent,
        obstacle=obstacle.strip(),
        reports_completion=reports_completion,
    )
    update.save()
    store_uploads(Attachment, attachments, content_types, update=update)
    if agency_id == task.lead_agency_id and works is None:
        task.progress = percent
    if reports_completion:
        send_on_commit(signals.task_completion_reported, Task, task=task, actor=access.user)
        task.reported_complete_on = local_today()
        _clear_return(task)
    task.version += 1
    task.save()
    if reports_completion:
        copy_state_to_assignments(task)
    action = TaskAction.COMPLETION_REPORTED if reports_completion else TaskAction.PROGRESS_REPORTED
    data = {"update": update.pk, "percent": percent, "obstacle": bool(update.obstacle)}
    record(access, action, task, data=data)
    return update


# What a returned task's percent goes back to when the lead reported nothing below 100% before.
RETURNED_PERCENT = 90


def percent_before_completion(task: Task) -> int:
    """A returned task is not done: its percent goes back to the last one the lead agency reported
    before its completion report (below 100), or to `RETURNED_PERCENT` when there is none."""
    last = (
        ProgressUpdate.objects.filter(
            task=task, agency_id=task.lead_agency_id, reports_completion=False, percent__lt=100
        )
        .order_by("-created_at", "-id")
        .values_list("percent", flat=True)
        .first()
    )
    return RETURNED_PERCENT if last is None else last


def _clear_return(task: Task) -> None:
    task.returned_at = None
    task.return_comment = ""


@transaction.atomic
def task_accept(*, access: Access, task: Task, comment: str = "") -> Task:
    """Locks the task row. The completion date stays the day the lead reported it."""
    task = lock_task(task, None)
    require(
        permissions.can_review_task(access, task),
        "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới xác nhận nhiệm vụ đang chờ xác nhận.",
    )
    task.accepted = True
    task.accepted_at = timezone.now()
    task.accepted_by = access.user
    _clear_return(task)
    task.version += 1
    task.save()
    copy_state_to_assignments(task)
    TaskReview.objects.create(
        task=task, reviewer=access.user, decision=TaskReview.Decision.ACCEPTED, comment=comment
    )
    record(access, TaskAction.ACCEPTED, task, reason=comment)
    send_on_commit(
        signals.task_reviewed,
        Task,
        task=task,
        decision=TaskReview.Decision.ACCEPTED,
        comment=comment,
        actor=access.user,
    )
    return task


@transaction.atomic
def task_return(*, access: Access, task: Task, comment: str) -> Task:
    """Locks the task row; the lead agency reports again after the comment."""
    task = lock_task(task, None)
    require(
        permissions.can_review_task(access, task),
        "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới trả lại nhiệm vụ đang chờ xác nhận.",
    )
    if not comment.strip():
        raise BusinessError("Khi trả lại nhiệm vụ phải ghi rõ ý kiến.", field="comment")
    task.reported_complete_on = None
    task.returned_at = timezone.now()
    task.return_comment = comment.strip()
    task.progress = percent_before_completion(task)
    task.version += 1
    task.save()
    copy_state_to_assignments(task)
    TaskReview.objects.create(
        task=task,
        reviewer=access.user,
        decision=TaskReview.Decision.RETURNED,
        comment=comment.strip(),
    )
    record(access, TaskAction.RETURNED, task, reason=comment)
    send_on_commit(
        signals.task_reviewed,
        Task,
        task=task,
        decision=TaskReview.Decision.RETURNED,
        comment=comment.strip(),
        actor=access.user,
    )
    return task
