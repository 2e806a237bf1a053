import pytest

from daihoi.accounts.models import Role
from daihoi.organizations.permissions import Access


@pytest.fixture
def member_access(world) -> Access:
    return Access(world.users["member"], world.congress, Role.MEMBER)
