"""Guidance down: a parent writes a guidance (or plan template), sends it to chosen congresses
below, and a background job turns each item into a task in each of them.

Sending is refused as a whole when any chosen congress is outside the sender's tree, already
received this guidance, or has no office to lead the tasks: nothing is half-created. The job
(`tasks.deliver_guidance`, `delivery.py`) delivers recipients in batches, each batch one
transaction that marks its recipients delivered, so a retried job skips what is done and
creates nothing twice.
A later change to an item reaches each recipient as a notice, and as an update of its task
where the lower level has not changed that task since it was written (`written`).
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Min

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.text import fold
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Agency, Congress
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Phase, Task, TaskAssignment

from .. import permissions
from ..models import (
    Guidance,
    GuidanceAction,
    GuidanceItem,
    GuidanceNotice,
    GuidanceRecipient,
    GuidanceSend,
    GuidanceTask,
)
from ..tree import is_descendant

BATCH = 200


@dataclass(frozen=True)
class ItemFields:
    title: str
    area: str
    description: str = ""
    deadline: dt.date | None = None
    offset_days: int | None = None


def _own(access: Access, guidance: Guidance) -> None:
    require(
        permissions.can_manage_schedule(access) and guidance.congress_id == access.congress.pk,
        permissions.MANAGERS_ONLY,
    )


@transaction.atomic
def guidance_create(
    *,
    access: Access,
    kind: str,
    title: str,
    symbol: str = "",
    issued_on: dt.date | None = None,
    summary: str = "",
) -> Guidance:
    require(permissions.can_manage_schedule(access), permissions.MANAGERS_ONLY)
    if not title.strip():
        raise BusinessError("Cần trích yếu của hướng dẫn.", field="title")
    guidance = Guidance.objects.create(
        congress=access.congress,
        kind=kind,
        title=title.strip(),
        symbol=symbol.strip(),
        issued_on=issued_on,
        summary=summary.strip(),
    )
    record(access, GuidanceAction.CREATED, guidance)
    return guidance


def _check_item(fields: ItemFields) -> None:
    if not fields.title.strip():
        raise BusinessError("Cần nội dung nhiệm vụ.", field="title")
    if fields.deadline and fields.offset_days is not None:
        raise BusinessError(
            "Chọn một cách đặt hạn: một ngày cụ thể hoặc theo ngày khai mạc (D−…).",
            field="deadline",
        )


@transaction.atomic
def guidance_item_add(*, access: Access, guidance: Guidance, fields: ItemFields) -> GuidanceItem:
    """An item; once the guidance has been sent, only later sendings carry it."""
    _own(access, guidance)
    _check_item(fields)
    item = GuidanceItem.objects.create(
        guidance=guidance,
        title=fields.title.strip(),
        description=fields.description.strip(),
        area=fields.area,
        deadline=fields.deadline,
        offset_days=fields.offset_days,
    )
    record(access, GuidanceAction.ITEM_ADDED, guidance, data={"item": item.title})
    return item


@transaction.atomic
def guidance_item_update(
    *,
    access: Access,
    item: GuidanceItem,
    fields: ItemFields,
    expected_version: int | None = None,
) -> GuidanceItem:
    """Changes an item (locked) and counts a revision; the job `propagate_item` then tells
    every recipient and updates the tasks nobody changed below. A form opened before someone
    else's save is refused (`core.versioning`)."""
    item = GuidanceItem.objects.select_for_update().select_related("guidance").get(pk=item.pk)
    _own(access, item.guidance)
    check_version(item, expected_version, "Nhiệm vụ hướng dẫn", trail=item.guidance)
    _check_item(fields)
    before = [item.title, item.deadline_label]
    item.title = fields.title.strip()
    item.description = fields.description.strip()
    item.area = fields.area
    item.deadline = fields.deadline
    item.offset_days = fields.offset_days
    item.revision += 1
    item.save()
    record(
        access,
        GuidanceAction.ITEM_CHANGED,
        item.guidance,
        changes=[["Nhiệm vụ", before[0], item.title], ["Hạn", before[1], item.deadline_label]],
    )
    if item.tasks.exists():
        from ..tasks import propagate_item

        transaction.on_commit(lambda: propagate_item.enqueue(item.pk))
    return item


