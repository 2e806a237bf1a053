"""Reads for reporting pages, exports and the consolidated report, restricted to the actor."""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from daihoi.core.audit import history_of
from daihoi.core.models import AuditEntry
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.planning import selectors as planning_selectors
from daihoi.planning.models import ProgressUpdate, Task
from daihoi.planning.status import MAIN_CLASSES, StatusClass, count_by_class, open_q, status_q

from .models import (
    DailySnapshot,
    Explanation,
    ReportRequest,
    ReportSubmission,
    SubmissionFile,
    SubmissionState,
    submission_state_q,
)

# Report requests ----------------------------------------------------------------------------------


def _state_counts(today: dt.date) -> dict[str, Count]:
    return {
        state.value: Count(
            "submissions",
            filter=submission_state_q(state, today, prefix="submissions__", deadline="deadline"),
        )
        for state in SubmissionState
    } | {"asked": Count("submissions")}


def requests_of(access: Access, today: dt.date) -> QuerySet[ReportRequest]:
    """For the secretariat and leaders: every request with how many agencies stand where."""
    return (
        ReportRequest.objects.filter(congress=access.congress)
        .annotate(**_state_counts(today))
        .order_by("-deadline", "-id")
    )


def submissions_of_agency(access: Access, agency_id: int) -> QuerySet[ReportSubmission]:
    """An agency's own reports to send, the nearest deadline first."""
    return (
        ReportSubmission.objects.filter(agency_id=agency_id, request__congress=access.congress)
        .select_related("request", "agency")
        .order_by("status", "request__deadline", "id")
    )


def submissions_for(
    access: Access, request: ReportRequest, today: dt.date, state: str = ""
) -> QuerySet[ReportSubmission]:
    """Who sent, who is late and who has not, for one request; an agency sees only its own."""
    qs = (
        ReportSubmission.objects.filter(request=request)
        .select_related("agency__congress", "request", "submitted_by")
        .prefetch_related(Prefetch("files", queryset=SubmissionFile.objects.order_by("id")))
        .order_by("agency__congress__name", "agency__name", "id")
    )
    if not access.sees_whole_congress:
        qs = qs.filter(agency_id=access.agency_id) if access.agency_id else qs.none()
    if state in SubmissionState.values:
        qs = qs.filter(submission_state_q(state, today))
    return qs


def submission_history(submission: ReportSubmission) -> QuerySet[AuditEntry]:
    """The submission's own entries and the request that asked for it."""
    return history_of(submission, submission.request)


# The consolidated report --------------------------------------------------------------------------


@dataclass
class Consolidated:
    as_of: dt.date
    counts: dict[str, int]
    by_agency: list[planning_selectors.AgencyRow]
    by_area: list[dict]
    overdue: list[Task]
    obstacles: list[ProgressUpdate]
    open_conclusions: list[Task]
    classes: list[tuple[str, str, int]] = field(default_factory=list)


def consolidated(access: Access, as_of: dt.date) -> Consolidated:
    """Everything "Báo cáo kết quả thực hiện nhiệm vụ" says, with the status classes as of a date.

    The classes are the same plain conditions with `today=as_of`.
    """
    counts = planning_selectors.status_counts(access, as_of)
    overdue = list(
        Task.objects.counted_for(access)
        .filter(status_q(StatusClass.OPEN_OVERDUE, as_of))
        .select_related("lead_agency")
        .order_by("deadline", "id")
    )
    return Consolidated(
        as_of=as_of,
        counts=counts,
        by_agency=planning_selectors.agency_table(access, as_of),
        by_area=sorted(planning_selectors.area_table(access, as_of), key=lambda r: r["label"]),
        overdue=overdue,
        obstacles=list(planning_selectors.open_obstacles(access, limit=None)),
        open_conclusions=list(planning_selectors.open_conclusion_tasks(access, limit=10_000)),
        classes=[(s.value, str(s.label), counts[s]) for s in MAIN_CLASSES],
    )


# Scorecards ---------------------------------------------------------------------------------------


@dataclass
class Scorecard:
    agency: Agency
    counts: dict[str, int]
    days_late_total: int = 0
    late_tasks: int = 0
    reports_due: int = 0
    reports_on_time: int = 0
    reports_late: int = 0
    reports_missing: int = 0

    @property
    def tasks(self) -> int:
        return sum(self.counts.get(s, 0) for s in MAIN_CLASSES)

    @property
    def done(self) -> int:
        return self.counts.get(StatusClass.DONE_ON_TIME, 0) + self.counts.get(
            StatusClass.DONE_LATE, 0
        )

    @property
    def on_time_rate(self) -> int | None:
        """Tasks completed on time, as a share of the completed ones."""
        if not self.done:
            return None
        return round(100 * self.counts.get(StatusClass.DONE_ON_TIME, 0) / self.done)

    @property
    def average_days_late(self) -> float | None:
        """Over the tasks completed late and those still overdue (late up to today)."""
        if not self.late_tasks:
            return None
        return round(self.days_late_total / self.late_tasks, 1)

    @property
    def reports_on_time_rate(self) -> int | None:
        if not self.reports_due:
            return None
        return round(100 * self.reports_on_time / self.reports_due)


def _rows_by(rows: Iterable[Mapping[str, Any]], key: str) -> dict[int, dict[str, int]]:
    """Grouped counts keyed by the grouping column (an agency id)."""
    return {row[key]: {k: v for k, v in row.items() if k != key} for row in rows}


