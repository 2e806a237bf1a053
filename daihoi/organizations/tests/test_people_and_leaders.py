import pytest

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.models import AgencyLeaderAction, Person, PersonAction
from daihoi.organizations.services.leaders import NewLeader, agency_name_leader
from daihoi.organizations.services.people import person_create, person_update


def test_the_secretariat_adds_and_edits_a_person_with_titles_and_agency(world, secretariat_access):
    person = person_create(
        access=secretariat_access,
        full_name="  Trần   Văn Lộc ",
        titles="Phó Chánh Văn phòng Tỉnh ủy",
        agency=world.agencies["vptu"],
    )
    assert person.full_name == "Trần Văn Lộc" and person.congress == world.congress
    person_update(
        access=secretariat_access,
        person=person,
        full_name="Trần Văn Lộc",
        titles="Chánh Văn phòng Tỉnh ủy",
        agency=world.agencies["vptu"],
    )
    actions = [e.action for e in history_of(person)]
    assert actions == [PersonAction.UPDATED, PersonAction.CREATED]
    assert history_of(person)[0].data["changes"] == [
        ["Chức vụ", "Phó Chánh Văn phòng Tỉnh ủy", "Chánh Văn phòng Tỉnh ủy"]
    ]


def test_a_person_without_a_name_or_of_another_congresss_agency_is_refused(
    world, secretariat_access
):
    with pytest.raises(BusinessError, match="Họ và tên"):
        person_create(access=secretariat_access, full_name="  ")
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        person_create(access=secretariat_access, full_name="A", agency=world.other_agency)
    assert Person.objects.filter(congress=world.congress).count() == 1


def test_an_agency_officer_cannot_add_people(world, propaganda_access):
    with pytest.raises(PermissionDenied):
        person_create(access=propaganda_access, full_name="Người lạ")


def _leader(world, agency_key: str, name: str = "Phạm Minh Đức") -> Person:
    return Person.objects.create(
        congress=world.congress,
        full_name=name,
        titles="Phó Trưởng ban",
        agency=world.agencies[agency_key],
    )


def test_an_agency_officer_names_their_own_agencys_leader_and_focal_officers(
    world, propaganda_access
):
    agency = world.agencies["btg"]
    leader = _leader(world, "btg")
    focal = _leader(world, "btg", "Võ Thị Mai")
    agency_name_leader(access=propaganda_access, agency=agency, leader=leader, focal_people=[focal])
    agency.refresh_from_db()
    assert agency.leader_in_charge == leader
    assert list(agency.focal_people.all()) == [focal]
    entry = history_of(agency).get()
    assert entry.action == AgencyLeaderAction.LEADER_NAMED
    assert ["Lãnh đạo trực tiếp phụ trách", "—", "Phạm Minh Đức"] in entry.data["changes"]


def test_an_officer_of_agency_a_cannot_name_agency_bs_leader(world, propaganda_access):
    finance = world.agencies["stc"]
    with pytest.raises(PermissionDenied):
        agency_name_leader(access=propaganda_access, agency=finance, leader=_leader(world, "stc"))
    finance.refresh_from_db()
    assert finance.leader_in_charge is None


def test_a_leader_not_yet_listed_is_added_to_the_agency_in_the_same_step(world, secretariat_access):
    agency = world.agencies["ca"]
    agency_name_leader(
        access=secretariat_access,
        agency=agency,
        leader=None,
        new_leader=NewLeader("Đại tá Lê Văn Hùng", "Phó Giám đốc Công an tỉnh"),
    )
    agency.refresh_from_db()
    assert agency.leader_in_charge.full_name == "Đại tá Lê Văn Hùng"
    assert agency.leader_in_charge.agency == agency
    assert history_of(agency).count() == 1


def test_naming_no_leader_or_another_congresss_person_is_refused(world, secretariat_access):
    agency = world.agencies["ca"]
    with pytest.raises(BusinessError, match="Chọn đồng chí lãnh đạo"):
        agency_name_leader(access=secretariat_access, agency=agency, leader=None)
    stranger = Person.objects.create(congress=world.other, full_name="Người tỉnh khác")
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        agency_name_leader(access=secretariat_access, agency=agency, leader=stranger)
    agency.refresh_from_db()
    assert agency.leader_in_charge is None and not history_of(agency).exists()
