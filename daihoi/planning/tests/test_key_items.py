"""Key tasks (trọng tâm): set in the task form, first in lists, filtered, badged, exported."""

import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from daihoi.core.audit import history_of
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task
from daihoi.planning.selectors import TaskFilters, agency_inbox, tasks_visible_to

pytestmark = pytest.mark.django_db


def _task(access, world, title: str, days: int, *, key_item: bool = False) -> Task:
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title=title,
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 9, 1) + dt.timedelta(days=days),
            key_item=key_item,
        ),
    )


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/{path}"


def test_key_tasks_come_first_in_the_task_list_then_by_deadline(world, secretariat_access, today):
    _task(secretariat_access, world, "Sớm, thường", 1)
    _task(secretariat_access, world, "Muộn, trọng tâm", 30, key_item=True)
    _task(secretariat_access, world, "Giữa, trọng tâm", 10, key_item=True)
    titles = [t.title for t in tasks_visible_to(secretariat_access, TaskFilters(), today)]
    assert titles == ["Giữa, trọng tâm", "Muộn, trọng tâm", "Sớm, thường"]


def test_the_key_filter_lists_only_key_tasks_in_the_list_and_the_agency_inbox(
    world, secretariat_access, propaganda_access, today
):
    _task(secretariat_access, world, "Thường", 1)
    _task(secretariat_access, world, "Trọng tâm", 5, key_item=True)
    only_key = TaskFilters(key_item=True)
    assert [t.title for t in tasks_visible_to(propaganda_access, only_key, today)] == ["Trọng tâm"]
    rows = agency_inbox(propaganda_access, world.agencies["btg"], key_only=True)
    assert [a.task.title for a in rows] == ["Trọng tâm"]
    all_rows = agency_inbox(propaganda_access, world.agencies["btg"])
    assert [a.task.title for a in all_rows] == ["Trọng tâm", "Thường"]


def test_marking_a_task_key_from_the_form_is_recorded_in_its_history(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, "nhiem-vu/them/"),
        {
            "title": "Bảo đảm an ninh Đại hội",
            "lead_agency": world.agencies["ca"].pk,
            "area": Area.SECURITY,
            "phase": Phase.DURING,
            "deadline": "30/09/2020",
            "key_item": "on",
        },
    )
    assert response.status_code == 302
    task = Task.objects.get(title="Bảo đảm an ninh Đại hội")
    assert task.key_item
    page = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "★ Trọng tâm" in page
    edit = client.get(url(world, f"nhiem-vu/{task.pk}/sua/")).context["form"]
    assert edit.initial["key_item"] is True
    form = {
        "title": task.title,
        "lead_agency": world.agencies["ca"].pk,
        "area": Area.SECURITY,
        "phase": Phase.DURING,
        "deadline": "30/09/2020",
        "version": task.version,
    }
    client.post(url(world, f"nhiem-vu/{task.pk}/sua/"), form)
    task.refresh_from_db()
    assert not task.key_item
    change = history_of(task).first()
    assert change is not None
    assert ["Nhiệm vụ trọng tâm", "Có", "Không"] in change.data["changes"]


def test_the_task_list_and_inbox_show_the_badge_and_filter_from_the_page(
    world, client, secretariat_access
):
    _task(secretariat_access, world, "Đặc san chào mừng", 3, key_item=True)
    _task(secretariat_access, world, "Pano cổ động", 2)
    client.force_login(world.users["secretariat"])
    listed = client.get(url(world, "nhiem-vu/?key_item=on")).content.decode()
    assert "Đặc san chào mừng" in listed and "Pano cổ động" not in listed
    assert "★ Trọng tâm" in listed
    client.force_login(world.users["officer"])
    inbox = client.get(url(world, "don-vi-cua-toi/?key=1")).content.decode()
    assert "Đặc san chào mừng" in inbox and "Pano cổ động" not in inbox
    whole = client.get(url(world, "don-vi-cua-toi/")).content.decode()
    assert whole.index("Đặc san chào mừng") < whole.index("Pano cổ động")


def test_the_xlsx_export_marks_key_tasks(world, client, secretariat_access):
    _task(secretariat_access, world, "Trọng tâm", 3, key_item=True)
    _task(secretariat_access, world, "Thường", 2)
    client.force_login(world.users["secretariat"])
    response = client.get(url(world, "bao-cao/nhiem-vu/excel/"))
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    header = next(row for row in rows if row and row[0] == "Mã nhiệm vụ")
    column = header.index("Trọng tâm")
    marks = {row[1]: row[column] for row in rows if row[1] in ("Trọng tâm", "Thường")}
    assert marks == {"Trọng tâm": "Trọng tâm", "Thường": None}
