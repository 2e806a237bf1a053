"""Meetings: plan, hold, conclude, turn conclusions into tasks, issue invitations and notices."""

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress, send_on_commit
from daihoi.core.softdelete import move_to_trash, restore_from_trash
from daihoi.core.uploads import validate_attachment
from daihoi.documents import services as document_services
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Committee, Person
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import ProgressUpdate, Task

from . import notices, permissions, signals
from .models import (
    AgencyAttendance,
    AgendaItem,
    Attendance,
    Conclusion,
    ConclusionAction,
    Meeting,
    MeetingAction,
    MeetingAttachment,
)
from .permissions import RUNNERS_ONLY

MANAGERS_ONLY = "Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục."
MEETING_FIELDS = ["title", "kind", "starts_at", "ends_at", "place", "chair", "committee"]
INVITEE_FIELDS = ["invited_people", "invited_agencies"]


def _lock(access: Access, meeting: Meeting, *, deleted: bool = False) -> Meeting:
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
) -> Meeting:
    """Locks the meeting row, then changes its details and invitees."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    require_same_congress(access.congress, chair, committee, *invited_people, *invited_agencies)
    _check_times(starts_at, ends_at)
    _check_chair_not_invited(chair, invited_people)
    meeting = _lock(access, meeting)
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
    meeting = _lock(access, meeting)
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
def conclusion_add(*, access: Access, meeting: Meeting, text: str) -> Conclusion:
    """Numbers conclusions 1, 2, 3… per meeting; locks the meeting row to keep numbers unique."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung kết luận.", field="text")
    meeting = _lock(access, meeting)
    last = meeting.conclusions.aggregate(n=Max("number"))["n"] or 0
    conclusion = Conclusion(meeting=meeting, number=last + 1, text=text.strip())
    conclusion.save()
    record(access, ConclusionAction.ADDED, conclusion, data={"number": conclusion.number})
    return conclusion


