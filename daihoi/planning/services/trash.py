"""Soft deletion of tasks, progress updates and plans, and their restoring."""

from django.db import transaction

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.organizations.permissions import Access

from ..models import (
    Plan,
    PlanAction,
    ProgressAction,
    ProgressUpdate,
    Task,
    TaskAction,
    TaskAssignment,
)
from .tasks import copy_state_to_assignments, lock_task


def _require_secretariat(access: Access, congress_id: int) -> None:
    require(
        access.can_manage and congress_id == access.congress.pk,
        "Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục.",
    )


@transaction.atomic
def task_delete(*, access: Access, task: Task, reason: str = "") -> Task:
    """Moves the task to the trash: it leaves every list, inbox and count; restorable."""
    _require_secretariat(access, task.congress_id)
    task = lock_task(task, None)
    task.mark_deleted(access.user)
    task.version += 1
    task.save()
    # The inbox reads assignment rows only; marking them not live keeps it one index scan.
    TaskAssignment.objects.filter(task=task).update(cancelled=True)
    record(access, TaskAction.DELETED, task, reason=reason)
    return task


@transaction.atomic
def task_restore(*, access: Access, task: Task) -> Task:
    """Locks the task row (deleted rows included)."""
    _require_secretariat(access, task.congress_id)
    task = Task.all_objects.select_for_update().get(pk=task.pk)
    task.mark_restored()
    task.version += 1
    task.save()
    copy_state_to_assignments(task)
    record(access, TaskAction.RESTORED, task)
    return task


@transaction.atomic
def progress_update_delete(*, access: Access, update: ProgressUpdate) -> ProgressUpdate:
    """Locks the update row, so a concurrent edit of it (an obstacle resolved) is not lost."""
    _require_secretariat(access, update.task.congress_id)
    update = ProgressUpdate.all_objects.select_for_update().get(pk=update.pk)
    update.mark_deleted(access.user)
    update.save()
    record(access, ProgressAction.DELETED, update)
    return update


@transaction.atomic
def progress_update_restore(*, access: Access, update: ProgressUpdate) -> ProgressUpdate:
    """Locks the update row (deleted rows included)."""
    _require_secretariat(access, update.task.congress_id)
    update = ProgressUpdate.all_objects.select_for_update().get(pk=update.pk)
    update.mark_restored()
    update.save()
    record(access, ProgressAction.RESTORED, update)
    return update


@transaction.atomic
def plan_delete(*, access: Access, plan: Plan) -> Plan:
    """Locks the plan row, then counts its live tasks: a plan with tasks stays."""
    _require_secretariat(access, plan.congress_id)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    live = plan.tasks.count()
    if live:
        raise BusinessError(
            f"Kế hoạch còn {live} nhiệm vụ; hãy chuyển các nhiệm vụ sang kế hoạch khác hoặc xóa "
            "chúng trước."
        )
    plan.mark_deleted(access.user)
    plan.save()
    record(access, PlanAction.DELETED, plan)
    return plan


@transaction.atomic
def plan_restore(*, access: Access, plan: Plan) -> Plan:
    """Locks the plan row (deleted rows included)."""
    _require_secretariat(access, plan.congress_id)
    plan = Plan.all_objects.select_for_update().get(pk=plan.pk)
    plan.mark_restored()
    plan.save()
    record(access, PlanAction.RESTORED, plan)
    return plan
