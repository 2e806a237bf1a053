"""Who drafts, who answers, who sees which comments; fetching a consultation for an actor.

The drafting side — the secretariat, the committee leaders and the officers of the drafting
agency — sees everything. A recipient (an agency's officers, or the user linked to a person who
was asked) sees the drafts and its own comments; the others' comments only once the drafting
side shares the synthesis.
"""

from django.db.models import Q
from django.http import Http404

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access

from .models import Comment, Consultation, Draft, Recipient

DRAFTERS_ONLY = "Chỉ đơn vị soạn thảo (hoặc Thường trực, lãnh đạo tiểu ban) mới thực hiện được."
NOT_ASKED = "Đơn vị, cá nhân của bạn không được gửi lấy ý kiến dự thảo này."


def can_start(access: Access) -> bool:
    """Send a draft for comment: the secretariat, committee leaders, and an agency's officers
    (for a draft of their own agency)."""
    return access.can_accept or (access.is_agency_officer and access.agency_id is not None)


def can_manage(access: Access, consultation: Consultation) -> bool:
    if consultation.congress_id != access.congress.pk:
        return False
    if access.can_accept:
        return True
    return access.is_agency_officer and access.agency_id == consultation.drafting_agency_id


def recipient_q(access: Access) -> Q:
    """The recipient rows that speak for this user: their agency's, or their own person's."""
    q = Q(pk__in=[])
    if access.is_agency_officer and access.agency_id is not None:
        q |= Q(agency_id=access.agency_id)
    if access.person_id is not None:
        q |= Q(person_id=access.person_id)
    return q


def own_recipient(access: Access, draft: Draft) -> Recipient | None:
    return (
        Recipient.objects.filter(recipient_q(access), draft=draft)
        .select_related("agency", "person")
        .order_by("pk")
        .first()
    )


def visible_q(access: Access) -> Q:
    """Consultations the actor drafts or was asked about."""
    q = Q(congress=access.congress)
    if access.can_accept:
        return q
    mine = Q(pk__in=[])
    if access.is_agency_officer and access.agency_id is not None:
        mine |= Q(drafting_agency_id=access.agency_id)
    asked = Recipient.objects.filter(recipient_q(access)).values("draft__consultation_id")
    return q & (mine | Q(pk__in=asked))


def sees_all_comments(access: Access, consultation: Consultation) -> bool:
    return can_manage(access, consultation) or consultation.synthesis_shared


def access_consultation(access: Access, consultation_id: int) -> Consultation:
    """The consultation if the actor drafts it or was asked; 404 alike for missing and not
    yours."""
    return first_or_404(
        Consultation.objects.filter(visible_q(access), pk=consultation_id).select_related(
            "drafting_agency__parent", "committee", "source_document", "congress"
        )
    )


def access_draft(access: Access, consultation_id: int, draft_id: int) -> Draft:
    consultation = access_consultation(access, consultation_id)
    draft = Draft.objects.filter(pk=draft_id, consultation=consultation).first()
    if draft is None:
        raise Http404
    draft.consultation = consultation
    return draft


def access_comment(access: Access, consultation_id: int, comment_id: int) -> Comment:
    """A comment the actor may see: any for the drafting side or once the synthesis is shared,
    else only their own."""
    consultation = access_consultation(access, consultation_id)
    comment = (
        Comment.objects.filter(pk=comment_id, draft__consultation=consultation)
        .select_related("draft", "recipient", "section")
        .first()
    )
    if comment is None:
        raise Http404
    own = Recipient.objects.filter(recipient_q(access), pk=comment.recipient_id)
    if not sees_all_comments(access, consultation) and not own.exists():
        raise Http404
    comment.draft.consultation = consultation
    return comment
