"""The task list's filters that the "Hôm nay" page links to: returned, open obstacle, committee."""

import datetime as dt

import pytest

from daihoi.core.dates import today as local_today
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task
from daihoi.planning.selectors import TaskFilters, tasks_visible_to

pytestmark = pytest.mark.django_db


def _task(access, world, title: str, **extra) -> Task:
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title=title,
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=local_today() + dt.timedelta(days=10),
            **extra,
        ),
    )


def _titles(access, filters: TaskFilters) -> list[str]:
    return [t.title for t in tasks_visible_to(access, filters, local_today())]


def test_a_returned_task_is_listed_until_its_completion_is_reported_again(
    world, secretariat_access, propaganda_access, leader_access
):
    task = _task(secretariat_access, world, "Phim tài liệu")
    _task(secretariat_access, world, "Đặc san")
    returned = TaskFilters(returned=True)
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    assert _titles(propaganda_access, returned) == []
    services.task_return(access=leader_access, task=task, comment="Thiếu phụ đề")
    assert _titles(propaganda_access, returned) == ["Phim tài liệu"]
    services.task_report_progress(
        access=propaganda_access, task=task, text="Đã thêm", percent=100, reports_completion=True
    )
    assert _titles(propaganda_access, returned) == []


def test_the_obstacle_filter_lists_tasks_with_an_obstacle_not_yet_resolved(
    world, secretariat_access, propaganda_access
):
    task = _task(secretariat_access, world, "Pano tuyên truyền")
    _task(secretariat_access, world, "Đặc san")
    services.task_report_progress(
        access=propaganda_access, task=task, text="Đang in", percent=40, obstacle="Thiếu kinh phí"
    )
    assert _titles(secretariat_access, TaskFilters(obstacle=True)) == ["Pano tuyên truyền"]
    update = task.updates.get()
    services.obstacle_resolve(access=secretariat_access, update=update)
    assert _titles(secretariat_access, TaskFilters(obstacle=True)) == []


def test_a_committee_lists_its_own_tasks_and_those_under_its_plans(world, secretariat_access):
    _task(secretariat_access, world, "Của tiểu ban", committee=world.committee)
    _task(secretariat_access, world, "Theo kế hoạch của tiểu ban", plan=world.plan)
    _task(secretariat_access, world, "Không thuộc tiểu ban")
    titles = _titles(secretariat_access, TaskFilters(committee=world.committee.pk))
    assert sorted(titles) == ["Của tiểu ban", "Theo kế hoạch của tiểu ban"]
