import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Plan, ProgressUpdate, Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def task(world, secretariat_access):
    return services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Trang trí khánh tiết hội trường",
            lead_agency=world.agencies["btg"],
            area=Area.CEREMONY,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
        ),
    )


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/{path}"


def task_form(world, **overrides):
    data = {
        "title": "Chuẩn bị phương án an ninh",
        "lead_agency": world.agencies["ca"].pk,
        "area": Area.SECURITY,
        "phase": Phase.DURING,
        "deadline": "30/09/2020",
    }
    data.update(overrides)
    return data


def test_secretariat_creates_a_task_with_a_relative_deadline(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, "nhiem-vu/them/"),
        task_form(world, deadline="D-7", coordinating_agencies=[world.agencies["vptu"].pk]),
    )
    task = Task.objects.get()
    assert response.status_code == 302
    assert task.deadline == dt.date(2020, 10, 7)
    assert task.deadline_offset_days == -7


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"start_date": "10/10/2020", "deadline": "01/10/2020"}, "không được trước ngày bắt đầu"),
        ({"coordinating_agencies": ["LEAD"]}, "không được trùng với đơn vị chủ trì"),
        ({"deadline": "31/02/2020"}, "Hạn không hợp lệ"),
        ({"title": ""}, "Trường này là bắt buộc"),
    ],
)
def test_bad_task_form_shows_vietnamese_errors_and_saves_nothing(world, client, overrides, message):
    import re

    if overrides.get("coordinating_agencies") == ["LEAD"]:
        overrides["coordinating_agencies"] = [world.agencies["ca"].pk]
    client.force_login(world.users["secretariat"])
    response = client.post(url(world, "nhiem-vu/them/"), task_form(world, **overrides))
    assert response.status_code == 200
    assert re.search(message, response.content.decode())
    assert not Task.objects.exists()


def test_progress_form_refuses_percent_over_100_in_vietnamese(world, client, task):
    client.force_login(world.users["officer"])
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/bao-cao/"), {"text": "Xong phần lớn", "percent": 150}
    )
    assert response.status_code == 200
    assert "Tiến độ phải từ 0 đến 100%" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_progress_form_refuses_a_disallowed_attachment(world, client, task):
    client.force_login(world.users["officer"])
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/bao-cao/"),
        {"text": "Gửi tệp", "percent": 20, "attachments": SimpleUploadedFile("x.exe", b"MZ")},
    )
    assert "không đúng định dạng" in response.content.decode()
    assert not ProgressUpdate.objects.exists()


