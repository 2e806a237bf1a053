"""The "Hôm nay" page: per role, every count links to the list that shows exactly its rows."""

import datetime as dt
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from daihoi.core.dates import today as local_today
from daihoi.meetings import services as meeting_services
from daihoi.organizations.models import Committee, Membership
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task
from daihoi.reporting.tests.helpers import make_request
from daihoi.workspace.selectors import week_of

pytestmark = pytest.mark.django_db


def _task(access, world, title: str, days: int, *, lead="btg", committee=True) -> Task:
    return services.task_create(
        access=access,
        fields=services.TaskFields(
            title=title,
            lead_agency=world.agencies[lead],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=local_today() + dt.timedelta(days=days),
            committee=world.committee if committee else None,
        ),
    )


@pytest.fixture
def work(world, secretariat_access, propaganda_access, leader_access):
    """A congress with something in every box of every role's page."""
    _task(secretariat_access, world, "Treo pano tuyên truyền", -3)
    _task(secretariat_access, world, "Rà soát an ninh hội trường", -2, lead="ca", committee=False)
    awaiting = _task(secretariat_access, world, "Xuất bản đặc san", 10)
    services.task_report_progress(
        access=propaganda_access, task=awaiting, text="Đã in xong", percent=100,
        reports_completion=True,
    )  # fmt: skip
    returned = _task(secretariat_access, world, "Phim tài liệu về Đảng bộ", 20, committee=False)
    services.task_report_progress(
        access=propaganda_access, task=returned, text="Đã dựng phim", percent=100,
        reports_completion=True,
    )  # fmt: skip
    services.task_return(access=leader_access, task=returned, comment="Thiếu phụ đề")
    soon = _task(secretariat_access, world, "Chuyên mục chào mừng", 3, committee=False)
    services.task_report_progress(
        access=propaganda_access, task=soon, text="Đang viết", percent=30,
        obstacle="Chưa có kinh phí",
    )  # fmt: skip
    start = timezone.now() + dt.timedelta(hours=1)
    if timezone.localdate(start) > week_of(local_today())[1]:
        start = timezone.now() - dt.timedelta(hours=2)
    meeting = meeting_services.meeting_plan(
        access=secretariat_access, title="Họp Tiểu ban Tổ chức phục vụ", kind="subcommittee",
        starts_at=start, ends_at=start + dt.timedelta(hours=2), place="Hội trường Tỉnh ủy",
        chair=world.chair, committee=world.committee, invited_agencies=[world.agencies["btg"]],
    )  # fmt: skip
    request = make_request(world, agencies=("btg", "stc"), days_left=3)
    return {"meeting": meeting, "request": request, "returned": returned}


def _page(client: Client, world, username: str):
    client.force_login(world.users[username])
    response = client.get(reverse("workspace:today", args=[world.congress.pk]))
    assert response.status_code == 200
    return response


def _rows_shown(client: Client, url: str) -> int:
    """How many rows the linked list shows for the figure's address."""
    response = client.get(url)
    assert response.status_code == 200, url
    path = urlsplit(url).path
    if "/bao-cao/" in path and "rows" in response.context:
        return len(response.context["rows"])
    return response.context["page"].paginator.count


def _figures(response) -> dict[str, int]:
    return {f.label: f.count for f in response.context["board"].figures}


def _every_figure_matches_its_list(client: Client, response) -> None:
    for figure in response.context["board"].figures:
        assert _rows_shown(client, figure.url) == figure.count, figure.label


def test_secretariat_sees_awaiting_overdue_obstacles_reports_and_meetings(client, world, work):
    response = _page(client, world, "secretariat")
    assert _figures(response) == {
        "Chờ xác nhận hoàn thành": 1,
        "Đang thực hiện quá hạn": 2,
        "Có vướng mắc cần tháo gỡ": 1,
    }
    _every_figure_matches_its_list(client, response)
    [row] = response.context["board"].committees
    assert (row.committee, row.overdue, row.awaiting) == (world.committee, 1, 1)
    assert _rows_shown(client, row.overdue_url) == 1
    assert _rows_shown(client, row.awaiting_url) == 1
    [due] = response.context["board"].requests
    assert (due.request, due.waiting, due.missing) == (work["request"], 2, 0)
    assert _rows_shown(client, due.waiting_url) == 2
    assert [task.title for task, _ in response.context["board"].tasks] == ["Xuất bản đặc san"]
    assert response.context["board"].meetings == [work["meeting"]]
    meetings = client.get(response.context["board"].meetings_url)
    assert list(meetings.context["page"]) == [work["meeting"]]
    body = response.content.decode()
    assert "Việc hôm nay" in body and "Họp Tiểu ban Tổ chức phục vụ" in body


