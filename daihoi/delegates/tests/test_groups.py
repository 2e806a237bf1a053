import pytest
from django.urls import reverse

from daihoi.core.exceptions import BusinessError

from ..models import Delegate, GroupMember
from ..services.groups import group_assign, group_assign_delegation, group_create, group_remove
from .helpers import make_delegate, make_delegation


@pytest.fixture
def roster(secretariat_access):
    city = make_delegation(secretariat_access, "Đoàn Đảng bộ thành phố Kon Tum")
    dak_ha = make_delegation(secretariat_access, "Đoàn Đảng bộ huyện Đắk Hà", order=2)
    people = [
        make_delegate(secretariat_access, city, full_name=f"Đại biểu thành phố {i}")
        for i in range(4)
    ]
    people += [
        make_delegate(secretariat_access, dak_ha, full_name=f"Đại biểu Đắk Hà {i}")
        for i in range(3)
    ]
    make_delegate(secretariat_access, dak_ha, full_name="Khách mời Đắk Hà", kind="guest")
    return city, dak_ha, people


def test_a_whole_delegation_is_assigned_at_once_without_guests(secretariat_access, roster):
    city, dak_ha, people = roster
    group = group_create(access=secretariat_access, name="Tổ thảo luận số 1")
    assert group_assign_delegation(access=secretariat_access, group=group, delegation=dak_ha) == 3
    # A second time finds nobody left to place.
    assert group_assign_delegation(access=secretariat_access, group=group, delegation=dak_ha) == 0


def test_a_group_has_one_leader_and_a_delegate_one_group(secretariat_access, roster):
    city, _, people = roster
    first = group_create(access=secretariat_access, name="Tổ 1")
    second = group_create(access=secretariat_access, name="Tổ 2")
    group_assign(access=secretariat_access, group=first, delegate=people[0], role="leader")
    with pytest.raises(BusinessError, match="đã có tổ trưởng"):
        group_assign(access=secretariat_access, group=first, delegate=people[1], role="leader")
    group_assign(access=secretariat_access, group=first, delegate=people[1], role="deputy")
    group_assign(access=secretariat_access, group=second, delegate=people[1], role="secretary")
    member = GroupMember.objects.get(delegate=people[1])
    assert member.group == second and member.role == "secretary"
    group_remove(access=secretariat_access, member=member)
    assert not GroupMember.objects.filter(delegate=people[1]).exists()


def test_the_printable_list_orders_leader_deputies_secretaries_then_names(
    world, secretariat_access, roster, client, django_assert_max_num_queries
):
    _, dak_ha, people = roster
    group = group_create(access=secretariat_access, name="Tổ thảo luận số 2", place="Phòng họp A")
    group_assign_delegation(access=secretariat_access, group=group, delegation=dak_ha)
    group_assign(access=secretariat_access, group=group, delegate=people[6], role="leader")
    group_assign(access=secretariat_access, group=group, delegate=people[3], role="secretary")
    client.force_login(world.users["member"])
    with django_assert_max_num_queries(12):
        page = client.get(
            reverse("delegates:group-print", args=[world.congress.pk])
        ).content.decode()
    order = [page.index(people[i].full_name) for i in (6, 3, 4, 5)]
    assert order == sorted(order) and "Tổ trưởng" in page and "Phòng họp A" in page
    client.force_login(world.users["secretariat"])
    url = reverse("delegates:group-assign", args=[world.congress.pk, group.pk])
    client.post(url, {"delegate": people[0].pk, "role": "deputy"})
    assert GroupMember.objects.get(delegate=people[0]).role == "deputy"
    assert Delegate.objects.get(pk=people[0].pk).group_membership.group == group
