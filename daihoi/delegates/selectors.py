"""Reads of the roster, already limited to the congress and to what the reader may see."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from daihoi.core.text import fold
from daihoi.organizations.permissions import Access

from .models import Delegate, Delegation, Duty
from .permissions import RosterRights
from .quorum import has_quorum, quorum_needed

# What a reader without the personal data gets: name, kind, delegation, position and workplace.
PUBLIC_FIELDS = (
    "id",
    "full_name",
    "kind",
    "is_active",
    "position",
    "workplace",
    "photo",
    "delegation__name",
)


@dataclass(frozen=True)
class RosterFilter:
    q: str = ""
    delegation_id: int | None = None
    kind: str = ""
    include_inactive: bool = False


def delegates_for(rights: RosterRights, filters: RosterFilter) -> QuerySet[Delegate]:
    """The congress's delegates matching `filters`; only the public columns unless the reader
    may see personal data."""
    rows = Delegate.objects.filter(congress=rights.access.congress).select_related("delegation")
    if not filters.include_inactive:
        rows = rows.filter(is_active=True)
    if filters.delegation_id:
        rows = rows.filter(delegation_id=filters.delegation_id)
    if filters.kind in Delegate.Kind.values:
        rows = rows.filter(kind=filters.kind)
    if filters.q.strip():
        rows = rows.filter(name_key__contains=fold(filters.q))
    if not rights.sees_personal_data:
        rows = rows.only(*PUBLIC_FIELDS)
    return rows.order_by("delegation__order", "delegation__name", "name_key", "pk")


def delegations_with_counts(access_congress_id: int) -> QuerySet[Delegation]:
    """The delegations with their active delegates counted by kind."""
    active = Q(delegates__is_active=True)
    return Delegation.objects.filter(congress_id=access_congress_id).annotate(
        official=Count("delegates", filter=active & Q(delegates__kind=Delegate.Kind.OFFICIAL)),
        alternate=Count("delegates", filter=active & Q(delegates__kind=Delegate.Kind.ALTERNATE)),
        guest=Count("delegates", filter=active & Q(delegates__kind=Delegate.Kind.GUEST)),
    )


def groups_with_members(congress_id: int) -> list:
    """Every discussion group with its members (leader, deputies, secretaries, then by name)."""
    from .models import DiscussionGroup, GroupMember

    groups = list(DiscussionGroup.objects.filter(congress_id=congress_id))
    members = (
        GroupMember.objects.filter(group__congress_id=congress_id)
        .select_related("delegate", "delegate__delegation")
        .only(
            "group_id",
            "role",
            "delegate__full_name",
            "delegate__name_key",
            "delegate__position",
            "delegate__workplace",
            "delegate__delegation__name",
        )
    )
    by_group: dict[int, list] = {g.pk: [] for g in groups}
    for member in members:
        by_group[member.group_id].append(member)
    for group in groups:
        rows = sorted(
            by_group[group.pk], key=lambda m: (GroupMember.ROLE_ORDER[m.role], m.delegate.name_key)
        )
        setattr(group, "member_rows", rows)  # noqa: B010 — read by the templates
    return groups


@dataclass(frozen=True)
class HeadcountRow:
    name: str
    present: int
    total: int

    @property
    def absent(self) -> int:
        return self.total - self.present


@dataclass(frozen=True)
class Headcount:
    present: int
    total: int
    rows: list[HeadcountRow]

    @property
    def quorum_needed(self) -> int:
        return quorum_needed(self.total)

    @property
    def has_quorum(self) -> bool:
        return has_quorum(self.present, self.total)


def headcount(session) -> Headcount:
    """Official delegates present at `session` against those summoned, overall and per
    delegation: two grouped queries."""
    from .models import CheckIn

    official = Q(is_active=True, kind=Delegate.Kind.OFFICIAL)
    totals = dict(
        Delegate.objects.filter(official, congress_id=session.congress_id)
        .values_list("delegation_id")
        .annotate(n=Count("id"))
        .values_list("delegation_id", "n")
    )
    present = dict(
        CheckIn.objects.filter(
            session=session, delegate__is_active=True, delegate__kind=Delegate.Kind.OFFICIAL
        )
        .values_list("delegation_id")
        .annotate(n=Count("id"))
        .values_list("delegation_id", "n")
    )
    rows = [
        HeadcountRow(d.name, present.get(d.pk, 0), totals.get(d.pk, 0))
        for d in Delegation.objects.filter(congress_id=session.congress_id).only("id", "name")
        if totals.get(d.pk)
    ]
    return Headcount(sum(present.values()), sum(totals.values()), rows)


def duty_kinds(access: Access) -> set[str]:
    """The delegate work (`Duty.Kind`) the secretariat gave the access's user in its congress:
    one query. Lets a page point gate staff whose role has no "Đại biểu" menu to their work."""
    return set(
        Duty.objects.filter(congress=access.congress, user=access.user).values_list(
            "kind", flat=True
        )
    )
