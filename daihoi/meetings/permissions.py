"""Who may plan, hold and conclude meetings, who may see them, and fetching them for an actor."""

from django.http import Http404

from daihoi.core.views import first_or_404
from daihoi.organizations.permissions import Access

from .models import Conclusion, Meeting, MeetingAttachment

RUNNERS_ONLY = "Chỉ Thường trực / Văn phòng hoặc lãnh đạo tiểu ban mới thực hiện thao tác này."


def can_run_meetings(access: Access) -> bool:
    """Plan, record, conclude and issue notices: the secretariat and subcommittee leaders."""
    return access.can_accept


def can_view_meeting(access: Access, meeting: Meeting) -> bool:
    if meeting.congress_id != access.congress.pk:
        return False
    if access.sees_whole_congress:
        return True
    if access.agency_id and meeting.invited_agencies.filter(pk=access.agency_id).exists():
        return True
    if access.person_id is None:
        return False
    return (
        meeting.chair_id == access.person_id
        or meeting.invited_people.filter(pk=access.person_id).exists()
    )


def access_meeting(access: Access, meeting_id: int) -> Meeting:
    """The meeting if the actor may see it; 404 alike for missing and not yours."""
    meeting = (
        Meeting.objects.select_related("committee", "chair")
        .filter(pk=meeting_id, congress=access.congress)
        .first()
    )
    if meeting is None or not can_view_meeting(access, meeting):
        raise Http404
    return meeting


def access_conclusion(access: Access, meeting_id: int, conclusion_id: int) -> Conclusion:
    """A conclusion of a meeting the actor may see; 404 otherwise."""
    meeting = access_meeting(access, meeting_id)
    conclusion = Conclusion.objects.filter(pk=conclusion_id, meeting=meeting).first()
    if conclusion is None:
        raise Http404
    conclusion.meeting = meeting
    return conclusion


def access_meeting_attachment(
    access: Access, meeting_id: int, attachment_id: int
) -> MeetingAttachment:
    """A document attached to a meeting the actor may see; 404 otherwise."""
    meeting = access_meeting(access, meeting_id)
    return first_or_404(MeetingAttachment.objects.filter(pk=attachment_id, meeting=meeting))
