"""Who may see and change what across the levels.

A congress's secretariat keeps its schedule of subordinate congresses and sends guidance down.
Its secretariat and subcommittee leaders read every congress below it (dashboards, tasks,
reports: `access_from_above`), and change nothing there. A congress never sees its siblings,
and a lower level sees nothing above it except what was sent to it.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from daihoi.accounts.models import Role, User
from daihoi.core.views import first_or_404
from daihoi.organizations.models import Congress, Participation
from daihoi.organizations.permissions import OVERSEER, Access, access_congress

from .models import (
    Guidance,
    GuidanceItem,
    GuidanceRecipient,
    GuidanceSend,
    LevelDeadline,
    ReportRecipient,
)
from .tree import is_descendant

OVERSEEING_ROLES = (Role.SECRETARIAT, Role.COMMITTEE_LEADER)
MANAGERS_ONLY = (
    "Chỉ Thường trực / Văn phòng của Đại hội cấp trên mới được thay đổi lịch, hướng dẫn."
)
READERS_ONLY = "Chỉ Thường trực, Văn phòng và lãnh đạo tiểu ban theo dõi các Đại hội cấp dưới."
ADMIN_ONLY = "Chỉ Quản trị hệ thống mới được đặt Đại hội cấp trên."


def can_manage_schedule(access: Access) -> bool:
    """Add subordinate congresses, keep their schedule and the level deadlines, send guidance."""
    return access.can_manage


def can_oversee(access: Access) -> bool:
    """Read the congresses below: the schedule, the roll-up, their dashboards."""
    return access.is_admin or access.role in OVERSEEING_ROLES


def can_set_parent(access: Access) -> bool:
    return access.is_admin


def access_subordinate(access: Access, congress_id: int) -> Congress:
    """A congress below the access's one; 404 alike for missing, a sibling or one above."""
    congress = Congress.objects.filter(pk=congress_id).first()
    if congress is None or not is_descendant(congress, access.congress):
        raise Http404
    return congress


def overseeing_participation(user: User, congress: Congress) -> Participation | None:
    """The user's secretariat or leader role in a congress above `congress`, if any."""
    return (
        Participation.objects.filter(
            user=user, congress_id__in=congress.ancestor_ids, role__in=OVERSEEING_ROLES
        )
        .order_by("-congress__path")
        .first()
    )


def access_from_above(user: User | AnonymousUser, congress_id: int) -> Access:
    """The user's own access to the congress, or else read-only access as its parent's (or a
    further ancestor's) secretariat or leader; 404 for anyone else (siblings, lower levels)."""
    try:
        return access_congress(user, congress_id)
    except Http404:
        if not user.is_authenticated:
            raise
    assert isinstance(user, User)
    congress = Congress.objects.filter(pk=congress_id).first()
    if congress is None or overseeing_participation(user, congress) is None:
        raise Http404
    return Access(user, congress, OVERSEER)


def access_deadline(access: Access, deadline_id: int) -> LevelDeadline:
    """One of the deadlines the access's congress set for the congresses below; 404 alike for
    missing and another congress's."""
    return first_or_404(LevelDeadline.objects.filter(pk=deadline_id, congress=access.congress))


def access_guidance(access: Access, guidance_id: int) -> Guidance:
    """A guidance the access's congress wrote; 404 alike for missing and another's."""
    found = Guidance.objects.filter(pk=guidance_id, congress=access.congress).first()
    if found is None or not can_oversee(access):
        raise Http404
    return found


def access_item(access: Access, guidance: Guidance, item_id: int) -> GuidanceItem:
    return first_or_404(GuidanceItem.objects.filter(pk=item_id, guidance=guidance))


def access_send(access: Access, guidance: Guidance, send_id: int) -> GuidanceSend:
    return first_or_404(GuidanceSend.objects.filter(pk=send_id, guidance=guidance))


def access_received(access: Access, recipient_id: int) -> GuidanceRecipient:
    """A guidance as received by the access's congress: what the lower level sees of the level
    above (what was sent to it, nothing more); 404 for anything else."""
    return first_or_404(
        GuidanceRecipient.objects.select_related("guidance__congress").filter(
            pk=recipient_id, congress=access.congress
        )
    )


ANSWER_ONLY = "Chỉ Thường trực / Văn phòng gửi báo cáo của Đại hội mình lên cấp trên."


def can_answer_report(access: Access) -> bool:
    """A report the congress above asked of this congress is sent by its secretariat."""
    return access.can_manage


def access_report_received(access: Access, report_recipient_id: int) -> ReportRecipient:
    """A report request as received by the access's congress (what the lower level sees of the
    level above: the request sent to it and its own answer); 404 for anything else."""
    return first_or_404(
        ReportRecipient.objects.select_related(
            "request__congress", "submission__agency", "submission__request"
        ).filter(pk=report_recipient_id, congress=access.congress)
    )
