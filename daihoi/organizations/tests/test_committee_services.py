import pytest

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.models import Area, Committee, CommitteeAction, Membership, Person
from daihoi.organizations.services.committees import (
    CommitteeFields,
    MemberDuties,
    committee_create,
    committee_update,
    membership_add,
    membership_remove,
    membership_update,
)


def _fields(name: str, parent: Committee | None = None) -> CommitteeFields:
    return CommitteeFields(
        kind=Committee.Kind.WORKING_GROUP,
        name=name,
        parent=parent,
        functions="Giúp Tiểu ban theo dõi việc trang trí.",
        duties="Kiểm tra pano\nKiểm tra cờ",
    )


def _person(world, name: str = "Lê Thị Hồng Nhung") -> Person:
    return Person.objects.create(
        congress=world.congress, full_name=name, titles="Phó Giám đốc Sở Văn hóa"
    )


def test_the_secretariat_creates_a_committee_under_another_and_it_is_audited(
    world, secretariat_access
):
    group = committee_create(
        access=secretariat_access, fields=_fields("Tổ trang trí", parent=world.committee)
    )
    assert group.parent == world.committee
    assert group.duty_list == ["Kiểm tra pano", "Kiểm tra cờ"]
    assert [e.action for e in history_of(group)] == [CommitteeAction.CREATED]


def test_a_committee_cannot_sit_under_a_committee_below_it(world, secretariat_access):
    group = committee_create(
        access=secretariat_access, fields=_fields("Tổ trang trí", parent=world.committee)
    )
    team = committee_create(access=secretariat_access, fields=_fields("Nhóm pano", parent=group))
    with pytest.raises(BusinessError) as refused:
        committee_update(
            access=secretariat_access,
            committee=world.committee,
            fields=_fields(world.committee.name, parent=team),
        )
    assert "vòng lặp" in refused.value.message and refused.value.field == "parent"
    world.committee.refresh_from_db()
    assert world.committee.parent is None
    assert not history_of(world.committee).filter(action=CommitteeAction.UPDATED).exists()


def test_a_committee_cannot_sit_under_itself(world, secretariat_access):
    with pytest.raises(BusinessError, match="vòng lặp"):
        committee_update(
            access=secretariat_access,
            committee=world.committee,
            fields=_fields(world.committee.name, parent=world.committee),
        )


def test_an_edit_records_what_changed(world, secretariat_access):
    committee_update(
        access=secretariat_access, committee=world.committee, fields=_fields("Tiểu ban Phục vụ")
    )
    entry = history_of(world.committee).get(action=CommitteeAction.UPDATED)
    assert ["Tên", "Tiểu ban Tổ chức phục vụ Đại hội", "Tiểu ban Phục vụ"] in entry.data["changes"]


def test_a_blank_name_or_another_congresss_parent_is_refused_and_nothing_saved(
    world, secretariat_access
):
    elsewhere = Committee.objects.create(
        congress=world.other, kind=Committee.Kind.SERVICE, name="Tiểu ban tỉnh khác"
    )
    with pytest.raises(BusinessError, match="Tên tiểu ban"):
        committee_create(access=secretariat_access, fields=_fields("   "))
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        committee_create(access=secretariat_access, fields=_fields("Tổ A", parent=elsewhere))
    assert Committee.objects.filter(congress=world.congress).count() == 1


def test_only_the_secretariat_sets_up_committees(world, leader_access, propaganda_access):
    for access in (leader_access, propaganda_access):
        with pytest.raises(PermissionDenied):
            committee_create(access=access, fields=_fields("Tổ A"))


def test_a_member_is_added_with_role_duties_areas_and_agencies(world, secretariat_access):
    nhung = _person(world)
    membership = membership_add(
        access=secretariat_access,
        committee=world.committee,
        person=nhung,
        duties=MemberDuties(
            role=Membership.Role.DEPUTY,
            duties="Phụ trách trang trí khánh tiết\nTheo dõi chương trình văn nghệ",
            areas=[Area.CULTURE, Area.CEREMONY],
            supervised_agencies=[world.agencies["svh"]],
        ),
    )
    assert membership.duty_list == [
        "Phụ trách trang trí khánh tiết",
        "Theo dõi chương trình văn nghệ",
    ]
    # Kept in the order of the areas list, whatever order they were ticked in.
    assert membership.areas == [Area.CEREMONY, Area.CULTURE]
    assert list(membership.supervised_agencies.all()) == [world.agencies["svh"]]
    entry = history_of(world.committee).get(action=CommitteeAction.MEMBER_ADDED)
    assert entry.data["person"] == "Lê Thị Hồng Nhung"
    assert entry.data["changes"] == [["Thành viên", "—", "Lê Thị Hồng Nhung (Phó Trưởng Tiểu ban)"]]


def test_a_person_is_added_once_and_a_committee_has_one_head(world, secretariat_access):
    with pytest.raises(BusinessError, match="đã là thành viên"):
        membership_add(
            access=secretariat_access,
            committee=world.committee,
            person=world.chair,
            duties=MemberDuties(role=Membership.Role.MEMBER),
        )
    with pytest.raises(BusinessError, match="đã có Trưởng Tiểu ban: Nguyễn Hữu Hải"):
        membership_add(
            access=secretariat_access,
            committee=world.committee,
            person=_person(world),
            duties=MemberDuties(role=Membership.Role.HEAD),
        )
    assert world.committee.memberships.count() == 1


def test_unknown_areas_and_another_congresss_agency_are_refused(world, secretariat_access):
    nhung = _person(world)
    with pytest.raises(BusinessError, match="Lĩnh vực không hợp lệ"):
        membership_add(
            access=secretariat_access,
            committee=world.committee,
            person=nhung,
            duties=MemberDuties(role=Membership.Role.MEMBER, areas=["weather"]),
        )
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        membership_add(
            access=secretariat_access,
            committee=world.committee,
            person=nhung,
            duties=MemberDuties(
                role=Membership.Role.MEMBER, supervised_agencies=[world.other_agency]
            ),
        )
    assert not Membership.objects.filter(person=nhung).exists()


def test_a_role_change_records_old_and_new_and_removal_is_audited(world, secretariat_access):
    nhung = _person(world)
    membership = membership_add(
        access=secretariat_access,
        committee=world.committee,
        person=nhung,
        duties=MemberDuties(role=Membership.Role.MEMBER),
    )
    membership_update(
        access=secretariat_access,
        membership=membership,
        duties=MemberDuties(
            role=Membership.Role.STANDING_DEPUTY,
            areas=[Area.LOGISTICS],
            supervised_agencies=[world.agencies["ca"]],
        ),
    )
    changed = history_of(world.committee).get(action=CommitteeAction.MEMBER_CHANGED)
    rows = changed.data["changes"]
    assert ["Lê Thị Hồng Nhung: vai trò", "Thành viên", "Phó Trưởng Tiểu ban thường trực"] in rows
    assert ["Lê Thị Hồng Nhung: lĩnh vực phụ trách", "—", "Hậu cần, cơ sở vật chất"] in rows
    membership_remove(access=secretariat_access, membership=membership)
    assert not Membership.objects.filter(pk=membership.pk).exists()
    removed = history_of(world.committee).get(action=CommitteeAction.MEMBER_REMOVED)
    assert removed.data["person"] == "Lê Thị Hồng Nhung"


def test_removing_a_member_already_removed_is_a_message_not_a_crash(world, secretariat_access):
    membership = world.committee.memberships.get()
    membership_remove(access=secretariat_access, membership=membership)
    with pytest.raises(BusinessError, match="đã được rút"):
        membership_remove(access=secretariat_access, membership=membership)
