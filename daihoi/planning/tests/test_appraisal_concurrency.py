"""Appraisal writes lock the task row: shown on PostgreSQL (SQLite serialises writers)."""

import threading

import pytest
from django.db import connection

from daihoi.core.exceptions import BusinessError
from daihoi.planning import services
from daihoi.planning.models import AppraisalRound, AppraisalState, Task

from .test_appraisal import appraised_task
from .test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


def test_two_submissions_at_once_leave_one_round_waiting(
    world, secretariat_access, propaganda_access
):
    task = appraised_task(world, secretariat_access)
    refused: list[str] = []
    start = threading.Barrier(2)

    def send(text):
        def run():
            start.wait(5)
            try:
                services.appraisal_submit(access=propaganda_access, task=task, text=text)
            except BusinessError as error:
                refused.append(error.message)

        return run

    run_together(send("Bản gửi thứ nhất"), send("Bản gửi thứ hai"))
    assert AppraisalRound.objects.filter(task=task).count() == 1
    assert len(refused) == 1 and "đang chờ đơn vị thẩm định" in refused[0]


def test_two_decisions_at_once_decide_the_round_once(
    world, secretariat_access, propaganda_access, finance_access
):
    task = appraised_task(world, secretariat_access)
    services.appraisal_submit(access=propaganda_access, task=task, text="Dự thảo")
    refused: list[str] = []
    start = threading.Barrier(2)

    def decide(decision, opinion):
        def run():
            start.wait(5)
            try:
                services.appraisal_decide(
                    access=finance_access,
                    task=Task.objects.get(pk=task.pk),
                    decision=decision,
                    opinion=opinion,
                )
            except BusinessError as error:
                refused.append(error.message)

        return run

    run_together(
        decide(AppraisalState.APPROVED, "Thống nhất"),
        decide(AppraisalState.RETURNED, "Bổ sung số liệu"),
    )
    assert len(refused) == 1 and "Không có sản phẩm nào đang chờ" in refused[0]
    decided = AppraisalRound.objects.get(task=task)
    assert Task.objects.get(pk=task.pk).appraisal_state == decided.state
