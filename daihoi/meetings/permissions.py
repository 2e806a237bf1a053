"""Who may plan, hold and conclude meetings, and who may see them."""

from daihoi.organizations.permissions import Access

from .models import Meeting


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
    return bool(access.person_id) and (
        meeting.chair_id == access.person_id
        or meeting.invited_people.filter(pk=access.person_id).exists()
    )
