import pytest

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access


@pytest.fixture
def member_access(world) -> Access:
    return Access(world.users["member"], world.congress, Role.MEMBER)


@pytest.fixture
def leader_with_person(world) -> Access:
    """The leader's account is linked to the head of the organising subcommittee."""
    return Access(
        world.users["leader"], world.congress, Role.COMMITTEE_LEADER, person_id=world.chair.pk
    )
