"""'Trách nhiệm của tôi': a person's memberships in the congress's committees, their duties,
and the tasks that follow from them."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Window

from daihoi.organizations.models import Agency, Membership
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Task
from daihoi.planning.status import StatusClass, open_q

# The roles whose holder accepts (or returns) the committee's completed tasks.
ACCEPTING_ROLES = (
    Membership.Role.HEAD,
    Membership.Role.STANDING_DEPUTY,
    Membership.Role.DEPUTY,
    Membership.Role.GROUP_LEADER,
)
DUTY_TASKS_SHOWN = 30


@dataclass
class DutyTasks:
    title: str
    rows: list[tuple[Task, StatusClass]]
    total: int
    empty: str


@dataclass
class MyDuties:
    memberships: list[Membership]
    agencies_led: list[Agency]
    sections: list[DutyTasks]


def _duty_tasks(
    tasks: QuerySet[Task], today: dt.date, title: str, empty: str, condition: Q | None
) -> DutyTasks:
    if condition is None:
        return DutyTasks(title, [], 0, empty)
    # The first rows and, on each, how many there are in all: one query.
    chosen = tasks.filter(condition).annotate(total=Window(Count("pk"))).order_by("deadline", "id")
    rows = list(chosen[:DUTY_TASKS_SHOWN])
    total = getattr(rows[0], "total", 0) if rows else 0
    return DutyTasks(title, [(t, t.status_class(today)) for t in rows], total, empty)


def my_duties(access: Access, today: dt.date) -> MyDuties:
    """What the signed-in person was assigned — their memberships with the duties the founding
    decision gives them, the agencies whose congress work they lead — and the open tasks that
    follow: of the areas and agencies they supervise, those they lead in charge, and those of
    their committees awaiting their acceptance. Every task list reads `Task.objects.visible_to`
    (the user's own visibility), a fixed number of queries whatever the rows."""
    if access.person_id is None:
        return MyDuties([], [], [])
    memberships = list(
        Membership.objects.filter(person_id=access.person_id, committee__congress=access.congress)
        .select_related("committee")
        .prefetch_related("supervised_agencies")
        .order_by("committee__name")
    )
    agencies_led = list(
        Agency.objects.filter(congress=access.congress, leader_in_charge_id=access.person_id)
    )
    areas = {a for m in memberships for a in m.areas}
    supervised = {a.pk for m in memberships for a in m.supervised_agencies.all()}
    supervised |= {a.pk for a in agencies_led}
    accepting = [m.committee_id for m in memberships if m.role in ACCEPTING_ROLES]
    tasks = Task.objects.visible_to(access).filter(open_q()).select_related("lead_agency")
    watched = None
    if areas or supervised:
        watched = Q(area__in=areas) | Q(lead_agency_id__in=supervised)
    awaiting = None
    if accepting and access.can_accept:
        awaiting = Q(reported_complete_on__isnull=False) & (
            Q(committee_id__in=accepting)
            | Q(committee_id__isnull=True, plan__committee_id__in=accepting)
        )
    sections = [
        _duty_tasks(
            tasks,
            today,
            "Tôi là lãnh đạo phụ trách",
            "Chưa được giao phụ trách nhiệm vụ nào.",
            Q(leader_in_charge_id=access.person_id),
        ),
        _duty_tasks(
            tasks,
            today,
            "Thuộc lĩnh vực, cơ quan tôi theo dõi",
            "Chưa được phân công theo dõi lĩnh vực hay cơ quan nào, hoặc các nhiệm vụ đó đã xong.",
            watched,
        ),
    ]
    if awaiting is not None:
        # Only for whoever accepts their committee's completed tasks.
        sections.insert(
            0,
            _duty_tasks(
                tasks,
                today,
                "Chờ tôi xác nhận hoàn thành",
                "Không có nhiệm vụ nào của tiểu ban đang chờ xác nhận.",
                awaiting,
            ),
        )
    return MyDuties(memberships, agencies_led, sections)
