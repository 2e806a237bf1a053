"""Meetings: plan, hold, conclude, turn conclusions into tasks, issue invitations and notices."""

import datetime as dt
from collections.abc import Mapping, Sequence

from django.db import transaction
from django.db.models import Max

from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.core.history import audit as _audit
from daihoi.organizations.models import Agency, Committee, Person
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import ProgressUpdate, Task

from . import permissions, signals
from .models import AgendaItem, Attendance, Conclusion, Meeting, MeetingAttachment


def _require(condition: bool) -> None:
    if not condition:
        raise PermissionDenied(
            "Chỉ Thường trực / Văn phòng hoặc lãnh đạo tiểu ban mới thực hiện thao tác này."
        )


def _in_congress(access: Access, *objects) -> None:
    for obj in objects:
        if obj is not None and obj.congress_id != access.congress.pk:
            raise BusinessError("Dữ liệu chọn không thuộc Đại hội này.")


def _check_times(starts_at: dt.datetime, ends_at: dt.datetime) -> None:
    if ends_at <= starts_at:
        raise BusinessError("Giờ kết thúc phải sau giờ bắt đầu.", field="ends_at")


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
    _require(permissions.can_run_meetings(access))
    _in_congress(access, chair, committee, *invited_people, *invited_agencies)
    _check_times(starts_at, ends_at)
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
    _audit(meeting, access, "Lên lịch cuộc họp")
    meeting.save()
    # The invitees are kept in their own history rows; say so on those rows.
    _audit(meeting, access, "Thành phần mời")
    meeting.invited_people.set(invited_people)
    meeting.invited_agencies.set(invited_agencies)
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
    for position, item in enumerate(items, start=1):
        item.meeting = meeting
        item.position = position
    AgendaItem.objects.bulk_create(items)
    return meeting


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
    _require(permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk)
    _in_congress(access, chair, committee, *invited_people, *invited_agencies)
    _check_times(starts_at, ends_at)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    for name, value in dict(
        title=title.strip(),
        kind=kind,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
        chair=chair,
        committee=committee,
    ).items():
        setattr(meeting, name, value)
    _audit(meeting, access, "Sửa thông tin cuộc họp")
    meeting.save()
    _audit(meeting, access, "Thành phần mời")
    meeting.invited_people.set(invited_people)
    meeting.invited_agencies.set(invited_agencies)
    return meeting


@transaction.atomic
def meeting_record(
    *,
    access: Access,
    meeting: Meeting,
    attendance: Mapping[int, str],
    minutes: str,
    notes: Mapping[int, str] | None = None,
) -> Meeting:
    """Records who attended (person id → status) and the minutes; the meeting is then held."""
    _require(permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise BusinessError("Cuộc họp đã hủy, không ghi nhận được.")
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
    meeting.minutes = minutes.strip()
    meeting.status = Meeting.Status.HELD
    _audit(meeting, access, "Ghi nhận thành phần dự và biên bản")
    meeting.save()
    return meeting


@transaction.atomic
def conclusion_add(*, access: Access, meeting: Meeting, text: str) -> Conclusion:
    """Numbers conclusions 1, 2, 3… per meeting; locks the meeting row to keep numbers unique."""
    _require(permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk)
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung kết luận.", field="text")
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    last = meeting.conclusions.aggregate(n=Max("number"))["n"] or 0
    conclusion = Conclusion(meeting=meeting, number=last + 1, text=text.strip())
    _audit(conclusion, access, "Thêm kết luận")
    conclusion.save()
    return conclusion


@transaction.atomic
def conclusion_update(*, access: Access, conclusion: Conclusion, text: str) -> Conclusion:
    _require(
        permissions.can_run_meetings(access)
        and conclusion.meeting.congress_id == access.congress.pk
    )
    if not text.strip():
        raise BusinessError("Vui lòng nhập nội dung kết luận.", field="text")
    if conclusion.meeting.notice_id and conclusion.meeting.notice.status != "draft":
        raise BusinessError("Thông báo kết luận đã ban hành; không sửa được nội dung kết luận.")
    conclusion.text = text.strip()
    _audit(conclusion, access, "Sửa kết luận")
    conclusion.save()
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
) -> Task:
    """Turns one conclusion into one task, linked both ways; locks the conclusion row.

    `source_text` is the sentence the task was read from, when it came from a text."""
    _require(
        permissions.can_run_meetings(access)
        and conclusion.meeting.congress_id == access.congress.pk
    )
    conclusion = (
        Conclusion.objects.select_for_update().select_related("meeting").get(pk=conclusion.pk)
    )
    if conclusion.task_id:
        raise BusinessError("Kết luận này đã được giao thành nhiệm vụ, không giao lại lần nữa.")
    meeting = conclusion.meeting
    task = planning_services.task_create(
        access=access,
        title=(title or conclusion.text).strip()[:500],
        lead_agency=lead_agency,
        coordinating_agencies=coordinating_agencies,
        area=area,
        phase=phase,
        deadline=deadline,
        deadline_offset_days=deadline_offset_days,
        committee=meeting.committee,
        leader_in_charge=meeting.chair,
        source=Task.Source.CONCLUSION,
        source_text=source_text
        or f"Kết luận số {conclusion.number} tại {meeting.title} "
        f"({meeting.starts_at:%d/%m/%Y}): {conclusion.text}",
    )
    conclusion.task = task
    _audit(conclusion, access, "Giao thành nhiệm vụ")
    conclusion.save()
    return task


