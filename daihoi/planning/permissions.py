"""Object-level rules for plans and tasks. Services call them; views use them as a first gate."""

from daihoi.organizations.permissions import Access

from .models import Task, TaskAssignment


def agency_role_in_task(access: Access, task: Task) -> str | None:
    if access.agency_id is None:
        return None
    if task.lead_agency_id == access.agency_id:
        return TaskAssignment.Role.LEAD
    return (
        TaskAssignment.objects.filter(task=task, agency_id=access.agency_id)
        .values_list("role", flat=True)
        .first()
    )


def can_view_task(access: Access, task: Task) -> bool:
    if task.congress_id != access.congress.pk:
        return False
    return access.sees_whole_congress or agency_role_in_task(access, task) is not None


def can_manage_tasks(access: Access) -> bool:
    return access.can_manage


def can_create_task(access: Access, source: str) -> bool:
    """The secretariat assigns any task; a subcommittee leader assigns the tasks that come out of
    the conclusions of a meeting they hold."""
    return access.can_manage or (source == Task.Source.CONCLUSION and access.can_accept)


def can_report_progress(access: Access, task: Task) -> bool:
    if task.cancelled or task.accepted or task.congress_id != access.congress.pk:
        return False
    return access.can_manage or agency_role_in_task(access, task) in (
        TaskAssignment.Role.LEAD,
        TaskAssignment.Role.COORDINATE,
    )


def can_report_completion(access: Access, task: Task) -> bool:
    """Only the lead agency reports a task complete."""
    return (
        access.is_agency_officer
        and task.lead_agency_id == access.agency_id
        and can_report_progress(access, task)
    )


def can_review_task(access: Access, task: Task) -> bool:
    return access.can_accept and task.congress_id == access.congress.pk and task.awaiting_acceptance
