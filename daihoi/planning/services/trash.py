"""Soft deletion of tasks, progress updates and plans, and their restoring (core.softdelete)."""

from django.db import transaction

from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.softdelete import move_to_trash, restore_from_trash
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
from .tasks import copy_state_to_assignments


def _require_secretariat(access: Access, congress_id: int) -> None:
    require(
        access.can_manage and congress_id == access.congress.pk,
        "Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục.",
    )


def _save_task_deleted(task: Task) -> None:
    task.version += 1
    task.save()
    # The inbox reads assignment rows only; marking them not live keeps it one index scan.
    TaskAssignment.objects.filter(task=task).update(cancelled=True)


def _save_task_restored(task: Task) -> None:
    task.version += 1
    task.save()
    copy_state_to_assignments(task)


def _has_no_live_tasks(plan: Plan) -> None:
    live = plan.tasks.count()
    if live:
        raise BusinessError(
            f"Kế hoạch còn {live} nhiệm vụ; hãy chuyển các nhiệm vụ sang kế hoạch khác hoặc xóa "
            "chúng trước."
        )


@transaction.atomic
def task_delete(*, access: Access, task: Task, reason: str = "") -> Task:
    """Moves the task to the trash: it leaves every list, inbox and count; restorable."""
    _require_secretariat(access, task.congress_id)
    return move_to_trash(access, task, TaskAction.DELETED, reason=reason, save=_save_task_deleted)


@transaction.atomic
def task_restore(*, access: Access, task: Task) -> Task:
    _require_secretariat(access, task.congress_id)
    return restore_from_trash(access, task, TaskAction.RESTORED, save=_save_task_restored)


@transaction.atomic
def progress_update_delete(*, access: Access, update: ProgressUpdate) -> ProgressUpdate:
    """The row lock keeps a concurrent edit of the update (an obstacle resolved) from being lost."""
    _require_secretariat(access, update.task.congress_id)
    return move_to_trash(access, update, ProgressAction.DELETED)


@transaction.atomic
def progress_update_restore(*, access: Access, update: ProgressUpdate) -> ProgressUpdate:
    _require_secretariat(access, update.task.congress_id)
    return restore_from_trash(access, update, ProgressAction.RESTORED)


@transaction.atomic
def plan_delete(*, access: Access, plan: Plan) -> Plan:
    """Counts the plan's live tasks under its row lock: a plan with tasks stays."""
    _require_secretariat(access, plan.congress_id)
    return move_to_trash(access, plan, PlanAction.DELETED, check=_has_no_live_tasks)


@transaction.atomic
def plan_restore(*, access: Access, plan: Plan) -> Plan:
    _require_secretariat(access, plan.congress_id)
    return restore_from_trash(access, plan, PlanAction.RESTORED)
