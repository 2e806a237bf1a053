"""Delegates' accounts: made from the roster, login slips with a one-time printed password,
an e-mail invitation where there is an address, and a replacement locking the old account."""

import datetime as dt

import pytest
from django.contrib.auth import authenticate
from django.urls import reverse

from daihoi.accounts.models import Invitation, Role, User
from daihoi.core.exceptions import BusinessError, PermissionDenied
from daihoi.delegates.models import Delegate
from daihoi.delegates.services import accounts as services
from daihoi.delegates.services.roster import delegate_replace
from daihoi.delegates.tests.helpers import make_delegate
from daihoi.organizations.models import Participation
from daihoi.organizations.permissions import Access, access_congress, access_delegate

pytestmark = pytest.mark.django_db


def _account(delegate: Delegate) -> Participation:
    return Participation.objects.select_related("user").get(delegate=delegate)


def test_the_secretariat_makes_every_delegates_account_at_once_and_only_once(
    world, secretariat_access
):
    make_delegate(secretariat_access, full_name="Nguyễn Văn Thắng", birth_year=1970)
    made = services.delegate_accounts_create_all(access=secretariat_access)
    assert made == 1  # the world's delegate already has one
    assert services.delegate_accounts_create_all(access=secretariat_access) == 0
    thang = Delegate.objects.get(full_name="Nguyễn Văn Thắng")
    account = _account(thang)
    assert account.role == Role.DELEGATE and account.user.username == f"db{thang.pk}"
    assert not account.user.has_usable_password()


def test_a_slip_password_logs_the_delegate_in_and_is_stored_only_hashed(world, secretariat_access):
    delegate = make_delegate(secretariat_access, full_name="Nguyễn Văn Thắng", birth_year=1970)
    services.delegate_account_create(access=secretariat_access, delegate=delegate)
    (slip,) = services.delegate_slips_issue(access=secretariat_access, delegates=[delegate])
    user = User.objects.get(username=slip.username)
    assert slip.password not in user.password
    assert authenticate(username=slip.username, password=slip.password) == user
    # A second slip retires the first password.
    (again,) = services.delegate_slips_issue(access=secretariat_access, delegates=[delegate])
    assert authenticate(username=slip.username, password=slip.password) is None
    assert authenticate(username=again.username, password=again.password) == user


def test_batch_slips_skip_accounts_already_used_to_log_in(world, secretariat_access, client):
    client.force_login(world.users["delegate"])  # sets last_login
    assert services.delegate_slips_issue(access=secretariat_access) == []


def test_a_delegate_with_an_email_is_invited_instead(world, secretariat_access):
    delegate = make_delegate(secretariat_access, full_name="Nguyễn Văn Thắng", birth_year=1970)
    services.delegate_account_create(
        access=secretariat_access, delegate=delegate, email="thang@kontum.vn"
    )
    user = _account(delegate).user
    assert user.email == "thang@kontum.vn"
    assert Invitation.objects.filter(user=user, accepted_at__isnull=True).count() == 1


def test_only_the_secretariat_makes_delegates_accounts(world, secretariat_access):
    member = Access(world.users["member"], world.congress, Role.MEMBER)
    with pytest.raises(PermissionDenied):
        services.delegate_accounts_create_all(access=member)


def test_a_delegate_gets_one_account(world, secretariat_access):
    with pytest.raises(BusinessError):
        services.delegate_account_create(access=secretariat_access, delegate=world.delegate)


def test_a_replaced_delegates_account_is_locked_and_the_alternate_gets_one(
    world, secretariat_access
):
    alternate = make_delegate(
        secretariat_access,
        full_name="Trần Thị Mai",
        birth_year=1974,
        kind=Delegate.Kind.ALTERNATE,
    )
    delegate_replace(
        access=secretariat_access,
        delegate=world.delegate,
        substitute=alternate,
        reason="Chuyển công tác",
        decided_on=dt.date(2020, 10, 1),
    )
    assert not User.objects.get(pk=world.users["delegate"].pk).is_active
    assert _account(alternate).role == Role.DELEGATE


def test_a_delegates_access_carries_the_roster_row_and_opens_no_workspace(world):
    access = access_delegate(world.users["delegate"], world.congress.pk)
    assert access.delegate_id == world.delegate.pk and access.is_delegate
    from django.http import Http404

    with pytest.raises(Http404):
        access_congress(world.users["delegate"], world.congress.pk)


def test_the_secretariat_prints_slips_on_a_page_that_is_never_cached(world, client):
    client.force_login(world.users["secretariat"])
    answer = client.post(reverse("delegates:slips-print", args=[world.congress.pk]))
    assert answer.status_code == 200
    assert {"no-store", "private"} <= set(answer["Cache-Control"].replace(" ", "").split(","))
    page = answer.content.decode()
    assert "A Thị Liên" in page and "daibieu" in page


def test_the_general_account_form_cannot_give_the_delegate_role(world, secretariat_access):
    from daihoi.organizations.services.accounts import account_invite

    with pytest.raises(BusinessError):
        account_invite(
            secretariat_access, email="x@kontum.vn", full_name="Người thử", role=Role.DELEGATE
        )


def test_a_slip_password_must_be_replaced_before_the_delegates_area_opens(
    world, secretariat_access, client
):
    (slip,) = services.delegate_slips_issue(access=secretariat_access, delegates=[world.delegate])
    home = reverse("delegate_area:home", args=[world.congress.pk])
    change = reverse("accounts:password-change")
    answer = client.post(
        reverse("accounts:login"), {"username": slip.username, "password": slip.password}
    )
    assert client.get(home)["Location"].startswith(change)
    materials = reverse("materials:my-list", args=[world.congress.pk])
    assert client.get(materials)["Location"].startswith(change)
    answer = client.post(
        change + f"?next={home}",
        {
            "old_password": slip.password,
            "new_password1": "Sam-Ngoc-Linh-1",
            "new_password2": "Sam-Ngoc-Linh-1",
        },
    )
    assert answer["Location"] == home
    assert "Đồng chí A Thị Liên" in client.get(home).content.decode()
    assert authenticate(username=slip.username, password=slip.password) is None
    # A lost slip printed again: its new password works once more, and forces a change again.
    (again,) = services.delegate_slips_issue(access=secretariat_access, delegates=[world.delegate])
    assert authenticate(username=again.username, password="Sam-Ngoc-Linh-1") is None
    client.logout()
    client.post(reverse("accounts:login"), {"username": again.username, "password": again.password})
    assert client.get(home)["Location"].startswith(change)