@transaction.atomic
def meeting_attach(
    *, access: Access, meeting: Meeting, uploads: Sequence
) -> list[MeetingAttachment]:
    """Attaches documents to a meeting; all or none, each checked like any attachment."""
    from daihoi.core.uploads import validate_attachment

    _require(permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk)
    if not uploads:
        raise BusinessError("Chưa chọn tệp nào.", field="files")
    kinds = [validate_attachment(upload) for upload in uploads]
    rows = [
        MeetingAttachment.objects.create(
            meeting=meeting,
            file=upload,
            original_name=(upload.name or "tep")[:255],
            size=upload.size,
            content_type=kind,
            uploaded_by=access.user,
        )
        for upload, kind in zip(uploads, kinds, strict=True)
    ]
    _audit(meeting, access, "Đính kèm tài liệu: " + ", ".join(r.original_name for r in rows))
    meeting.save()
    return rows


@transaction.atomic
def meeting_cancel(*, access: Access, meeting: Meeting) -> Meeting:
    _require(permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk)
    if meeting.status == Meeting.Status.HELD:
        raise BusinessError("Cuộc họp đã diễn ra, không thể hủy.")
    meeting.status = Meeting.Status.CANCELLED
    _audit(meeting, access, "Hoãn, hủy cuộc họp")
    meeting.save()
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
    replaces,
):
    from daihoi.documents import services as document_services

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
        replaces=replaces if replaces is not None and replaces.status == "issued" else None,
    )
    return document_services.document_issue(access=access, document=document)


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
):
    """Issues the Giấy mời (a numbered GM document); after commit, `meeting_invitation_issued`
    tells the invitees (notifications mails them the invitation with an .ics).

    A second invitation supersedes the first."""
    from . import notices

    _require(permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == Meeting.Status.CANCELLED:
        raise BusinessError("Cuộc họp đã hủy, không ban hành giấy mời.")
    document = _issue_document(
        access=access,
        meeting=meeting,
        kind="GM",
        subject=notices.invitation_subject(meeting),
        paragraphs=notices.invitation_body(meeting, issuer.name),
        issuer=issuer,
        signer=signer,
        signer_title=signer_title,
        authority=authority,
        recipients=recipients,
        recipient_agencies=list(meeting.invited_agencies.all()),
        replaces=meeting.invitation,
    )
    meeting.invitation = document
    _audit(meeting, access, f"Ban hành giấy mời số {document.symbol}")
    meeting.save()
    transaction.on_commit(
        lambda: signals.meeting_invitation_issued.send(
            sender=Meeting, meeting=meeting, document=document, actor=access.user
        )
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
):
    """Issues the Thông báo kết luận from the meeting's numbered conclusions."""
    from . import notices

    _require(permissions.can_run_meetings(access) and meeting.congress_id == access.congress.pk)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.conclusions.exists():
        raise BusinessError("Cuộc họp chưa có kết luận nào để ra thông báo.")
    agencies = {a.pk: a for a in meeting.invited_agencies.all()}
    for conclusion in meeting.conclusions.select_related("task"):
        if conclusion.task_id:
            for assignment in conclusion.task.assignments.select_related("agency"):
                agencies.setdefault(assignment.agency_id, assignment.agency)
    document = _issue_document(
        access=access,
        meeting=meeting,
        kind="TB",
        subject=notices.notice_subject(meeting),
        paragraphs=notices.notice_body(meeting, issuer.name),
        issuer=issuer,
        signer=signer,
        signer_title=signer_title,
        authority=authority,
        recipients=recipients,
        recipient_agencies=list(agencies.values()),
        replaces=meeting.notice,
    )
    meeting.notice = document
    if meeting.status == Meeting.Status.PLANNED:
        meeting.status = Meeting.Status.HELD
    _audit(meeting, access, f"Ban hành thông báo kết luận số {document.symbol}")
    meeting.save()
    return document


@transaction.atomic
def meeting_delete(*, access: Access, meeting: Meeting) -> Meeting:
    """Moves the meeting to the trash; its conclusions' tasks stay (they are tracked work)."""
    if not (access.can_manage and meeting.congress_id == access.congress.pk):
        raise PermissionDenied("Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục.")
    meeting.mark_deleted(access.user)
    _audit(meeting, access, "Xóa cuộc họp")
    meeting.save()
    return meeting


@transaction.atomic
def meeting_restore(*, access: Access, meeting: Meeting) -> Meeting:
    if not (access.can_manage and meeting.congress_id == access.congress.pk):
        raise PermissionDenied("Chỉ Thường trực / Văn phòng mới được xóa hoặc khôi phục.")
    meeting.mark_restored()
    _audit(meeting, access, "Khôi phục cuộc họp")
    meeting.save()
    return meeting
