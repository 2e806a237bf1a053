"""The agency registry kept in the app: create, edit, no cycles, no duplicate names."""

import pytest

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.organizations.models import Agency, AgencyAction
from daihoi.organizations.services.agencies import AgencyFields, agency_create, agency_update


def test_the_secretariat_creates_and_edits_an_agency_with_its_history(world, secretariat_access):
    agency = agency_create(
        access=secretariat_access,
        fields=AgencyFields(name="Ban Dân vận Tỉnh ủy", short_name="BDVTU", code="bdvtu"),
    )
    assert agency.code == "BDVTU"
    agency_update(
        access=secretariat_access,
        agency=agency,
        fields=AgencyFields(name="Ban Dân vận Tỉnh ủy", short_name="BDV", code="BDVTU"),
    )
    actions = [e.action for e in history_of(agency)]
    assert actions == [AgencyAction.UPDATED, AgencyAction.CREATED]


def test_an_agency_cannot_sit_below_its_own_sub_agency(world, secretariat_access):
    top, below = world.agencies["vptu"], world.agencies["btg"]
    agency_update(
        access=secretariat_access, agency=below, fields=AgencyFields(name=below.name, parent=top)
    )
    with pytest.raises(BusinessError, match="cấp trên của nhau"):
        agency_update(
            access=secretariat_access, agency=top, fields=AgencyFields(name=top.name, parent=below)
        )
    top.refresh_from_db()
    assert top.parent is None


def test_a_name_already_in_the_registry_is_refused_whatever_its_accents(world, secretariat_access):
    with pytest.raises(BusinessError, match="Đã có cơ quan, đơn vị “Sở Tài chính”"):
        agency_create(access=secretariat_access, fields=AgencyFields(name="so tai chinh"))


def test_a_parent_from_another_congress_is_refused(world, secretariat_access):
    with pytest.raises(BusinessError, match="không thuộc Đại hội này"):
        agency_create(
            access=secretariat_access,
            fields=AgencyFields(name="Phòng mới", parent=world.other_agency),
        )


def test_an_officer_cannot_add_an_agency(world, propaganda_access):
    with pytest.raises(PermissionDenied):
        agency_create(access=propaganda_access, fields=AgencyFields(name="Phòng mới"))


def test_choosers_tell_similar_agencies_apart(world):
    twin = Agency.objects.create(
        congress=world.congress,
        name="Văn phòng",
        short_name="VP UBND",
        parent=Agency.objects.create(congress=world.congress, name="UBND tỉnh", short_name="UBND"),
    )
    twin = Agency.objects.select_related("parent").get(pk=twin.pk)
    assert twin.choice_label == "Văn phòng (VP UBND · UBND)"


def test_the_agency_list_runs_a_fixed_number_of_queries(
    world, client, django_assert_max_num_queries
):
    client.force_login(world.users["secretariat"])
    url = f"/dai-hoi/{world.congress.pk}/thiet-lap/co-quan/"
    client.get(url)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for i in range(20):
        Agency.objects.create(
            congress=world.congress, name=f"Huyện ủy số {i}", parent=world.agencies["vptu"]
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    assert "Huyện ủy số 19" in page.content.decode()


def test_the_edit_page_saves_and_shows_the_change(world, client):
    client.force_login(world.users["secretariat"])
    agency = world.agencies["ca"]
    url = f"/dai-hoi/{world.congress.pk}/thiet-lap/co-quan/{agency.pk}/sua/"
    response = client.post(url, {"name": "Công an tỉnh Kon Tum", "short_name": "CAT"})
    assert response.status_code == 302
    assert "Công an tỉnh Kon Tum" in client.get(url).content.decode()
    response = client.post(url, {"name": "Công an tỉnh", "parent": agency.pk})
    assert response.status_code == 200  # itself is not offered as its parent
    agency.refresh_from_db()
    assert agency.parent is None
