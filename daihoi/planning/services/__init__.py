"""Every change of plans and tasks that users cause. Keyword-only, explicit actor, atomic.

One module per subdomain; every service is re-exported here, so callers write
`from daihoi.planning import services; services.task_create(...)`.
"""

from .appraisal import appraisal_decide, appraisal_submit
from .bulk import BulkTaskError, tasks_create_bulk
from .detailed import (
    ItemFields,
    detailed_item_add,
    detailed_item_delete,
    detailed_item_report_progress,
    detailed_item_update,
    detailed_plan_approve,
    detailed_plan_return,
    detailed_plan_submit,
)
from .incoming import incoming_to_task
from .obstacles import obstacle_resolve
from .plans import plan_create, plan_update
from .progress import task_accept, task_report_progress, task_return
from .tasks import (
    TaskFields,
    congress_reschedule,
    resolve_deadline,
    task_create,
    task_set_halt,
    task_update,
)
from .trash import (
    plan_delete,
    plan_restore,
    progress_update_delete,
    progress_update_restore,
    task_delete,
    task_restore,
)

__all__ = [
    "BulkTaskError",
    "tasks_create_bulk",
    "appraisal_decide",
    "appraisal_submit",
    "ItemFields",
    "TaskFields",
    "congress_reschedule",
    "incoming_to_task",
    "detailed_item_add",
    "detailed_item_delete",
    "detailed_item_report_progress",
    "detailed_item_update",
    "detailed_plan_approve",
    "detailed_plan_return",
    "detailed_plan_submit",
    "obstacle_resolve",
    "plan_create",
    "plan_delete",
    "plan_restore",
    "plan_update",
    "progress_update_delete",
    "progress_update_restore",
    "resolve_deadline",
    "task_accept",
    "task_create",
    "task_delete",
    "task_report_progress",
    "task_restore",
    "task_return",
    "task_set_halt",
    "task_update",
]
