"""Committees (Tiểu ban, Tổ), their members with roles, and each member's own duties."""

from dataclasses import dataclass, field

from django.db import transaction

from daihoi.core.audit import changes_since, record, snapshot
from daihoi.core.exceptions import BusinessError
from daihoi.core.services import require, require_same_congress
from daihoi.core.versioning import check_version

from ..models import Agency, Area, Committee, CommitteeAction, Congress, Membership, Person
from ..permissions import Access, can_manage_committees

NOT_ALLOWED = "Chỉ Thường trực / Văn phòng mới được thiết lập tiểu ban và thành viên."
COMMITTEE_FIELDS = ["kind", "name", "parent", "functions", "duties"]
MEMBERSHIP_FIELDS = ["role", "duties", "supervised_agencies"]
# One head per committee and one leader per group: the founding decision names exactly one.
SINGLE_ROLES = (Membership.Role.HEAD, Membership.Role.GROUP_LEADER)


@dataclass
class CommitteeFields:
    kind: str
    name: str
    parent: Committee | None = None
    functions: str = ""
    duties: str = ""


@dataclass
class MemberDuties:
    """What the founding decision assigns one member."""

    role: str
    duties: str = ""
    areas: list[str] = field(default_factory=list)
    supervised_agencies: list[Agency] = field(default_factory=list)


def _apply(access: Access, committee: Committee, fields: CommitteeFields) -> None:
    name = " ".join(fields.name.split())
    if not name:
        raise BusinessError("Tên tiểu ban không được để trống.", field="name")
    if fields.kind not in Committee.Kind.values:
        raise BusinessError("Loại tiểu ban không hợp lệ.", field="kind")
    require_same_congress(access.congress, fields.parent)
    _refuse_circular_parent(committee, fields.parent)
    committee.kind = fields.kind
    committee.name = name
    committee.parent = fields.parent
    committee.functions = fields.functions.strip()
    committee.duties = fields.duties.strip()


def _refuse_circular_parent(committee: Committee, parent: Committee | None) -> None:
    """A committee cannot sit under itself, nor under one of the committees below it."""
    if parent is None or committee.pk is None:
        return
    parents = dict(
        Committee.objects.filter(congress_id=committee.congress_id).values_list("pk", "parent_id")
    )
    seen: set[int] = set()
    current: int | None = parent.pk
    while current is not None and current not in seen:
        if current == committee.pk:
            raise BusinessError(
                f"Không thể đặt “{committee.name}” trực thuộc “{parent.name}”: "
                "tiểu ban cấp trên đang trực thuộc chính tiểu ban này (vòng lặp).",
                field="parent",
            )
        seen.add(current)
        current = parents.get(current)


@transaction.atomic
def committee_create(*, access: Access, fields: CommitteeFields) -> Committee:
    require(can_manage_committees(access), NOT_ALLOWED)
    committee = Committee(congress=access.congress)
    _apply(access, committee, fields)
    committee.save()
    record(access, CommitteeAction.CREATED, committee)
    return committee


@transaction.atomic
def committee_update(
    *,
    access: Access,
    committee: Committee,
    fields: CommitteeFields,
    expected_version: int | None = None,
) -> Committee:
    require(can_manage_committees(access), NOT_ALLOWED)
    require_same_congress(access.congress, committee)
    # The congress row serialises changes of parents, so two edits cannot close a loop together.
    Congress.objects.select_for_update().get(pk=access.congress.pk)
    committee = Committee.objects.select_for_update().get(pk=committee.pk)
    check_version(committee, expected_version, "Tiểu ban")
    before = snapshot(committee, COMMITTEE_FIELDS)
    _apply(access, committee, fields)
    changes = changes_since(committee, before)
    if changes:
        committee.save()
        record(access, CommitteeAction.UPDATED, committee, changes=changes)
    return committee


# Members -------------------------------------------------------------------------------------


def _check_duties(access: Access, committee: Committee, duties: MemberDuties) -> list[Agency]:
    if duties.role not in Membership.Role.values:
        raise BusinessError("Vai trò không hợp lệ.", field="role")
    unknown = [a for a in duties.areas if a not in Area.values]
    if unknown:
        raise BusinessError("Lĩnh vực không hợp lệ: " + ", ".join(unknown) + ".", field="areas")
    agencies = list(duties.supervised_agencies)
    require_same_congress(access.congress, *agencies)
    return agencies


