"""Tasks: assigning, editing, halting, and deadlines that follow the congress dates."""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from daihoi.core.audit import changes_since, display, record, record_each, snapshot
from daihoi.core.exceptions import BusinessError, ConflictError
from daihoi.core.services import require, require_same_congress, send_on_commit
from daihoi.core.text import fold
from daihoi.documents.models import IncomingDocument
from daihoi.organizations.models import Agency, Committee, Congress, Person
from daihoi.organizations.permissions import Access

from .. import permissions, signals
from ..models import HaltState, Plan, ScheduleAction, Task, TaskAction, TaskAssignment


@dataclass(frozen=True)
class TaskFields:
    """What people edit on a task, in one value: built by `TaskForm.task_fields()` (or an
    import row), consumed by `task_create` and `task_update`."""

    title: str
    lead_agency: Agency
    area: str
    phase: str
    description: str = ""
    coordinating_agencies: Sequence[Agency] = ()
    appraising_agency: Agency | None = None
    leader_in_charge: Person | None = None
    start_date: dt.date | None = None
    deadline: dt.date | None = None
    deadline_offset_days: int | None = None
    plan: Plan | None = None
    committee: Committee | None = None
    parent: Task | None = None
    key_item: bool = False
    detailed_plan_due: dt.date | None = None

    # The task's own columns among the fields; the agencies other than the lead are assignments.
    COLUMNS = (
        "title",
        "description",
        "lead_agency",
        "area",
        "phase",
        "leader_in_charge",
        "start_date",
        "deadline",
        "deadline_offset_days",
        "plan",
        "committee",
        "parent",
        "key_item",
        "detailed_plan_due",
    )

    @property
    def agencies(self) -> list[Agency]:
        """Every agency assigned: the lead, the coordinators, then the appraiser."""
        return [
            self.lead_agency,
            *self.coordinating_agencies,
            *filter(None, [self.appraising_agency]),
        ]

    def validate(self, congress: Congress) -> None:
        require_same_congress(
            congress,
            self.lead_agency,
            self.appraising_agency,
            self.leader_in_charge,
            self.plan,
            self.committee,
            self.parent,
        )
        require_same_congress(congress, *self.coordinating_agencies)
        lead, coordinating, appraiser = (
            self.lead_agency,
            self.coordinating_agencies,
            self.appraising_agency,
        )
        if any(a.pk == lead.pk for a in coordinating):
            raise BusinessError(
                "Đơn vị phối hợp không được trùng với đơn vị chủ trì.",
                field="coordinating_agencies",
            )
        if appraiser is not None and (
            appraiser.pk == lead.pk or any(a.pk == appraiser.pk for a in coordinating)
        ):
            raise BusinessError(
                "Đơn vị thẩm định phải khác đơn vị chủ trì và đơn vị phối hợp.",
                field="appraising_agency",
            )
        if self.start_date and self.deadline and self.deadline < self.start_date:
            raise BusinessError("Hạn hoàn thành không được trước ngày bắt đầu.", field="deadline")

    def apply_to(self, task: Task, deadline: dt.date | None) -> None:
        """Writes the columns onto `task`, with the deadline resolved against the congress."""
        for name in self.COLUMNS:
            setattr(task, name, getattr(self, name))
        task.title = self.title.strip()
        task.description = self.description.strip()
        task.deadline = deadline
        task.search_text = fold(
            f"{task.title} {task.description} "
            + " ".join(f"{a.name} {a.short_name}" for a in self.agencies)
        )


def resolve_deadline(
    congress: Congress, deadline: dt.date | None, offset_days: int | None
) -> dt.date | None:
    if offset_days is None:
        return deadline
    if congress.opening_date is None:
        raise BusinessError(
            "Đại hội chưa có ngày khai mạc nên chưa thể đặt hạn theo ngày khai mạc (D−…).",
            field="deadline",
        )
    return congress.opening_date + dt.timedelta(days=offset_days)


def _resolved(fields: TaskFields, congress: Congress) -> dt.date | None:
    deadline = resolve_deadline(congress, fields.deadline, fields.deadline_offset_days)
    replace(fields, deadline=deadline).validate(congress)
    return deadline


def _sync_assignments(task: Task, fields: TaskFields) -> None:
    """Rewrite the task's assignment rows so they match its lead, coordinators and appraiser."""
    wanted = {task.lead_agency_id: TaskAssignment.Role.LEAD}
    wanted.update({a.pk: TaskAssignment.Role.COORDINATE for a in fields.coordinating_agencies})
    if fields.appraising_agency is not None:
        wanted[fields.appraising_agency.pk] = TaskAssignment.Role.APPRAISE
    existing = {a.agency_id: a for a in task.assignments.all()}
    stale = [row.pk for agency_id, row in existing.items() if agency_id not in wanted]
    if stale:
        TaskAssignment.objects.filter(pk__in=stale).delete()
    for agency_id, role in wanted.items():
        row = existing.get(agency_id)
        if row is None:
            TaskAssignment.objects.create(
                task=task,
                agency_id=agency_id,
                role=role,
                accepted=task.accepted,
                cancelled=task.cancelled,
                deadline=task.deadline,
                returned=task.returned_at is not None,
                key_item=task.key_item,
            )
        elif row.role != role:
            row.role = role
            row.save(update_fields=["role"])