@transaction.atomic
def conclusion_update(*, access: Access, conclusion: Conclusion, text: str) -> Conclusion:
    """Locks the meeting row, then the conclusion, and re-checks that no notice was issued
    meanwhile (issuing the notice holds the same meeting lock)."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung kết luận.", field="text")
    meeting = _lock(access, Meeting(pk=conclusion.meeting_id))
    conclusion.refresh_from_db(from_queryset=Conclusion.objects.select_for_update())
    if meeting.notice_id is not None:
        notice = Document.objects.get(pk=meeting.notice_id)
        if not notice.is_draft:
            raise BusinessError("Thông báo kết luận đã ban hành; không sửa được nội dung kết luận.")
    before = snapshot(conclusion, ["text"])
    conclusion.text = text.strip()
    conclusion.save()
    record(access, ConclusionAction.UPDATED, conclusion, changes=changes_since(conclusion, before))
    return conclusion


@transaction.atomic
def conclusion_to_task(
    *,
    access: Access,
    conclusion: Conclusion,
    lead_agency: Agency,
    area: str,
    phase: str,
    title: str = "",
    coordinating_agencies: Sequence[Agency] = (),
    deadline: dt.date | None = None,
    deadline_offset_days: int | None = None,
    source_text: str = "",
    corrected: Sequence[str] = (),
) -> Task:
    """Turns one conclusion into one task, linked both ways; locks the conclusion row.

    `source_text` is the sentence the task was read from, when it came from a text;
    `corrected` names the fields the officer changed from what the sentence proposed (kept in
    the audit entry). The area is always chosen, never defaulted."""
    require(permissions.can_run_meetings(access), RUNNERS_ONLY)
    if not area:
        raise BusinessError(
            "Chưa chọn lĩnh vực: kết luận không nêu rõ lĩnh vực, hãy chọn một lĩnh vực.",
            field="area",
        )
    conclusion = (
        Conclusion.objects.select_for_update().select_related("meeting").get(pk=conclusion.pk)
    )
    require(conclusion.meeting.congress_id == access.congress.pk, RUNNERS_ONLY)
    if conclusion.task_id:
        raise BusinessError("Kết luận này đã được giao thành nhiệm vụ, không giao lại lần nữa.")
    meeting = conclusion.meeting
    task = planning_services.task_create(
        access=access,
        for_conclusion=True,
        source_text=source_text
        or f"Kết luận số {conclusion.number} tại {meeting.title} "
        f"({meeting.starts_at:%d/%m/%Y}): {conclusion.text}",
        fields=planning_services.TaskFields(
            title=(title or conclusion.text).strip()[:500],
            lead_agency=lead_agency,
            coordinating_agencies=coordinating_agencies,
            area=area,
            phase=phase,
            deadline=deadline,
            deadline_offset_days=deadline_offset_days,
            committee=meeting.committee,
            leader_in_charge=meeting.chair,
        ),
    )
    conclusion.task = task
    conclusion.save()
    data: dict[str, object] = {"task_id": task.pk}
    if corrected:
        data["corrected"] = list(corrected)
    record(access, ConclusionAction.TASKED, conclusion, data=data)
    return task


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
    kinds = [validate_attachment(upload) for upload in uploads]
    rows = [
        MeetingAttachment.objects.create(
            meeting=meeting,
            file=upload,
            original_name=(upload.name or "tep")[:255],
            size=upload.size or 0,
            content_type=kind,
            uploaded_by=access.user,
        )
        for upload, kind in zip(uploads, kinds, strict=True)
    ]
    names = ", ".join(r.original_name for r in rows)
    record(access, MeetingAction.ATTACHED, meeting, changes=[["Tài liệu", "—", names]])
    return rows


@transaction.atomic
def meeting_cancel(*, access: Access, meeting: Meeting) -> Meeting:
    """Locks the meeting row and re-checks it was not held meanwhile (recording holds the
    same lock), then cancels it."""
    meeting = _lock(access, meeting)
    if meeting.status == Meeting.Status.HELD:
        raise BusinessError("Cuộc họp đã diễn ra, không thể hủy.")
    meeting.status = Meeting.Status.CANCELLED
    meeting.save()
    record(access, MeetingAction.CANCELLED, meeting)
    return meeting


def _issue_document(
    *,
    access: Access,
    meeting: Meeting,
    kind: str,
    subject: str,
    paragraphs: list[str],
    issuer: Agency,
    signer: Person | None,
    signer_title: str,
    authority: str,
    recipients: str,
    recipient_agencies: Sequence[Agency],
    replaces: Document | None,
    issued_on: dt.date | None = None,
) -> Document:
    document = document_services.document_create(
        access=access,
        kind=kind,
        issuer=issuer,
        subject=subject,
        body="\n".join(paragraphs),
        recipients=recipients,
        recipient_agencies=recipient_agencies,
        signer=signer,
        signer_title=signer_title,
        authority=authority,
        replaces=replaces if replaces is not None and replaces.is_issued else None,
    )
    return document_services.document_issue(access=access, document=document, issued_on=issued_on)


@transaction.atomic
def meeting_issue_invitation(
    *,
    access: Access,
    meeting: Meeting,
    issuer: Agency,
    signer: Person | None,
    recipients: str,
    signer_title: str = "",
    authority: str = "",
    issued_on: dt.date | None = None,
) -> Document:
    """Issues the Giấy mời (a numbered GM document); after commit, `meeting_invitation_issued`
    tells the invitees (notifications mails them the invitation with an .ics).

    Locks the meeting row, then the document rows (see `document_issue`).
    A second invitation supersedes the first."""
    meeting = _lock(access, meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise BusinessError("Cuộc họp đã hủy, không ban hành giấy mời.")
    document = _issue_document(
        access=access,
        meeting=meeting,
        kind=DocumentKind.GM,
        subject=notices.invitation_subject(meeting),
        paragraphs=notices.invitation_body(meeting, issuer.name),
        issuer=issuer,
        signer=signer,
        signer_title=signer_title,
        authority=authority,
        recipients=recipients,
        recipient_agencies=list(meeting.invited_agencies.all()),
        replaces=meeting.invitation,
        issued_on=issued_on,
    )
    before = snapshot(meeting, ["invitation"])
    meeting.invitation = document
    meeting.save()
    changes = changes_since(meeting, before)
    record(access, MeetingAction.INVITATION_ISSUED, meeting, changes=changes)
    send_on_commit(
        signals.meeting_invitation_issued,
        Meeting,
        meeting=meeting,
        document=document,
        actor=access.user,
    )
    return document


@transaction.atomic
def meeting_issue_notice(
    *,
    access: Access,
    meeting: Meeting,
    issuer: Agency,
    signer: Person | None,
    recipients: str,
    signer_title: str = "",
    authority: str = "",
    issued_on: dt.date | None = None,
) -> Document:
    """Issues the Thông báo kết luận from the meeting's numbered conclusions, for a meeting
    that took place and was recorded as held (`Meeting.notice_refusal`).

    Locks the meeting row first, so no conclusion changes while the notice is written, and
    a cancellation cannot slip in between the check and the issue.
    `issued_on` is the day it was signed when it is entered afterwards (today by default).
    """
    meeting = _lock(access, meeting)
    if refusal := meeting.notice_refusal():
        raise BusinessError(refusal)
    if not meeting.conclusions.exists():
        raise BusinessError("Cuộc họp chưa có kết luận nào để ra thông báo.")
    agencies = {a.pk: a for a in meeting.invited_agencies.all()}
    for conclusion in meeting.conclusions.select_related("task"):
        if conclusion.task is not None:
            for assignment in conclusion.task.assignments.select_related("agency"):
                agencies.setdefault(assignment.agency_id, assignment.agency)
    document = _issue_document(
        access=access,
        meeting=meeting,
        kind=DocumentKind.TB,
        subject=notices.notice_subject(meeting),
        paragraphs=notices.notice_body(meeting, issuer.name),
        issuer=issuer,
        signer=signer,
        signer_title=signer_title,
        authority=authority,
        recipients=recipients,
        recipient_agencies=list(agencies.values()),
        replaces=meeting.notice,
        issued_on=issued_on,
    )
    before = snapshot(meeting, ["notice"])
    meeting.notice = document
    meeting.save()
    record(access, MeetingAction.NOTICE_ISSUED, meeting, changes=changes_since(meeting, before))
    return document


@transaction.atomic
def meeting_delete(*, access: Access, meeting: Meeting) -> Meeting:
    """Moves the meeting to the trash; its conclusions' tasks stay (they are tracked work)."""
    require(access.can_manage and meeting.congress_id == access.congress.pk, MANAGERS_ONLY)
    return move_to_trash(access, meeting, MeetingAction.DELETED)


@transaction.atomic
def meeting_restore(*, access: Access, meeting: Meeting) -> Meeting:
    require(access.can_manage and meeting.congress_id == access.congress.pk, MANAGERS_ONLY)
    return restore_from_trash(access, meeting, MeetingAction.RESTORED)
