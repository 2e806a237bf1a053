"""Meetings: plan, update, record, attach, cancel, delete and restore."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.softdelete import move_to_trash, restore_from_trash
from daihoi.core.uploads import store_uploads
from daihoi.core.versioning import check_version
from daihoi.organizations.models import Agency, Committee, Person
from daihoi.organizations.permissions import Access
from daihoi.planning.models import ProgressUpdate

from .. import permissions
from ..models import (
    AgencyAttendance,
    AgendaItem,
    Attendance,
    Conclusion,
    Meeting,
    MeetingAction,
    MeetingAttachment,
)
from ..permissions import RUNNERS_ONLY

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục."
MEETING_FIELDS = ["title", "kind", "starts_at", "ends_at", "place", "chair", "committee"]
INVITEE_FIELDS = ["invited_people", "invited_agencies"]


def lock_meeting(access: Access, meeting: Meeting, *, deleted: bool = False) -> Meeting:
    """Checks the actor may run meetings, then locks the meeting row and re-reads it in place.

    The congress is checked on the locked copy, never on the one the view loaded."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    manager = Meeting.all_objects if deleted else Meeting.objects
    meeting.refresh_from_db(from_queryset=manager.select_for_update())
    require(meeting.congress_id == access.congress.pk, RUNNERS_ONLY)
    return meeting


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at <= starts_at:
        raise BusinessError("Giờ kết thúc phải sau giờ bắt đầu.", field="ends_at")


def chair_invited_error(chair: Person) -> str:
    return (
        f"{chair.full_name} là người chủ trì cuộc họp, không mời chính mình: "
        "bỏ tên khỏi thành phần mời."
    )


def _check_chair_not_invited(chair: Person, invited_people: Sequence[Person]) -> None:
    """The chair runs the meeting; inviting him to it would put him twice on the invitation."""
    if any(person.pk == chair.pk for person in invited_people):
        raise BusinessError(chair_invited_error(chair), field="invited_people")


@transaction.atomic
def meeting_plan(
    *,
    access: Access,
    title: str,
    kind: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str,
    chair: Person,
    committee: Committee | None = None,
    invited_people: Sequence[Person] = (),
    invited_agencies: Sequence[Agency] = (),
    agenda: Sequence[str] = (),
    proposed_obstacles: Sequence[ProgressUpdate] = (),
    proposed_conclusions: Sequence[Conclusion] = (),
) -> Meeting:
    """Creates the meeting with its agenda: typed items first, then accepted proposals."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    require_same_congress(access.congress, chair, committee, *invited_people, *invited_agencies)
    _check_times(starts_at, ends_at)
    _check_chair_not_invited(chair, invited_people)
    meeting = Meeting(
        congress=access.congress,
        committee=committee,
        title=title.strip(),
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        chair=chair,
        created_by=access.user,
    )
    meeting.save()
    meeting.invited_people.set(invited_people)
    meeting.invited_agencies.set(invited_agencies)
    items = _agenda_items(access, agenda, proposed_obstacles, proposed_conclusions)
    for position, item in enumerate(items, start=1):
        item.meeting = meeting
        item.position = position
    AgendaItem.objects.bulk_create(items)
    record(access, MeetingAction.PLANNED, meeting, data={"agenda_items": len(items)})
    return meeting


def _agenda_items(
    access: Access,
    agenda: Sequence[str],
    proposed_obstacles: Sequence[ProgressUpdate],
    proposed_conclusions: Sequence[Conclusion],
) -> list[AgendaItem]:
    """Typed lines first, then the accepted proposals, each checked to be of the congress."""
    items = [
        AgendaItem(title=t.strip(), origin=AgendaItem.Origin.MANUAL) for t in agenda if t.strip()
    ]
    for update in proposed_obstacles:
        if update.task.congress_id != access.congress.pk:
            raise BusinessError("Vướng mắc được chọn không thuộc Đại hội này.")
        items.append(
            AgendaItem(
                title=f"Vướng mắc của {update.agency.name}: {update.obstacle}"[:500],
                origin=AgendaItem.Origin.OBSTACLE,
                source_update=update,
            )
        )
    for conclusion in proposed_conclusions:
        if conclusion.meeting.congress_id != access.congress.pk:
            raise BusinessError("Kết luận được chọn không thuộc Đại hội này.")
        items.append(
            AgendaItem(
                title=f"Kiểm điểm kết luận số {conclusion.number} ngày "
                f"{conclusion.meeting.starts_at:%d/%m/%Y}: {conclusion.text}"[:500],
                origin=AgendaItem.Origin.FOLLOW_UP,
                source_conclusion=conclusion,
            )
        )
    return items


@transaction.atomic
def meeting_update(
    *,
    access: Access,
    meeting: Meeting,
    title: str,
    kind: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str,
    chair: Person,
    committee: Committee | None = None,
    invited_people: Sequence[Person] = (),
    invited_agencies: Sequence[Agency] = (),
    expected_version: int | None = None,
) -> Meeting:
    """Locks the meeting row, checks nobody saved it since the form was opened (its
    version), then changes its details and invitees."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    require_same_congress(access.congress, chair, committee, *invited_people, *invited_agencies)
    _check_times(starts_at, ends_at)
    _check_chair_not_invited(chair, invited_people)
    meeting = lock_meeting(access, meeting)
    check_version(meeting, expected_version, "Cuộc họp")
    before = snapshot(meeting, MEETING_FIELDS + INVITEE_FIELDS)
    meeting.title = title.strip()
    meeting.kind = kind
    meeting.starts_at = starts_at
    meeting.ends_at = ends_at
    meeting.place = place.strip()
    meeting.chair = chair
    meeting.committee = committee
    meeting.save()
    meeting.invited_people.set(invited_people)
    meeting.invited_agencies.set(invited_agencies)
    record(access, MeetingAction.UPDATED, meeting, changes=changes_since(meeting, before))
    return meeting


