"""Every planning service writes exactly one audit entry with its action code; the task and plan
pages show the trail."""

import datetime as dt

import pytest

from daihoi.core.audit import history_of
from daihoi.core.models import AuditEntry
from daihoi.planning import services
from daihoi.planning.models import (
    Area,
    HaltState,
    Phase,
    PlanAction,
    ProgressAction,
    ScheduleAction,
    Task,
    TaskAction,
)

pytestmark = pytest.mark.django_db


def fields(world, **overrides) -> services.TaskFields:
    values = {
        "title": "Treo cờ, băng rôn",
        "lead_agency": world.agencies["btg"],
        "area": Area.PROPAGANDA,
        "phase": Phase.BEFORE,
        "deadline": dt.date(2020, 9, 30),
    }
    return services.TaskFields(**{**values, **overrides})


class Trail:
    """Counts the entries written by one call."""

    def __init__(self) -> None:
        self.start = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def actions(self) -> list[str]:
        return list(
            AuditEntry.objects.filter(id__gt=self.start)
            .order_by("id")
            .values_list("action", flat=True)
        )


@pytest.fixture
def task(world, secretariat_access) -> Task:
    return services.task_create(access=secretariat_access, fields=fields(world))


def test_task_services_write_one_entry_each(
    world, secretariat_access, propaganda_access, leader_access
):
    trail = Trail()
    task = services.task_create(access=secretariat_access, fields=fields(world))
    assert trail.actions() == [TaskAction.CREATED]

    steps = [
        (
            lambda: services.task_update(
                access=secretariat_access,
                task=task,
                expected_version=None,
                fields=fields(world, title="Treo cờ"),
            ),
            TaskAction.UPDATED,
        ),
        (
            lambda: services.task_report_progress(
                access=propaganda_access, task=task, text="Đang làm", percent=50, obstacle="Thiếu"
            ),
            TaskAction.PROGRESS_REPORTED,
        ),
        (
            lambda: services.task_report_progress(
                access=propaganda_access,
                task=task,
                text="Xong",
                percent=100,
                reports_completion=True,
            ),
            TaskAction.COMPLETION_REPORTED,
        ),
        (
            lambda: services.task_return(access=leader_access, task=task, comment="Bổ sung"),
            TaskAction.RETURNED,
        ),
        (
            lambda: services.task_report_progress(
                access=propaganda_access,
                task=task,
                text="Xong",
                percent=100,
                reports_completion=True,
            ),
            TaskAction.COMPLETION_REPORTED,
        ),
        (lambda: services.task_accept(access=leader_access, task=task), TaskAction.ACCEPTED),
    ]
    for call, action in steps:
        trail = Trail()
        call()
        assert trail.actions() == [action]


def test_halt_delete_and_restore_write_one_entry_each(world, secretariat_access, task):
    for state, action in [
        (HaltState.PAUSED, TaskAction.PAUSED),
        (HaltState.ACTIVE, TaskAction.RESUMED),
        (HaltState.CANCELLED, TaskAction.CANCELLED),
    ]:
        trail = Trail()
        services.task_set_halt(access=secretariat_access, task=task, state=state, reason="Chờ")
        assert trail.actions() == [action]
    trail = Trail()
    services.task_delete(access=secretariat_access, task=task, reason="Nhập trùng")
    assert trail.actions() == [TaskAction.DELETED]
    trail = Trail()
    services.task_restore(access=secretariat_access, task=Task.all_objects.get(pk=task.pk))
    assert trail.actions() == [TaskAction.RESTORED]
    assert history_of(task).filter(action=TaskAction.DELETED).get().reason == "Nhập trùng"


def test_progress_update_services_write_one_entry_each(
    world, secretariat_access, propaganda_access, leader_access, task
):
    update = services.task_report_progress(
        access=propaganda_access, task=task, text="Đang làm", percent=50, obstacle="Thiếu cờ"
    )
    for call, action in [
        (
            lambda: services.obstacle_resolve(access=leader_access, update=update, note="Đã cấp"),
            ProgressAction.OBSTACLE_RESOLVED,
        ),
        (
            lambda: services.progress_update_delete(access=secretariat_access, update=update),
            ProgressAction.DELETED,
        ),
        (
            lambda: services.progress_update_restore(access=secretariat_access, update=update),
            ProgressAction.RESTORED,
        ),
    ]:
        trail = Trail()
        call()
        assert trail.actions() == [action]


