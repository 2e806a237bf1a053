"""The count of a guidance item's tasks still to do under concurrent writes, on PostgreSQL
(SQLite serialises writers)."""

import threading
import time

import pytest
from django.db import connection, transaction

from daihoi.accounts.models import Role
from daihoi.levels import counts, services
from daihoi.levels.models import GuidanceItemCount, GuidanceTask
from daihoi.levels.tests.helpers import build_tree
from daihoi.organizations.models import Agency
from daihoi.organizations.permissions import Access
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Task
from daihoi.planning.tests.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


def test_a_recount_waits_for_a_writer_holding_the_items_count_and_loses_nothing(world):
    build_tree(world)
    Agency.objects.create(congress=world.national, name="Văn phòng Trung ương", is_issuer=True)
    Agency.objects.create(congress=world.other, name="Văn phòng Tỉnh ủy", is_issuer=True)
    national = Access(world.users["parent"], world.national, Role.SECRETARIAT)
    guidance = services.guidance_create(access=national, kind="guidance", title="Hướng dẫn")
    item = services.guidance_item_add(
        access=national,
        guidance=guidance,
        fields=services.ItemFields(title="Treo băng rôn", area=Area.PROPAGANDA),
    )
    send = services.guidance_send(
        access=national, guidance=guidance, congress_ids=[world.congress.pk, world.other.pk]
    )
    services.deliver(send.pk)
    assert GuidanceItemCount.objects.get(item=item).open_tasks == 2
    task_here = GuidanceTask.objects.get(item=item, recipient__congress=world.congress).task
    task_there = GuidanceTask.objects.get(item=item, recipient__congress=world.other).task
    written = threading.Event()

    def cancel_there_and_wait():
        with transaction.atomic():
            planning_services.task_set_halt(
                access=Access(world.users["sibling"], world.other, Role.SECRETARIAT),
                task=task_there,
                state="cancelled",
            )
            written.set()  # the item's count row is held until this commits
            time.sleep(3)

    def cancel_here_by_update():
        written.wait(5)
        Task.objects.filter(pk=task_here.pk).update(cancelled=True)  # counts the item again

    run_together(cancel_there_and_wait, cancel_here_by_update)
    assert counts.direct_counts([item.pk]) == {item.pk: 0}
    assert GuidanceItemCount.objects.get(item=item).open_tasks == 0