def _refuse_second_head(committee: Committee, role: str, person: Person) -> None:
    if role not in SINGLE_ROLES:
        return
    holder = (
        Membership.objects.filter(committee=committee, role=role)
        .exclude(person=person)
        .select_related("person")
        .first()
    )
    if holder is not None:
        raise BusinessError(
            f"{committee.name} đã có {Membership.Role(role).label}: {holder.person.full_name}. "
            "Đổi vai trò của đồng chí này trước.",
            field="role",
        )


def _set_duties(membership: Membership, duties: MemberDuties, agencies: list[Agency]) -> None:
    membership.role = duties.role
    membership.duties = duties.duties.strip()
    membership.areas = [a for a in Area.values if a in set(duties.areas)]
    membership.save()
    membership.supervised_agencies.set(agencies)


def _locked(committee: Committee) -> Committee:
    return Committee.objects.select_for_update().get(pk=committee.pk)


def _current(membership: Membership) -> Membership:
    """The membership re-read after the committee's lock; refused when removed meanwhile."""
    found = Membership.objects.select_related("person").filter(pk=membership.pk).first()
    if found is None:
        raise BusinessError("Thành viên này đã được rút khỏi tiểu ban.")
    return found


def _area_change(before: list[str], membership: Membership) -> list[list[str]]:
    if before == membership.areas:
        return []
    old = ", ".join(str(Area(a).label) for a in before if a in Area.values) or "—"
    return [["Lĩnh vực phụ trách", old, ", ".join(membership.area_labels) or "—"]]


@transaction.atomic
def membership_add(
    *, access: Access, committee: Committee, person: Person, duties: MemberDuties
) -> Membership:
    require(can_manage_committees(access), NOT_ALLOWED)
    require_same_congress(access.congress, committee, person)
    committee = _locked(committee)
    agencies = _check_duties(access, committee, duties)
    if Membership.objects.filter(committee=committee, person=person).exists():
        raise BusinessError(
            f"Đồng chí {person.full_name} đã là thành viên của {committee.name}.", field="person"
        )
    _refuse_second_head(committee, duties.role, person)
    membership = Membership(committee=committee, person=person)
    _set_duties(membership, duties, agencies)
    role = membership.get_role_display()
    record(
        access,
        CommitteeAction.MEMBER_ADDED,
        committee,
        data={"person": person.full_name, "role": role},
        changes=[["Thành viên", "—", f"{person.full_name} ({role})"]],
    )
    return membership


@transaction.atomic
def membership_update(
    *,
    access: Access,
    membership: Membership,
    duties: MemberDuties,
    expected_version: int | None = None,
) -> Membership:
    """Under the committee's lock; refuses a form opened before someone else's save."""
    require(can_manage_committees(access), NOT_ALLOWED)
    require_same_congress(access.congress, membership.committee)
    committee = _locked(membership.committee)
    membership = _current(membership)
    check_version(membership, expected_version, "Phân công của thành viên", trail=committee)
    agencies = _check_duties(access, committee, duties)
    _refuse_second_head(committee, duties.role, membership.person)
    before = snapshot(membership, MEMBERSHIP_FIELDS)
    areas_before = list(membership.areas)
    _set_duties(membership, duties, agencies)
    changes = changes_since(membership, before) + _area_change(areas_before, membership)
    if changes:
        name = membership.person.full_name
        record(
            access,
            CommitteeAction.MEMBER_CHANGED,
            committee,
            data={"person": name},
            changes=[[f"{name}: {label.lower()}", old, new] for label, old, new in changes],
        )
    return membership


@transaction.atomic
def membership_remove(*, access: Access, membership: Membership) -> None:
    require(can_manage_committees(access), NOT_ALLOWED)
    require_same_congress(access.congress, membership.committee)
    committee = _locked(membership.committee)
    membership = _current(membership)
    data = {"person": membership.person.full_name, "role": membership.get_role_display()}
    membership.delete()
    record(
        access,
        CommitteeAction.MEMBER_REMOVED,
        committee,
        data=data,
        changes=[["Thành viên", f"{data['person']} ({data['role']})", "—"]],
    )