def test_leader_sees_what_awaits_acceptance_in_the_committee_and_their_meetings(
    client, world, work
):
    response = _page(client, world, "leader")
    assert _figures(response) == {
        "Chờ tôi xác nhận hoàn thành": 1,
        "Nhiệm vụ quá hạn của tiểu ban": 1,
    }
    _every_figure_matches_its_list(client, response)
    assert response.context["board"].committees == []  # one committee: the figures say it
    # The leader is the chair of the meeting: it is theirs, from today on.
    assert response.context["board"].meetings == [work["meeting"]] or (
        work["meeting"].starts_at < timezone.now()
    )
    mine = client.get(response.context["board"].meetings_url)
    assert len(mine.context["page"]) == len(response.context["board"].meetings)


def test_officer_sees_due_soon_overdue_returned_and_reports_to_send(client, world, work):
    response = _page(client, world, "officer")
    assert _figures(response) == {
        "Đến hạn trong 7 ngày": 1,
        "Đang thực hiện quá hạn": 1,
        "Bị trả lại, cần hoàn thiện": 1,
        "Chờ đơn vị thẩm định cho ý kiến": 0,
        "Thẩm định trả lại, cần hoàn thiện": 0,
        "Dự thảo chờ đơn vị góp ý": 0,
        "Báo cáo phải gửi, còn hạn": 1,
        "Báo cáo chưa gửi, đã quá hạn": 0,
    }
    _every_figure_matches_its_list(client, response)
    listed = [task.title for task, _ in response.context["board"].tasks]
    assert listed == ["Treo pano tuyên truyền", "Chuyên mục chào mừng"]  # overdue, then due soon
    assert _rows_shown(client, response.context["board"].tasks_url) == 2
    returned = client.get(response.context["board"].figures[2].url)
    assert [t.pk for t, _ in returned.context["rows"]] == [work["returned"].pk]
    assert response.context["board"].meetings == [work["meeting"]]


def test_an_officer_of_another_agency_counts_only_their_own(client, world, work):
    response = _page(client, world, "officer2")
    figures = _figures(response)
    assert figures["Đang thực hiện quá hạn"] == 0
    assert figures["Báo cáo phải gửi, còn hạn"] == 1
    assert response.context["board"].meetings == []


def test_member_sees_the_congress_overdue_tasks_without_acceptance(client, world, work):
    response = _page(client, world, "member")
    assert _figures(response) == {"Nhiệm vụ quá hạn": 2}
    _every_figure_matches_its_list(client, response)


@pytest.mark.parametrize("username", ["outsider", "editor"])
def test_a_user_outside_the_congress_gets_404(client, world, username):
    client.force_login(world.users[username])
    assert client.get(reverse("workspace:today", args=[world.congress.pk])).status_code == 404


def test_entering_a_congress_lands_on_today(client, world):
    client.force_login(world.users["officer"])
    response = client.get(reverse("organizations:home"))
    assert response["Location"] == reverse("workspace:today", args=[world.congress.pk])
    menu = _page(client, world, "officer").content.decode()
    assert f'href="{reverse("workspace:today", args=[world.congress.pk])}"' in menu
    assert ">Hôm nay</a>" in menu


@pytest.mark.parametrize(
    # The detailed plans awaiting the user cost one more each; the officer's delegate work one.
    ("username", "queries"),
    [("secretariat", 12), ("leader", 10), ("officer", 14)],
)
def test_the_page_costs_a_fixed_number_of_queries(
    client, world, work, secretariat_access, username, queries, django_assert_max_num_queries
):
    """An upper bound, the same with more rows: with sessions in Redis the page reads one fewer."""
    client.force_login(world.users[username])
    url = reverse("workspace:today", args=[world.congress.pk])
    client.get(url)
    with django_assert_max_num_queries(queries):
        client.get(url)
    for n in range(5):
        _task(secretariat_access, world, f"Nhiệm vụ thêm {n}", -n - 1)
    with django_assert_max_num_queries(queries):
        client.get(url)


def test_a_task_under_a_committees_plan_counts_for_that_committee(
    client, world, secretariat_access
):
    """The plan belongs to the committee; its task names none: it is the committee's task."""
    task = _task(secretariat_access, world, "Dựng sân khấu hội trường", -4, committee=False)
    Task.objects.filter(pk=task.pk).update(plan=world.plan)
    response = _page(client, world, "leader")
    assert _figures(response)["Nhiệm vụ quá hạn của tiểu ban"] == 1
    _every_figure_matches_its_list(client, response)


def test_a_leader_of_two_committees_sees_each_committee_as_a_row(client, world, work):
    second = Committee.objects.create(
        congress=world.congress, kind=Committee.Kind.SERVICE, name="Tiểu ban Văn kiện"
    )
    Membership.objects.create(committee=second, person=world.chair, role=Membership.Role.HEAD)
    response = _page(client, world, "leader")
    assert _figures(response) == {}
    rows = {
        row.committee.name: (row.overdue, row.awaiting)
        for row in response.context["board"].committees
    }
    assert rows == {"Tiểu ban Tổ chức phục vụ Đại hội": (1, 1), "Tiểu ban Văn kiện": (0, 0)}
    for row in response.context["board"].committees:
        assert _rows_shown(client, row.overdue_url) == row.overdue
        assert _rows_shown(client, row.awaiting_url) == row.awaiting