def targets(access: Access, *, level: str = "", congress_ids: list[int] | None = None) -> list[int]:
    """The congresses a sending names: a list, every congress of a level below, or (neither)
    the direct subordinates."""
    below = Congress.objects.filter(path__startswith=access.congress.path).exclude(
        pk=access.congress.pk
    )
    if congress_ids:
        return list(dict.fromkeys(congress_ids))
    if level:
        return list(below.filter(level=level).order_by("pk").values_list("pk", flat=True))
    return list(below.filter(parent=access.congress).order_by("pk").values_list("pk", flat=True))


def _names(ids: list[int] | set[int], limit: int = 5) -> str:
    names = list(Congress.objects.filter(pk__in=list(ids)[:limit]).values_list("name", flat=True))
    more = len(ids) - len(names)
    return ", ".join(names) + (f" và {more} Đại hội khác" if more > 0 else "")


def lead_offices(congress_ids: list[int]) -> dict[int, int]:
    """The agency that leads the received tasks in each congress: its first issuing office
    (the party committee's office), else its first agency."""
    leads = dict(
        Agency.objects.filter(congress_id__in=congress_ids, is_issuer=True)
        .values("congress_id")
        .annotate(first=Min("pk"))
        .values_list("congress_id", "first")
    )
    missing = [pk for pk in congress_ids if pk not in leads]
    if missing:
        leads |= dict(
            Agency.objects.filter(congress_id__in=missing)
            .values("congress_id")
            .annotate(first=Min("pk"))
            .values_list("congress_id", "first")
        )
    return leads


def below_or_refuse(access: Access, congress_ids: list[int]) -> dict[int, Congress]:
    """The chosen congresses, each checked to be below the access's one: any other (missing,
    a sibling, one above, itself) refuses the whole choice with a clear message."""
    chosen = {c.pk: c for c in Congress.objects.filter(pk__in=congress_ids)}
    outside = {pk for pk in congress_ids if pk not in chosen} | {
        pk for pk, c in chosen.items() if not is_descendant(c, access.congress)
    }
    if outside:
        raise BusinessError(
            "Chỉ gửi được cho Đại hội cấp dưới của mình; "
            f"{len(outside)} Đại hội đã chọn không thuộc cấp dưới.",
            field="congress_ids",
        )
    return chosen


def offices_or_refuse(congress_ids: list[int], purpose: str) -> dict[int, int]:
    """Each chosen congress's answering office (`lead_offices`); a congress without any agency
    refuses the whole choice."""
    leads = lead_offices(congress_ids)
    without = set(congress_ids) - set(leads)
    if without:
        raise BusinessError(
            f"{_names(without)} chưa có cơ quan, đơn vị nào để {purpose}.", field="congress_ids"
        )
    return leads


