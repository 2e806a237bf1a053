"""Planning's models, one module a subdomain; every name is importable from here."""

from daihoi.organizations.models import Area

from .actions import AppraisalAction, PlanAction, ProgressAction, ScheduleAction, TaskAction
from .appraisal import AppraisalFile, AppraisalRound, AppraisalState
from .plans import Phase, Plan
from .progress import (
    Attachment,
    ProgressUpdate,
    ProgressUpdateManager,
    ProgressUpdateQuerySet,
    _attachment_path,
    open_obstacle_q,
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
    "TaskManager",
    "TaskQuerySet",
    "TaskReview",
    "_attachment_path",
    "assigned_q",
    "led_q",
    "open_obstacle_q",
]
