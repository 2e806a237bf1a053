"""The parent's side of the tree of congresses: its schedule of the congresses below (read by
its secretariat and subcommittee leaders, kept by its secretariat), its deadlines per level,
a new congress below, and the link to the congress above (the system administrator's)."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema, Status

from daihoi.core.dates import today as local_today
from daihoi.levels import permissions, selectors, services
from daihoi.levels.forms import LevelDeadlineForm, ParentForm, ScheduleForm, SubordinateForm
from daihoi.levels.models import LevelDeadline, ScheduleEntry, ScheduleState
from daihoi.levels.selectors import ScheduleRow
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access

from ..common import (
    VERSION_NOTE,
    access,
    answers,
    form_data,
    gate,
    removal,
    removed,
    valid,
    write,
    write_versioned,
)

router = Router(tags=["Các cấp Đại hội"])


class LevelDeadlineOut(Schema):
    id: int
    level: str
    level_label: str
    deadline: dt.date
    text: str


class ScheduleRowOut(Schema):
    """One congress directly below, with its entry on the parent's schedule."""

    congress_id: int
    name: str
    level: str
    children: int
    state: str
    state_label: str
    planned_date: dt.date | None
    held_date: dt.date | None
    is_pilot: bool
    note: str
    version: int
    behind: bool
    deadline: LevelDeadlineOut | None


class StateCountOut(Schema):
    state: str
    label: str
    count: int


class AncestorOut(Schema):
    id: int
    name: str


class ScheduleOut(Schema):
    rows: list[ScheduleRowOut]
    deadlines: list[LevelDeadlineOut]
    counts: list[StateCountOut]
    ancestors: list[AncestorOut]


class SubordinateOut(Schema):
    id: int
    name: str
    organization: str
    level: str
    ordinal: int
    term_start: int
    term_end: int
    parent_id: int | None


class SubordinateIn(Schema):
    """As the page "Thêm Đại hội cấp dưới"; dates as dd/mm/yyyy or yyyy-mm-dd."""

    name: str
    organization: str
    level: str
    ordinal: int
    term_start: int
    term_end: int
    planned_date: str | None = None
    is_pilot: bool = False


class ScheduleIn(Schema):
    planned_date: str | None = None
    is_pilot: bool = False
    state: str
    held_date: str | None = None
    note: str | None = None
    version: int | None = None


class LevelDeadlineIn(Schema):
    level: str
    deadline: str
    text: str | None = None


class ParentIn(Schema):
    parent: int | None = None


def _deadline(deadline: LevelDeadline) -> dict:
    return {
        "id": deadline.pk,
        "level": deadline.level,
        "level_label": str(deadline.get_level_display()),
        "deadline": deadline.deadline,
        "text": deadline.text,
    }


def _row(row: ScheduleRow) -> dict:
    entry = row.entry
    return {
        "congress_id": row.congress.pk,
        "name": row.congress.name,
        "level": row.congress.level,
        "children": row.children,
        "state": entry.state,
        "state_label": str(ScheduleState(entry.state).label),
        "planned_date": entry.planned_date,
        "held_date": entry.held_date,
        "is_pilot": entry.is_pilot,
        "note": entry.note,
        "version": entry.version,
        "behind": row.behind,
        "deadline": _deadline(row.deadline) if row.deadline else None,
    }


def _schedule(acting: Access, behind_only: bool) -> dict:
    counts = selectors.state_counts(acting.congress)
    return dict(
        rows=[
            _row(r) for r in selectors.schedule_rows(acting, local_today(), behind_only=behind_only)
        ],
        deadlines=[_deadline(d) for d in selectors.level_deadlines(acting)],
        counts=[
            StateCountOut(state=s.value, label=str(s.label), count=counts[s.value])
            for s in ScheduleState
        ],
        ancestors=[AncestorOut(id=c.pk, name=c.name) for c in selectors.ancestors(acting.congress)],
    )


def _managers(request: HttpRequest, congress_id: int) -> Access:
    acting = access(request, congress_id)
    gate(permissions.can_manage_schedule(acting), permissions.MANAGERS_ONLY)
    return acting