@transaction.atomic
def guidance_send(*, access: Access, guidance: Guidance, congress_ids: list[int]) -> GuidanceSend:
    """Checks every chosen congress, records them as recipients and queues the delivery.
    Locks the guidance row, so two sendings of it never interleave."""
    _own(access, guidance)
    guidance = Guidance.objects.select_for_update().get(pk=guidance.pk)
    if not congress_ids:
        raise BusinessError("Chưa chọn Đại hội cấp dưới nào để gửi.", field="congress_ids")
    if not guidance.items.exists():
        raise BusinessError("Hướng dẫn chưa có nhiệm vụ nào để giao.")
    chosen = below_or_refuse(access, congress_ids)
    already = set(
        GuidanceRecipient.objects.filter(guidance=guidance, congress_id__in=chosen).values_list(
            "congress_id", flat=True
        )
    )
    if already:
        raise BusinessError(
            f"Hướng dẫn này đã được gửi cho {_names(already)}; không gửi lại lần hai.",
            field="congress_ids",
        )
    offices_or_refuse(list(chosen), "chủ trì nhiệm vụ được giao")
    send = GuidanceSend.objects.create(guidance=guidance, total=len(chosen))
    GuidanceRecipient.objects.bulk_create(
        [GuidanceRecipient(guidance=guidance, congress_id=pk, send=send) for pk in sorted(chosen)],
        batch_size=1000,
    )
    record(access, GuidanceAction.SENT, guidance, data={"congresses": len(chosen)})
    from ..tasks import deliver_guidance

    transaction.on_commit(lambda: deliver_guidance.enqueue(send.pk))
    return send


def _written(task: Task) -> dict:
    """What a guidance writes into a task, as the task holds it now."""
    return {
        "title": task.title,
        "description": task.description,
        "area": task.area,
        "offset": task.deadline_offset_days,
        "deadline": None
        if task.deadline_offset_days is not None or task.deadline is None
        else task.deadline.isoformat(),
    }


def written_of(item: GuidanceItem) -> dict:
    """What a guidance writes into a new task of `item` (`_written` of that task)."""
    return {
        "title": item.title,
        "description": item.description,
        "area": item.area,
        "offset": item.offset_days,
        "deadline": None
        if item.offset_days is not None or item.deadline is None
        else item.deadline.isoformat(),
    }


def task_for(item: GuidanceItem, congress: Congress, lead_id: int, guidance: Guidance) -> Task:
    """The task `item` becomes in `congress` (not saved)."""
    task = Task(
        congress=congress,
        title=item.title,
        description=item.description,
        lead_agency_id=lead_id,
        area=item.area,
        phase=Phase.BEFORE,
        deadline=item.deadline_for(congress),
        deadline_offset_days=item.offset_days,
        source_text=f"{guidance.get_kind_display()} {guidance} của {guidance.congress.name}",
    )
    task.search_text = fold(f"{task.title} {task.description}")
    return task


def propagate(item_id: int) -> int:
    """Brings an item's change to every recipient: a notice each, and the task updated where
    it still holds what the guidance wrote. Returns how many tasks were updated."""
    item = GuidanceItem.objects.select_related("guidance").get(pk=item_id)
    updated = 0
    links = (
        GuidanceTask.objects.filter(item=item, revision__lt=item.revision)
        .select_related("task", "recipient__congress")
        .order_by("pk")
    )
    for link in links.iterator(chunk_size=500):
        with transaction.atomic():
            task = Task.objects.select_for_update().get(pk=link.task_id)
            congress = link.recipient.congress
            unchanged = _written(task) == link.written
            if unchanged:
                task.title, task.description, task.area = item.title, item.description, item.area
                task.deadline = item.deadline_for(congress)
                task.deadline_offset_days = item.offset_days
                task.search_text = fold(f"{task.title} {task.description}")
                task.save(
                    update_fields=[
                        "title",
                        "description",
                        "area",
                        "deadline",
                        "deadline_offset_days",
                        "search_text",
                    ]
                )
                TaskAssignment.objects.filter(task=task).update(deadline=task.deadline)
                link.written = _written(task)
                updated += 1
            text = f"Cấp trên đã sửa nhiệm vụ “{item.title}” (hạn {item.deadline_label}). " + (
                "Nhiệm vụ của đơn vị đã được cập nhật theo."
                if unchanged
                else "Nhiệm vụ này đã được cấp dưới điều chỉnh nên không tự cập nhật; "
                "đề nghị xem lại."
            )
            GuidanceNotice.objects.create(
                recipient=link.recipient, item=item, text=text, applied=unchanged
            )
            link.revision = item.revision
            link.save(update_fields=["revision", "written"])
    return updated
