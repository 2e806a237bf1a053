"""Every change users cause across the levels: the tree and schedule, guidance, reports."""

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
    "ScheduleFields",
    "SubordinateFields",
    "congress_set_parent",
    "level_deadline_remove",
    "level_deadline_set",
    "schedule_update",
    "subordinate_create",
]
