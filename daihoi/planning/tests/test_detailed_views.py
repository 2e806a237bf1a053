"""The detailed plan's pages: writing works, the round with the leaders, who sees what, the
plan's table of which agencies have sent theirs, and their cost in queries."""

import datetime as dt

import pytest

from daihoi.planning import services
from daihoi.planning.models import Area, DetailedPlan, DetailedPlanItem, Phase, Plan, Task
from daihoi.planning.services import ItemFields

pytestmark = pytest.mark.django_db


def url(world, path=""):
    return f"/dai-hoi/{world.congress.pk}/{path}"


def _task(access, world, title, agency="btg", plan=None, **extra) -> Task:
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title=title,
            lead_agency=world.agencies[agency],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=dt.date(2020, 10, 1),
            plan=plan or world.plan,
            **extra,
        ),
    )


@pytest.fixture
def task(world, secretariat_access) -> Task:
    Plan.objects.filter(pk=world.plan.pk).update(detailed_plan_due=dt.date(2020, 8, 20))
    return _task(secretariat_access, world, "Tuyên truyền trên báo chí")


def _work(access, task, title="Mở chuyên mục") -> DetailedPlanItem:
    return services.detailed_item_add(
        access=access,
        task=task,
        fields=ItemFields(title=title, method="Phối hợp Báo tỉnh", deadline=dt.date(2020, 9, 20)),
    )


def item_form(**overrides) -> dict:
    data = {
        "title": "Tổ chức tọa đàm",
        "method": "Hội nghị, mời báo cáo viên",
        "responsible": "Phòng Tuyên truyền",
        "start_date": "10/09/2020",
        "deadline": "25/09/2020",
    }
    data.update(overrides)
    return data


def test_the_lead_officer_adds_a_work_from_the_page(world, client, task):
    client.force_login(world.users["officer"])
    page = client.get(url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/"))
    assert page.status_code == 200 and "Chưa lập" in page.content.decode()
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/them-cong-viec/"), item_form()
    )
    assert response.status_code == 302
    item = DetailedPlanItem.objects.get()
    assert (item.title, item.responsible, item.deadline) == (
        "Tổ chức tọa đàm",
        "Phòng Tuyên truyền",
        dt.date(2020, 9, 25),
    )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"deadline": "02/10/2020"}, "không được sau hạn của nhiệm vụ (01/10/2020)"),
        ({"deadline": "31/02/2020"}, "dd/mm/yyyy"),
        ({"deadline": "05/09/2020"}, "Hạn hoàn thành không được trước ngày bắt đầu."),
        ({"title": ""}, "This field is required|Trường này là bắt buộc|bắt buộc"),
        ({"method": "x" * 5001}, "5000"),
    ],
)
def test_bad_work_input_shows_a_vietnamese_message_and_saves_nothing(
    world, client, task, overrides, message
):
    client.force_login(world.users["officer"])
    response = client.post(
        url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/them-cong-viec/"), item_form(**overrides)
    )
    assert response.status_code == 200
    errors = " ".join(str(e) for e in response.context["form"].errors.values())
    assert any(part in errors for part in message.split("|")), errors
    assert not DetailedPlanItem.objects.exists() and not DetailedPlan.objects.exists()


def test_an_officer_of_another_agency_gets_404_for_the_plan_and_its_works(world, client, task):
    item = _work_by_officer(world, task)
    client.force_login(world.users["officer2"])
    for path in (
        f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/",
        f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/them-cong-viec/",
        f"ke-hoach-chi-tiet/cong-viec/{item.pk}/sua/",
        f"ke-hoach-chi-tiet/cong-viec/{item.pk}/tien-do/",
    ):
        assert client.get(url(world, path)).status_code == 404, path
    assert client.post(url(world, f"ke-hoach-chi-tiet/cong-viec/{item.pk}/xoa/")).status_code == 404
    assert client.post(url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/gui/")).status_code == 404
    assert DetailedPlanItem.objects.filter(pk=item.pk).exists()
    listed = client.get(url(world, "ke-hoach-chi-tiet/")).content.decode()
    assert task.title not in listed


def _work_by_officer(world, task) -> DetailedPlanItem:
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import Access

    access = Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
    )
    return _work(access, task)


