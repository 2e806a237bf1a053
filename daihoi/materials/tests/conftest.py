import pytest


@pytest.fixture
def world(delegate_world):
    """The shared world with its delegate (`world.delegate`, user "daibieu")."""
    return delegate_world
