"""Planning's models, one module a subdomain; every name is importable from here."""

from daihoi.organizations.models import Area

from .actions import (
    AppraisalAction,
    DetailedPlanAction,
    PlanAction,
    ProgressAction,
    ScheduleAction,
    TaskAction,
)
from .appraisal import AppraisalFile, AppraisalRound, AppraisalState
from .detailed import (
    DetailedPlan,
    DetailedPlanItem,
    DetailedState,
    detailed_due_expr,
    detailed_plan_of,
    detailed_state_q,
    expects_detailed_q,
    mean_progress,
)
from .plans import Phase, Plan
from .progress import (
    Attachment,
    ProgressUpdate,
    ProgressUpdateManager,
    ProgressUpdateQuerySet,
    _attachment_path,
    open_obstacle_q,
)
from .summary import (
    CongressOverdueShare,
    CongressTaskCount,
    SubtreeTaskCount,
    TaskCount,
    TaskCountClock,
)
from .tasks import (
    HaltState,
    Task,
    TaskAssignment,
    TaskManager,
    TaskQuerySet,
    TaskReview,
    assigned_q,
    led_q,
)

__all__ = [
    "AppraisalAction",
    "AppraisalFile",
    "AppraisalRound",
    "AppraisalState",
    "Area",
    "Attachment",
    "DetailedPlan",
    "DetailedPlanAction",
    "DetailedPlanItem",
    "DetailedState",
    "HaltState",
    "Phase",
    "Plan",
    "PlanAction",
    "ProgressAction",
    "ProgressUpdate",
    "ProgressUpdateManager",
    "ProgressUpdateQuerySet",
    "ScheduleAction",
    "Task",
    "TaskAction",
    "TaskAssignment",
    "CongressTaskCount",
    "CongressOverdueShare",
    "SubtreeTaskCount",
    "TaskCount",
    "TaskCountClock",
    "TaskManager",
    "TaskQuerySet",
    "TaskReview",
    "_attachment_path",
    "assigned_q",
    "detailed_due_expr",
    "detailed_plan_of",
    "detailed_state_q",
    "expects_detailed_q",
    "led_q",
    "mean_progress",
    "open_obstacle_q",
]
