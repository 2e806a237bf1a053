"""Reads for pages and reports, already restricted to what the actor may see.

One module per subdomain (task lists, counts, the timeline, detailed plans); every selector is
re-exported here, so callers write `from daihoi.planning import selectors; selectors.due_soon(...)`.
"""

from .counts import AgencyRow, Dashboard, agency_table, area_table, dashboard_counts, status_counts
from .detailed import DetailedBoard, DetailedRow, detailed_board, detailed_counts, detailed_tasks
from .tasks import (
    KEY_FIRST,
    TaskFilters,
    agency_inbox,
    appraisal_rounds,
    appraisal_waiting_count,
    appraisal_waiting_q,
    due_soon,
    open_conclusion_tasks,
    open_obstacle_count,
    open_obstacles,
    plans_of,
    task_updates,
    tasks_visible_to,
)
from .timeline import Timeline, TimelineMark, TimelinePhase, TimelineRow, task_timeline

__all__ = [
    "KEY_FIRST",
    "AgencyRow",
    "Dashboard",
    "DetailedBoard",
    "DetailedRow",
    "TaskFilters",
    "Timeline",
    "TimelineMark",
    "TimelinePhase",
    "TimelineRow",
    "agency_inbox",
    "agency_table",
    "appraisal_rounds",
    "appraisal_waiting_count",
    "appraisal_waiting_q",
    "area_table",
    "dashboard_counts",
    "detailed_board",
    "detailed_counts",
    "detailed_tasks",
    "due_soon",
    "open_conclusion_tasks",
    "open_obstacle_count",
    "open_obstacles",
    "plans_of",
    "status_counts",
    "task_timeline",
    "task_updates",
    "tasks_visible_to",
]
