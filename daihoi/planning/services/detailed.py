"""Detailed plans (kế hoạch chi tiết): the lead agency writes the works of its task, sends the
plan for approval; a committee leader or the secretariat returns it with comments or approves it.

Progress rule: while a task's detailed plan is approved, the task's progress is the mean of its
works' progress (`mean_progress`), written by the approval and by every work's progress update,
never computed when a page is read; the lead's own progress reports then keep their percent in
the report without moving the task's, and a completion report needs every work at 100%.

Locks (docs/concurrency.md): the task row (`lock_task`), then its detailed plan's row; works are
only written under their plan's lock.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.dates import format_date
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, send_on_commit
from daihoi.core.versioning import check_version
from daihoi.organizations.permissions import Access

from .. import permissions, signals
from ..models import DetailedPlan, DetailedPlanAction, DetailedPlanItem, Task, mean_progress
from .tasks import lock_task

WRITER_ONLY = "Chỉ cán bộ của đơn vị chủ trì mới lập kế hoạch chi tiết cho nhiệm vụ đang thực hiện."
REVIEWER_ONLY = "Chỉ lãnh đạo tiểu ban hoặc Thường trực mới xét duyệt kế hoạch chi tiết."


@dataclass(frozen=True)
class ItemFields:
    """A work as people edit it (DetailedItemForm's fields)."""

    title: str
    method: str
    deadline: dt.date
    responsible: str = ""
    start_date: dt.date | None = None

    COLUMNS = ("title", "method", "responsible", "start_date", "deadline")

    def validate(self, task: Task) -> None:
        if not self.title.strip():
            raise BusinessError("Vui lòng nhập nội dung công việc.", field="title")
        if not self.method.strip():
            raise BusinessError("Vui lòng ghi phương thức thực hiện công việc.", field="method")
        if self.start_date and self.deadline < self.start_date:
            raise BusinessError("Hạn hoàn thành không được trước ngày bắt đầu.", field="deadline")
        if task.deadline and self.deadline > task.deadline:
            raise BusinessError(
                f"Hạn của công việc ({format_date(self.deadline)}) không được sau hạn của "
                f"nhiệm vụ ({format_date(task.deadline)}).",
                field="deadline",
            )

    def apply_to(self, item: DetailedPlanItem) -> None:
        item.title = self.title.strip()
        item.method = self.method.strip()
        item.responsible = self.responsible.strip()
        item.start_date = self.start_date
        item.deadline = self.deadline


WORK = "Công việc"


def _work_line(item: DetailedPlanItem) -> str:
    """A work as its history shows it: what, by when."""
    return f"{item.title[:120]} (hạn {format_date(item.deadline)})"


def _lock_for_writer(access: Access, task: Task) -> tuple[Task, DetailedPlan | None]:
    task = lock_task(task, None)
    require(permissions.can_write_detailed_plan(access, task), WRITER_ONLY)
    plan = DetailedPlan.objects.select_for_update().filter(task=task).first()
    return task, plan


def _require_editable(plan: DetailedPlan) -> None:
    if plan.status == DetailedPlan.Status.SUBMITTED:
        raise BusinessError("Kế hoạch chi tiết đang chờ phê duyệt, chưa sửa được.")
    if plan.status == DetailedPlan.Status.APPROVED:
        raise BusinessError(
            "Kế hoạch chi tiết đã được phê duyệt; chỉ cập nhật tiến độ từng công việc."
        )


def _locked_item(
    access: Access, item: DetailedPlanItem
) -> tuple[Task, DetailedPlan, DetailedPlanItem]:
    task, plan = _lock_for_writer(access, item.plan.task)
    locked = DetailedPlanItem.objects.filter(pk=item.pk, plan=plan).first()
    if plan is None or locked is None:
        raise BusinessError("Công việc này không còn trong kế hoạch chi tiết.")
    return task, plan, locked


def _follow(task: Task, plan: DetailedPlan) -> int:
    """Writes the approved plan's mean progress onto its (locked) task."""
    task.progress = mean_progress(list(plan.items.values_list("progress", flat=True)))
    task.version += 1
    task.save(update_fields=["progress", "version", "updated_at"])
    return task.progress


def works_progress(task: Task) -> list[int] | None:
    """The works' progress when the task's detailed plan is approved (their mean is the task's);
    None when no approved plan governs the task's progress."""
    plan = DetailedPlan.objects.filter(task=task, status=DetailedPlan.Status.APPROVED).first()
    if plan is None:
        return None
    return list(plan.items.values_list("progress", flat=True))


@transaction.atomic
def detailed_item_add(*, access: Access, task: Task, fields: ItemFields) -> DetailedPlanItem:
    """The first work starts the task's detailed plan (a draft)."""
    task, plan = _lock_for_writer(access, task)
    if plan is None:
        plan = DetailedPlan.objects.create(
            congress_id=task.congress_id,
            task=task,
            created_by=access.user,
        )
    _require_editable(plan)
    fields.validate(task)
    last = plan.items.aggregate(last=Max("position"))["last"] or 0
    item = DetailedPlanItem(plan=plan, position=last + 1)
    fields.apply_to(item)
    item.full_clean(exclude=["plan"])
    item.save()
    record(
        access,
        DetailedPlanAction.ITEM_ADDED,
        plan,
        data={"item": item.pk},
        changes=[[WORK, "—", _work_line(item)]],
    )
    return item


@transaction.atomic
def detailed_item_update(
    *,
    access: Access,
    item: DetailedPlanItem,
    fields: ItemFields,
    expected_version: int | None = None,
) -> DetailedPlanItem:
    """Locks the work; refuses a form opened before someone else's save."""
    task, plan, item = _locked_item(access, item)
    _require_editable(plan)
    check_version(item, expected_version, "Công việc", trail=plan)
    fields.validate(task)
    before = snapshot(item, ItemFields.COLUMNS)
    fields.apply_to(item)
    item.full_clean(exclude=["plan"])
    item.save()
    changes = changes_since(item, before)
    record(
        access,
        DetailedPlanAction.ITEM_UPDATED,
        plan,
        data={"item": item.pk},
        # Each change names the work it is of.
        changes=[[f"{label} — {item.title[:80]}", *values] for label, *values in changes],
    )
    return item


@transaction.atomic
def detailed_item_delete(*, access: Access, item: DetailedPlanItem) -> None:
    _task, plan, item = _locked_item(access, item)
    _require_editable(plan)
    data = {"item": item.pk}
    line = _work_line(item)
    item.delete()
    record(access, DetailedPlanAction.ITEM_DELETED, plan, data=data, changes=[[WORK, line, "—"]])


@transaction.atomic
def detailed_item_report_progress(
    *, access: Access, item: DetailedPlanItem, progress: int
) -> DetailedPlanItem:
    """A work's progress, once the plan is approved; the task's progress follows."""
    task, plan, item = _locked_item(access, item)
    if plan.status != DetailedPlan.Status.APPROVED:
        raise BusinessError(
            "Tiến độ từng công việc được cập nhật sau khi kế hoạch chi tiết được phê duyệt."
        )
    if not 0 <= progress <= 100:
        raise BusinessError("Tiến độ phải từ 0 đến 100%.", field="progress")
    old = item.progress
    item.progress = progress
    item.save(update_fields=["progress", "updated_at"])
    task_progress = _follow(task, plan)
    record(
        access,
        DetailedPlanAction.ITEM_PROGRESS,
        plan,
        data={"item": item.pk, "task": task_progress},
        changes=[[f"Tiến độ “{item.title[:80]}”", f"{old}%", f"{progress}%"]],
    )
    return item


@transaction.atomic
def detailed_plan_submit(*, access: Access, task: Task) -> DetailedPlan:
    """Sends the draft (or the corrected returned plan) for approval; the leaders are told."""
    task, plan = _lock_for_writer(access, task)
    if plan is None or not plan.items.exists():
        raise BusinessError(
            "Kế hoạch chi tiết chưa có công việc nào; hãy thêm công việc trước khi gửi."
        )
    _require_editable(plan)
    if task.deadline:
        late = list(plan.items.filter(deadline__gt=task.deadline).values_list("title", flat=True))
        if late:
            raise BusinessError(
                f"Hạn của nhiệm vụ nay là {format_date(task.deadline)}; các công việc sau có hạn "
                f"muộn hơn, hãy sửa trước khi gửi: {'; '.join(late)}."
            )
    plan.status = DetailedPlan.Status.SUBMITTED
    plan.submitted_at = timezone.now()
    plan.first_submitted_on = plan.first_submitted_on or local_today()
    plan.save()
    record(access, DetailedPlanAction.SUBMITTED, plan, data={"items": plan.items.count()})
    send_on_commit(signals.detailed_plan_submitted, Task, task=task, plan=plan, actor=access.user)
    return plan


def _lock_for_review(access: Access, task: Task) -> tuple[Task, DetailedPlan]:
    require(access.can_accept and task.congress_id == access.congress.pk, REVIEWER_ONLY)
    task = lock_task(task, None)
    plan = DetailedPlan.objects.select_for_update().filter(task=task).first()
    if plan is None or not permissions.can_review_detailed_plan(access, plan):
        raise BusinessError("Chỉ xét duyệt được kế hoạch chi tiết đang chờ phê duyệt.")
    return task, plan


def _reviewed(access: Access, plan: DetailedPlan, status: str, comment: str) -> None:
    plan.status = status
    plan.return_comment = comment if status == DetailedPlan.Status.RETURNED else ""
    plan.reviewed_at = timezone.now()
    plan.reviewed_by = access.user
    plan.save()


@transaction.atomic
def detailed_plan_return(*, access: Access, task: Task, comment: str) -> DetailedPlan:
    """Back to the lead agency with the comments; it corrects and sends it again."""
    task, plan = _lock_for_review(access, task)
    comment = comment.strip()
    if not comment:
        raise BusinessError("Khi trả lại kế hoạch chi tiết phải ghi rõ ý kiến.", field="comment")
    _reviewed(access, plan, DetailedPlan.Status.RETURNED, comment)
    record(access, DetailedPlanAction.RETURNED, plan, reason=comment)
    send_on_commit(
        signals.detailed_plan_reviewed,
        Task,
        task=task,
        plan=plan,
        decision=DetailedPlan.Status.RETURNED.value,
        comment=comment,
        actor=access.user,
    )
    return plan


@transaction.atomic
def detailed_plan_approve(*, access: Access, task: Task, comment: str = "") -> DetailedPlan:
    """Approved: from now on the task's progress follows its works."""
    task, plan = _lock_for_review(access, task)
    _reviewed(access, plan, DetailedPlan.Status.APPROVED, "")
    task_progress = _follow(task, plan)
    record(
        access,
        DetailedPlanAction.APPROVED,
        plan,
        reason=comment,
        data={"task": task_progress},
        changes=[["Tiến độ nhiệm vụ (theo các công việc)", "—", f"{task_progress}%"]],
    )
    send_on_commit(
        signals.detailed_plan_reviewed,
        Task,
        task=task,
        plan=plan,
        decision=DetailedPlan.Status.APPROVED.value,
        comment=comment.strip(),
        actor=access.user,
    )
    return plan