def copy_state_to_assignments(task: Task) -> None:
    TaskAssignment.objects.filter(task=task).update(
        accepted=task.accepted,
        cancelled=task.cancelled,
        deadline=task.deadline,
        returned=task.returned_at is not None,
        key_item=task.key_item,
    )


def _partners(task: Task) -> dict[str, str]:
    """The coordinating and appraising agencies by name, for the record of an edit."""
    names: dict[str, list[str]] = {
        TaskAssignment.Role.COORDINATE: [],
        TaskAssignment.Role.APPRAISE: [],
    }
    for row in task.assignments.select_related("agency").order_by("agency__name"):
        if row.role in names:
            names[row.role].append(row.agency.name)
    return {role: ", ".join(found) or "—" for role, found in names.items()}


@transaction.atomic
def task_create(
    *,
    access: Access,
    fields: TaskFields,
    source_text: str = "",
    for_conclusion: bool = False,
    incoming_document: IncomingDocument | None = None,
) -> Task:
    """`for_conclusion`: the caller links the new task to a meeting conclusion in the same
    transaction (meetings' `conclusion_to_task`), which a subcommittee leader may do too.
    `incoming_document`: the document received the task is given from (`incoming_to_task`)."""
    require(permissions.can_create_task(access, for_conclusion=for_conclusion))
    congress = access.congress
    deadline = _resolved(fields, congress)
    require_same_congress(congress, incoming_document)
    task = Task(
        congress=congress,
        source_text=source_text,
        incoming_document=incoming_document,
        created_by=access.user,
    )
    fields.apply_to(task, deadline)
    task.full_clean(exclude=["lead_agency", "congress", "created_by"])
    task.save()
    _sync_assignments(task, fields)
    agency_ids = list(task.assignments.values_list("agency_id", flat=True))
    record(access, TaskAction.CREATED, task, data={"agencies": agency_ids})
    send_on_commit(signals.task_assigned, Task, task=task, agency_ids=agency_ids, actor=access.user)
    return task


