"""A meeting's papers: the Giấy mời and the Thông báo kết luận, issued as numbered documents."""

import datetime as dt
from collections.abc import Sequence
from typing import Literal, NotRequired, TypedDict, Unpack

from django.db import transaction

from daihoi.core.audit import AuditAction, changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import send_on_commit
from daihoi.documents import services as document_services
from daihoi.documents.models import Document, DocumentKind
from daihoi.organizations.models import Agency, Person
from daihoi.organizations.permissions import Access

from .. import notices, signals
from ..models import Meeting, MeetingAction
from .meetings import lock_meeting


class Signing(TypedDict):
    """Who issues and signs a meeting's paper, and to whom it goes."""

    issuer: Agency
    signer: Person | None
    recipients: str
    signer_title: NotRequired[str]
    authority: NotRequired[str]
    issued_on: NotRequired[dt.date | None]  # the day it was signed; today by default


def _issue_paper(
    access: Access,
    meeting: Meeting,
    *,
    slot: Literal["invitation", "notice"],
    kind: DocumentKind,
    action: AuditAction,
    subject: str,
    paragraphs: list[str],
    recipient_agencies: Sequence[Agency],
    signing: Signing,
) -> Document:
    """Drafts and issues the paper (superseding the issued one it replaces) and points the
    locked meeting's `slot` at it, recorded as `action`."""
    replaces: Document | None = getattr(meeting, slot)
    document = document_services.document_create(
        access=access,
        kind=kind,
        issuer=signing["issuer"],
        subject=subject,
        body="\n".join(paragraphs),
        recipients=signing["recipients"],
        recipient_agencies=recipient_agencies,
        signer=signing["signer"],
        signer_title=signing.get("signer_title", ""),
        authority=signing.get("authority", ""),
        replaces=replaces if replaces is not None and replaces.is_issued else None,
    )
    document = document_services.document_issue(
        access=access, document=document, issued_on=signing.get("issued_on")
    )
    before = snapshot(meeting, [slot])
    setattr(meeting, slot, document)
    meeting.save()
    record(access, action, meeting, changes=changes_since(meeting, before))
    return document


@transaction.atomic
def meeting_issue_invitation(
    *, access: Access, meeting: Meeting, **signing: Unpack[Signing]
) -> Document:
    """Issues the Giấy mời (a numbered GM document); after commit, `meeting_invitation_issued`
    tells the invitees (notifications mails them the invitation with an .ics).

    Locks the meeting row, then the document rows (see `document_issue`).
    A second invitation supersedes the first."""
    meeting = lock_meeting(access, meeting)
    if meeting.status == Meeting.Status.CANCELLED:
        raise BusinessError("Cuộc họp đã hủy, không ban hành giấy mời.")
    document = _issue_paper(
        access,
        meeting,
        slot="invitation",
        kind=DocumentKind.GM,
        action=MeetingAction.INVITATION_ISSUED,
        subject=notices.invitation_subject(meeting),
        paragraphs=notices.invitation_body(meeting, signing["issuer"].name),
        recipient_agencies=list(meeting.invited_agencies.all()),
        signing=signing,
    )
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
    *, access: Access, meeting: Meeting, **signing: Unpack[Signing]
) -> Document:
    """Issues the Thông báo kết luận from the meeting's numbered conclusions, for a meeting
    that took place and was recorded as held (`Meeting.notice_refusal`); it goes to the
    invited agencies and every agency assigned to a task of its conclusions.

    Locks the meeting row first, so no conclusion changes while the notice is written, and
    a cancellation cannot slip in between the check and the issue.
    """
    meeting = lock_meeting(access, meeting)
    if refusal := meeting.notice_refusal():
        raise BusinessError(refusal)
    if not meeting.conclusions.exists():
        raise BusinessError("Cuộc họp chưa có kết luận nào để ra thông báo.")
    agencies = {a.pk: a for a in meeting.invited_agencies.all()}
    for conclusion in meeting.conclusions.select_related("task"):
        if conclusion.task is not None:
            for assignment in conclusion.task.assignments.select_related("agency"):
                agencies.setdefault(assignment.agency_id, assignment.agency)
    return _issue_paper(
        access,
        meeting,
        slot="notice",
        kind=DocumentKind.TB,
        action=MeetingAction.NOTICE_ISSUED,
        subject=notices.notice_subject(meeting),
        paragraphs=notices.notice_body(meeting, signing["issuer"].name),
        recipient_agencies=list(agencies.values()),
        signing=signing,
    )
