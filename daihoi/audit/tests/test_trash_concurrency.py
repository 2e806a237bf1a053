import datetime as dt
import threading

import pytest
from django.db import connection, connections

from daihoi.core.audit import history_of
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase, Task, TaskAction


def make_task(access, world) -> Task:
    return planning_services.task_create(
        access=access,
        fields=planning_services.TaskFields(
            title="In pano tuyên truyền",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 9, 30),
        ),
    )


def codes(obj) -> list[str]:
    return [entry.action for entry in reversed(history_of(obj))]


@pytest.mark.django_db
def test_a_second_restore_from_a_stale_page_does_nothing_and_records_nothing(
    world, secretariat_access, admin_access
):
    task = make_task(secretariat_access, world)
    planning_services.task_delete(access=secretariat_access, task=task)
    first, second = Task.all_objects.get(pk=task.pk), Task.all_objects.get(pk=task.pk)
    planning_services.task_restore(access=secretariat_access, task=first)
    restored = planning_services.task_restore(access=admin_access, task=second)
    assert not restored.is_deleted
    assert codes(task) == [TaskAction.CREATED, TaskAction.DELETED, TaskAction.RESTORED]
    assert restored.version == first.version


@pytest.mark.django_db
def test_a_second_delete_of_the_same_record_records_nothing(world, secretariat_access):
    task = make_task(secretariat_access, world)
    stale = Task.objects.get(pk=task.pk)
    planning_services.task_delete(access=secretariat_access, task=task, reason="Nhập trùng")
    again = planning_services.task_delete(access=secretariat_access, task=stale, reason="Lần hai")
    assert again.is_deleted
    assert codes(task) == [TaskAction.CREATED, TaskAction.DELETED]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_secretaries_restoring_the_same_task_at_once_restore_it_once(
    world, secretariat_access, admin_access
):
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are only meaningful on PostgreSQL")
    task = make_task(secretariat_access, world)
    planning_services.task_delete(access=secretariat_access, task=task)
    pages = [Task.all_objects.get(pk=task.pk) for _ in range(2)]  # both trash pages loaded
    deleted_version = pages[0].version
    start = threading.Barrier(2)
    failures = []

    def restore(access, page):
        try:
            start.wait()
            planning_services.task_restore(access=access, task=page)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=restore, args=(secretariat_access, pages[0])),
        threading.Thread(target=restore, args=(admin_access, pages[1])),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    task = Task.objects.get(pk=task.pk)
    assert codes(task).count(TaskAction.RESTORED) == 1
    assert task.version == deleted_version + 1
