"""Loads the demo meetings of `meetings_data.py` (which says what they are and how `day`
counts)."""

import datetime as dt
import re
from typing import TYPE_CHECKING

from django.utils import timezone

from daihoi.core.dates import format_date
from daihoi.documents.models import DocumentKind, NumberSequence
from daihoi.meetings import services
from daihoi.meetings.models import Attendance, Meeting

from .data import Record
from .meetings_data import MEETINGS

if TYPE_CHECKING:
    from .loader import _CongressLoader


def conclusion_task_titles(key: str) -> set[str]:
    """Titles of the congress's tasks that are created through a meeting conclusion."""
    return {
        ref if isinstance(ref, str) else ref["title"]
        for m in MEETINGS.get(key, [])
        for _, ref in m["conclusions"]
        if ref is not None
    }


_DAY = re.compile(r"\{ngày (-?\d+)\}")


def _dated(text: str, today: dt.date) -> str:
    """ "{ngày -4}" in a conclusion is the day four days ago, written dd/mm/yyyy."""
    return _DAY.sub(lambda m: format_date(today + dt.timedelta(days=int(m[1]))), text)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def load_meetings(loader: "_CongressLoader") -> int:
    """Creates the congress's demo meetings that are missing; returns how many were created."""
    created = 0
    for spec in MEETINGS.get(loader.spec["key"], []):
        if not Meeting.objects.filter(congress=loader.congress, title=spec["title"]).exists():
            _load_meeting(loader, spec)
            created += 1
    return created


def _load_meeting(loader: "_CongressLoader", spec: Record) -> None:
    access, agencies, people = loader.secretariat, loader.agencies, loader.people
    committee = loader.committees[spec["committee"]] if spec["committee"] else None
    chair = people[spec["chair"]]
    day = loader.today + dt.timedelta(days=spec["day"])
    start = _at(day, spec["hour"])
    planned = _at(min(day, loader.today) - dt.timedelta(days=7), 10)
    meeting = services.meeting_plan(
        access=access,
        title=spec["title"],
        kind=spec["kind"],
        starts_at=start,
        ends_at=start + dt.timedelta(hours=spec["hours"]),
        place=spec["place"],
        chair=chair,
        committee=committee,
        invited_agencies=[agencies[k] for k in spec["agencies"]],
        agenda=spec["agenda"],
    )
    Meeting.objects.filter(pk=meeting.pk).update(created_at=planned)
    loader._stamp_audit(planned)
    if spec["invitation"]:
        _issue(loader, meeting, spec["invitation"], services.meeting_issue_invitation, planned)
    if spec["day"] >= 0:
        return
    ended = start + dt.timedelta(hours=spec["hours"])
    if spec["present"] is None and committee is not None:
        names = [m.person.full_name for m in committee.memberships.select_related("person")]
    else:
        names = spec["present"] or []
    attendance = {people[name].pk: Attendance.Status.PRESENT for name in names}
    attendance[chair.pk] = Attendance.Status.PRESENT
    for name in spec["excused"]:
        attendance[people[name].pk] = Attendance.Status.EXCUSED
    services.meeting_record(
        access=access,
        meeting=meeting,
        attendance=attendance,
        minutes=spec["minutes"],
        notes={people[name].pk: reason for name, reason in spec["excused"].items()},
    )
    loader._stamp_audit(ended)
    by_title = {t["title"]: t for t in loader.spec["tasks"]}
    for text, ref in spec["conclusions"]:
        conclusion = services.conclusion_add(
            access=access, meeting=meeting, text=_dated(text, loader.today)
        )
        loader._stamp_audit(ended)
        if ref is not None:
            record = by_title[ref] if isinstance(ref, str) else ref
            loader._create_task(record, conclusion=conclusion, created=ended)
    if spec["notice"]:
        _issue(loader, meeting, spec["notice"], services.meeting_issue_notice, ended)


def _issue(loader: "_CongressLoader", meeting: Meeting, spec: Record, issue, fallback) -> None:
    agencies, people = loader.agencies, loader.people
    issuer = agencies[spec["issuer"]]
    day = loader.today + dt.timedelta(days=spec["day"]) if "day" in spec else loader.today
    if spec.get("number"):
        # The office's own register: the numbers it gave before this one, outside the system.
        sequence, _ = NumberSequence.objects.get_or_create(
            issuer=issuer, kind=DocumentKind.TB, year=day.year
        )
        if sequence.last_number < spec["number"] - 1:
            sequence.last_number = spec["number"] - 1
            sequence.save(update_fields=["last_number"])
    document = issue(
        access=loader.secretariat,
        meeting=meeting,
        issuer=issuer,
        signer=people[spec["signer"]],
        signer_title=spec["signer_title"],
        authority=spec["authority"],
        recipients=spec["recipients"],
        issued_on=day,
    )
    when = _at(day, 16) if "day" in spec else fallback
    type(document).objects.filter(pk=document.pk).update(created_at=when)
    loader._stamp_audit(when)
