"""Every change users cause across the levels: the tree and schedule, guidance, reports."""

from .delivery import deliver
from .guidance import (
    ItemFields,
    guidance_create,
    guidance_item_add,
    guidance_item_update,
    guidance_send,
    propagate,
    targets,
)
from .reports import report_request_send
from .schedule import (
    ScheduleFields,
    SubordinateFields,
    congress_set_parent,
    level_deadline_remove,
    level_deadline_set,
    schedule_update,
    subordinate_create,
)

__all__ = [
    "ItemFields",
    "deliver",
    "guidance_create",
    "guidance_item_add",
    "guidance_item_update",
    "guidance_send",
    "propagate",
    "targets",
    "report_request_send",
    "ScheduleFields",
    "SubordinateFields",
    "congress_set_parent",
    "level_deadline_remove",
    "level_deadline_set",
    "schedule_update",
    "subordinate_create",
]