@dataclass(frozen=True)
class AgencyPresence:
    """How an invited agency attended; a representative (ủy quyền) is named in free text."""

    status: str
    representative: str = ""
    representative_title: str = ""


def representative_field(agency_id: int) -> str:
    """The form field that names an agency's representative (errors land on it)."""
    return f"agency_{agency_id}_representative"


def _agency_rows(
    meeting: Meeting, agencies: Mapping[int, AgencyPresence]
) -> list[AgencyAttendance]:
    invited = {a.pk: a for a in meeting.invited_agencies.all()}
    if set(agencies) - set(invited):
        raise BusinessError("Có cơ quan trong danh sách điểm danh không được mời dự cuộc họp này.")
    rows = []
    for agency_id, presence in agencies.items():
        if presence.status not in AgencyAttendance.Status.values:
            raise BusinessError("Tình trạng tham dự không hợp lệ.", field="attendance")
        represented = presence.status == AgencyAttendance.Status.REPRESENTED
        name = " ".join(presence.representative.split()) if represented else ""
        if represented and not name:
            raise BusinessError(
                f"Ghi họ tên người được {invited[agency_id].name} ủy quyền dự họp.",
                field=representative_field(agency_id),
            )
        rows.append(
            AgencyAttendance(
                meeting=meeting,
                agency_id=agency_id,
                status=presence.status,
                representative=name[:200],
                representative_title=(
                    " ".join(presence.representative_title.split())[:200] if represented else ""
                ),
            )
        )
    return rows


@transaction.atomic
def meeting_record(
    *,
    access: Access,
    meeting: Meeting,
    attendance: Mapping[int, str],
    minutes: str,
    notes: Mapping[int, str] | None = None,
    agencies: Mapping[int, AgencyPresence] | None = None,
) -> Meeting:
    """Records who attended (person id → status), how the invited agencies attended (agency id
    → presence, a representative named for "Ủy quyền"; None leaves them as recorded) and the
    minutes; the meeting is then held.

    Locks the meeting row first, so a cancellation cannot interleave."""
    meeting = lock_meeting(access, meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise BusinessError("Cuộc họp đã hủy, không ghi nhận được.")
    agency_rows = _agency_rows(meeting, agencies) if agencies is not None else None
    valid = set(Attendance.Status.values)
    people = {p.pk: p for p in Person.objects.filter(pk__in=attendance, congress=meeting.congress)}
    if set(attendance) - set(people):
        raise BusinessError("Có người trong danh sách điểm danh không thuộc Đại hội này.")
    notes = notes or {}
    Attendance.objects.filter(meeting=meeting).delete()
    rows = []
    for person_id, status in attendance.items():
        if status not in valid:
            raise BusinessError("Tình trạng tham dự không hợp lệ.", field="attendance")
        rows.append(
            Attendance(
                meeting=meeting,
                person_id=person_id,
                status=status,
                note=(notes.get(person_id) or "")[:255],
            )
        )
    Attendance.objects.bulk_create(rows)
    data: dict[str, object] = {"attendance": len(rows)}
    if agency_rows is not None:
        AgencyAttendance.objects.filter(meeting=meeting).delete()
        AgencyAttendance.objects.bulk_create(agency_rows)
        data["agencies"] = len(agency_rows)
        data["represented"] = [
            f"{row.agency_id}: {row.describe()}" for row in agency_rows if row.is_represented
        ]
    meeting.minutes = minutes.strip()
    meeting.status = Meeting.Status.HELD
    meeting.save()
    record(access, MeetingAction.RECORDED, meeting, data=data)
    return meeting


@transaction.atomic
def meeting_attach(
    *, access: Access, meeting: Meeting, uploads: Sequence[UploadedFile]
) -> list[MeetingAttachment]:
    """Attaches documents to a meeting; all or none, each checked like any attachment."""
    require(
        permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk,
        RUNNERS_ONLY,
    )
    if not uploads:
        raise BusinessError("Chưa chọn tệp nào.", field="files")
    rows = store_uploads(MeetingAttachment, uploads, meeting=meeting, uploaded_by=access.user)
    names = ", ".join(r.original_name for r in rows)
    record(access, MeetingAction.ATTACHED, meeting, changes=[["Tài liệu", "—", names]])
    return rows


@transaction.atomic
def meeting_cancel(*, access: Access, meeting: Meeting) -> Meeting:
    """Locks the meeting row and re-checks it was not held meanwhile (recording holds the
    same lock), then cancels it."""
    meeting = lock_meeting(access, meeting)
    if meeting.status == Meeting.Status.HELD:
        raise BusinessError("Cuộc họp đã diễn ra, không thể hủy.")
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    record(access, MeetingAction.CANCELLED, meeting)
    return meeting


@transaction.atomic
def meeting_delete(*, access: Access, meeting: Meeting) -> Meeting:
    """Moves the meeting to the trash; its conclusions' tasks stay (they are tracked work)."""
    require(access.can_manage and meeting.congress_id == access.congress.pk, MANAGERS_ONLY)
    return move_to_trash(access, meeting, MeetingAction.DELETED)


@transaction.atomic
def meeting_restore(*, access: Access, meeting: Meeting) -> Meeting:
    require(access.can_manage and meeting.congress_id == access.congress.pk, MANAGERS_ONLY)
    return restore_from_trash(access, meeting, MeetingAction.RESTORED)
