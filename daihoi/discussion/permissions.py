"""Who records a group's comments, who synthesises them, and fetch-and-authorise.

A group's secretary (a delegate with the secretary role in that group) records for that group
only. The secretariat, the administrator and the members of the Document subcommittee (Tiểu ban
Văn kiện) record on any group's behalf from paper minutes, see every group's comments, group
them into themes and mark them accepted or explained. Everyone who reads the whole congress
(committee leaders, members) reads the synthesis.
"""

from django.db.models import QuerySet

from daihoi.consultation.models import Consultation, Draft
from daihoi.core.views import first_or_404
from daihoi.delegates.models import DiscussionGroup, GroupMember
from daihoi.organizations.models import Committee, Membership
from daihoi.organizations.permissions import Access

from .models import GroupComment, Theme

NOT_THE_SECRETARY = (
    "Chỉ thư ký của tổ (hoặc Thường trực, Văn phòng và Tiểu ban Văn kiện) mới ghi được ý kiến "
    "thảo luận của tổ này."
)
ONLY_DOCUMENTS = (
    "Chỉ Thường trực, Văn phòng và Tiểu ban Văn kiện mới tổng hợp, tiếp thu, giải trình ý kiến "
    "thảo luận tổ."
)
NO_READ = "Bạn không có quyền xem ý kiến thảo luận tổ."


def in_document_committee(access: Access) -> bool:
    if access.can_manage:
        return True
    return (
        access.person_id is not None
        and Membership.objects.filter(
            person_id=access.person_id,
            committee__congress=access.congress,
            committee__kind=Committee.Kind.DOCUMENTS,
        ).exists()
    )


def secretary_groups(access: Access) -> QuerySet[DiscussionGroup]:
    """The groups of the access's congress whose secretary the user is."""
    if access.delegate_id is None:
        return DiscussionGroup.objects.none()
    return DiscussionGroup.objects.filter(
        congress=access.congress,
        members__delegate_id=access.delegate_id,
        members__role=GroupMember.Role.SECRETARY,
    )


def can_record(access: Access, group: DiscussionGroup) -> bool:
    if group.congress_id != access.congress.pk:
        return False
    return in_document_committee(access) or secretary_groups(access).filter(pk=group.pk).exists()


def can_synthesise(access: Access) -> bool:
    return in_document_committee(access)


def can_read_all(access: Access) -> bool:
    return access.sees_whole_congress or in_document_committee(access)


def can_open_discussion(access: Access) -> bool:
    """The overview: readers of the whole congress, and every delegate (the drafts under
    discussion; a group's secretary finds the group's recording page there)."""
    return can_read_all(access) or access.delegate_id is not None


def access_group(access: Access, discussion_group_id: int) -> DiscussionGroup:
    """A discussion group of the access's congress; 404 alike when missing or elsewhere."""
    return first_or_404(
        DiscussionGroup.objects.filter(pk=discussion_group_id, congress=access.congress)
    )


def discussed_drafts(access: Access) -> QuerySet[Draft]:
    """Drafts the groups may discuss: versions sent for comment (not an adopted text) of the
    congress's documents still open."""
    return Draft.objects.filter(
        consultation__congress=access.congress,
        consultation__status=Consultation.Status.OPEN,
        is_final=False,
    )


def access_draft(access: Access, draft_id: int) -> Draft:
    return first_or_404(
        Draft.objects.filter(
            pk=draft_id, consultation__congress=access.congress, is_final=False
        ).select_related("consultation__drafting_agency", "consultation__committee")
    )


def access_group_comment(access: Access, group_comment_id: int) -> GroupComment:
    return first_or_404(
        GroupComment.objects.filter(pk=group_comment_id, congress=access.congress).select_related(
            "group", "draft__consultation", "section", "theme"
        )
    )


def access_theme(access: Access, theme_id: int) -> Theme:
    return first_or_404(
        Theme.objects.filter(pk=theme_id, congress=access.congress).select_related(
            "draft__consultation", "section"
        )
    )
