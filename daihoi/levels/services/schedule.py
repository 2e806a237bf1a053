"""The tree of congresses and the parent's schedule of its subordinate congresses.

Lock order: the parent congress row first (it guards its schedule and its subtree's paths),
then the schedule entry.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.db import transaction
from django.db.models import F, Func, Value

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access
from daihoi.planning import tree_counts

from .. import permissions
from ..models import LevelDeadline, LevelsAction, ReportRecipient, ScheduleEntry, ScheduleState
from ..tree import rank


@dataclass(frozen=True)
class SubordinateFields:
    name: str
    organization: str
    level: str
    ordinal: int
    term_start: int
    term_end: int
    planned_date: dt.date | None = None
    is_pilot: bool = False


@dataclass(frozen=True)
class ScheduleFields:
    planned_date: dt.date | None
    is_pilot: bool
    state: str
    held_date: dt.date | None = None
    note: str = ""


SCHEDULE_FIELDS = ["planned_date", "is_pilot", "state", "held_date", "note"]


def _check_level(child_level: str, parent: Congress) -> None:
    if rank(child_level) <= rank(parent.level):
        raise BusinessError(
            f"Đại hội cấp dưới phải ở cấp thấp hơn cấp của Đại hội cấp trên "
            f"({parent.get_level_display().lower()}).",
            field="level",
        )


def _check_before_parent(parent: Congress, day: dt.date | None, field: str, what: str) -> None:
    """A subordinate congress and the parent's deadlines fall before the parent's own congress."""
    if day and parent.opening_date and day >= parent.opening_date:
        raise BusinessError(
            f"{what} ({day:%d/%m/%Y}) phải trước ngày khai mạc Đại hội cấp trên "
            f"({parent.opening_date:%d/%m/%Y}).",
            field=field,
        )


def _locked(congress: Congress) -> Congress:
    return Congress.objects.select_for_update().get(pk=congress.pk)


@transaction.atomic
def subordinate_create(*, access: Access, fields: SubordinateFields) -> Congress:
    """A new congress under the access's one, on its schedule; locks the parent row."""
    require(permissions.can_manage_schedule(access), permissions.MANAGERS_ONLY)
    parent = _locked(access.congress)
    _check_level(fields.level, parent)
    _check_before_parent(parent, fields.planned_date, "planned_date", "Ngày dự kiến")
    if not fields.name.strip() or not fields.organization.strip():
        raise BusinessError("Cần tên Đại hội và tên Đảng bộ.", field="name")
    if fields.term_end <= fields.term_start:
        raise BusinessError("Năm cuối nhiệm kỳ phải sau năm đầu.", field="term_end")
    if Congress.objects.filter(parent=parent, name=fields.name.strip()).exists():
        raise BusinessError("Đã có Đại hội cấp dưới cùng tên.", field="name")
    congress = Congress.objects.create(
        name=fields.name.strip(),
        organization=fields.organization.strip(),
        level=fields.level,
        ordinal=fields.ordinal,
        term_start=fields.term_start,
        term_end=fields.term_end,
        document_rules=parent.document_rules,
        parent=parent,
    )
    entry = ScheduleEntry(
        congress=congress, planned_date=fields.planned_date, is_pilot=fields.is_pilot
    )
    entry.place(congress.path)
    entry.save()
    record(access, LevelsAction.SUBORDINATE_CREATED, congress, data=_jsonable(asdict(fields)))
    return congress


def _jsonable(data: dict) -> dict:
    return {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in data.items()}


