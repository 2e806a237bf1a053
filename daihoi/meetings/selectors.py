"""Reads for the meetings pages, restricted to what the actor may see."""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from daihoi.organizations.models import Committee, Person
from daihoi.organizations.permissions import Access
from daihoi.planning.models import ProgressUpdate, TaskAssignment
from daihoi.planning.status import open_q

from .models import AgencyAttendance, Attendance, Conclusion, Meeting


def meetings_visible_to(access: Access) -> QuerySet[Meeting]:
    qs = (
        Meeting.objects.filter(congress=access.congress)
        .select_related("committee", "chair")
        .annotate(
            conclusion_count=Count("conclusions", distinct=True),
            open_task_count=Count(
                "conclusions",
                filter=Q(
                    conclusions__task__isnull=False, conclusions__task__deleted_at__isnull=True
                )
                & open_q("conclusions__task__"),
                distinct=True,
            ),
        )
        .order_by("-starts_at")
    )
    if not access.sees_whole_congress:
        mine = Q(invited_agencies=access.agency_id) if access.agency_id else Q(pk__in=[])
        if access.person_id:
            mine |= Q(invited_people=access.person_id) | Q(chair=access.person_id)
        qs = qs.filter(pk__in=Meeting.objects.filter(mine).values("pk"))
    return qs


def meetings_listed(
    access: Access,
    *,
    starts_from: dt.date | None = None,
    starts_to: dt.date | None = None,
    mine: bool = False,
) -> QuerySet[Meeting]:
    """The meeting list with its filters: starting between two local days (both included), and
    `mine` for the meetings the actor chairs or is invited to in person."""
    qs = meetings_visible_to(access)
    zone = timezone.get_current_timezone()
    if starts_from:
        qs = qs.filter(starts_at__gte=dt.datetime.combine(starts_from, dt.time.min, zone))
    if starts_to:
        after = starts_to + dt.timedelta(days=1)
        qs = qs.filter(starts_at__lt=dt.datetime.combine(after, dt.time.min, zone))
    if mine:
        if access.person_id is None:
            return qs.none()
        person = Q(chair_id=access.person_id) | Q(invited_people=access.person_id)
        qs = qs.filter(pk__in=Meeting.objects.filter(person).values("pk"))
    return qs


def meeting_detail(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_related("committee", "chair", "invitation", "notice", "congress")
        .prefetch_related(
            "invited_people",
            "invited_agencies",
            "agenda",
            "attachments",
            Prefetch(
                "attendance",
                queryset=Attendance.objects.select_related("person"),
                to_attr="attendance_rows",
            ),
            Prefetch(
                "agency_attendance",
                queryset=AgencyAttendance.objects.select_related("agency"),
                to_attr="agency_attendance_rows",
            ),
            Prefetch(
                "conclusions",
                queryset=Conclusion.objects.select_related("task", "task__lead_agency"),
            ),
        )
        .get(pk=meeting.pk)
    )


def previous_meeting(committee: Committee | None, before: dt.datetime) -> Meeting | None:
    if committee is None:
        return None
    return (
        Meeting.objects.filter(committee=committee, starts_at__lt=before)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-starts_at")
        .first()
    )


def proposed_obstacles(access: Access, committee: Committee | None, since: dt.datetime | None):
    """Open obstacles (planning's `open_obstacle_q`: whatever became of their task) raised since
    the committee's last meeting, on the committee's tasks (or on any task of the congress when
    the meeting has no committee)."""
    qs = ProgressUpdate.objects.filter(task__congress=access.congress).open_obstacles()
    if committee is not None:
        qs = qs.filter(Q(task__committee=committee) | Q(task__committee__isnull=True))
    if since is not None:
        qs = qs.filter(created_at__gte=since)
    return qs.select_related("agency", "task").order_by("created_at")[:30]


def proposed_follow_ups(access: Access, committee: Committee | None):
    """Earlier conclusions of the committee whose task is still open, or that got no task."""
    qs = Conclusion.objects.filter(meeting__congress=access.congress).select_related(
        "meeting", "task"
    )
    if committee is not None:
        qs = qs.filter(meeting__committee=committee)
    qs = qs.filter(Q(task__isnull=True) | open_q("task__"))
    return qs.order_by("meeting__starts_at", "number")[:30]


def calendar_for(user, today: dt.date):
    """Meetings the user chairs or is invited to (in person or through their agency) and the open
    deadlines of their agency's tasks, in every congress they work in."""
    participations = list(user.participations.all())
    person_ids = [p.person_id for p in participations if p.person_id]
    agency_ids = [p.agency_id for p in participations if p.agency_id]
    congress_ids = [p.congress_id for p in participations]
    meetings = Meeting.objects.filter(congress_id__in=congress_ids).exclude(
        status=Meeting.Status.CANCELLED
    )
    meetings = meetings.filter(
        Q(chair_id__in=person_ids)
        | Q(invited_people__in=person_ids)
        | Q(invited_agencies__in=agency_ids)
    ).distinct()
    deadlines = (
        TaskAssignment.objects.filter(
            agency_id__in=agency_ids,
            accepted=False,
            cancelled=False,
            deadline__gte=today - dt.timedelta(days=30),
        )
        .select_related("task", "agency")
        .order_by("deadline")
    )
    return meetings.select_related("chair", "congress"), deadlines


def record_people(meeting: Meeting, recorded: dict[int, str]) -> list[Person]:
    """Who may be marked present: the chair, the invitees, their agencies' people, and anyone
    already recorded."""
    people = {meeting.chair_id: meeting.chair}
    people.update({p.pk: p for p in meeting.invited_people.all()})
    for agency in meeting.invited_agencies.prefetch_related("people"):
        for person in agency.people.all():
            people.setdefault(person.pk, person)
    for person in Person.objects.filter(pk__in=set(recorded) - set(people)):
        people[person.pk] = person
    return sorted(people.values(), key=lambda p: p.full_name)
