"""Turn a reviewed draft into a meeting, its conclusions and their tasks, in one transaction."""

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require
from daihoi.core.text import fold
from daihoi.meetings import permissions as meeting_permissions
from daihoi.meetings import services as meeting_services
from daihoi.meetings.models import Attendance, Meeting
from daihoi.organizations.models import Agency, Committee, Person
from daihoi.organizations.permissions import Access
from daihoi.planning.models import Task, TaskAssignment

from .models import IntakeAction


@dataclass
class ReviewedRow:
    group: int
    role: str
    task: str
    deadline: dt.date | None
    deadline_offset_days: int | None
    area: str
    phase: str
    evidence: str
    agency: Agency | None = None
    new_agency_name: str = ""


@dataclass
class MeetingFields:
    title: str
    date: dt.date
    start_time: dt.time
    place: str
    chair_name: str
    chair_titles: str = ""


@dataclass
class ImportResult:
    meeting: Meeting
    tasks: list[Task] = field(default_factory=list)
    created_agencies: list[Agency] = field(default_factory=list)


def _person(access: Access, name: str, titles: str) -> Person:
    wanted = fold(name)
    for person in Person.objects.filter(congress=access.congress):
        if fold(person.full_name) == wanted:
            return person
    return Person.objects.create(congress=access.congress, full_name=name.strip(), titles=titles)


def _agency(access: Access, row: ReviewedRow, created: dict[str, Agency]) -> Agency:
    if row.agency is not None:
        if row.agency.congress_id != access.congress.pk:
            raise BusinessError("Cơ quan được chọn không thuộc Đại hội này.")
        return row.agency
    name = " ".join(row.new_agency_name.split())
    key = fold(name)
    if key not in created:
        existing = [
            a for a in Agency.objects.filter(congress=access.congress) if fold(a.name) == key
        ]
        created[key] = (
            existing[0] if existing else Agency.objects.create(congress=access.congress, name=name)
        )
    return created[key]


@transaction.atomic
def text_import_confirm(
    *,
    access: Access,
    rows: list[ReviewedRow],
    source_text: str,
    meeting: Meeting | None = None,
    committee: Committee | None = None,
    fields: MeetingFields | None = None,
) -> ImportResult:
    """Creates the meeting (or uses the chosen one), one conclusion per task group and its task(s).

    A group with several lead agencies (co-subjects) gives one task per lead, each with the
    group's coordinating agencies. Any error undoes everything. Records one `intake.confirmed`
    entry on the meeting besides what the meeting and planning services record.
    """
    require(
        meeting_permissions.can_run_meetings(access),
        "Chỉ Thường trực / Văn phòng hoặc lãnh đạo tiểu ban mới nhập nhiệm vụ từ văn bản.",
    )
    if not rows:
        raise BusinessError("Chưa có dòng nhiệm vụ nào được giữ lại để tạo.")
    if meeting is None:
        if fields is None:
            raise BusinessError("Thiếu thông tin cuộc họp.")
        zone = timezone.get_current_timezone()
        starts_at = dt.datetime.combine(fields.date, fields.start_time, tzinfo=zone)
        meeting = meeting_services.meeting_plan(
            access=access,
            title=fields.title,
            kind=Meeting.Kind.SUBCOMMITTEE if committee else Meeting.Kind.CONFERENCE,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=3),
            place=fields.place,
            chair=_person(access, fields.chair_name, fields.chair_titles),
            committee=committee,
        )
        if fields.date < timezone.localdate():
            # The text reports a meeting that has taken place: it is created as held, with its
            # chair present, so its conclusions can be issued as a notice.
            meeting = meeting_services.meeting_record(
                access=access,
                meeting=meeting,
                attendance={meeting.chair_id: Attendance.Status.PRESENT},
                minutes="",
            )
    elif meeting.congress_id != access.congress.pk:
        raise BusinessError("Cuộc họp được chọn không thuộc Đại hội này.")

    created: dict[str, Agency] = {}
    before = set(Agency.objects.filter(congress=access.congress).values_list("pk", flat=True))
    groups: dict[int, list[ReviewedRow]] = {}
    for row in rows:
        groups.setdefault(row.group, []).append(row)
    result = ImportResult(meeting=meeting)
    for _, group in sorted(groups.items()):
        leads = [r for r in group if r.role == TaskAssignment.Role.LEAD]
        partners = [r for r in group if r.role != TaskAssignment.Role.LEAD]
        if not leads:
            raise BusinessError(
                f"Nhiệm vụ “{group[0].task[:80]}” chưa có đơn vị chủ trì: đổi vai trò một dòng "
                "thành Chủ trì."
            )
        partner_agencies = [_agency(access, r, created) for r in partners]
        for lead in leads:
            conclusion = meeting_services.conclusion_add(
                access=access, meeting=meeting, text=lead.task
            )
            lead_agency = _agency(access, lead, created)
            result.tasks.append(
                meeting_services.conclusion_to_task(
                    access=access,
                    conclusion=conclusion,
                    title=lead.task,
                    lead_agency=lead_agency,
                    coordinating_agencies=[a for a in partner_agencies if a.pk != lead_agency.pk],
                    deadline=lead.deadline,
                    deadline_offset_days=lead.deadline_offset_days,
                    area=lead.area,
                    phase=lead.phase,
                    source_text=lead.evidence or source_text[:2000],
                )
            )
    result.created_agencies = [a for a in created.values() if a.pk not in before]
    record(
        access,
        IntakeAction.CONFIRMED,
        meeting,
        data={
            "tasks": [task.pk for task in result.tasks],
            "created_agencies": [agency.pk for agency in result.created_agencies],
        },
    )
    return result
