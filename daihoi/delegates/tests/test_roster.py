import datetime as dt

import pytest
from django.urls import reverse

from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError, PermissionDenied

from ..models import Delegate, DelegateAction, Duty
from ..permissions import roster_rights
from ..services.roster import delegate_replace, delegate_update
from .helpers import fields, make_delegate, make_delegation


def test_secretariat_adds_a_delegate_and_the_change_is_audited(secretariat_access):
    delegate = make_delegate(secretariat_access)
    assert delegate.name_key == "y ngoc"
    assert history_of(delegate).filter(action=DelegateAction.CREATED.value).exists()


def test_the_same_person_cannot_be_added_twice(secretariat_access):
    make_delegate(secretariat_access)
    with pytest.raises(BusinessError, match="đã có trong danh sách"):
        make_delegate(secretariat_access, full_name="Y  NGỌC")


def test_party_joining_before_the_age_of_seventeen_is_refused(secretariat_access):
    with pytest.raises(BusinessError, match="chưa đủ 17 tuổi"):
        make_delegate(secretariat_access, birth_year=1990, party_joined_on=dt.date(2001, 1, 1))


def test_a_member_without_duty_cannot_add_delegates(secretariat_access, member_access):
    delegation = make_delegation(secretariat_access)
    with pytest.raises(PermissionDenied):
        make_delegate(member_access, delegation)


def test_the_organising_subcommittee_keeps_the_roster(leader_with_person):
    assert roster_rights(leader_with_person).sees_personal_data
    assert make_delegate(leader_with_person).pk


def test_a_credentials_duty_opens_the_personal_data(world, member_access):
    assert not roster_rights(member_access).sees_personal_data
    Duty.objects.create(congress=world.congress, user=world.users["member"], kind="credentials")
    assert roster_rights(member_access).sees_personal_data


def test_gate_staff_check_in_but_do_not_see_personal_data(world, member_access):
    Duty.objects.create(congress=world.congress, user=world.users["member"], kind="gate")
    rights = roster_rights(member_access)
    assert rights.checks_in and not rights.sees_personal_data


def test_an_alternate_replaces_an_official_delegate_and_the_history_stays(secretariat_access):
    official = make_delegate(secretariat_access)
    alternate = make_delegate(
        secretariat_access,
        full_name="A Thu",
        kind=Delegate.Kind.ALTERNATE,
        birth_year=1980,
        party_joined_on=dt.date(2005, 3, 3),
    )
    replacement = delegate_replace(
        access=secretariat_access,
        delegate=official,
        substitute=alternate,
        reason="Chuyển công tác ra ngoài tỉnh",
        decided_on=dt.date(2020, 9, 1),
    )
    official.refresh_from_db()
    alternate.refresh_from_db()
    assert not official.is_active and alternate.kind == Delegate.Kind.OFFICIAL
    assert official.replacement == replacement and alternate.substituted == replacement
    assert history_of(official).filter(action=DelegateAction.REPLACED.value).exists()
    with pytest.raises(BusinessError):
        delegate_replace(
            access=secretariat_access,
            delegate=official,
            substitute=alternate,
            reason="lại",
            decided_on=dt.date(2020, 9, 1),
        )


def test_a_stale_edit_is_refused(secretariat_access):
    delegate = make_delegate(secretariat_access)
    changed = fields(delegate.delegation, position="Bí thư Thành ủy")
    delegate_update(access=secretariat_access, delegate=delegate, fields=changed, version=1)
    with pytest.raises(BusinessError):
        delegate_update(access=secretariat_access, delegate=delegate, fields=changed, version=1)


def test_the_roster_page_shows_personal_data_only_to_its_keepers(
    world, secretariat_access, client, django_assert_max_num_queries
):
    delegation = make_delegation(secretariat_access)
    for i in range(30):
        make_delegate(
            secretariat_access, delegation, full_name=f"Đại biểu số {i}", phone=f"09{i:08d}"
        )
    url = reverse("delegates:delegate-list", args=[world.congress.pk])
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    assert "0900000001" in page and "Xơ Đăng" in page
    client.force_login(world.users["member"])
    page = client.get(url).content.decode()
    assert "Đại biểu số 1" in page and "0900000001" not in page and "Xơ Đăng" not in page
    client.force_login(world.users["officer"])
    assert client.get(url).status_code == 403


def test_another_congress_never_lists_this_roster(world, secretariat_access, client):
    make_delegate(secretariat_access)
    client.force_login(world.admin)
    page = client.get(reverse("delegates:delegate-list", args=[world.other.pk])).content.decode()
    assert "Y Ngọc" not in page