@transaction.atomic
def congress_set_parent(*, access: Access, congress: Congress, parent: Congress | None) -> Congress:
    """Moves a congress (with its subtree) under `parent`, or makes it a root. A congress
    cannot sit under itself or under one of its own subordinates. Locks the moved row, then
    rewrites the subtree's paths in one statement."""
    require(permissions.can_set_parent(access), permissions.ADMIN_ONLY)
    congress = _locked(congress)
    old_path = congress.path
    if parent is not None:
        parent = _locked(parent)
        if parent.path.startswith(old_path):
            raise BusinessError(
                "Không thể đặt một Đại hội làm cấp trên của chính nó hoặc của Đại hội cấp trên "
                "của nó (vòng lặp trong cây Đại hội).",
                field="parent",
            )
        _check_level(congress.level, parent)
    before = {"parent": str(congress.parent) if congress.parent_id else "—"}
    new_path = f"{parent.path if parent else '/'}{congress.pk}/"
    congress.parent = parent
    congress.path = new_path
    congress.save(update_fields=["parent", "path"])
    # Every congress below follows: its path's old prefix becomes the new one.
    Congress.objects.filter(path__startswith=old_path).exclude(pk=congress.pk).update(
        path=Func(F("path"), Value(old_path), Value(new_path), function="REPLACE")
    )
    moved = list(Congress.objects.filter(path__startswith=new_path).values_list("pk", flat=True))
    tree_counts.place(moved)  # the roll-up's totals follow the subtree to its new place
    if parent is not None:
        ScheduleEntry.objects.get_or_create(congress=congress)
    entries = list(ScheduleEntry.objects.filter(congress_id__in=moved).select_related("congress"))
    for entry in entries:
        entry.place(entry.congress.path)
    ScheduleEntry.objects.bulk_update(entries, ["d0", "d1", "d2", "d3"])
    asked = list(ReportRecipient.objects.filter(congress_id__in=moved).select_related("congress"))
    for recipient in asked:
        recipient.place(recipient.congress.path)
    ReportRecipient.objects.bulk_update(asked, ["d0", "d1", "d2", "d3"], batch_size=1000)
    record(
        access,
        LevelsAction.PARENT_SET,
        congress,
        changes=[["Đại hội cấp trên", before["parent"], str(parent) if parent else "—"]],
    )
    return congress


@transaction.atomic
def schedule_update(
    *,
    access: Access,
    entry: ScheduleEntry,
    fields: ScheduleFields,
    expected_version: int | None = None,
) -> ScheduleEntry:
    """The schedule of one subordinate congress; locks the parent, then the entry."""
    require(
        permissions.can_manage_schedule(access) and entry.congress.parent_id == access.congress.pk,
        permissions.MANAGERS_ONLY,
    )
    parent = _locked(access.congress)
    entry = ScheduleEntry.objects.select_for_update().select_related("congress").get(pk=entry.pk)
    check_version(entry, expected_version, "Lịch đại hội")
    _check_before_parent(parent, fields.planned_date, "planned_date", "Ngày dự kiến")
    _check_before_parent(parent, fields.held_date, "held_date", "Ngày tổ chức")
    if fields.state == ScheduleState.HELD and fields.held_date is None:
        raise BusinessError("Đại hội đã tổ chức cần ghi ngày tổ chức.", field="held_date")
    if fields.state != ScheduleState.HELD and fields.held_date is not None:
        raise BusinessError(
            "Chỉ ghi ngày tổ chức khi tình trạng là “Đã tổ chức”.", field="held_date"
        )
    before = snapshot(entry, SCHEDULE_FIELDS)
    for name, value in asdict(fields).items():
        setattr(entry, name, value.strip() if isinstance(value, str) else value)
    entry.save()
    record(
        access,
        LevelsAction.SCHEDULE_UPDATED,
        entry,
        changes=changes_since(entry, before),
    )
    return entry


@transaction.atomic
def level_deadline_set(
    *, access: Access, level: str, deadline: dt.date, text: str = ""
) -> LevelDeadline:
    """The parent's deadline for the congresses of one level below it (one per level)."""
    require(permissions.can_manage_schedule(access), permissions.MANAGERS_ONLY)
    parent = _locked(access.congress)
    _check_level(level, parent)
    _check_before_parent(parent, deadline, "deadline", "Hạn")
    row, _ = LevelDeadline.objects.update_or_create(
        congress=parent, level=level, defaults={"deadline": deadline, "text": text.strip()}
    )
    record(access, LevelsAction.DEADLINE_SET, row, data={"deadline": deadline.isoformat()})
    return row


@transaction.atomic
def level_deadline_remove(*, access: Access, deadline: LevelDeadline) -> None:
    require(
        permissions.can_manage_schedule(access) and deadline.congress_id == access.congress.pk,
        permissions.MANAGERS_ONLY,
    )
    record(access, LevelsAction.DEADLINE_REMOVED, deadline)
    deadline.delete()