def test_lead_reports_completion_and_leader_accepts_from_the_pages(world, client, task):
    client.force_login(world.users["officer"])
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/bao-cao/"),
        {
            "text": "Đã trang trí xong",
            "percent": 100,
            "reports_completion": "on",
            "obstacle": "Cần thêm cờ",
        },
    )
    assert response.status_code == 302
    page = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "Chờ xác nhận" in page

    client.force_login(world.users["leader"])
    assert "Cần thêm cờ" in client.get(url(world)).content.decode()
    response = client.post(url(world, f"nhiem-vu/{task.pk}/xac-nhan/"), {"decision": "accept"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.accepted


def test_returning_without_a_comment_is_refused(world, client, task, propaganda_access):
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    client.force_login(world.users["leader"])
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/xac-nhan/"), {"decision": "return"}, follow=True
    )
    assert "phải ghi rõ ý kiến" in response.content.decode()
    task.refresh_from_db()
    assert task.reported_complete_on is not None


def test_stale_edit_form_shows_a_conflict_message(world, client, task, admin_access):
    client.force_login(world.users["secretariat"])
    form = task_form(world, version=task.version, title="Bản của tôi")
    services.task_update(
        access=admin_access,
        task=task,
        expected_version=task.version,
        fields=services.TaskFields(
            title="Bản của người khác",
            lead_agency=task.lead_agency,
            area=task.area,
            phase=task.phase,
        ),
    )
    response = client.post(url(world, f"nhiem-vu/{task.pk}/sua/"), form)
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in response.content.decode()
    task.refresh_from_db()
    assert task.title == "Bản của người khác"


def test_duplicate_plan_number_is_refused_on_the_form(world, client):
    client.force_login(world.users["secretariat"])
    response = client.post(
        url(world, "ke-hoach/them/"),
        {"number": 6, "issuer_code": "TU", "issued_on": "15/06/2020", "subject": "Trùng số"},
    )
    assert "đã được TU dùng" in response.content.decode()
    assert Plan.objects.count() == 1


def test_task_list_answers_htmx_with_only_the_rows(world, client, task):
    client.force_login(world.users["secretariat"])
    response = client.get(
        url(world, "nhiem-vu/?q=khanh+tiet"), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="task-rows"
    )
    body = response.content.decode()
    assert "Trang trí khánh tiết hội trường" in body
    assert "<html" not in body


def test_task_list_filters_fold_in_a_panel_counting_the_active_filters(world, client, task):
    client.force_login(world.users["secretariat"])
    page = client.get(url(world, "nhiem-vu/")).content.decode()
    assert '<details class="card filter-panel no-print" id="task-filters" open' in page
    assert "chưa lọc" in page
    page = client.get(url(world, "nhiem-vu/?area=ceremony&deadline_from=2020-09-01")).content
    assert "2 điều kiện đang lọc" in page.decode()
    rows = client.get(
        url(world, "nhiem-vu/?q=khanh+tiet&phase=before"),
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="task-rows",
    ).content.decode()
    # The rows fragment also refreshes the folded panel's count, out of band.
    assert 'id="filter-count" class="badge" hx-swap-oob="true"' in rows
    assert "2 điều kiện đang lọc" in rows


def test_task_detail_shows_the_history_of_changes(world, client, task, admin_access):
    services.task_update(
        access=admin_access,
        task=task,
        expected_version=task.version,
        fields=services.TaskFields(
            title=task.title,
            lead_agency=task.lead_agency,
            area=task.area,
            phase=task.phase,
            deadline=dt.date(2020, 10, 5),
        ),
    )
    client.force_login(world.users["secretariat"])
    body = client.get(url(world, f"nhiem-vu/{task.pk}/")).content.decode()
    assert "Sửa nhiệm vụ" in body and "Giao nhiệm vụ" in body
    assert "Hạn hoàn thành: <span" in body
    assert '<span class="muted">01/10/2020</span> → 05/10/2020' in body


def test_dashboard_shows_the_countdown_and_the_congress_title(world, client):
    import time_machine

    client.force_login(world.users["secretariat"])
    with time_machine.travel(dt.datetime(2020, 9, 14, 8, 0), tick=False):
        body = client.get(url(world)).content.decode()
    assert "Đại hội đại biểu Đảng bộ tỉnh Kon Tum lần thứ XV, nhiệm kỳ 2020–2025" in body
    assert 'data-testid="countdown">30<' in body


def test_reschedule_form_moves_relative_deadlines(world, client, secretariat_access):
    services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="In tài liệu",
            lead_agency=world.agencies["vptu"],
            area=Area.LOGISTICS,
            phase=Phase.BEFORE,
            deadline_offset_days=-5,
        ),
    )
    client.force_login(world.users["secretariat"])
    response = client.post(url(world, "lich/"), {"opening_date": "20/10/2020"})
    assert response.status_code == 302
    assert Task.objects.get().deadline == dt.date(2020, 10, 15)
    response = client.post(
        url(world, "lich/"), {"opening_date": "20/10/2020", "closing_date": "18/10/2020"}
    )
    assert "không được trước ngày khai mạc" in response.content.decode()


def test_committee_page_links_to_its_tasks(world, client, secretariat_access):
    services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Việc của tiểu ban",
            lead_agency=world.agencies["vptu"],
            area=Area.LOGISTICS,
            phase=Phase.BEFORE,
            committee=world.committee,
        ),
    )
    services.task_create(
        access=secretariat_access,
        fields=services.TaskFields(
            title="Việc không thuộc tiểu ban",
            lead_agency=world.agencies["vptu"],
            area=Area.LOGISTICS,
            phase=Phase.BEFORE,
        ),
    )
    client.force_login(world.users["member"])
    page = client.get(url(world, f"tieu-ban/{world.committee.pk}/")).content.decode()
    assert f"?committee={world.committee.pk}" in page
    rows = client.get(url(world, f"nhiem-vu/?committee={world.committee.pk}")).context["rows"]
    assert [task.title for task, _ in rows] == ["Việc của tiểu ban"]


def test_a_returned_task_reads_bi_tra_lai_with_the_comment_in_the_inbox_list_and_page(
    world, client, task, propaganda_access, leader_access
):
    services.task_report_progress(
        access=propaganda_access, task=task, text="Xong", percent=100, reports_completion=True
    )
    services.task_return(access=leader_access, task=task, comment="Thiếu ảnh chụp pano")
    client.force_login(world.users["officer"])
    for path in ["don-vi-cua-toi/", "don-vi-cua-toi/?returned=1", f"nhiem-vu/{task.pk}/"]:
        page = client.get(url(world, path)).content.decode()
        assert "Bị trả lại" in page and "Thiếu ảnh chụp pano" in page, path
    filtered = client.get(url(world, "don-vi-cua-toi/?returned=1&done=1"))
    assert filtered.context["query"] == "done=1&returned=1"  # the next pages stay filtered
    client.force_login(world.users["secretariat"])
    page = client.get(url(world, "nhiem-vu/?returned=1")).content.decode()
    assert task.title in page and "Thiếu ảnh chụp pano" in page
    dashboard = client.get(url(world, ""))
    assert dashboard.context["counts"]["returned"] == 1
    assert "1 bị trả lại" in dashboard.content.decode()


