"""Object-level rules for plans and tasks. Services call them; views use them as a first gate."""

from django.http import Http404

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access

from .models import (
    AppraisalFile,
    AppraisalState,
    Attachment,
    DetailedPlan,
    DetailedPlanItem,
    Plan,
    ProgressUpdate,
    Task,
    TaskAssignment,
)


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


def can_create_task(access: Access, *, for_conclusion: bool = False) -> bool:
    """The secretariat assigns any task; a subcommittee leader assigns the tasks that come out of
    the conclusions of a meeting they hold."""
    return access.can_manage or (for_conclusion and access.can_accept)


def can_report_progress(access: Access, task: Task) -> bool:
    if task.cancelled or task.accepted or task.congress_id != access.congress.pk:
        return False
    return access.can_manage or agency_role_in_task(access, task) in (
        TaskAssignment.Role.LEAD,
        TaskAssignment.Role.COORDINATE,
    )


HALT_MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới được tạm dừng hoặc hủy nhiệm vụ."
LEAD_ONLY_COMPLETES = "Chỉ đơn vị chủ trì mới được báo cáo hoàn thành nhiệm vụ."
ONLY_AFTER_APPROVAL = "chỉ báo cáo hoàn thành được sau khi đơn vị thẩm định thông qua sản phẩm."
# Why an appraised task cannot be reported complete yet, by where its product stands.
APPRAISAL_FIRST = {
    "": "Nhiệm vụ có đơn vị thẩm định: gửi sản phẩm ở mục “Thẩm định”; " + ONLY_AFTER_APPROVAL,
    AppraisalState.PENDING: "Sản phẩm đang chờ đơn vị thẩm định cho ý kiến; " + ONLY_AFTER_APPROVAL,
    AppraisalState.RETURNED: "Sản phẩm bị thẩm định trả lại: hoàn thiện theo ý kiến thẩm định "
    "rồi gửi lại; " + ONLY_AFTER_APPROVAL,
}


def completion_refusal(access: Access, task: Task) -> str:
    """Why the actor may not report the task complete now ("" when they may): only the lead
    agency does, and — when the task has an appraising agency — only once that agency has
    approved the product. The one rule behind `can_report_completion`; the pages show it."""
    if not (
        access.is_agency_officer
        and task.lead_agency_id == access.agency_id
        and can_report_progress(access, task)
    ):
        return LEAD_ONLY_COMPLETES
    if task.appraisal_state != AppraisalState.APPROVED and appraiser_id(task) is not None:
        return APPRAISAL_FIRST[task.appraisal_state]
    return ""


def can_report_completion(access: Access, task: Task) -> bool:
    """Only the lead agency reports a task complete, after the appraisal when there is one."""
    return not completion_refusal(access, task)


# Appraisal (thẩm định) ------------------------------------------------------------------------


def appraiser_id(task: Task) -> int | None:
    """The task's appraising agency (its APPRAISE assignment row), if it has one."""
    return (
        TaskAssignment.objects.filter(task=task, role=TaskAssignment.Role.APPRAISE)
        .values_list("agency_id", flat=True)
        .first()
    )


def can_view_appraisal(access: Access, task: Task) -> bool:
    """The lead and the appraising agency, and the whole-congress roles; nobody else (a
    coordinating agency included) reads the product and the appraisal opinions."""
    if task.congress_id != access.congress.pk:
        return False
    return access.sees_whole_congress or agency_role_in_task(access, task) in (
        TaskAssignment.Role.LEAD,
        TaskAssignment.Role.APPRAISE,
    )


def _task_open(task: Task) -> bool:
    return not (task.cancelled or task.accepted)


def can_submit_for_appraisal(access: Access, task: Task) -> bool:
    """The lead agency's officers, on an open task whose product is not waiting for or past
    the appraisal."""
    return (
        access.is_agency_officer
        and task.lead_agency_id == access.agency_id
        and task.congress_id == access.congress.pk
        and _task_open(task)
        and task.appraisal_state not in (AppraisalState.PENDING, AppraisalState.APPROVED)
    )


def can_appraise(access: Access, task: Task) -> bool:
    """The appraising agency's officers, while a submitted product waits for their opinion."""
    return (
        access.is_agency_officer
        and task.congress_id == access.congress.pk
        and _task_open(task)
        and task.appraisal_state == AppraisalState.PENDING
        and agency_role_in_task(access, task) == TaskAssignment.Role.APPRAISE
    )