def test_a_coordinating_agency_does_not_see_the_leads_detailed_plan(
    world, client, secretariat_access
):
    task = _task(
        secretariat_access,
        world,
        "Phối hợp tuyên truyền",
        coordinating_agencies=[world.agencies["stc"]],
    )
    client.force_login(world.users["officer2"])
    assert client.get(url(world, f"nhiem-vu/{task.pk}/")).status_code == 200
    assert client.get(url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/")).status_code == 404


def test_the_leader_returns_with_a_comment_and_approves_from_the_page(
    world, client, task, propaganda_access
):
    _work(propaganda_access, task)
    services.detailed_plan_submit(access=propaganda_access, task=task)
    client.force_login(world.users["leader"])
    review = url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/xet-duyet/")
    response = client.post(review, {"decision": "return", "comment": ""}, follow=True)
    assert "Khi trả lại kế hoạch chi tiết phải ghi rõ ý kiến." in response.content.decode()
    assert DetailedPlan.objects.get().status == DetailedPlan.Status.SUBMITTED
    client.post(review, {"decision": "return", "comment": "Thiếu mốc thời gian"})
    assert DetailedPlan.objects.get().status == DetailedPlan.Status.RETURNED
    client.force_login(world.users["officer"])
    page = client.get(url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/")).content.decode()
    assert "Thiếu mốc thời gian" in page and "Gửi lại xin phê" in page
    client.post(url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/gui/"))
    client.force_login(world.users["leader"])
    client.post(review, {"decision": "approve"})
    assert DetailedPlan.objects.get().status == DetailedPlan.Status.APPROVED


def test_an_officer_cannot_review_and_a_member_cannot_either(
    world, client, task, propaganda_access
):
    _work(propaganda_access, task)
    services.detailed_plan_submit(access=propaganda_access, task=task)
    review = url(world, f"nhiem-vu/{task.pk}/ke-hoach-chi-tiet/xet-duyet/")
    for username in ("officer", "member"):
        client.force_login(world.users[username])
        assert client.post(review, {"decision": "approve"}).status_code == 403
    assert DetailedPlan.objects.get().status == DetailedPlan.Status.SUBMITTED


def test_the_plan_page_shows_which_agencies_sent_which_not_and_which_are_late(
    world, client, secretariat_access, propaganda_access, today
):
    Plan.objects.filter(pk=world.plan.pk).update(detailed_plan_due=dt.date(2020, 8, 20))
    sent = _task(secretariat_access, world, "Đặc san")
    _task(secretariat_access, world, "Pano", agency="svh")
    _task(
        secretariat_access,
        world,
        "An ninh",
        agency="ca",
        detailed_plan_due=dt.date(2099, 1, 1),
    )
    finished = _task(secretariat_access, world, "Đã xong trước khi có kế hoạch chi tiết")
    services.task_report_progress(
        access=propaganda_access, task=finished, text="Xong", percent=100, reports_completion=True
    )
    services.task_accept(access=secretariat_access, task=finished)
    _work(propaganda_access, sent)
    services.detailed_plan_submit(access=propaganda_access, task=sent)
    client.force_login(world.users["secretariat"])
    board = client.get(url(world, f"ke-hoach/{world.plan.pk}/")).context["detailed"]
    assert finished.pk not in [row.task.pk for row in board.rows]
    assert [a.short_name for a in board.sent] == ["BTGTU"]
    assert sorted(a.short_name for a in board.not_sent) == ["CA", "SVHTTDL"]
    # Sent today, after its 20/08/2020 due date: late; Pano is past due and unsent: late;
    # An ninh is due in 2099: not late.
    assert sorted(a.short_name for a in board.late) == ["BTGTU", "SVHTTDL"]


def test_the_list_filters_by_state_and_its_counts_match(world, client, task, propaganda_access):
    _work(propaganda_access, task)
    services.detailed_plan_submit(access=propaganda_access, task=task)
    client.force_login(world.users["secretariat"])
    page = client.get(url(world, "ke-hoach-chi-tiet/?state=submitted"))
    assert [row.task.pk for row in page.context["rows"]] == [task.pk]
    assert client.get(url(world, "ke-hoach-chi-tiet/?state=approved")).context["rows"] == []
    counts = {value: n for value, _label, n in page.context["tabs"]}
    assert counts["submitted"] == 1 and counts["approved"] == 0
    assert client.get(url(world, "ke-hoach-chi-tiet/?state=khong-co")).status_code == 200


def _make_tasks(secretariat_access, propaganda_access, world, n: int, start: int) -> None:
    agencies = ["btg", "svh", "ca", "stc"]
    for i in range(start, start + n):
        task = _task(secretariat_access, world, f"Nhiệm vụ {i}", agency=agencies[i % 4])
        if agencies[i % 4] == "btg":
            _work(propaganda_access, task, f"Công việc {i}")
            services.detailed_plan_submit(access=propaganda_access, task=task)


@pytest.mark.parametrize(
    "path", ["ke-hoach-chi-tiet/", "ke-hoach-chi-tiet/?state=to_write", "plan"]
)
def test_the_lists_and_the_plans_table_read_in_a_fixed_number_of_queries(
    world, client, secretariat_access, propaganda_access, django_assert_max_num_queries, path
):
    Plan.objects.filter(pk=world.plan.pk).update(detailed_plan_due=dt.date(2020, 8, 20))
    page = url(world, f"ke-hoach/{world.plan.pk}/") if path == "plan" else url(world, path)
    client.force_login(world.users["secretariat"])
    _make_tasks(secretariat_access, propaganda_access, world, 2, 0)
    client.get(page)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as two:
        client.get(page)
    _make_tasks(secretariat_access, propaganda_access, world, 18, 2)
    with django_assert_max_num_queries(len(two)):
        response = client.get(page)
    rows = response.context["detailed"].rows if path == "plan" else response.context["rows"]
    assert len(rows) >= 15


@pytest.mark.parametrize(
    ("value", "message"),
    [("101", "Tiến độ phải từ 0 đến 100%."), ("abc", "Tiến độ phải là một số từ 0 đến 100.")],
)
def test_a_bad_work_progress_is_refused_and_changes_nothing(
    world, client, task, propaganda_access, leader_access, value, message
):
    item = _work(propaganda_access, task)
    services.detailed_plan_submit(access=propaganda_access, task=task)
    services.detailed_plan_approve(access=leader_access, task=task)
    client.force_login(world.users["officer"])
    path = url(world, f"ke-hoach-chi-tiet/cong-viec/{item.pk}/tien-do/")
    response = client.post(path, {"progress": value})
    assert response.status_code == 200
    assert message in str(response.context["form"].errors)
    item.refresh_from_db()
    assert item.progress == 0
    client.post(path, {"progress": "40"})
    task.refresh_from_db()
    assert task.progress == 40


def test_the_secretariat_sets_the_plans_due_date_for_detailed_plans(world, client):
    client.force_login(world.users["secretariat"])
    plan = world.plan
    response = client.post(
        url(world, f"ke-hoach/{plan.pk}/sua/"),
        {
            "number": plan.number,
            "issuer_code": plan.issuer_code,
            "issued_on": "02/03/2020",
            "subject": plan.subject,
            "committee": world.committee.pk,
            "detailed_plan_due": "20/08/2020",
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.detailed_plan_due == dt.date(2020, 8, 20)
    page = client.get(url(world, f"ke-hoach/{plan.pk}/")).content.decode()
    assert "Hạn nộp kế hoạch chi tiết: 20/08/2020" in page


def test_two_officers_of_the_lead_agency_editing_one_work_the_stale_form_is_refused_first(
    world, task
):
    from django.test import Client

    from daihoi.accounts.models import Role
    from daihoi.organizations.models import Participation
    from daihoi.testing.conflicts import two_editors
    from daihoi.testing.factories import UserFactory

    work = _work_by_officer(world, task)
    colleague = UserFactory.create(username="canbo_btg_2")
    Participation.objects.create(
        user=colleague,
        congress=world.congress,
        role=Role.AGENCY_OFFICER,
        agency=world.agencies["btg"],
    )
    mine, theirs = Client(), Client()
    mine.force_login(world.users["officer"])
    theirs.force_login(colleague)
    two_editors(
        url(world, f"ke-hoach-chi-tiet/cong-viec/{work.pk}/sua/"), mine, theirs, work, "title"
    )
