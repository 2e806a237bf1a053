"""Reads across the levels, already restricted to what the actor may see."""

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from django.db.models import Avg, Count, Q, QuerySet

from daihoi.core.sql import table
from daihoi.organizations.models import Congress
from daihoi.organizations.permissions import Access
from daihoi.reporting.models import ReportRequest, ReportSubmission

from .models import (
    Guidance,
    GuidanceItem,
    GuidanceItemCount,
    GuidanceRecipient,
    GuidanceTask,
    LevelDeadline,
    ReportRecipient,
    ScheduleEntry,
    ScheduleState,
    is_behind,
)
from .tree import descendants_q


@dataclass(frozen=True)
class ScheduleRow:
    congress: Congress
    entry: ScheduleEntry
    deadline: LevelDeadline | None
    behind: bool
    children: int


def schedule_rows(
    access: Access, today: dt.date, *, behind_only: bool = False
) -> list[ScheduleRow]:
    """The access's congress's direct subordinates with their schedule, pilots first, then by
    planned day; each flagged when behind the schedule or the parent's deadline for its level."""
    deadlines = {d.level: d for d in LevelDeadline.objects.filter(congress=access.congress)}
    children = (
        Congress.objects.filter(parent=access.congress)
        .select_related("schedule_entry")
        .annotate(children_count=Count("children"))
        .order_by("level", "name")
    )
    rows = []
    for child in children:
        entry = getattr(child, "schedule_entry", None) or ScheduleEntry(congress=child)
        deadline = deadlines.get(child.level)
        behind = is_behind(entry, deadline.deadline if deadline else None, today)
        if behind_only and not behind:
            continue
        rows.append(ScheduleRow(child, entry, deadline, behind, child.children_count))
    rows.sort(key=lambda r: (not r.entry.is_pilot, r.entry.planned_date or dt.date.max))
    return rows


def level_deadlines(access: Access) -> list[LevelDeadline]:
    return list(LevelDeadline.objects.filter(congress=access.congress))


def state_counts(congress: Congress) -> dict[str, int]:
    """Every congress below `congress` counted by schedule state (no entry: not yet started)."""
    counts = {state.value: 0 for state in ScheduleState}
    total = Congress.objects.filter(descendants_q(congress)).count()
    for row in (
        ScheduleEntry.objects.filter(descendants_q(congress, "congress__"))
        .values("state")
        .annotate(n=Count("id"))
    ):
        counts[row["state"]] = row["n"]
    counts[ScheduleState.NOT_STARTED] += total - sum(counts.values())
    return counts


def ancestors(congress: Congress) -> list[Congress]:
    """The congresses above, the root first (what a lower level may name, not open)."""
    by_id = Congress.objects.in_bulk(congress.ancestor_ids)
    return [by_id[i] for i in congress.ancestor_ids if i in by_id]


# Guidance ---------------------------------------------------------------------------------------


def guidances_of(access: Access) -> QuerySet[Guidance]:
    """The guidances the access's congress wrote, newest first, with their counts."""
    return Guidance.objects.filter(congress=access.congress).annotate(
        item_count=Count("items", distinct=True),
        recipient_count=Count("recipients", distinct=True),
    )


def received_by(access: Access) -> QuerySet[GuidanceRecipient]:
    """What came from above to the access's congress, delivered, with its open tasks."""
    return (
        GuidanceRecipient.objects.filter(congress=access.congress, delivered_at__isnull=False)
        .select_related("guidance__congress")
        .annotate(
            task_count=Count("tasks", distinct=True),
            open_count=Count(
                "tasks",
                filter=Q(tasks__task__accepted=False, tasks__task__cancelled=False),
                distinct=True,
            ),
            notice_count=Count("notices", distinct=True),
        )
        .order_by("-delivered_at")
    )


def recipient_progress(guidance: Guidance) -> QuerySet[GuidanceRecipient]:
    """Each recipient's tasks of the guidance: how many, how many done, mean progress."""
    return (
        GuidanceRecipient.objects.filter(guidance=guidance)
        .select_related("congress")
        .annotate(
            task_count=Count("tasks"),
            done_count=Count("tasks", filter=Q(tasks__task__accepted=True)),
            reported_count=Count(
                "tasks", filter=Q(tasks__task__reported_complete_on__isnull=False)
            ),
            mean_progress=Avg("tasks__task__progress"),
        )
        .order_by("congress__name")
    )


def open_guidance_tasks(congress: Congress) -> list[tuple[Guidance, int]]:
    """The congress's guidances with how many of their tasks below are still to do, from the
    counts kept per item (`levels/counts.py`), newest first: one statement over its few items,
    written out since the roll-up page reads it on every visit."""
    rows = Guidance.objects.raw(
        f"SELECT g.*, sum(n.open_tasks) AS open_tasks FROM {table(Guidance)} g"
        f" JOIN {table(GuidanceItem)} i ON i.guidance_id = g.id"
        f" JOIN {table(GuidanceItemCount)} n ON n.item_id = i.id"
        " WHERE g.congress_id = %s GROUP BY g.id HAVING sum(n.open_tasks) > 0"
        " ORDER BY g.created_at DESC, g.id DESC",
        [congress.pk],
    )
    return [(guidance, cast(Any, guidance).open_tasks) for guidance in rows]


def received_tasks(recipient: GuidanceRecipient) -> list[GuidanceTask]:
    return list(
        recipient.tasks.select_related("task", "task__lead_agency", "item").order_by("item_id")
    )


# Reports up ---------------------------------------------------------------------------------------

SENT = ReportSubmission.Status.SUBMITTED


def reports_received(access: Access) -> QuerySet[ReportRecipient]:
    """The report requests the congresses above sent to the access's congress, the nearest
    deadline first among those not yet sent."""
    return (
        ReportRecipient.objects.filter(congress=access.congress)
        .select_related("request__congress", "submission__request", "submission__agency")
        .order_by("submission__status", "request__deadline", "pk")
    )


def requests_to_below(congress: Congress) -> list[ReportRequest]:
    """The congress's report requests to the congresses below still waiting for an answer,
    each with how many were asked (`asked`) and how many have not sent (`unanswered`), nearest
    deadline first: one statement, as the roll-up page reads it on every visit."""
    waiting = "CASE WHEN s.status <> %s THEN 1 ELSE 0 END"
    return list(
        ReportRequest.objects.raw(
            f"SELECT r.*, count(s.id) AS asked, sum({waiting}) AS unanswered"
            f" FROM {table(ReportRequest)} r"
            f" JOIN {table(ReportSubmission)} s ON s.request_id = r.id"
            f" WHERE r.congress_id = %s AND EXISTS (SELECT 1 FROM {table(ReportRecipient)} x"
            " WHERE x.request_id = r.id)"
            f" GROUP BY r.id HAVING sum({waiting}) > 0 ORDER BY r.deadline, r.id",
            [SENT, congress.pk, SENT],
        )
    )
