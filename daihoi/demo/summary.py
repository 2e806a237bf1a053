"""What the demo loader prints per congress: how many records of each kind and tasks by status."""

import datetime as dt
from dataclasses import dataclass

from daihoi.organizations.models import Congress, Membership
from daihoi.planning.models import ProgressUpdate, Task
from daihoi.planning.status import count_by_class


@dataclass
class CongressSummary:
    title: str
    counts: dict[str, int]
    statuses: dict[str, int]


def summarize(congress: Congress, today: dt.date) -> CongressSummary:
    tasks = Task.objects.filter(congress=congress)
    statuses = tasks.aggregate(**count_by_class(today))
    statuses["awaiting"] = tasks.filter(
        reported_complete_on__isnull=False, accepted=False, cancelled=False
    ).count()
    statuses["due_7_days"] = tasks.filter(
        cancelled=False,
        paused=False,
        accepted=False,
        reported_complete_on__isnull=True,
        deadline__gte=today,
        deadline__lte=today + dt.timedelta(days=7),
    ).count()
    counts = {
        "agencies": congress.agencies.count(),
        "people": congress.people.count(),
        "committees": congress.committees.count(),
        "memberships": Membership.objects.filter(committee__congress=congress).count(),
        "plans": congress.plans.count(),
        "tasks": statuses["total"],
        "updates": ProgressUpdate.objects.filter(task__congress=congress).count(),
        "open_obstacles": ProgressUpdate.objects.filter(task__congress=congress)
        .open_obstacles()
        .count(),
    }
    return CongressSummary(congress.full_title, counts, statuses)