@router.get(
    "/{congress_id}/schedule-below/",
    response=answers(ScheduleOut),
    summary="Lịch đại hội các Đại hội cấp dưới trực tiếp, hạn theo cấp, số đại hội theo tình trạng",
    description="`behind=true`: chỉ các Đại hội chậm so với lịch hoặc hạn của cấp "
    "(như “Chỉ xem chậm”).",
)
def schedule(request: HttpRequest, congress_id: int, behind: bool = False) -> dict:
    acting = access(request, congress_id)
    gate(permissions.can_oversee(acting), permissions.READERS_ONLY)
    return _schedule(acting, behind)


@router.put(
    "/{congress_id}/schedule-below/{child_id}/",
    response=answers(ScheduleRowOut),
    summary="Cập nhật lịch của một Đại hội cấp dưới trực tiếp",
    description=VERSION_NOTE,
)
def schedule_update(
    request: HttpRequest, congress_id: int, child_id: int, payload: ScheduleIn
) -> dict:
    acting = access(request, congress_id)
    child = permissions.access_subordinate(acting, child_id)
    gate(
        child.parent_id == acting.congress.pk,
        "Lịch của Đại hội này do Đại hội cấp trên trực tiếp của nó quản lý.",
    )
    gate(permissions.can_manage_schedule(acting), permissions.MANAGERS_ONLY)
    form = valid(ScheduleForm(form_data(payload)))
    entry, _ = ScheduleEntry.objects.get_or_create(congress=child)
    write_versioned(
        request,
        services.schedule_update,
        form,
        access=acting,
        entry=entry,
        fields=form.fields_value(),
    )
    rows = selectors.schedule_rows(acting, local_today())
    return _row(next(r for r in rows if r.congress.pk == child.pk))


@router.post(
    "/{congress_id}/subordinates/",
    response=answers(SubordinateOut, 201),
    summary="Thêm Đại hội cấp dưới vào lịch",
)
def subordinate_create(request: HttpRequest, congress_id: int, payload: SubordinateIn) -> Status:
    acting = _managers(request, congress_id)
    form = valid(SubordinateForm(form_data(payload), parent=acting.congress))
    child = write(
        request, lambda: services.subordinate_create(access=acting, fields=form.fields_value())
    )
    return Status(201, child)


@router.get(
    "/{congress_id}/level-deadlines/",
    response=answers(list[LevelDeadlineOut]),
    summary="Hạn tổ chức đại hội của từng cấp dưới",
)
def level_deadlines(request: HttpRequest, congress_id: int) -> list[dict]:
    acting = access(request, congress_id)
    gate(permissions.can_oversee(acting), permissions.READERS_ONLY)
    return [_deadline(d) for d in selectors.level_deadlines(acting)]


@router.post(
    "/{congress_id}/level-deadlines/",
    response=answers(LevelDeadlineOut),
    summary="Đặt hạn tổ chức đại hội cho một cấp dưới (một hạn mỗi cấp: đặt lại thì thay)",
)
def level_deadline_set(request: HttpRequest, congress_id: int, payload: LevelDeadlineIn) -> dict:
    acting = _managers(request, congress_id)
    form = valid(LevelDeadlineForm(form_data(payload), parent=acting.congress))
    return _deadline(
        write(request, lambda: services.level_deadline_set(access=acting, **form.cleaned_data))
    )


@removal(
    router, "/{congress_id}/level-deadlines/{deadline_id}/", "Bỏ hạn tổ chức đại hội của một cấp"
)
def level_deadline_remove(request: HttpRequest, congress_id: int, deadline_id: int) -> Status:
    acting = access(request, congress_id)
    deadline = permissions.access_deadline(acting, deadline_id)
    gate(permissions.can_manage_schedule(acting), permissions.MANAGERS_ONLY)
    return removed(
        request, lambda: services.level_deadline_remove(access=acting, deadline=deadline)
    )


@router.put(
    "/{congress_id}/parent/",
    response=answers(SubordinateOut),
    summary="Đặt Đại hội cấp trên (Quản trị hệ thống; `parent`: null là cấp cao nhất)",
)
def parent_set(request: HttpRequest, congress_id: int, payload: ParentIn) -> Congress:
    acting = access(request, congress_id)
    gate(permissions.can_set_parent(acting), permissions.ADMIN_ONLY)
    congress = acting.congress
    form = valid(ParentForm(form_data(payload), congress=congress))
    return write(
        request,
        lambda: services.congress_set_parent(
            access=acting, congress=congress, parent=form.cleaned_data["parent"]
        ),
    )
