"""What each role has to do today in a congress, as counts that link to the lists showing them.

Every count is read through the selector of the list it links to (`tasks_visible_to` with the
same `TaskFilters`, `meetings_listed`, the reporting states), so the number on this page and the
rows of the list cannot disagree. Each figure is one query, whatever the congress's size; status
classes are the plain column conditions of `planning.status`.
"""

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import Coalesce
from django.urls import reverse

from daihoi.consultation.selectors import AWAITING, consultations_for
from daihoi.delegates.models import Duty
from daihoi.delegates.selectors import duty_kinds
from daihoi.meetings.models import Meeting
from daihoi.meetings.selectors import meetings_listed
from daihoi.organizations.models import Agency, Committee, Membership
from daihoi.organizations.permissions import Access
from daihoi.planning.models import AppraisalState, DetailedState, Task, TaskAssignment
from daihoi.planning.selectors import TaskFilters, detailed_counts, tasks_visible_to
from daihoi.planning.status import StatusClass
from daihoi.reporting.models import ReportRequest, SubmissionState, submission_state_q
from daihoi.reporting.selectors import requests_of, submissions_of_agency

DUE_SOON_DAYS = 7
MY_MEETINGS_DAYS = 14
# The tasks themselves shown under the figures; the rest are one click away in the list.
TASKS_SHOWN = 8
# Report requests whose deadline passed this many days ago still show their missing agencies.
REPORTS_LOOKBACK_DAYS = 14


@dataclass
class Figure:
    """One count on the page and the address of the list that shows exactly those rows."""

    label: str
    count: int
    url: str
    tone: str = ""  # "late" for what is already overdue, "" otherwise


@dataclass
class CommitteeRow:
    committee: Committee | None
    overdue: int
    overdue_url: str
    awaiting: int = 0
    awaiting_url: str = ""


@dataclass
class RequestRow:
    request: ReportRequest
    waiting: int
    waiting_url: str
    missing: int
    missing_url: str


@dataclass
class Today:
    role: str  # "secretariat", "leader" or "officer": which page to show
    figures: list[Figure] = field(default_factory=list)
    committees: list[CommitteeRow] = field(default_factory=list)
    requests: list[RequestRow] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    meetings_url: str = ""
    meetings_title: str = ""
    tasks: list[tuple[Task, StatusClass]] = field(default_factory=list)
    tasks_title: str = ""
    tasks_url: str = ""
    # Agencies that have not named their leader in charge (secretariat): count and list address.
    leaderless: Figure | None = None
    # An agency's officer given delegate work (gate, credentials): (label, address) to reach it,
    # since the staff menu's "Đại biểu" is not shown to that role.
    duty_links: list[tuple[str, str]] = field(default_factory=list)


def _date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def _url(name: str, congress_id: int, *args: int, **query: object) -> str:
    url = reverse(name, args=[congress_id, *args])
    params = {k: v for k, v in query.items() if v not in (None, "", False)}
    return f"{url}?{urlencode(params)}" if params else url


