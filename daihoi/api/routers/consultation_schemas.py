"""What the consultation endpoints read and answer: a consultation, its drafts and sections,
who was asked and who answered, the comments and how each was taken."""

import datetime as dt
from typing import Any

from ninja import Field, Schema

from daihoi.consultation.models import Comment, Consultation, Draft, Recipient, Section
from daihoi.consultation.selectors import DraftSummary

from ..common import display


class AgencyRef(Schema):
    id: int
    name: str


class DraftRef(Schema):
    """A version in the chain: draft 1, 2… or the adopted text; who was asked, who answered."""

    id: int
    number: int
    label: str
    is_final: bool
    deadline: dt.date | None
    asked: int
    answered: int
    comments: int | None = None


def _ref(summary: DraftSummary) -> dict:
    draft = summary.draft
    return {
        "id": draft.pk,
        "number": draft.number,
        "label": str(draft),
        "is_final": draft.is_final,
        "deadline": draft.deadline,
        "asked": summary.asked,
        "answered": summary.answered,
        "comments": summary.comments,
    }


class ConsultationFields(Schema):
    id: int
    title: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    drafting_agency: AgencyRef
    synthesis_shared: bool
    adopted_at: dt.datetime | None
    created_at: dt.datetime
    current: DraftRef | None


class ConsultationOut(ConsultationFields):
    """A consultation in the list, with its current draft (or the adopted text)."""

    @staticmethod
    def resolve_kind_label(consultation: Consultation) -> str:
        return consultation.get_kind_display()

    @staticmethod
    def resolve_status_label(consultation: Consultation) -> str:
        return consultation.get_status_display()

    @staticmethod
    def resolve_current(consultation: Consultation) -> dict | None:
        # The list prefetches the drafts with their counts, in order (`consultations_for`).
        drafts = list(consultation.drafts.all())
        if not drafts:
            return None
        draft: Any = drafts[-1]  # annotated with `asked` and `answered`
        return _ref(DraftSummary(draft, draft.asked, draft.answered, 0)) | {"comments": None}


class TrackingOut(Schema):
    """A recipient of the open round: answered or not, comments, still pending."""

    id: int
    name: str
    answered_at: dt.datetime | None
    agreed: bool
    reminded_at: dt.datetime | None
    comment_count: int
    pending_count: int

    @staticmethod
    def resolve_name(recipient: Recipient) -> str:
        return recipient.name


class CommentOut(Schema):
    id: int
    draft_id: int
    draft_number: int = Field(alias="draft.number")
    section_id: int | None
    section_label: str
    recipient: str = Field(alias="recipient.name")
    text: str
    created_at: dt.datetime
    resolution: str
    resolution_label: str = display("resolution")
    reason: str
    resolved_at: dt.datetime | None

    @staticmethod
    def resolve_section_label(comment: Comment) -> str:
        return comment.section_label


class ConsultationDetailOut(ConsultationFields):
    """The consultation's page: the revision chain, what the caller may do, and — for the
    drafting side during an open round — who has answered."""

    committee: str | None
    chain: list[DraftRef]
    manages: bool
    can_comment: bool
    past_deadline: bool
    sees_all_comments: bool
    pending_comments: int
    tracking: list[TrackingOut]


class SectionOut(Schema):
    id: int
    position: int
    label: str
    heading: str
    text: str


class DraftOut(Schema):
    """A version of the draft: its text cut into the sections commented on, and its comments
    the caller may see."""

    id: int
    number: int
    label: str
    is_final: bool
    body: str
    note: str
    deadline: dt.date | None
    file_name: str
    has_file: bool
    created_at: dt.datetime
    sections: list[SectionOut]
    comments: list[CommentOut]


def draft_out(draft: Draft, sections: list[Section], comments: list[Comment]) -> dict:
    return {
        "id": draft.pk,
        "number": draft.number,
        "label": str(draft),
        "is_final": draft.is_final,
        "body": draft.body,
        "note": draft.note,
        "deadline": draft.deadline,
        "file_name": draft.file_name,
        "has_file": bool(draft.file),
        "created_at": draft.created_at,
        "sections": sections,
        "comments": comments,
    }


def chain_out(chain: list[DraftSummary]) -> list[dict]:
    return [_ref(summary) for summary in chain]


class ConsultationIn(Schema):
    """The page "Gửi dự thảo lấy ý kiến" (multipart, the file as `file`): `deadline`
    dd/mm/yyyy; `agencies` ids (or "g<id>" for a group), `committees`, `people` ids."""

    title: str | None = None
    kind: str | None = None
    drafting_agency: int | None = None
    committee: int | None = None
    source_document: int | None = None
    body: str | None = None
    deadline: str | None = None
    agencies: list[str] | None = None
    committees: list[int] | None = None
    people: list[int] | None = None


class RevisionIn(Schema):
    """The page "Dự thảo sửa đổi" (multipart, the file as `file`)."""

    body: str | None = None
    note: str | None = None
    deadline: str | None = None
    agencies: list[str] | None = None
    committees: list[int] | None = None
    people: list[int] | None = None


class CommentIn(Schema):
    """A recipient's answer to the open round: `whole` on the whole draft, `sections`
    {section id: text} per section, or `agreed` alone (no other comment)."""

    whole: str | None = None
    sections: dict[int, str] = {}
    agreed: bool = False


class ResolveIn(Schema):
    """`resolution`: "accepted" (tiếp thu) or "explained" (giải trình, with its `reason`)."""

    resolution: str | None = None
    reason: str | None = None


class ShareIn(Schema):
    shared: bool = True


class AdoptIn(Schema):
    body: str | None = None
    note: str | None = None


class RemindOut(Schema):
    reminded: int