def test_a_second_resolve_of_the_same_obstacle_records_nothing(
    world, propaganda_access, leader_access, task
):
    update = services.task_report_progress(
        access=propaganda_access, task=task, text="Đang làm", percent=50, obstacle="Thiếu cờ"
    )
    services.obstacle_resolve(access=leader_access, update=update)
    trail = Trail()
    services.obstacle_resolve(access=leader_access, update=update)
    assert trail.actions() == []


def test_plan_services_write_one_entry_each(world, secretariat_access):
    trail = Trail()
    plan = services.plan_create(
        access=secretariat_access,
        number=77,
        issuer_code="TU",
        issued_on=dt.date(2020, 5, 4),
        subject="Tuyên truyền Đại hội",
    )
    assert PlanAction.CREATED in trail.actions()
    assert [e.action for e in history_of(plan)] == [PlanAction.CREATED]
    trail = Trail()
    services.plan_update(access=secretariat_access, plan=plan, subject="Tuyên truyền")
    assert [a for a in trail.actions() if a.startswith("plan.")] == [PlanAction.UPDATED]
    assert history_of(plan)[0].changes == [["Trích yếu", "Tuyên truyền Đại hội", "Tuyên truyền"]]
    trail = Trail()
    services.plan_delete(access=secretariat_access, plan=plan)
    assert trail.actions() == [PlanAction.DELETED]
    trail = Trail()
    services.plan_restore(access=secretariat_access, plan=plan)
    assert trail.actions() == [PlanAction.RESTORED]


def test_reschedule_writes_one_entry_naming_the_moved_tasks_and_one_in_each_moved_task(
    world, secretariat_access
):
    moved = services.task_create(
        access=secretariat_access, fields=fields(world, deadline=None, deadline_offset_days=-10)
    )
    services.task_create(access=secretariat_access, fields=fields(world))  # a fixed deadline
    trail = Trail()
    services.congress_reschedule(access=secretariat_access, opening_date=dt.date(2020, 10, 20))
    assert trail.actions() == [TaskAction.DEADLINE_MOVED, ScheduleAction.RESCHEDULED]
    entry = history_of(world.congress).get()
    assert entry.data["tasks_moved"] == [moved.pk]
    assert history_of(moved)[0].action == TaskAction.DEADLINE_MOVED


def test_task_page_shows_the_trail_of_the_task_and_its_updates(
    world, client, secretariat_access, propaganda_access, leader_access, task
):
    update = services.task_report_progress(
        access=propaganda_access, task=task, text="Đang làm", percent=50, obstacle="Thiếu cờ"
    )
    services.obstacle_resolve(access=leader_access, update=update, note="Đã cấp cờ")
    services.task_update(
        access=secretariat_access,
        task=task,
        expected_version=None,
        fields=fields(world, coordinating_agencies=[world.agencies["svh"]]),
    )
    client.force_login(world.users["secretariat"])
    body = client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/").content.decode()
    assert "Giao nhiệm vụ" in body and "Cập nhật tiến độ" in body
    assert "Đã tháo gỡ vướng mắc: Đã cấp cờ" in body
    assert "Đơn vị phối hợp: <span" in body


def test_plan_page_shows_the_plan_trail(world, client, secretariat_access):
    plan = services.plan_create(
        access=secretariat_access,
        number=78,
        issuer_code="TU",
        issued_on=dt.date(2020, 5, 4),
        subject="Trang trí",
    )
    services.plan_update(access=secretariat_access, plan=plan, subject="Trang trí khánh tiết")
    client.force_login(world.users["secretariat"])
    body = client.get(f"/dai-hoi/{world.congress.pk}/ke-hoach/{plan.pk}/").content.decode()
    assert "Tạo kế hoạch" in body and "Sửa kế hoạch" in body
    assert "Trích yếu: <span" in body
