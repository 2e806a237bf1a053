"""Domain events of planning, sent after the transaction commits.

Apps further down (notifications, reporting) listen; planning never imports them.
Every signal is sent with `sender=Task` and keyword arguments named below.
"""

from django.dispatch import Signal

# task, agency_ids (newly assigned, any role), actor
task_assigned = Signal()
# congress, counts ({agency id: how many new tasks it was given, any role}), first_task_id,
# actor: many tasks created at once (`tasks_create_bulk`, the XLSX import)
tasks_assigned_in_bulk = Signal()
# counts ({congress id: {agency id: how many new tasks}}), source (where they came from, e.g.
# "Hướng dẫn 12-HD/BTGTU của …"), batch_key (unique per delivery batch), actor: many tasks
# created at once in many congresses (a guidance delivered to the congresses below)
tasks_assigned_across = Signal()
# task, actor (the lead agency reported it complete; it waits for acceptance)
task_completion_reported = Signal()
# task, decision ("accepted" / "returned"), comment, actor
task_reviewed = Signal()
# congress, moves (list of DeadlineMove: task id, old and new deadline), old_opening,
# new_opening, event_id (the audit entry of the reschedule), actor
deadlines_moved = Signal()
# task, round (AppraisalRound), actor: the lead agency submitted its product for appraisal
appraisal_submitted = Signal()
# task, round (AppraisalRound, its state "approved" / "returned" and opinion), actor
appraisal_decided = Signal()
# task, plan (its DetailedPlan), actor: the lead agency sent its detailed plan for approval
detailed_plan_submitted = Signal()
# task, plan, decision ("approved" / "returned"), comment, actor
detailed_plan_reviewed = Signal()

# Sent INSIDE the writing transaction (not after commit), for counts kept elsewhere that must
# move with the write or not at all; receivers only add to such counts. `planning/summary.py`
# sends them.
# changes ({task id: +1 when the task became "not done" — live, not accepted, not cancelled —
# again, -1 when it stopped being so}): tasks that existed before the write (a new task is
# nobody's yet: whoever links it counts it)
tasks_done_changed = Signal()
# congress_ids: their tasks were changed by one UPDATE whose effect on each task is unknown;
# what counts them counts them again
tasks_recounted = Signal()
