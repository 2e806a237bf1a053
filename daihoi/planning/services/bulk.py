"""Many new tasks at once (the XLSX import): a bounded number of queries per batch of 500,
whatever the number of tasks, with everything `task_create` does for one task — assignment
rows, a history row, an audit entry, the summary's cells (`Task.objects.bulk_create`) — and one
notice per agency officer instead of one per task."""

from collections import Counter
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from daihoi.core import sql
from daihoi.core.audit import record_each
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, send_on_commit
from daihoi.organizations.permissions import Access

from .. import permissions, signals
from ..models import Task, TaskAction, TaskAssignment
from .tasks import TaskFields, resolve_deadline

BATCH = 500
# Validated here by the services' own rules; the foreign keys by `require_same_congress`.
NOT_CHECKED_BY_FULL_CLEAN = [
    "congress",
    "lead_agency",
    "created_by",
    "plan",
    "committee",
    "parent",
    "leader_in_charge",
    "incoming_document",
    "accepted_by",
    "deleted_by",
]


class BulkTaskError(BusinessError):
    """A task of the batch is refused; `index` is its position in the list given."""

    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index


def history_create(task_ids: Sequence[int], user_id: int | None, when) -> None:
    """The first history row of each new task ("+", by `user_id` at `when`), copied by the
    database from the rows just inserted: one INSERT … SELECT, no Python object per row (what
    `bulk_history_create` would build, field by field)."""
    history = Task.history.model
    own = {"history_date": when, "history_change_reason": None, "history_type": "+"}
    own["history_user"] = user_id
    values = {
        field.name: own.get(field.name, sql.Column(sql.quote(field.column)))
        for field in history._meta.concrete_fields
        if field.name != "history_id"
    }
    for start in range(0, len(task_ids), 5000):
        chunk = list(task_ids[start : start + 5000])
        marks = ", ".join(["%s"] * len(chunk))
        sql.insert_select(
            history, values, source=f"{sql.table(Task)} WHERE id IN ({marks})", params=chunk
        )


@transaction.atomic
def tasks_create_bulk(*, access: Access, fields: Sequence[TaskFields]) -> list[Task]:
    """Creates every task or none (a refused one raises `BulkTaskError` naming it). Per batch
    of `BATCH` tasks: one INSERT of tasks, one of assignment rows, one INSERT … SELECT of
    history rows, one of audit entries and one upsert of summary cells; after commit, one
    `tasks_assigned_in_bulk` event (how many tasks each agency was given)."""
    require(permissions.can_create_task(access))
    congress = access.congress
    now = timezone.now()
    tasks: list[Task] = []
    for index, item in enumerate(fields):
        try:
            deadline = resolve_deadline(congress, item.deadline, item.deadline_offset_days)
            item.validate(congress)
            task = Task(congress=congress, created_by=access.user, created_at=now, updated_at=now)
            item.apply_to(task, deadline)
            task.clean_fields(exclude=NOT_CHECKED_BY_FULL_CLEAN)
        except BusinessError as error:
            raise BulkTaskError(index, error.message) from None
        except Exception as error:  # a ValidationError of a column
            messages = getattr(error, "messages", [str(error)])
            raise BulkTaskError(index, "; ".join(messages)) from None
        tasks.append(task)
    given: Counter[int] = Counter()
    created: list[Task] = []
    for start in range(0, len(tasks), BATCH):
        batch = Task.objects.bulk_create(tasks[start : start + BATCH])
        rows = []
        for task, item in zip(batch, fields[start : start + BATCH], strict=True):
            roles = {task.lead_agency_id: TaskAssignment.Role.LEAD}
            roles.update({a.pk: TaskAssignment.Role.COORDINATE for a in item.coordinating_agencies})
            if item.appraising_agency is not None:
                roles[item.appraising_agency.pk] = TaskAssignment.Role.APPRAISE
            for agency_id, role in roles.items():
                given[agency_id] += 1
                rows.append(
                    TaskAssignment(
                        task=task,
                        agency_id=agency_id,
                        role=role,
                        deadline=task.deadline,
                        key_item=task.key_item,
                    )
                )
        TaskAssignment.objects.bulk_create(rows)
        history_create([task.pk for task in batch], access.user.pk, now)
        record_each(access, TaskAction.CREATED, batch, changes_of={})
        created.extend(batch)
    if created:
        send_on_commit(
            signals.tasks_assigned_in_bulk,
            Task,
            congress=congress,
            counts=dict(given),
            first_task_id=created[0].pk,
            actor=access.user,
        )
    return created
