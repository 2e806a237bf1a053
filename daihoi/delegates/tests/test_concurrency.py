"""Two gates scanning the same badge, and two keepers naming two leaders, at the same moment on
PostgreSQL (SQLite serialises writers anyway)."""

import datetime as dt
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, connections
from django.utils import timezone

from daihoi.core.exceptions import BusinessError

from ..models import CheckIn, GroupMember
from ..services.checkin import check_in_scan, session_create
from ..services.groups import group_assign, group_create
from .helpers import make_delegate, make_delegation
from .test_checkin import issue_badge

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Concurrent writers are only meaningful on PostgreSQL")


def race(*actions: Callable[[], Any]) -> list[Any]:
    results: list[Any] = []
    start = threading.Barrier(len(actions))

    def run(action: Callable[[], Any]) -> None:
        try:
            start.wait()
            results.append(action())
        except BusinessError as error:
            results.append(error.message)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_two_gates_scanning_one_badge_at_once_record_one_arrival(secretariat_access):
    delegate = make_delegate(secretariat_access)
    code = issue_badge(delegate)
    session = session_create(
        access=secretariat_access,
        name="Phiên khai mạc",
        starts_at=timezone.make_aware(dt.datetime(2020, 10, 14, 7, 30)),
    )
    results = race(
        *[lambda: check_in_scan(access=secretariat_access, session=session, code=code)] * 4
    )
    assert sorted(r.status for r in results) == ["again", "again", "again", "ok"]
    assert CheckIn.objects.filter(session=session).count() == 1


def test_two_leaders_named_at_once_leave_one(secretariat_access):
    delegation = make_delegation(secretariat_access)
    a = make_delegate(secretariat_access, delegation, full_name="Đại biểu A")
    b = make_delegate(secretariat_access, delegation, full_name="Đại biểu B")
    group = group_create(access=secretariat_access, name="Tổ 1")
    results = race(
        lambda: group_assign(access=secretariat_access, group=group, delegate=a, role="leader"),
        lambda: group_assign(access=secretariat_access, group=group, delegate=b, role="leader"),
    )
    assert len([r for r in results if isinstance(r, GroupMember)]) == 1
    assert GroupMember.objects.filter(group=group, role="leader").count() == 1
