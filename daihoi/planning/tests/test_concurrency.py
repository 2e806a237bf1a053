"""Lock-then-check in the planning writes, shown on PostgreSQL (SQLite serialises writers)."""

import datetime as dt
import threading
import time

import pytest
from django.db import connection, connections, transaction

from daihoi.core.models import AuditEntry
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Plan, ProgressAction, ProgressUpdate

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")


def run_together(*targets) -> None:
    def closing(target):
        def run():
            try:
                target()
            finally:
                connections.close_all()

        return run

    threads = [threading.Thread(target=closing(t)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_plan_update_waits_for_the_row_and_keeps_a_concurrent_change(world, secretariat_access):
    plan = services.plan_create(
        access=secretariat_access,
        number=31,
        issuer_code="TU",
        issued_on=dt.date(2020, 4, 1),
        subject="Tuyên truyền",
    )
    stale = Plan.objects.get(pk=plan.pk)  # what the edit form loaded
    locked = threading.Event()

    def other_writer():
        with transaction.atomic():
            row = Plan.objects.select_for_update().get(pk=plan.pk)
            locked.set()
            row.committee = world.committee
            row.save()
            time.sleep(0.5)

    def edit():
        locked.wait(5)
        services.plan_update(access=secretariat_access, plan=stale, subject="Tuyên truyền Đại hội")

    run_together(other_writer, edit)
    plan.refresh_from_db()
    assert plan.subject == "Tuyên truyền Đại hội"
    assert plan.committee == world.committee  # not lost to the stale copy


def test_two_leaders_resolving_one_obstacle_record_it_once(
    world, secretariat_access, propaganda_access, leader_access, admin_access
):
    task = services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Treo cờ",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
        ),
    )
    update = services.task_report_progress(
        access=propaganda_access, task=task, text="Đang làm", percent=20, obstacle="Thiếu cờ"
    )
    stale = ProgressUpdate.objects.select_related("task").get(pk=update.pk)
    locked = threading.Event()

    def first():
        with transaction.atomic():
            services.obstacle_resolve(access=leader_access, update=stale, note="Đã cấp")
            locked.set()
            time.sleep(0.5)

    def second():
        locked.wait(5)
        services.obstacle_resolve(access=admin_access, update=stale, note="Cấp lần hai")

    run_together(first, second)
    entries = AuditEntry.objects.filter(action=ProgressAction.OBSTACLE_RESOLVED)
    assert [e.reason for e in entries] == ["Đã cấp"]
    assert ProgressUpdate.objects.get(pk=update.pk).obstacle_resolved
