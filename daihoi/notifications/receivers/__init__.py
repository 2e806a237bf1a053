"""Turns the domain events of planning, meetings, reporting and budget into notifications.

Connected in `NotificationsConfig.ready()`. The events are sent after their transaction commits;
each receiver stores its notifications in a transaction of its own and queues the mails after
that commits. Nobody is told about their own action.
"""

from collections.abc import Callable

from django.dispatch import Signal

from .requests_and_reviews import (
    on_answers_reminded,
    on_consultation_adopted,
    on_detailed_plan_reviewed,
    on_detailed_plan_submitted,
    on_draft_answered,
    on_draft_sent,
    on_estimate_approved,
    on_estimate_returned,
    on_estimate_submitted,
    on_report_requested,
    on_submission_returned,
)
from .tasks import (
    on_appraisal_decided,
    on_appraisal_submitted,
    on_deadlines_moved,
    on_meeting_invitation_issued,
    on_task_assigned,
    on_task_completion_reported,
    on_task_reviewed,
    on_tasks_assigned_across,
    on_tasks_assigned_in_bulk,
)


def connect() -> None:
    from daihoi.budget import signals as budget_signals
    from daihoi.consultation import signals as consultation_signals
    from daihoi.meetings import signals as meeting_signals
    from daihoi.planning import signals as planning_signals
    from daihoi.reporting import signals as reporting_signals

    receivers: list[tuple[Signal, Callable[..., None]]] = [
        (planning_signals.task_assigned, on_task_assigned),
        (planning_signals.tasks_assigned_in_bulk, on_tasks_assigned_in_bulk),
        (planning_signals.tasks_assigned_across, on_tasks_assigned_across),
        (planning_signals.task_completion_reported, on_task_completion_reported),
        (planning_signals.task_reviewed, on_task_reviewed),
        (planning_signals.deadlines_moved, on_deadlines_moved),
        (planning_signals.appraisal_submitted, on_appraisal_submitted),
        (planning_signals.appraisal_decided, on_appraisal_decided),
        (planning_signals.detailed_plan_submitted, on_detailed_plan_submitted),
        (planning_signals.detailed_plan_reviewed, on_detailed_plan_reviewed),
        (meeting_signals.meeting_invitation_issued, on_meeting_invitation_issued),
        (reporting_signals.report_requested, on_report_requested),
        (reporting_signals.submission_returned, on_submission_returned),
        (budget_signals.estimate_submitted, on_estimate_submitted),
        (budget_signals.estimate_returned, on_estimate_returned),
        (budget_signals.estimate_approved, on_estimate_approved),
        (consultation_signals.draft_sent, on_draft_sent),
        (consultation_signals.answers_reminded, on_answers_reminded),
        (consultation_signals.draft_answered, on_draft_answered),
        (consultation_signals.consultation_adopted, on_consultation_adopted),
    ]
    for signal, receiver in receivers:
        signal.connect(receiver, dispatch_uid=f"notifications.{receiver.__name__}")