def lock_task(task: Task, expected_version: int | None) -> Task:
    """Locks the task row and checks nobody saved it since the form was opened."""
    locked = Task.objects.select_for_update().get(pk=task.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(
            "Nhiệm vụ vừa được người khác cập nhật. Vui lòng tải lại trang, xem thay đổi rồi "
            "nhập lại."
        )
    return locked


@transaction.atomic
def task_update(
    *, access: Access, task: Task, expected_version: int | None, fields: TaskFields
) -> Task:
    """Locks the task row, then checks the version the form was opened at."""
    require(permissions.can_manage_tasks(access) and task.congress_id == access.congress.pk)
    task = lock_task(task, expected_version)
    if fields.parent is not None and fields.parent.pk == task.pk:
        raise BusinessError("Nhiệm vụ không thể là nhiệm vụ cha của chính nó.", field="parent")
    deadline = _resolved(fields, access.congress)
    if task.lead_agency_id != fields.lead_agency.pk and task.reported_complete_on:
        raise BusinessError(
            "Nhiệm vụ đã được báo cáo hoàn thành, không thể đổi đơn vị chủ trì.",
            field="lead_agency",
        )
    before = snapshot(task, TaskFields.COLUMNS)
    partners_before = _partners(task)
    assigned_before = set(task.assignments.values_list("agency_id", flat=True))
    fields.apply_to(task, deadline)
    task.version += 1
    task.full_clean(exclude=["lead_agency", "congress", "created_by"])
    task.save()
    _sync_assignments(task, fields)
    copy_state_to_assignments(task)
    changes = changes_since(task, before)
    partners_after = _partners(task)
    for role, label in TaskAssignment.Role.choices:
        if role in partners_after and partners_before[role] != partners_after[role]:
            changes.append([f"Đơn vị {label.lower()}", partners_before[role], partners_after[role]])
    record(access, TaskAction.UPDATED, task, changes=changes)
    added = set(task.assignments.values_list("agency_id", flat=True)) - assigned_before
    if added:
        send_on_commit(
            signals.task_assigned, Task, task=task, agency_ids=sorted(added), actor=access.user
        )
    return task


HALT_ACTIONS = {
    HaltState.PAUSED: TaskAction.PAUSED,
    HaltState.CANCELLED: TaskAction.CANCELLED,
    HaltState.ACTIVE: TaskAction.RESUMED,
}


@transaction.atomic
def task_set_halt(*, access: Access, task: Task, state: str, reason: str = "") -> Task:
    """Pauses, cancels or resumes the task (`HaltState`). Locks the task row."""
    require(permissions.can_manage_tasks(access) and task.congress_id == access.congress.pk)
    task = lock_task(task, None)
    if task.accepted:
        raise BusinessError("Nhiệm vụ đã hoàn thành, không thể tạm dừng hoặc hủy.")
    if state not in HaltState.values:
        raise BusinessError("Trạng thái không hợp lệ.")
    task.paused = state == HaltState.PAUSED
    task.cancelled = state == HaltState.CANCELLED
    task.version += 1
    task.save()
    copy_state_to_assignments(task)
    record(access, HALT_ACTIONS[HaltState(state)], task, reason=reason)
    return task


@dataclass(frozen=True)
class DeadlineMove:
    """One task's deadline moved with the opening day (what `deadlines_moved` carries)."""

    task_id: int
    old: dt.date | None
    new: dt.date


def _check_starts(tasks: Sequence[Task], opening_date: dt.date, move_starts: bool) -> None:
    """Refuses, naming the tasks, a new opening day that puts a relative deadline before its
    task's start (the database would refuse it too), unless the starts are to move as well."""
    if move_starts:
        return
    clashes = []
    for task in tasks:
        assert task.deadline_offset_days is not None
        deadline = opening_date + dt.timedelta(days=task.deadline_offset_days)
        if task.start_date is not None and deadline < task.start_date:
            start = f"{task.start_date:%d/%m/%Y}"
            clashes.append(f"“{task.title[:80]}” (bắt đầu {start}, hạn mới {deadline:%d/%m/%Y})")
    if clashes:
        shown = "; ".join(clashes[:10]) + (
            f"; và {len(clashes) - 10} nhiệm vụ khác" if len(clashes) > 10 else ""
        )
        raise BusinessError(
            f"Với ngày khai mạc mới, hạn của {len(clashes)} nhiệm vụ sẽ trước ngày bắt đầu: "
            f"{shown}. "
            "Hãy chọn “Dời cả ngày bắt đầu” để đưa ngày bắt đầu của các nhiệm vụ này về hạn mới, "
            "hoặc chọn ngày khai mạc khác."
        )


@transaction.atomic
def congress_reschedule(
    *,
    access: Access,
    opening_date: dt.date,
    closing_date: dt.date | None = None,
    move_starts: bool = False,
) -> int:
    """Moves the congress dates; every deadline set relative to the opening day follows.

    Locks the congress row, then the relative tasks. Writes one entry on the congress and one
    `task.deadline_moved` entry in each moved task's history (old → new), then, after commit,
    sends `deadlines_moved` so each lead and coordinating agency hears once. A bounded number of
    queries whatever the number of tasks. Returns how many tasks moved.

    A relative deadline that would fall before its task's start is refused with the list of the
    tasks concerned, unless `move_starts`: then those starts move to the new deadline too.
    """
    require(access.can_manage)
    if closing_date and closing_date < opening_date:
        raise BusinessError("Ngày bế mạc không được trước ngày khai mạc.", field="closing_date")
    congress = Congress.objects.select_for_update().get(pk=access.congress.pk)
    relative = list(
        Task.objects.select_for_update().filter(
            congress=congress, deadline_offset_days__isnull=False
        )
    )
    _check_starts(relative, opening_date, move_starts)
    before = snapshot(congress, ["opening_date", "closing_date"])
    old_opening = congress.opening_date
    congress.opening_date = opening_date
    congress.closing_date = closing_date
    congress.save(update_fields=["opening_date", "closing_date"])
    moved: list[Task] = []
    moves: list[DeadlineMove] = []
    changes_of: dict[int, list[list[str]]] = {}
    label = str(Task._meta.get_field("deadline").verbose_name).capitalize()
    start_label = str(Task._meta.get_field("start_date").verbose_name).capitalize()
    now = timezone.now()
    for task in relative:
        assert task.deadline_offset_days is not None  # the filter above
        new_deadline = opening_date + dt.timedelta(days=task.deadline_offset_days)
        if new_deadline == task.deadline:
            continue
        moves.append(DeadlineMove(task.pk, task.deadline, new_deadline))
        changes_of[task.pk] = [[label, display(None, task.deadline), display(None, new_deadline)]]
        if task.start_date is not None and new_deadline < task.start_date:  # move_starts
            changes_of[task.pk].append(
                [start_label, display(None, task.start_date), display(None, new_deadline)]
            )
            task.start_date = new_deadline
        task.deadline = new_deadline
        task.version += 1
        task.updated_at = now
        moved.append(task)
    if moved:
        bulk_update_with_history(
            moved,
            Task,
            ["deadline", "start_date", "version", "updated_at"],
            batch_size=500,
            default_user=access.user,
        )
        # The assignment rows carry a copy of the deadline (the inbox index): one UPDATE.
        TaskAssignment.objects.filter(task__in=[t.pk for t in moved]).update(
            deadline=Subquery(Task.all_objects.filter(pk=OuterRef("task_id")).values("deadline"))
        )
        record_each(access, TaskAction.DEADLINE_MOVED, moved, changes_of=changes_of)
    entry = record(
        access,
        ScheduleAction.RESCHEDULED,
        congress,
        data={"tasks_moved": [t.pk for t in moved]},
        changes=changes_since(congress, before),
    )
    if moves:
        send_on_commit(
            signals.deadlines_moved,
            Task,
            congress=congress,
            moves=moves,
            old_opening=old_opening,
            new_opening=opening_date,
            event_id=entry.pk,
            actor=access.user,
        )
    return len(moved)
