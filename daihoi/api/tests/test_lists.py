"""Lists: cursor-paginated, filtered like the pages, in a fixed number of queries."""

import datetime as dt

import pytest

from daihoi.planning import services
from daihoi.planning.models import Area, Phase

from .helpers import ApiClient


def _task(access, agency, title, area=Area.PROPAGANDA, deadline=None):
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title=title, lead_agency=agency, area=area, phase=Phase.BEFORE, deadline=deadline
        ),
    )


@pytest.fixture
def tasks(world, secretariat_access):
    made = [
        _task(secretariat_access, world.agencies["btg"], f"Pano cổ động số {i}") for i in range(7)
    ]
    made.append(
        _task(
            secretariat_access,
            world.agencies["svh"],
            "Chương trình văn nghệ chào mừng",
            area=Area.CULTURE,
            deadline=dt.date(2020, 9, 20),
        )
    )
    made.append(
        _task(
            secretariat_access,
            world.agencies["ca"],
            "Bảo vệ an ninh khu vực hội trường",
            area=Area.SECURITY,
            deadline=dt.date(2020, 8, 1),
        )
    )
    return made


def test_the_cursor_walks_every_task_once(world, tasks):
    api = ApiClient(world.users["secretariat"])
    rows = api.all(f"/congresses/{world.congress.pk}/tasks/", {"page_size": 2})
    assert [r["id"] for r in rows] == sorted(t.pk for t in tasks)


def test_filters_as_on_the_page(world, tasks, time_machine):
    time_machine.move_to(dt.datetime(2020, 9, 1, 9, 0))
    api = ApiClient(world.users["secretariat"])
    path = f"/congresses/{world.congress.pk}/tasks/"

    def titles(**query):
        return {r["title"] for r in api.all(path, query)}

    assert titles(q="van nghe") == {"Chương trình văn nghệ chào mừng"}
    assert titles(q="AN NINH hoi truong") == {"Bảo vệ an ninh khu vực hội trường"}
    assert titles(status="open_overdue") == {"Bảo vệ an ninh khu vực hội trường"}
    assert titles(area="culture") == {"Chương trình văn nghệ chào mừng"}
    assert titles(agency=world.agencies["ca"].pk) == {"Bảo vệ an ninh khu vực hội trường"}
    assert titles(deadline_from="2020-09-01", deadline_to="30/09/2020") == {
        "Chương trình văn nghệ chào mừng"
    }
    refused = api.get(path, {"deadline_from": "31/02/2020"})
    assert refused.status_code == 400
    assert refused.json()["errors"]["deadline_from"] == [
        "Ngày không hợp lệ, hãy nhập theo dạng dd/mm/yyyy."
    ]


def test_an_officer_lists_only_the_tasks_of_their_agency(world, tasks):
    api = ApiClient(world.users["officer"])
    rows = api.all(f"/congresses/{world.congress.pk}/tasks/")
    assert len(rows) == 7 and all(r["lead_agency"]["short_name"] == "BTGTU" for r in rows)


def _queries_for(api, path, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        response = api.get(path, {"page_size": 50})
    assert response.status_code == 200
    return response.json()["results"]


@pytest.mark.parametrize(
    "path",
    [
        "/tasks/",
        "/plans/",
        "/agencies/",
        "/obstacles/",
        "/tasks/{task}/progress/",
    ],
)
def test_lists_take_a_fixed_number_of_queries(
    world, tasks, propaganda_access, path, django_assert_max_num_queries
):
    from daihoi.testing.files import pdf_upload

    task = tasks[0]
    for i in range(5):
        services.task_report_progress(
            access=propaganda_access,
            task=task,
            text=f"Báo cáo {i}",
            percent=10 * i,
            obstacle="Thiếu kinh phí" if i % 2 else "",
            attachments=[pdf_upload(f"a{i}.pdf")],
        )
    api = ApiClient(world.users["secretariat"])
    # Token, congress access, throttle (cache only), the rows, their related rows.
    rows = _queries_for(
        api,
        f"/congresses/{world.congress.pk}" + path.format(task=task.pk),
        django_assert_max_num_queries,
        8,
    )
    assert rows
