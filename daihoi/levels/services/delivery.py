"""The delivery job's work: a guidance's items become tasks in each recipient congress.

Recipients are delivered in batches, each one transaction that marks its recipients delivered,
so a retried job skips what is done and creates nothing twice. The rows are made by the
database (`core.sql.insert_select`): per item, one INSERT … SELECT of its task in every
recipient of the batch and one of the links; then, for the batch's tasks, one of their lead
assignments and one of their first history rows. Python builds one prototype per item, not one
object per task, so a batch costs about the same whatever its size. Everything the model-level
bulk insert would do is done here: the summary cells and the roll-up's totals
(`summary.record_states`), the items' tasks still to do (`levels/counts.py`), an audit entry
per recipient, one notice per receiving office per congress (after commit).
"""

from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from daihoi.core import sql
from daihoi.core.audit import record_each
from daihoi.core.services import send_on_commit
from daihoi.planning import signals as planning_signals
from daihoi.planning import summary
from daihoi.planning.models import Task, TaskAssignment
from daihoi.planning.services.bulk import history_create

from .. import counts as open_counts
from ..models import (
    Guidance,
    GuidanceAction,
    GuidanceItem,
    GuidanceRecipient,
    GuidanceSend,
    GuidanceTask,
)
from .guidance import lead_offices, task_for, written_of

BATCH = 200
# Ids per statement where a batch's tasks are named by id (SQLite takes at most 32,766).
IDS_PER_STATEMENT = 5000


def deliver(send_id: int) -> int:
    """Creates the tasks of every recipient not yet delivered, a batch per transaction; returns
    how many recipients it delivered. Safe to run again."""
    send = GuidanceSend.objects.select_related("guidance__congress").get(pk=send_id)
    GuidanceSend.objects.filter(pk=send_id, state=GuidanceSend.State.QUEUED).update(
        state=GuidanceSend.State.RUNNING
    )
    guidance = send.guidance
    items = list(guidance.items.all())
    delivered = 0
    while True:
        with transaction.atomic():
            batch = list(
                GuidanceRecipient.objects.select_for_update(skip_locked=True)
                .filter(send_id=send_id, delivered_at__isnull=True)
                .select_related("congress")
                .order_by("pk")[:BATCH]
            )
            if not batch:
                break
            deliver_batch(guidance, items, batch)
            GuidanceSend.objects.filter(pk=send_id).update(done=F("done") + len(batch))
            delivered += len(batch)
    GuidanceSend.objects.filter(pk=send_id).exclude(state=GuidanceSend.State.DONE).filter(
        done__gte=F("total")
    ).update(state=GuidanceSend.State.DONE, finished_at=timezone.now())
    return delivered


def _field(model: type[models.Model], name: str) -> Any:
    return model._meta.get_field(name)


def _task_values(proto: Task) -> dict[str, Any]:
    """Every column of a task as the prototype holds it (timestamps set as a save sets them);
    the three that differ per congress are read from the batch's rows `r`."""
    values: dict[str, Any] = {}
    for field in Task._meta.concrete_fields:
        if field.name == "id":
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values[field.name] = field.pre_save(proto, add=True)
        else:
            values[field.name] = getattr(proto, field.attname)
    values |= {
        "congress": sql.Column("r.c0"),
        "lead_agency": sql.Column("r.c1"),
        "deadline": sql.Column("r.c2"),
    }
    return values


def _insert_item(
    guidance: Guidance,
    item: GuidanceItem,
    batch: list[GuidanceRecipient],
    leads: dict[int, int],
) -> list[tuple[int, summary.State]]:
    """The item's task in each recipient of the batch and its link (two statements); returns
    each new task's id and its state for the summary (the prototype's, with the three values
    of its congress: exactly what was inserted)."""
    first = batch[0]
    proto = task_for(item, first.congress, leads[first.congress_id], guidance)
    deadline_of = {r.congress_id: item.deadline_for(r.congress) for r in batch}
    rows = [(r.congress_id, leads[r.congress_id], deadline_of[r.congress_id]) for r in batch]
    fields = [_field(Task, "congress"), _field(Task, "lead_agency"), _field(Task, "deadline")]
    created = sql.insert_select(
        Task,
        _task_values(proto),
        source="r",
        prefix=sql.values_source("r", fields, rows),
        returning=["id", "congress_id"],
    )
    recipient_of = {r.congress_id: r.pk for r in batch}
    links = [(task_id, recipient_of[congress_id]) for task_id, congress_id in created]
    sql.insert_select(
        GuidanceTask,
        {
            "item": item.pk,
            "recipient": sql.Column("r.c1"),
            "task": sql.Column("r.c0"),
            "revision": item.revision,
            "written": written_of(item),
        },
        source="r",
        prefix=sql.values_source(
            "r", [_field(GuidanceTask, "task"), _field(GuidanceTask, "recipient")], links
        ),
    )
    made = []
    for task_id, congress_id in created:
        proto.congress_id, proto.lead_agency_id = congress_id, leads[congress_id]
        proto.deadline = deadline_of[congress_id]
        made.append((task_id, summary.state_of(proto)))
    return made


def _assign_leads(task_ids: list[int]) -> None:
    """Each new task's lead agency as its one assignment row (the inbox reads those)."""
    proto = TaskAssignment(role=TaskAssignment.Role.LEAD)
    values = {f.name: getattr(proto, f.attname) for f in TaskAssignment._meta.concrete_fields} | {
        "task": sql.Column("t.id"),
        "agency": sql.Column("t.lead_agency_id"),
        "deadline": sql.Column("t.deadline"),
        "key_item": sql.Column("t.key_item"),
    }
    del values["id"]
    for start in range(0, len(task_ids), IDS_PER_STATEMENT):
        chunk = task_ids[start : start + IDS_PER_STATEMENT]
        marks = ", ".join(["%s"] * len(chunk))
        sql.insert_select(
            TaskAssignment,
            values,
            source=f"{sql.table(Task)} t WHERE t.id IN ({marks})",
            params=chunk,
        )


def deliver_batch(
    guidance: Guidance, items: list[GuidanceItem], batch: list[GuidanceRecipient]
) -> None:
    leads = lead_offices([r.congress_id for r in batch])
    made: list[tuple[int, summary.State]] = []
    for item in items:
        made += _insert_item(guidance, item, batch, leads)
    task_ids = [task_id for task_id, _ in made]
    _assign_leads(task_ids)
    now = timezone.now()
    history_create(task_ids, None, now)
    # The new tasks into the summary cells, as `Task.objects.bulk_create` does.
    summary.record_states((None, state) for _, state in made)
    open_counts.add({item.pk: len(batch) for item in items})
    GuidanceRecipient.objects.filter(pk__in=[r.pk for r in batch]).update(delivered_at=now)
    for recipient in batch:
        recipient.guidance = guidance  # its audit entry names it: no query per recipient
    record_each(
        None,
        GuidanceAction.DELIVERED,
        batch,
        changes_of={},
        data={"guidance": str(guidance), "tasks": len(items)},
    )
    counts = {r.congress_id: {leads[r.congress_id]: len(items)} for r in batch}
    send_on_commit(
        planning_signals.tasks_assigned_across,
        Task,
        counts=counts,
        source=f"{guidance.get_kind_display().lower()} {guidance} của {guidance.congress.name}",
        batch_key=f"{guidance.pk}:{batch[0].pk}",
        actor=None,
    )