def can_review_task(access: Access, task: Task) -> bool:
    return access.can_accept and task.congress_id == access.congress.pk and task.awaiting_acceptance


# Detailed plans: the lead agency's own; the whole-congress roles read them, the committee's
# leaders and the secretariat approve them. Another agency (coordinating ones included) does not
# see them at all.


def can_view_detailed_plan(access: Access, task: Task) -> bool:
    if task.congress_id != access.congress.pk:
        return False
    return access.sees_whole_congress or (
        access.agency_id is not None and task.lead_agency_id == access.agency_id
    )


def can_write_detailed_plan(access: Access, task: Task) -> bool:
    """The lead agency's officers write it while the task runs."""
    return (
        access.is_agency_officer
        and task.congress_id == access.congress.pk
        and task.lead_agency_id == access.agency_id
        and not task.cancelled
        and not task.accepted
    )


def can_review_detailed_plan(access: Access, plan: DetailedPlan) -> bool:
    return (
        access.can_accept
        and plan.congress_id == access.congress.pk
        and plan.status == DetailedPlan.Status.SUBMITTED
    )


# Fetch and authorise: each answers 404 alike for "missing" and "not yours", so existence does
# not leak; views and services that receive ids start from these.


def access_task(access: Access, task_id: int) -> Task:
    """The task if the actor may see it (the whole congress, or an assigned agency)."""
    task = (
        Task.objects.select_related(
            "lead_agency", "plan", "committee", "leader_in_charge", "parent"
        )
        .filter(pk=task_id, congress=access.congress)
        .first()
    )
    if task is None or not can_view_task(access, task):
        raise Http404
    return task


def access_plan(access: Access, plan_id: int) -> Plan:
    """A plan of the actor's congress (every role of the congress reads its plans)."""
    return first_or_404(
        Plan.objects.select_related("issuer", "parent", "committee", "congress").filter(
            pk=plan_id, congress=access.congress
        )
    )


def access_progress_update(access: Access, update_id: int) -> ProgressUpdate:
    """A progress update on a task the actor may see."""
    update = (
        ProgressUpdate.objects.select_related("task")
        .filter(pk=update_id, task__congress=access.congress)
        .first()
    )
    if update is None or not can_view_task(access, update.task):
        raise Http404
    return update


def access_attachment(access: Access, attachment_id: int) -> Attachment:
    """A file attached to a progress update on a task the actor may see."""
    attachment = (
        Attachment.objects.select_related("update__task")
        .filter(
            pk=attachment_id,
            update__task__congress=access.congress,
            update__deleted_at__isnull=True,  # a trashed update's files go with it
            update__task__deleted_at__isnull=True,
        )
        .first()
    )
    if attachment is None or not can_view_task(access, attachment.update.task):
        raise Http404
    return attachment


def access_appraisal_task(access: Access, task_id: int) -> Task:
    """The task, for its appraisal pages, if the actor may read its appraisal."""
    task = access_task(access, task_id)
    if not can_view_appraisal(access, task):
        raise Http404
    return task


def access_detailed_task(access: Access, task_id: int) -> Task:
    """A task whose detailed plan the actor may read (the lead agency or the whole congress)."""
    task = (
        Task.objects.select_related("lead_agency", "plan", "congress")
        .filter(pk=task_id, congress=access.congress)
        .first()
    )
    if task is None or not can_view_detailed_plan(access, task):
        raise Http404
    return task


def access_appraisal_file(access: Access, file_id: int) -> AppraisalFile:
    """A file submitted for appraisal, on a live task whose appraisal the actor may read
    (`access_appraisal_task` decides, 404 alike)."""
    stored = AppraisalFile.objects.select_related("round").filter(pk=file_id).first()
    if stored is None:
        raise Http404
    access_appraisal_task(access, stored.round.task_id)
    return stored


def access_detailed_item(access: Access, item_id: int) -> DetailedPlanItem:
    """A work of a detailed plan the actor may read."""
    item = (
        DetailedPlanItem.objects.select_related("plan__task")
        .filter(pk=item_id, plan__congress=access.congress, plan__task__deleted_at__isnull=True)
        .first()
    )
    if item is None or not can_view_detailed_plan(access, item.plan.task):
        raise Http404
    return item
