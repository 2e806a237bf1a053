"""Resetting the demo deletes its tasks in bulk; what is kept about them outside the demo —
the totals of a congress it sits under, the open count of a guidance sent into it — must be
summed again, or the roll-up above keeps counting tasks that no longer exist."""

import pytest

from daihoi.core.dates import today as local_today
from daihoi.demo import data
from daihoi.demo.reset import reset_demo
from daihoi.levels import counts
from daihoi.levels.models import GuidanceItemCount
from daihoi.levels.rollup import direct_totals, rollup
from daihoi.levels.tests.helpers import build_tree, guidance_objects
from daihoi.organizations.models import Congress

pytestmark = pytest.mark.django_db


def test_resetting_a_demo_congress_placed_under_another_leaves_the_totals_above_exact(
    world, monkeypatch
):
    build_tree(world)
    found = guidance_objects(world)  # the province's guidance reaches its district as a task
    district = world.district
    item_id = found["guidance_item_id"]
    assert GuidanceItemCount.objects.get(item_id=item_id).open_tasks == 1
    today = local_today()
    before = rollup(world.congress, today).total.total  # its own task and the district's
    # The district stands for a demo congress: the reset finds demo congresses by these keys.
    monkeypatch.setattr(
        data,
        "CONGRESSES",
        [{"organization": district.organization, "ordinal": district.ordinal}],
    )

    assert reset_demo() == 1

    assert not Congress.objects.filter(pk=district.pk).exists()
    for congress in (world.congress, world.national):
        result = rollup(congress, today)
        assert dict(result.total.by_class) == direct_totals(congress, today)
    assert rollup(world.congress, today).total.total == before - 1
    assert GuidanceItemCount.objects.get(item_id=item_id).open_tasks == 0
    assert counts.direct_counts([item_id]).get(item_id, 0) == 0
