"""Every change to drafts for comment that users cause. Keyword-only, explicit actor, atomic."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from daihoi.core.audit import record
from daihoi.core.dates import format_date
from daihoi.core.dates import today as local_today
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress, send_on_commit
from daihoi.core.uploads import validate_attachment
from daihoi.documents.models import Document, DocumentKind
from daihoi.documents.permissions import can_view as can_view_document
from daihoi.organizations.models import Agency, Committee, Person
from daihoi.organizations.permissions import Access

from . import permissions, signals
from .models import (
    Comment,
    Consultation,
    ConsultationAction,
    Draft,
    Recipient,
    Resolution,
    Resolved,
    Section,
)
from .permissions import DRAFTERS_ONLY, NOT_ASKED
from .sections import split_sections

NO_RECIPIENT = "Hãy chọn ít nhất một cơ quan, đơn vị hoặc thành viên để gửi lấy ý kiến."
NO_BODY = "Dự thảo chưa có nội dung: hãy dán hoặc gõ nội dung (các điều, mục) của dự thảo."
EMPTY_ANSWER = (
    "Chưa có ý kiến nào: hãy nhập ý kiến vào ít nhất một mục, hoặc chọn “Nhất trí với dự thảo”."
)
ALREADY_ADOPTED = "Dự thảo đã được thông qua bản cuối cùng; không thay đổi được nữa."
NEEDS_REASON = "Giải trình phải nêu lý do không tiếp thu."


@dataclass(frozen=True)
class SendTo:
    """Whom a draft goes to: agencies, people, and committees whose members are all asked."""

    agencies: Sequence[Agency] = ()
    people: Sequence[Person] = ()
    committees: Sequence[Committee] = ()

    def expanded(self) -> tuple[list[Agency], list[Person]]:
        people = {p.pk: p for p in self.people}
        for committee in self.committees:
            for membership in committee.memberships.select_related("person"):
                people.setdefault(membership.person_id, membership.person)
        agencies = {a.pk: a for a in self.agencies}
        return list(agencies.values()), list(people.values())


def _check_deadline(deadline: dt.date | None) -> dt.date:
    if deadline is None:
        raise BusinessError("Hãy chọn hạn góp ý.", field="deadline")
    if deadline < local_today():
        raise BusinessError("Hạn góp ý phải từ hôm nay trở đi.", field="deadline")
    return deadline


def _new_draft(
    access: Access,
    consultation: Consultation,
    *,
    number: int,
    body: str,
    deadline: dt.date | None,
    upload: UploadedFile | None = None,
    note: str = "",
    is_final: bool = False,
) -> Draft:
    body = body.strip()
    if not body:
        raise BusinessError(NO_BODY, field="body")
    draft = Draft(
        consultation=consultation,
        number=number,
        is_final=is_final,
        body=body,
        note=note.strip(),
        deadline=deadline,
        created_by=access.user,
    )
    if upload is not None:
        validate_attachment(upload)
        draft.file = upload
        draft.file_name = (upload.name or "du-thao")[:255]
    draft.save()
    Section.objects.bulk_create(
        Section(draft=draft, position=i, label=s.label, heading=s.heading, text=s.text)
        for i, s in enumerate(split_sections(body), start=1)
    )
    return draft


def _add_recipients(access: Access, draft: Draft, send_to: SendTo) -> int:
    agencies, people = send_to.expanded()
    require_same_congress(access.congress, *agencies, *people, *send_to.committees)
    if not agencies and not people:
        raise BusinessError(NO_RECIPIENT, field="agencies")
    Recipient.objects.bulk_create(
        [Recipient(draft=draft, agency=a) for a in agencies]
        + [Recipient(draft=draft, person=p) for p in people]
    )
    return len(agencies) + len(people)


def _send(access: Access, action: ConsultationAction, draft: Draft, send_to: SendTo) -> None:
    """Asks the recipients about a new draft: their rows, the audit entry, the event."""
    count = _add_recipients(access, draft, send_to)
    record(
        access,
        action,
        draft.consultation,
        data={"draft": draft.number, "recipients": count, "deadline": str(draft.deadline)},
    )
    send_on_commit(signals.draft_sent, Consultation, draft=draft, actor=access.user)


@transaction.atomic
def consultation_send(
    *,
    access: Access,
    title: str,
    kind: str,
    drafting_agency: Agency,
    deadline: dt.date | None,
    send_to: SendTo,
    body: str = "",
    upload: UploadedFile | None = None,
    committee: Committee | None = None,
    source_document: Document | None = None,
) -> Consultation:
    """Draft 1 of a document sent for comment by a date. The text comes from the registry's
    draft when one is chosen and none is typed."""
    require(permissions.can_start(access), DRAFTERS_ONLY)
    if access.can_accept is False and drafting_agency.pk != access.agency_id:
        raise BusinessError(
            "Đơn vị chỉ gửi lấy ý kiến dự thảo do chính đơn vị soạn thảo.",
            field="drafting_agency",
        )
    require_same_congress(access.congress, drafting_agency, committee, source_document)
    if kind not in DocumentKind.values:
        raise BusinessError("Loại văn bản không hợp lệ.", field="kind")
    if source_document is not None:
        if not source_document.is_draft or not can_view_document(access, source_document):
            raise BusinessError(
                "Chỉ lấy ý kiến được văn bản còn là dự thảo.", field="source_document"
            )
        kind = source_document.kind
        title = title.strip() or f"Dự thảo {source_document.subject}"
        body = body.strip() or source_document.body
    if not title.strip():
        raise BusinessError("Hãy nhập tên dự thảo.", field="title")
    consultation = Consultation.objects.create(
        congress=access.congress,
        title=title.strip(),
        kind=kind,
        drafting_agency=drafting_agency,
        committee=committee,
        source_document=source_document,
        created_by=access.user,
    )
    draft = _new_draft(
        access, consultation, number=1, body=body, deadline=_check_deadline(deadline), upload=upload
    )
    _send(access, ConsultationAction.SENT, draft, send_to)
    return consultation


def _lock_open(access: Access, consultation: Consultation) -> Consultation:
    require(permissions.can_manage(access, consultation), DRAFTERS_ONLY)
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not locked.is_open:
        raise BusinessError(ALREADY_ADOPTED)
    return locked


def current_draft(consultation: Consultation) -> Draft:
    """The latest version: the round open for comment, or the adopted text."""
    return consultation.drafts.order_by("-number").first()  # type: ignore[return-value]


@transaction.atomic
def draft_revise(
    *,
    access: Access,
    consultation: Consultation,
    body: str,
    deadline: dt.date | None,
    send_to: SendTo,
    note: str = "",
    upload: UploadedFile | None = None,
) -> Draft:
    """The next draft (lần 2, 3…) sent for a new round of comments. Locks the consultation."""
    locked = _lock_open(access, consultation)
    previous = current_draft(locked)
    draft = _new_draft(
        access,
        locked,
        number=previous.number + 1,
        body=body,
        deadline=_check_deadline(deadline),
        upload=upload,
        note=note,
    )
    _send(access, ConsultationAction.REVISED, draft, send_to)
    return draft


@dataclass(frozen=True)
class Entry:
    """One comment as typed: on a section (its id) or on the whole draft (None)."""

    section_id: int | None
    text: str


@transaction.atomic
def comments_submit(
    *, access: Access, draft: Draft, entries: Iterable[Entry], agreed: bool = False
) -> list[Comment]:
    """A recipient's answer to the open round: comments per section or on the whole, or plain
    agreement. Locks the consultation, then the recipient row; refused after the deadline day."""
    # The consultation's lock: an adoption at the same moment either sees this comment (and
    # waits for it to be answered) or has already closed the draft.
    consultation = Consultation.objects.select_for_update().get(pk=draft.consultation_id)
    if not consultation.is_open:
        raise BusinessError(ALREADY_ADOPTED)
    recipient = permissions.own_recipient(access, draft)
    require(recipient is not None, NOT_ASKED)
    assert recipient is not None
    if draft.is_final or current_draft(consultation).pk != draft.pk:
        raise BusinessError("Dự thảo này đã có bản mới hơn; hãy góp ý vào bản mới nhất.")
    assert draft.deadline is not None
    if local_today() > draft.deadline:
        raise BusinessError(
            f"Đã hết hạn góp ý (hạn {format_date(draft.deadline)}); ý kiến không được nhận."
        )
    given = [Entry(e.section_id, e.text.strip()) for e in entries if e.text.strip()]
    if not given and not agreed:
        raise BusinessError(EMPTY_ANSWER)
    section_ids = set(draft.sections.values_list("pk", flat=True))
    if any(e.section_id is not None and e.section_id not in section_ids for e in given):
        raise BusinessError("Mục được góp ý không thuộc dự thảo này.")
    recipient = Recipient.objects.select_for_update().get(pk=recipient.pk)
    comments = Comment.objects.bulk_create(
        Comment(
            draft=draft,
            recipient=recipient,
            section_id=e.section_id,
            text=e.text,
            author=access.user,
        )
        for e in given
    )
    recipient.answered_at = recipient.answered_at or timezone.now()
    recipient.agreed = recipient.agreed or (agreed and not given)
    recipient.save(update_fields=["answered_at", "agreed"])
    record(
        access,
        ConsultationAction.COMMENTED,
        consultation,
        data={"draft": draft.number, "recipient": recipient.name, "comments": len(comments)},
    )
    send_on_commit(
        signals.draft_answered,
        Consultation,
        draft=draft,
        recipient=recipient,
        count=len(comments),
        actor=access.user,
    )
    return comments


def resolution_checked(
    resolution: str, reason: str, *, allow_pending: bool = False
) -> tuple[str, str]:
    """The resolution a drafter chose, checked: accepted or explained (back to pending only when
    `allow_pending`), an explanation with its reason. Returns it with the reason trimmed."""
    allowed = [Resolution.ACCEPTED, Resolution.EXPLAINED]
    if allow_pending:
        allowed.append(Resolution.PENDING)
    if resolution not in allowed:
        raise BusinessError("Hãy chọn tiếp thu hoặc giải trình.", field="resolution")
    reason = reason.strip()
    if resolution == Resolution.EXPLAINED and not reason:
        raise BusinessError(NEEDS_REASON, field="reason")
    return resolution, reason


@transaction.atomic
def comment_resolve(*, access: Access, comment: Comment, resolution: str, reason: str) -> Comment:
    """Marks a comment accepted (tiếp thu) or explained (giải trình, with its reason). Locks the
    consultation, then the comment."""
    _lock_open(access, comment.draft.consultation)
    resolution, reason = resolution_checked(resolution, reason)
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    old = locked.get_resolution_display()
    locked.mark(resolution, reason, access.user)
    locked.save(update_fields=Resolved.RESOLUTION_FIELDS)
    record(
        access,
        ConsultationAction.RESOLVED,
        comment.draft.consultation,
        reason=reason,
        data={"comment": locked.pk},
        changes=[[f"Ý kiến số {locked.pk}", str(old), str(locked.get_resolution_display())]],
    )
    return locked


@transaction.atomic
def consultation_remind(*, access: Access, consultation: Consultation) -> int:
    """Reminds those who have not answered the open round, through their notifications."""
    locked = _lock_open(access, consultation)
    draft = current_draft(locked)
    assert draft.deadline is not None
    if local_today() > draft.deadline:
        raise BusinessError("Đã hết hạn góp ý; không nhắc được nữa.")
    waiting = list(draft.recipients.filter(answered_at__isnull=True).values_list("pk", flat=True))
    if not waiting:
        raise BusinessError("Tất cả đã gửi ý kiến; không còn ai để nhắc.")
    Recipient.objects.filter(pk__in=waiting).update(reminded_at=timezone.now())
    record(access, ConsultationAction.REMINDED, locked, data={"recipients": len(waiting)})
    send_on_commit(
        signals.answers_reminded,
        Consultation,
        draft=draft,
        recipient_ids=waiting,
        actor=access.user,
    )
    return len(waiting)


@transaction.atomic
def consultation_share(*, access: Access, consultation: Consultation, shared: bool) -> None:
    """Lets every recipient see the synthesis (all comments and how each was taken), or stops."""
    require(permissions.can_manage(access, consultation), DRAFTERS_ONLY)
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if locked.synthesis_shared == shared:
        return
    locked.synthesis_shared = shared
    locked.save(update_fields=["synthesis_shared"])
    action = ConsultationAction.SHARED if shared else ConsultationAction.UNSHARED
    record(access, action, locked)


@transaction.atomic
def consultation_adopt(
    *, access: Access, consultation: Consultation, body: str, note: str = ""
) -> Draft:
    """The final version, after every comment of every round was accepted or explained. Locks
    the consultation; a second adoption is refused (and the database allows one final)."""
    locked = _lock_open(access, consultation)
    pending = Comment.objects.filter(
        draft__consultation=locked, resolution=Comment.Resolution.PENDING
    ).count()
    if pending:
        raise BusinessError(
            f"Còn {pending} ý kiến chưa tiếp thu hoặc giải trình; hãy xử lý trước khi thông qua."
        )
    previous = current_draft(locked)
    final = _new_draft(
        access,
        locked,
        number=previous.number + 1,
        body=body,
        deadline=None,
        note=note,
        is_final=True,
    )
    locked.status = Consultation.Status.ADOPTED
    locked.adopted_at = timezone.now()
    locked.save(update_fields=["status", "adopted_at"])
    comments = Comment.objects.filter(draft__consultation=locked).count()
    record(
        access,
        ConsultationAction.ADOPTED,
        locked,
        reason=note,
        data={"from_drafts": previous.number, "comments": comments},
    )
    send_on_commit(
        signals.consultation_adopted,
        Consultation,
        consultation=locked,
        final=final,
        actor=access.user,
    )
    return final