def scorecards(access: Access, today: dt.date, agency_id: int | None = None) -> list[Scorecard]:
    """Per lead agency, for the term: aggregated by agency first, then joined to the agencies.

    An agency officer gets only their own agency's card.
    """
    if not access.sees_whole_congress:
        agency_id = access.agency_id
    tasks = Task.objects.counted_for(access)
    submissions = ReportSubmission.objects.filter(request__congress=access.congress)
    if agency_id is not None:
        tasks = tasks.led_by(agency_id)
        submissions = submissions.filter(agency_id=agency_id)
    grouped = _rows_by(
        tasks.values("lead_agency_id").annotate(**count_by_class(today)).order_by(),
        "lead_agency_id",
    )
    late_rows = tasks.filter(
        status_q(StatusClass.DONE_LATE, today) | status_q(StatusClass.OPEN_OVERDUE, today)
    ).values_list("lead_agency_id", "deadline", "reported_complete_on", "accepted")
    lateness: dict[int, list[int]] = {}
    for lead_agency_id, deadline, reported, accepted in late_rows:
        if deadline is None:  # a late task always has a deadline; this keeps the types honest
            continue
        end = reported if reported and (accepted or reported > deadline) else today
        lateness.setdefault(lead_agency_id, []).append((end - deadline).days)
    reports = _rows_by(
        submissions.values("agency_id")
        .annotate(
            on_time=Count("pk", filter=submission_state_q(SubmissionState.ON_TIME, today)),
            late=Count("pk", filter=submission_state_q(SubmissionState.LATE, today)),
            missing=Count("pk", filter=submission_state_q(SubmissionState.MISSING, today)),
        )
        .order_by(),
        "agency_id",
    )
    ids = set(grouped) | set(reports)
    cards = []
    for agency in Agency.objects.filter(pk__in=ids, congress=access.congress).order_by("name"):
        report = reports.get(agency.pk, {})
        days = lateness.get(agency.pk, [])
        cards.append(
            Scorecard(
                agency=agency,
                counts=grouped.get(agency.pk, {s.value: 0 for s in StatusClass}),
                days_late_total=sum(days),
                late_tasks=len(days),
                reports_on_time=report.get("on_time", 0),
                reports_late=report.get("late", 0),
                reports_missing=report.get("missing", 0),
                reports_due=sum(report.get(k, 0) for k in ("on_time", "late", "missing")),
            )
        )
    return cards


# Warnings -----------------------------------------------------------------------------------------

SOON_DAYS = 3
# Orange when the progress trails the share of time elapsed by this many points or more.
BEHIND_MARGIN = 40


def warning_colour(task: Task, today: dt.date) -> str:
    """red: overdue; orange: due within 3 days, or progress far behind the time elapsed; green."""
    status = task.status_class(today)
    if status == StatusClass.OPEN_OVERDUE:
        return "red"
    if status != StatusClass.OPEN_ON_TIME or task.reported_complete_on is not None:
        return "green"
    if task.deadline is not None and task.deadline <= today + dt.timedelta(days=SOON_DAYS):
        return "orange"
    if task.start_date and task.deadline and task.start_date < today < task.deadline:
        elapsed = 100 * (today - task.start_date).days / (task.deadline - task.start_date).days
        if elapsed - task.progress >= BEHIND_MARGIN:
            return "orange"
    return "green"


@dataclass
class Warnings:
    red: list[Task]
    orange: list[Task]


def warnings(access: Access, today: dt.date, limit: int = 200) -> Warnings:
    """Open tasks needing attention; the orange candidates are narrowed in SQL first."""
    base = Task.objects.counted_for(access).select_related("lead_agency")
    red = list(
        base.filter(status_q(StatusClass.OPEN_OVERDUE, today)).order_by("deadline", "id")[:limit]
    )
    candidates = base.filter(
        open_q(),
        reported_complete_on__isnull=True,
        deadline__gte=today,
    ).filter(
        Q(deadline__lte=today + dt.timedelta(days=SOON_DAYS))
        | Q(start_date__lt=today, progress__lte=100 - BEHIND_MARGIN)
    )
    orange = [
        t
        for t in candidates.order_by("deadline", "id")[: limit * 5]
        if warning_colour(t, today) == "orange"
    ][:limit]
    return Warnings(red=red, orange=orange)


# Requests for explanation -----------------------------------------------------------------------


def explanations_of(access: Access) -> QuerySet[Explanation]:
    qs = Explanation.objects.filter(task__congress=access.congress).select_related(
        "task", "agency", "requested_by", "answered_by"
    )
    if not access.sees_whole_congress:
        qs = qs.filter(agency_id=access.agency_id) if access.agency_id else qs.none()
    return qs.order_by("answered_at", "-requested_at", "-id")


def explanations_of_task(task: Task) -> list[Explanation]:
    return list(
        task.explanations.select_related("requested_by", "answered_by").order_by(
            "-requested_at", "-id"
        )
    )


# Charts -------------------------------------------------------------------------------------------


def snapshot_series(access: Access, today: dt.date, days: int = 60) -> list[DailySnapshot]:
    return list(
        DailySnapshot.objects.filter(
            congress=access.congress, day__gt=today - dt.timedelta(days=days), day__lte=today
        ).order_by("day")
    )
