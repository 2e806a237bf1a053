"""Detailed plans under concurrent writes, on PostgreSQL (SQLite serialises writers)."""

import datetime as dt

import pytest
from django.db import connection

from daihoi.core.exceptions import BusinessError
from daihoi.planning import services
from daihoi.planning.models import Area, DetailedPlan, DetailedPlanItem, Phase
from daihoi.planning.services import ItemFields

from .test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


@pytest.fixture
def task(world, secretariat_access):
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Tuyên truyền trên báo chí",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
        ),
    )


def test_two_first_works_at_once_make_one_plan_with_both(task, propaganda_access):
    def add(title):
        return lambda: services.detailed_item_add(
            access=propaganda_access,
            task=task,
            fields=ItemFields(title=title, method="Họp", deadline=dt.date(2020, 9, 20)),
        )

    run_together(add("Mở chuyên mục"), add("Tọa đàm"))
    assert DetailedPlan.objects.filter(task=task).count() == 1
    positions = sorted(DetailedPlanItem.objects.values_list("position", flat=True))
    assert positions == [1, 2]


def test_approving_and_returning_at_once_lets_one_decision_stand(
    task, propaganda_access, leader_access, secretariat_access
):
    services.detailed_item_add(
        access=propaganda_access,
        task=task,
        fields=ItemFields(title="Mở chuyên mục", method="Họp", deadline=dt.date(2020, 9, 20)),
    )
    services.detailed_plan_submit(access=propaganda_access, task=task)
    outcomes = []

    def decide(call):
        def run():
            try:
                outcomes.append(call().status)
            except BusinessError as error:
                outcomes.append(error.message)

        return run

    run_together(
        decide(lambda: services.detailed_plan_approve(access=leader_access, task=task)),
        decide(
            lambda: services.detailed_plan_return(
                access=secretariat_access, task=task, comment="Thiếu mốc"
            )
        ),
    )
    refused = "Chỉ xét duyệt được kế hoạch chi tiết đang chờ phê duyệt."
    assert sorted(outcomes, key=str).count(refused) == 1
    assert DetailedPlan.objects.get(task=task).status in outcomes