def week_of(today: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week holding `today`."""
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


def _task_count(access: Access, today: dt.date, filters: TaskFilters) -> int:
    return tasks_visible_to(access, filters, today).count()


@dataclass
class ByCommittee:
    rows: list[CommitteeRow]
    overdue: int  # every overdue task counted, those of no committee included
    awaiting: int


def _by_committee(
    access: Access, today: dt.date, committee_ids: list[int] | None = None
) -> ByCommittee:
    """Overdue and awaiting-acceptance tasks per committee: two grouped queries and the names.

    `committee_ids` gives a leader's committees (each shown, even with nothing to do); None
    shows every committee that has something, for the secretariat.
    """
    cid = access.congress.pk

    def grouped(filters: TaskFilters) -> dict[int | None, int]:
        # Grouped as the list filters by committee: the task's own, else its plan's.
        rows = tasks_visible_to(access, filters, today).values(
            of_committee=Coalesce("committee_id", "plan__committee_id")
        )
        return {r["of_committee"]: r["n"] for r in rows.annotate(n=Count("pk")).order_by()}

    overdue = grouped(TaskFilters(status=StatusClass.OPEN_OVERDUE))
    awaiting = grouped(TaskFilters(awaiting=True))
    if committee_ids is None:
        wanted = [pk for pk in {*overdue, *awaiting} if pk is not None]
    else:
        wanted = committee_ids
    rows = [
        CommitteeRow(
            committee,
            overdue.get(committee.pk, 0),
            _url(
                "planning:task-list", cid, status=StatusClass.OPEN_OVERDUE, committee=committee.pk
            ),
            awaiting.get(committee.pk, 0),
            _url("planning:task-list", cid, awaiting=1, committee=committee.pk),
        )
        for committee in Committee.objects.filter(congress=access.congress, pk__in=wanted).order_by(
            "name"
        )
    ]
    if committee_ids is not None:
        mine = set(committee_ids)
        return ByCommittee(
            rows,
            sum(n for pk, n in overdue.items() if pk in mine),
            sum(n for pk, n in awaiting.items() if pk in mine),
        )
    return ByCommittee(rows, sum(overdue.values()), sum(awaiting.values()))


def _requests_due(access: Access, today: dt.date) -> list[RequestRow]:
    """Report requests due within a week, or due lately with agencies still missing: one query."""
    cid = access.congress.pk
    recent = requests_of(access, today).filter(
        deadline__gte=today - dt.timedelta(days=REPORTS_LOOKBACK_DAYS),
        deadline__lte=today + dt.timedelta(days=DUE_SOON_DAYS),
    )
    rows = []
    for request in recent.order_by("deadline", "id"):
        waiting = getattr(request, SubmissionState.WAITING.value)
        missing = getattr(request, SubmissionState.MISSING.value)
        if waiting or missing:
            rows.append(
                RequestRow(
                    request,
                    waiting,
                    _url(
                        "reporting:request-detail", cid, request.pk, state=SubmissionState.WAITING
                    ),
                    missing,
                    _url(
                        "reporting:request-detail", cid, request.pk, state=SubmissionState.MISSING
                    ),
                )
            )
    return rows


def _meetings(
    access: Access, title: str, starts_from: dt.date, starts_to: dt.date | None, *, mine: bool
) -> dict:
    """The meetings themselves (one query) and the address of the same list."""
    meetings = meetings_listed(access, starts_from=starts_from, starts_to=starts_to, mine=mine)
    return {
        "meetings": sorted(meetings, key=lambda m: (m.starts_at, m.pk)),
        "meetings_title": title,
        "meetings_url": _url(
            "meetings:meeting-list",
            access.congress.pk,
            **{"from": _date(starts_from), "to": _date(starts_to) if starts_to else None},
            mine=1 if mine else None,
        ),
    }


def _tasks(access: Access, today: dt.date, title: str, filters: TaskFilters, url: str) -> dict:
    """The first rows of a filtered list (one query: the partners are not needed here)."""
    rows = tasks_visible_to(access, filters, today).prefetch_related(None)[:TASKS_SHOWN]
    return {
        "tasks": [(task, task.status_class(today)) for task in rows],
        "tasks_title": title,
        "tasks_url": url,
    }


def _detailed_figures(
    access: Access, today: dt.date, wanted: list[tuple[DetailedState, str, str]]
) -> list[Figure]:
    """Detailed plans waiting for the actor (one query), shown only when there are some."""
    counts = detailed_counts(access, today)
    return [
        Figure(
            label,
            counts[state],
            _url("planning:detailed-list", access.congress.pk, state=state),
            tone,
        )
        for state, label, tone in wanted
        if counts[state]
    ]


AWAITING_APPROVAL = [(DetailedState.SUBMITTED, "Kế hoạch chi tiết chờ phê duyệt", "")]


def secretariat_today(access: Access, today: dt.date) -> Today:
    cid = access.congress.pk
    board = _by_committee(access, today)
    obstacles = _task_count(access, today, TaskFilters(obstacle=True))
    monday, sunday = week_of(today)
    return Today(
        role="secretariat",
        figures=[
            Figure(
                "Chờ xác nhận hoàn thành",
                board.awaiting,
                _url("planning:task-list", cid, awaiting=1),
            ),
            Figure(
                "Đang thực hiện quá hạn",
                board.overdue,
                _url("planning:task-list", cid, status=StatusClass.OPEN_OVERDUE),
                tone="late",
            ),
            Figure(
                "Có vướng mắc cần tháo gỡ", obstacles, _url("planning:task-list", cid, obstacle=1)
            ),
            *_detailed_figures(access, today, AWAITING_APPROVAL),
        ],
        committees=board.rows,
        requests=_requests_due(access, today),
        leaderless=Figure(
            "Cơ quan chưa phân công lãnh đạo phụ trách",
            Agency.objects.filter(congress=access.congress, leader_in_charge__isnull=True).count(),
            _url("organizations:leader-list", cid, chua=1),
        ),
        **_meetings(access, "Cuộc họp tuần này", monday, sunday, mine=False),
        **_tasks(
            access,
            today,
            "Chờ xác nhận hoàn thành",
            TaskFilters(awaiting=True),
            _url("planning:task-list", cid, awaiting=1),
        ),
    )


def leader_today(access: Access, today: dt.date) -> Today:
    """A committee leader's (or member's) committees; the whole congress when they have none."""
    cid = access.congress.pk
    committee_ids = (
        list(
            Membership.objects.filter(
                person_id=access.person_id, committee__congress=access.congress
            )
            .values_list("committee_id", flat=True)
            .distinct()
        )
        if access.person_id
        else []
    )
    board = _by_committee(access, today, committee_ids or None)
    figures = []
    one_committee = committee_ids[0] if len(committee_ids) == 1 else None
    if len(committee_ids) <= 1:
        # One committee (or the whole congress): the totals are exactly one filtered list each.
        one = one_committee
        if access.can_accept:
            figures.append(
                Figure(
                    "Chờ tôi xác nhận hoàn thành",
                    board.awaiting,
                    _url("planning:task-list", cid, awaiting=1, committee=one),
                )
            )
        figures.append(
            Figure(
                "Nhiệm vụ quá hạn của tiểu ban" if one else "Nhiệm vụ quá hạn",
                board.overdue,
                _url("planning:task-list", cid, status=StatusClass.OPEN_OVERDUE, committee=one),
                tone="late",
            )
        )
    if access.can_accept:
        figures += _detailed_figures(access, today, AWAITING_APPROVAL)
    return Today(
        role="leader",
        figures=figures,
        # With one committee the figures above already say it all.
        committees=board.rows if len(committee_ids) != 1 else [],
        **_meetings(
            access,
            f"Cuộc họp của tôi trong {MY_MEETINGS_DAYS} ngày tới",
            today,
            today + dt.timedelta(days=MY_MEETINGS_DAYS - 1),
            mine=True,
        ),
        **_tasks(
            access,
            today,
            "Chờ xác nhận hoàn thành",
            TaskFilters(awaiting=True, committee=one_committee),
            _url("planning:task-list", cid, awaiting=1, committee=one_committee),
        ),
    )


def _appraisal_figure(
    access: Access, today: dt.date, label: str, state: str, role: str, tone: str = ""
) -> Figure:
    """The agency's open tasks in the role `role` whose product stands at `state` with the
    appraising agency, and the task list filtered to them."""
    filters = TaskFilters(status="open", appraisal=state, agency=access.agency_id, role=role)
    return Figure(
        label,
        _task_count(access, today, filters),
        _url(
            "planning:task-list",
            access.congress.pk,
            status=filters.status,
            appraisal=state,
            agency=filters.agency,
            role=role,
        ),
        tone=tone,
    )


def officer_today(access: Access, today: dt.date) -> Today:
    cid = access.congress.pk
    soon = today + dt.timedelta(days=DUE_SOON_DAYS)
    due_soon = TaskFilters(status="open", deadline_from=today, deadline_to=soon)
    reports = submissions_of_agency(access, access.agency_id or 0).aggregate(
        **{
            state.value: Count("pk", filter=submission_state_q(state, today))
            for state in (SubmissionState.WAITING, SubmissionState.MISSING)
        }
    )
    monday, sunday = week_of(today)
    return Today(
        role="officer",
        figures=[
            Figure(
                f"Đến hạn trong {DUE_SOON_DAYS} ngày",
                _task_count(access, today, due_soon),
                _url(
                    "planning:task-list",
                    cid,
                    status="open",
                    deadline_from=_date(today),
                    deadline_to=_date(soon),
                ),
            ),
            Figure(
                "Đang thực hiện quá hạn",
                _task_count(access, today, TaskFilters(status=StatusClass.OPEN_OVERDUE)),
                _url("planning:task-list", cid, status=StatusClass.OPEN_OVERDUE),
                tone="late",
            ),
            Figure(
                "Bị trả lại, cần hoàn thiện",
                _task_count(access, today, TaskFilters(returned=True)),
                _url("planning:task-list", cid, returned=1),
                tone="late",
            ),
            # The products waiting for this agency's opinion; its own products returned.
            _appraisal_figure(
                access,
                today,
                "Chờ đơn vị thẩm định cho ý kiến",
                AppraisalState.PENDING,
                TaskAssignment.Role.APPRAISE,
            ),
            _appraisal_figure(
                access,
                today,
                "Thẩm định trả lại, cần hoàn thiện",
                AppraisalState.RETURNED,
                TaskAssignment.Role.LEAD,
                tone="late",
            ),
            Figure(
                "Dự thảo chờ đơn vị góp ý",
                consultations_for(access, awaiting_on=today).count(),
                _url("consultation:consultation-list", cid, cho=AWAITING),
            ),
            Figure(
                "Báo cáo phải gửi, còn hạn",
                reports[SubmissionState.WAITING.value],
                _url("reporting:request-list", cid, state=SubmissionState.WAITING),
            ),
            Figure(
                "Báo cáo chưa gửi, đã quá hạn",
                reports[SubmissionState.MISSING.value],
                _url("reporting:request-list", cid, state=SubmissionState.MISSING),
                tone="late",
            ),
            *_detailed_figures(
                access,
                today,
                [
                    (DetailedState.TO_WRITE, "Kế hoạch chi tiết cần lập", ""),
                    (DetailedState.RETURNED, "Kế hoạch chi tiết bị trả lại", "late"),
                ],
            ),
        ],
        **_meetings(access, "Cuộc họp đơn vị được mời tuần này", monday, sunday, mine=False),
        **_tasks(
            access,
            today,
            f"Quá hạn và đến hạn trong {DUE_SOON_DAYS} ngày",
            TaskFilters(status="open", deadline_to=soon),
            _url("planning:task-list", cid, status="open", deadline_to=_date(soon)),
        ),
        duty_links=_duty_links(access),
    )


def _duty_links(access: Access) -> list[tuple[str, str]]:
    kinds = duty_kinds(access)
    links = []
    if Duty.Kind.GATE in kinds:
        links.append(("Điểm danh đại biểu", reverse("delegates:gate", args=[access.congress.pk])))
    if Duty.Kind.CREDENTIALS in kinds:
        url = reverse("delegates:delegate-list", args=[access.congress.pk])
        links.append(("Danh sách đại biểu", url))
    return links


def today_for(access: Access, today: dt.date) -> Today:
    if access.can_manage:
        return secretariat_today(access, today)
    if access.is_agency_officer:
        return officer_today(access, today)
    return leader_today(access, today)
