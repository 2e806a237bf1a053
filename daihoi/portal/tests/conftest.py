import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with no cached pages, rate counters or view windows."""
    cache.clear()
    yield
    cache.clear()
