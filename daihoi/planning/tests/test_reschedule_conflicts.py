"""Rescheduling never answers 500: out-of-window years and deadlines before a start are messages."""

import datetime as dt

import pytest

from daihoi.organizations.models import Congress
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def relative_task(world, secretariat_access):
    # Opening 14/10/2020: D-30 is 14/09/2020, after the start on 01/09/2020.
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="In tài liệu Đại hội",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            start_date=dt.date(2020, 9, 1),
            deadline_offset_days=-30,
        ),
    )


def url(world):
    return f"/dai-hoi/{world.congress.pk}/lich/"


def test_an_earlier_opening_that_puts_a_deadline_before_its_start_names_the_task(
    world, client, relative_task
):
    client.force_login(world.users["secretariat"])
    response = client.post(url(world), {"opening_date": "20/09/2020"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "In tài liệu Đại hội" in page and "bắt đầu 01/09/2020, hạn mới 21/08/2020" in page
    assert Congress.objects.get(pk=world.congress.pk).opening_date == dt.date(2020, 10, 14)
    task = Task.objects.get(pk=relative_task.pk)
    assert (task.start_date, task.deadline) == (dt.date(2020, 9, 1), dt.date(2020, 9, 14))


def test_the_option_moves_the_starts_with_the_deadlines(world, client, relative_task):
    client.force_login(world.users["secretariat"])
    response = client.post(url(world), {"opening_date": "20/09/2020", "move_starts": "on"})
    assert response.status_code == 302
    task = Task.objects.get(pk=relative_task.pk)
    assert (task.start_date, task.deadline) == (dt.date(2020, 8, 21), dt.date(2020, 8, 21))
    assert Congress.objects.get(pk=world.congress.pk).opening_date == dt.date(2020, 9, 20)


@pytest.mark.parametrize(
    "typed", ["01/01/0001", "31/12/9999", "0001-01-01", "01/01/1999", "01/01/2101"]
)
def test_a_year_outside_2000_to_2100_is_a_form_error_everywhere(
    world, client, relative_task, typed
):
    client.force_login(world.users["secretariat"])
    response = client.post(url(world), {"opening_date": typed})
    assert response.status_code == 200
    assert "từ 01/01/2000 đến 31/12/2100" in response.content.decode()
    assert Congress.objects.get(pk=world.congress.pk).opening_date == dt.date(2020, 10, 14)
    # The same shared fields: a task's relative or typed deadline, a meeting's day.
    response = client.post(
        f"/dai-hoi/{world.congress.pk}/cuoc-hop/them/",
        {
            "title": "Họp",
            "kind": "briefing",
            "date": typed,
            "start_time": "08:00",
            "end_time": "09:00",
            "place": "Phòng 1",
            "chair": world.chair.pk,
        },
    )
    assert response.status_code == 200
    assert "từ 01/01/2000 đến 31/12/2100" in response.content.decode()
