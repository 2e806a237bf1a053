"""Discussion groups: set up by the roster keepers, delegates assigned one by one or a whole
delegation at once, each group with one leader, deputies and secretaries."""

from django.db import IntegrityError, transaction

from daihoi.core.audit import record
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.text import normalize
from daihoi.organizations.permissions import Access

from ..models import Delegate, Delegation, DiscussionGroup, GroupAction, GroupMember
from ..permissions import ONLY_ROSTER_KEEPERS, can_keep_roster, roster_rights


def _require_keeper(access: Access) -> None:
    require(can_keep_roster(roster_rights(access)), ONLY_ROSTER_KEEPERS)


@transaction.atomic
def group_create(*, access: Access, name: str, place: str = "", order: int = 0) -> DiscussionGroup:
    _require_keeper(access)
    name = normalize(name)
    if not name:
        raise BusinessError("Tên tổ không được để trống.", field="name")
    if DiscussionGroup.objects.filter(congress=access.congress, name__iexact=name).exists():
        raise BusinessError(f"Đã có “{name}”.", field="name")
    group = DiscussionGroup.objects.create(
        congress=access.congress, name=name, place=normalize(place), order=order
    )
    record(access, GroupAction.CREATED, group)
    return group


def _place(group: DiscussionGroup, delegate: Delegate, role: str) -> GroupMember:
    if not delegate.is_active:
        raise BusinessError(
            f"{delegate.full_name} đã được thay, không phân vào tổ.", field="delegate"
        )
    if role == GroupMember.Role.LEADER:
        # Locks the group's members so two leaders cannot be named at once.
        current = (
            GroupMember.objects.select_for_update()
            .filter(group=group, role=GroupMember.Role.LEADER)
            .exclude(delegate=delegate)
            .first()
        )
        if current is not None:
            raise BusinessError(
                f"{group.name} đã có tổ trưởng ({current.delegate.full_name}); hãy đổi vai trò "
                "người đó trước.",
                field="role",
            )
    try:
        with transaction.atomic():
            member, _ = GroupMember.objects.update_or_create(
                delegate=delegate, defaults={"group": group, "role": role}
            )
    except IntegrityError:
        raise BusinessError(f"{group.name} vừa có tổ trưởng khác.", field="role") from None
    return member


@transaction.atomic
def group_assign(
    *, access: Access, group: DiscussionGroup, delegate: Delegate, role: str = "member"
) -> GroupMember:
    """Places a delegate in a group with a role, moving them from another group if need be."""
    _require_keeper(access)
    require_same_congress(access.congress, group, delegate)
    if role not in GroupMember.Role.values:
        raise BusinessError("Vai trò không hợp lệ.", field="role")
    member = _place(group, delegate, role)
    record(
        access,
        GroupAction.ASSIGNED,
        group,
        data={"delegate": delegate.full_name, "role": member.get_role_display()},
    )
    return member


@transaction.atomic
def group_assign_delegation(
    *, access: Access, group: DiscussionGroup, delegation: Delegation
) -> int:
    """Places every active delegate of a delegation not yet in a group; returns how many."""
    _require_keeper(access)
    require_same_congress(access.congress, group, delegation)
    free = Delegate.objects.filter(
        delegation=delegation, is_active=True, group_membership__isnull=True
    ).exclude(kind=Delegate.Kind.GUEST)
    members = [GroupMember(group=group, delegate=d, role=GroupMember.Role.MEMBER) for d in free]
    GroupMember.objects.bulk_create(members)
    record(
        access,
        GroupAction.ASSIGNED,
        group,
        data={"delegation": delegation.name, "count": len(members)},
    )
    return len(members)


@transaction.atomic
def group_remove(*, access: Access, member: GroupMember) -> None:
    _require_keeper(access)
    require_same_congress(access.congress, member.group)
    record(access, GroupAction.REMOVED, member.group, data={"delegate": member.delegate.full_name})
    member.delete()