def test_the_returned_lists_cost_the_same_queries_for_one_or_many_returned_tasks(
    world,
    client,
    secretariat_access,
    propaganda_access,
    leader_access,
    django_assert_max_num_queries,
):
    def add_returned(n):
        for i in range(n):
            task = services.task_create(
                access=secretariat_access,
                fields=services.TaskFields(
                    title=f"Nhiệm vụ {i}",
                    lead_agency=world.agencies["btg"],
                    area=Area.CEREMONY,
                    phase=Phase.BEFORE,
                    deadline=dt.date(2020, 10, 1),
                ),
            )
            services.task_report_progress(
                access=propaganda_access,
                task=task,
                text="Xong",
                percent=100,
                reports_completion=True,
            )
            services.task_return(access=leader_access, task=task, comment=f"Bổ sung {i}")

    add_returned(1)
    client.force_login(world.users["officer"])
    counted = {}
    for path in ["don-vi-cua-toi/?returned=1", "nhiem-vu/?returned=1"]:
        with django_assert_max_num_queries(60) as small:
            client.get(url(world, path))
        counted[path] = len(small.captured_queries)
    add_returned(5)
    for path, n in counted.items():
        with django_assert_max_num_queries(n):
            assert client.get(url(world, path)).status_code == 200


def add_tasks(world, access, n, **fields):
    for i in range(n):
        services.task_create(
            access=access,
            fields=services.TaskFields(
                **{
                    "title": f"Việc số {i}",
                    "lead_agency": world.agencies["btg"],
                    "area": Area.CEREMONY,
                    "phase": [Phase.BEFORE, Phase.DURING, Phase.AFTER][i % 3],
                    "deadline": dt.date(2020, 9, 1) + dt.timedelta(days=7 * i),
                    **fields,
                }
            ),
        )


def test_a_plans_timeline_groups_its_tasks_by_phase_and_marks_today_and_the_opening_day(
    world, client, secretariat_access
):
    add_tasks(world, secretariat_access, 3, plan=world.plan)
    client.force_login(world.users["officer"])
    response = client.get(url(world, f"ke-hoach/{world.plan.pk}/dong-thoi-gian/"))
    page = response.content.decode()
    assert response.status_code == 200
    # The officer sees the tasks their agency is assigned to (all three lead by Ban Tuyên giáo).
    for label in ["Trước Đại hội", "Trong Đại hội", "Sau Đại hội", "Việc số 2"]:
        assert label in page
    assert 'class="tl-today"' in page and 'class="tl-opening"' in page
    assert "Khai mạc 14/10/2020" in page
    timeline = response.context["timeline"]
    assert [p.phase for p in timeline.phases] == [Phase.BEFORE, Phase.DURING, Phase.AFTER]
    assert all(0 <= float(r.at) <= 100 for p in timeline.phases for r in p.rows)
    plan_page = client.get(url(world, f"ke-hoach/{world.plan.pk}/")).content.decode()
    assert f"ke-hoach/{world.plan.pk}/dong-thoi-gian/" in plan_page


def test_a_committees_timeline_holds_its_tasks_and_those_under_its_plans(
    world, client, secretariat_access
):
    world.plan.committee = world.committee
    world.plan.save()
    add_tasks(world, secretariat_access, 1, plan=world.plan)
    add_tasks(world, secretariat_access, 1, committee=world.committee, title="Việc của tiểu ban")
    add_tasks(world, secretariat_access, 1, title="Việc khác")
    client.force_login(world.users["secretariat"])
    page = client.get(url(world, f"tieu-ban/{world.committee.pk}/dong-thoi-gian/"))
    titles = [r.task.title for p in page.context["timeline"].phases for r in p.rows]
    assert sorted(titles) == ["Việc của tiểu ban", "Việc số 0"]
    committee_page = client.get(url(world, f"tieu-ban/{world.committee.pk}/")).content.decode()
    assert f"tieu-ban/{world.committee.pk}/dong-thoi-gian/" in committee_page


def test_the_timeline_costs_the_same_queries_for_three_or_thirty_tasks(
    world, client, secretariat_access, django_assert_max_num_queries
):
    add_tasks(world, secretariat_access, 3, plan=world.plan)
    client.force_login(world.users["secretariat"])
    path = url(world, f"ke-hoach/{world.plan.pk}/dong-thoi-gian/")
    with django_assert_max_num_queries(40) as few:
        client.get(path)
    add_tasks(world, secretariat_access, 27, plan=world.plan)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(path).status_code == 200


def test_a_task_created_in_bulk_without_any_history_opens(world, client):
    """Tasks written by bulk loads have no history row and no audit entry; the page still opens."""
    task = Task.objects.bulk_create(
        [
            Task(
                congress=world.congress,
                title="Nhiệm vụ nạp hàng loạt",
                lead_agency=world.agencies["btg"],
                area=Area.PROPAGANDA,
                phase=Phase.BEFORE,
            )
        ]
    )[0]
    client.force_login(world.users["secretariat"])
    response = client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/")
    assert response.status_code == 200
    assert "Chưa có thay đổi nào." in response.content.decode()
