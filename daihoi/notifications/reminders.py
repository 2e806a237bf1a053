"""The daily checks: deadline reminders 3 days and 1 day ahead, and the overdue digest.

Each rule is one query over TaskAssignment rows (the lead and coordinating agencies), built
from the status-class conditions in `planning.status`. A run is idempotent: it locks the day's
`DailyCheck` row, re-checks which notices already exist (their dedupe keys carry the rule and
the date), stores only the missing ones, marks the day, and mails after commit.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from daihoi.core.dates import format_date
from daihoi.planning import summary
from daihoi.planning.models import TaskAssignment
from daihoi.planning.status import StatusClass, open_q, status_q

from . import selectors
from .models import DailyCheck, Kind
from .services import Notice, notices_for, notifications_create, shorten

REMINDER_DAYS = {Kind.DEADLINE_3_DAYS: 3, Kind.DEADLINE_1_DAY: 1}
# After days without a run (cron down), the digest still reports tasks that fell overdue
# in the gap, up to this many days back.
OVERDUE_CATCH_UP_DAYS = 7
TOLD_ROLES = [TaskAssignment.Role.LEAD, TaskAssignment.Role.COORDINATE]


@dataclass(frozen=True)
class DailyCheckResult:
    date: dt.date
    reminders: int
    digests: int


def _assignments(*conditions: Q, **filters):
    return (
        TaskAssignment.objects.filter(
            *conditions,
            accepted=False,
            cancelled=False,
            role__in=TOLD_ROLES,
            task__congress__is_active=True,
            **filters,
        )
        .select_related("task", "agency")
        .order_by("agency_id", "deadline", "task_id")
    )


def due_assignments(deadline: dt.date):
    """Open tasks due on `deadline` that the agency has not yet reported complete."""
    return _assignments(open_q("task__"), deadline=deadline, task__reported_complete_on=None)


def newly_overdue_assignments(today: dt.date, first_deadline: dt.date):
    """Tasks overdue today whose deadline fell in [first_deadline, yesterday]."""
    return _assignments(
        status_q(StatusClass.OPEN_OVERDUE, today, "task__"),
        deadline__gte=first_deadline,
        deadline__lt=today,
    )


def overdue_window_start(today: dt.date) -> dt.date:
    """The day after the last run's window: a run on day D covered deadlines up to D−1."""
    previous = (
        DailyCheck.objects.filter(date__lt=today).order_by("-date").values_list("date", flat=True)
    ).first()
    yesterday = today - dt.timedelta(days=1)
    if previous is None:
        return yesterday
    return max(previous, today - dt.timedelta(days=OVERDUE_CATCH_UP_DAYS))


def _inbox_link(congress_id: int) -> str:
    return reverse("planning:inbox", kwargs={"congress_id": congress_id})


def _reminder_notices(kind: str, days: int, today: dt.date) -> list[Notice]:
    rows = list(due_assignments(today + dt.timedelta(days=days)))
    officers = selectors.officers_by_agency(
        {a.task.congress_id for a in rows}, {a.agency_id for a in rows}
    )
    notices = []
    for assignment in rows:
        task = assignment.task
        notices += notices_for(
            officers.get(assignment.agency_id, []),
            None,
            congress_id=task.congress_id,
            kind=kind,
            title=f"Còn {days} ngày đến hạn: {shorten(task.title)}",
            body=(
                f"Nhiệm vụ “{task.title}” ({assignment.get_role_display().lower()}: "
                f"{assignment.agency.name}) đến hạn ngày {format_date(task.deadline)}. "
                "Đề nghị đơn vị khẩn trương hoàn thành và báo cáo kết quả."
            ),
            link=reverse(
                "planning:task-detail",
                kwargs={"congress_id": task.congress_id, "task_id": task.pk},
            ),
            dedupe_key=f"{kind}:{task.pk}:{assignment.deadline.isoformat()}",
        )
    return notices


def _digest_notices(today: dt.date) -> list[Notice]:
    rows = list(newly_overdue_assignments(today, overdue_window_start(today)))
    by_agency: dict[int, list[TaskAssignment]] = defaultdict(list)
    for assignment in rows:
        by_agency[assignment.agency_id].append(assignment)
    officers = selectors.officers_by_agency({a.task.congress_id for a in rows}, by_agency)
    notices = []
    for agency_id, assignments in by_agency.items():
        agency = assignments[0].agency
        congress_id = assignments[0].task.congress_id
        lines = [
            f"• {a.task.title} — {a.get_role_display().lower()}, hạn {format_date(a.deadline)}"
            for a in assignments
        ]
        body = (
            f"Đến ngày {format_date(today)}, {len(assignments)} nhiệm vụ của {agency.name} "
            "đã quá hạn mà chưa báo cáo hoàn thành:\n" + "\n".join(lines)
        )
        notices += notices_for(
            officers.get(agency_id, []),
            None,
            congress_id=congress_id,
            kind=Kind.OVERDUE_DIGEST,
            title=(
                f"{len(assignments)} nhiệm vụ quá hạn của "
                f"{agency.short_name or agency.name} ({format_date(today)})"
            ),
            body=body,
            link=_inbox_link(congress_id),
            dedupe_key=f"{Kind.OVERDUE_DIGEST}:{agency_id}:{today.isoformat()}",
        )
    return notices


def daily_checks_run(*, today: dt.date | None = None) -> DailyCheckResult:
    """Runs the day's rules once; a second run on the same day stores and sends nothing.

    Locks the day's DailyCheck row, so concurrent runs (two cron hosts) wait for each other."""
    today = today or timezone.localdate()
    with transaction.atomic():
        DailyCheck.objects.get_or_create(date=today)
        check = DailyCheck.objects.select_for_update().get(date=today)
        reminders = []
        for kind, days in REMINDER_DAYS.items():
            reminders += notifications_create(notices=_reminder_notices(kind, days, today))
        digests = notifications_create(notices=_digest_notices(today))
        check.finished_at = timezone.now()
        check.notifications_created += len(reminders) + len(digests)
        check.save(update_fields=["finished_at", "notifications_created"])
    if today == timezone.localdate():
        # The task summary's overdue counts move to the new day here, before anyone reads them
        # (a reader would do it too: this only spares the first one the wait).
        summary.roll_forward_all(today)
    return DailyCheckResult(date=today, reminders=len(reminders), digests=len(digests))
