"""The dashboard through the API: its counts and the two lists the page shows beside them —
tasks due in the next 7 days and the open tasks of meetings' conclusions — as the actor sees
them, in a number of queries that does not grow with the tasks."""

import datetime as dt

from daihoi.core.dates import today as local_today
from daihoi.planning import services
from daihoi.planning.models import Area, Phase

from .helpers import ApiClient


def _task(access, agency, title, days):
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title=title,
            lead_agency=agency,
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=local_today() + dt.timedelta(days=days),
        ),
    )


def _conclusion_task(world, leader):
    """A meeting held, concluded, and its conclusion given to Ban Tuyên giáo as a task."""
    base = f"/congresses/{world.congress.pk}/meetings/"
    meeting = leader.post(
        base,
        {
            "title": "Họp Tiểu ban Tuyên truyền",
            "kind": "subcommittee",
            "date": "15/09/2020",
            "start_time": "08:00",
            "end_time": "10:00",
            "place": "Hội trường Tỉnh ủy",
            "chair": world.chair.pk,
        },
    ).json()
    path = f"{base}{meeting['id']}/"
    leader.post(path + "record/", {"minutes": "Thống nhất lịch treo pano."})
    concluded = leader.post(path + "conclusions/", {"text": "Treo pano trước ngày 20"}).json()
    tasked = leader.post(
        f"{path}conclusions/{concluded['id']}/task/",
        {
            "title": "Treo pano chào mừng Đại hội",
            "lead_agency": world.agencies["btg"].pk,
            "area": "propaganda",
            "phase": "before",
        },
    )
    assert tasked.status_code == 201, tasked.content
    return meeting, concluded, tasked.json()


def test_the_dashboard_lists_what_is_due_soon_and_the_open_conclusions(world, secretariat_access):
    soon = _task(secretariat_access, world.agencies["btg"], "In tờ gấp giới thiệu Đại hội", 3)
    _task(secretariat_access, world.agencies["stc"], "Tập văn nghệ chào mừng", 5)
    _task(secretariat_access, world.agencies["btg"], "Làm phim tư liệu", 30)
    meeting, conclusion, tasked = _conclusion_task(world, ApiClient(world.users["leader"]))
    path = f"/congresses/{world.congress.pk}/dashboard/"

    board = ApiClient(world.users["secretariat"]).get(path).json()
    assert [t["title"] for t in board["due_soon"]] == [
        "In tờ gấp giới thiệu Đại hội",
        "Tập văn nghệ chào mừng",
    ]
    assert board["due_soon"][0]["lead_agency"]["id"] == world.agencies["btg"].pk
    assert board["due_soon"][0]["deadline"] == str(soon.deadline)
    assert board["open_conclusions"] == [
        {
            "id": tasked["id"],
            "title": "Treo pano chào mừng Đại hội",
            "deadline": None,
            "lead_agency": board["open_conclusions"][0]["lead_agency"],
            "conclusion_id": conclusion["id"],
            "conclusion_number": 1,
            "meeting_id": meeting["id"],
            "meeting_title": "Họp Tiểu ban Tuyên truyền",
        }
    ]

    # The officer of Sở Tài chính sees its own task only, and no conclusion given to another.
    officer2 = ApiClient(world.users["officer2"]).get(path).json()
    assert [t["title"] for t in officer2["due_soon"]] == ["Tập văn nghệ chào mừng"]
    assert officer2["open_conclusions"] == []


def test_the_dashboard_reads_in_the_same_queries_however_many_tasks(
    world, secretariat_access, django_assert_max_num_queries
):
    secretariat = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/dashboard/"
    for i in range(2):
        _task(secretariat_access, world.agencies["btg"], f"Nhiệm vụ gần hạn {i}", 2)
    secretariat.get(path)
    with django_assert_max_num_queries(40) as few:
        secretariat.get(path)
    first = len(few.captured_queries)  # read before the next request clears the log
    for i in range(12):
        _task(secretariat_access, world.agencies["svh"], f"Nhiệm vụ gần hạn thêm {i}", 4)
    with django_assert_max_num_queries(first):
        assert len(secretariat.get(path).json()["due_soon"]) == 14
