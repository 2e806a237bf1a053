"""A task inserted in bulk (an import, a generator) has no history row and no audit entry:
its page still opens, with an empty history."""

import datetime as dt

import pytest

from daihoi.planning.models import Area, Phase, Task, TaskAssignment

pytestmark = pytest.mark.django_db


DONE = {"accepted": True, "reported_complete_on": dt.date(2020, 9, 1), "progress": 100}


@pytest.mark.parametrize(
    "state",
    [{}, DONE, {**DONE, "accepted": False}, {"cancelled": True}],
    ids=["open", "accepted", "awaiting", "cancelled"],
)
def test_the_page_of_a_task_created_in_bulk_without_history_opens(
    world, client, django_assert_max_num_queries, state
):
    (task,) = Task.objects.bulk_create(
        [
            Task(
                congress=world.congress,
                lead_agency=world.agencies["btg"],
                title="Nhiệm vụ nhập hàng loạt",
                area=Area.PROPAGANDA,
                phase=Phase.BEFORE,
                deadline=dt.date(2020, 9, 10),
                **state,
            )
        ]
    )
    TaskAssignment.objects.create(
        task=task, agency=world.agencies["btg"], role=TaskAssignment.Role.LEAD
    )
    assert not Task.history.filter(id=task.pk).exists()
    client.force_login(world.users["secretariat"])
    with django_assert_max_num_queries(20):
        response = client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/")
    assert response.status_code == 200
    assert "Nhiệm vụ nhập hàng loạt" in response.content.decode()
    for user in ("officer", "leader"):
        client.force_login(world.users[user])
        assert client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/").status_code == 200
