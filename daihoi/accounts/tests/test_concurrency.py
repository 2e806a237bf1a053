"""Two uses of one invitation link, or two invitations of one address, at once: on PostgreSQL."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.core import mail
from django.db import connection, connections

from daihoi.accounts import services
from daihoi.accounts.models import AccountAction, Invitation, Role, User
from daihoi.core.audit import history_of
from daihoi.core.exceptions import BusinessError
from daihoi.organizations.permissions import Access
from daihoi.organizations.services import accounts as account_services
from daihoi.testing.mail import link_in

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def at_once(action: Callable[[], Any]) -> tuple[list[Any], list[BaseException]]:
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")
    start = threading.Barrier(2)
    results: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            results.append(action())
        except BaseException as error:  # noqa: BLE001 - reported by the assertions
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_one_link_submitted_twice_at_once_sets_the_password_once(world):
    user = User(username="moi@kontum.gov.vn", email="moi@kontum.gov.vn")
    user.set_unusable_password()
    user.save()
    invitation = Invitation.objects.create(user=user, intro="")
    services.invitation_email_send(invitation_id=invitation.pk)
    token = link_in(mail.outbox[-1], "/tai-khoan/loi-moi/").split("/")[3]

    results, errors = at_once(
        lambda: services.invitation_accept(token=token, password="Dai-hoi-2025!")
    )

    assert len(results) == 1 and len(errors) == 1, errors
    assert isinstance(errors[0], BusinessError) and "đã được dùng" in errors[0].message
    assert [e.action for e in history_of(user)] == [AccountAction.INVITATION_ACCEPTED]


def test_two_invitations_of_one_address_at_once_make_one_account(world):
    access = Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)

    results, errors = at_once(
        lambda: account_services.account_invite(
            access, email="hai.lan@kontum.gov.vn", full_name="Hai Lần", role=Role.MEMBER
        )
    )

    assert len(results) == 1 and len(errors) == 1, errors
    assert isinstance(errors[0], BusinessError) and "đã có tài khoản" in errors[0].message
    assert User.objects.filter(email="hai.lan@kontum.gov.vn").count() == 1
