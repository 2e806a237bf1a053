"""Shared fixtures: one small congress with an agency officer per role, built per test."""

import datetime as dt

import pytest

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.testing import factories as f

TODAY = dt.date(2020, 9, 1)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def world(db):
    """A congress with five agencies, a committee and one user per role; a second congress."""
    return f.build_world()


@pytest.fixture
def delegate_world(db):
    """The world with a delegate of its roster who has an account: `world.delegate`, user
    "daibieu" (`world.users["delegate"]`), role "delegate"."""
    return f.build_world(with_delegate=True)


@pytest.fixture
def admin_access(world) -> Access:
    return Access(world.admin, world.congress, ADMIN)


@pytest.fixture
def secretariat_access(world) -> Access:
    return Access(world.users["secretariat"], world.congress, Role.SECRETARIAT)


@pytest.fixture
def leader_access(world) -> Access:
    return Access(world.users["leader"], world.congress, Role.COMMITTEE_LEADER)


@pytest.fixture
def propaganda_access(world) -> Access:
    """The officer of Ban Tuyên giáo (leads most tasks in the fixtures)."""
    return Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
    )


@pytest.fixture
def finance_access(world) -> Access:
    return Access(
        world.users["officer2"], world.congress, Role.AGENCY_OFFICER, world.agencies["stc"].pk
    )
