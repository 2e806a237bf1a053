import pytest

from daihoi.core.paging import CappedPaginator
from daihoi.testing.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_capped_paginator_counts_up_to_the_cap_only():
    from daihoi.organizations.models import Agency

    first = AgencyFactory()
    for _ in range(6):
        AgencyFactory(congress=first.congress)
    paginator = CappedPaginator(Agency.objects.order_by("pk"), 2)
    paginator.cap = 5
    assert paginator.capped and paginator.count == 5
    assert paginator.num_pages == 3  # five rows reachable, two a page
    assert len(paginator.page(3).object_list) == 1

    small = CappedPaginator(Agency.objects.order_by("pk")[:3], 2)
    assert not small.capped and small.count == 3 and small.num_pages == 2
