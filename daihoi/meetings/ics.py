"""iCalendar output for invitations and the private calendar feed."""

import datetime as dt

from django.utils import timezone
from icalendar import Calendar, Event

from daihoi.core.text import clean_text

PRODID = "-//daihoi//Lich Dai hoi//VI"


def _line(text: str) -> str:
    """Stored text as a calendar line: no controls (`clean_text`), one line."""
    return clean_text(text or "", multiline=False)


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", _line(name))
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    return cal


def _meeting_event(meeting, domain: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{domain}")
    event.add("summary", _line(meeting.title))
    event.add("dtstart", timezone.localtime(meeting.starts_at))
    event.add("dtend", timezone.localtime(meeting.ends_at))
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("location", _line(meeting.place))
    event.add("description", _line(f"Chủ trì: {meeting.chair.full_name}"))
    return event


def meeting_invitation(meeting, domain: str = "daihoi.local") -> bytes:
    cal = _calendar(meeting.title)
    cal.add("method", "REQUEST")
    cal.add_component(_meeting_event(meeting, domain))
    cal.add_missing_timezones()
    return cal.to_ical()


def feed(meetings, deadlines, name: str, domain: str = "daihoi.local") -> bytes:
    cal = _calendar(name)
    for meeting in meetings:
        cal.add_component(_meeting_event(meeting, domain))
    for row in deadlines:
        event = Event()
        event.add("uid", f"deadline-{row.task_id}-{row.agency_id}@{domain}")
        event.add("summary", _line(f"Hạn: {row.task.title}"))
        event.add("dtstart", row.deadline)
        event.add("dtend", row.deadline + dt.timedelta(days=1))
        event.add("dtstamp", dt.datetime.now(dt.UTC))
        event.add("description", _line(f"{row.agency.name} — {row.get_role_display()}"))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
