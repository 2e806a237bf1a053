import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from daihoi.core.dates import today
from daihoi.planning import services as planning_services
from daihoi.planning.models import Area, Phase
from daihoi.reporting import services
from daihoi.reporting.models import ReportSubmission
from daihoi.testing.factories import TaskFactory

from .helpers import make_request, officer, secretariat

pytestmark = pytest.mark.django_db


def base(world) -> str:
    return f"/dai-hoi/{world.congress.pk}/bao-cao/"


def cells(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_an_agency_sees_only_its_own_requests(world, client):
    mine = make_request(world, agencies=("btg",))
    make_request(world, agencies=("stc",))
    client.force_login(world.users["officer"])
    response = client.get(base(world))
    rows = [s for s, _ in response.context["rows"]]
    assert [s.request_id for s in rows] == [mine.pk]


def test_another_agencys_submission_answers_404(world, client):
    submission = make_request(world, agencies=("stc",)).submissions.get()
    client.force_login(world.users["officer"])
    for path in [
        f"nop/{submission.pk}/",
        f"nop/{submission.pk}/gui/",
        f"yeu-cau/{submission.request_id}/",
    ]:
        assert client.get(base(world) + path).status_code == 404, path
    response = client.post(base(world) + f"nop/{submission.pk}/gui/", {"text": "Chen ngang"})
    assert response.status_code == 404
    assert ReportSubmission.objects.get(pk=submission.pk).status == "pending"


def test_the_officer_submits_and_the_secretariat_sees_it_on_time(world, client):
    request = make_request(world, columns=[{"label": "Số đảng viên", "kind": "number"}])
    submission = request.submissions.get()
    client.force_login(world.users["officer"])
    response = client.post(
        base(world) + f"nop/{submission.pk}/gui/", {"text": "Báo cáo quý III", "value_0": "1.234"}
    )
    assert response.status_code == 302
    client.force_login(world.users["secretariat"])
    response = client.get(base(world) + f"yeu-cau/{request.pk}/")
    ((row, state),) = response.context["rows"]
    assert state == "on_time" and row.values == ["1.234"]
    assert response.context["counts"].on_time == 1


def test_the_secretariat_returns_a_report_with_a_comment_through_the_page(world, client):
    submission = make_request(world).submissions.get()
    services.submission_submit(access=officer(world), submission=submission, text="Bản đầu")
    client.force_login(world.users["secretariat"])
    client.post(base(world) + f"nop/{submission.pk}/tra-lai/", {"comment": "Thiếu phụ lục"})
    submission.refresh_from_db()
    assert submission.status == "returned" and submission.return_comment == "Thiếu phụ lục"
    client.force_login(world.users["officer"])
    page = client.get(base(world) + f"nop/{submission.pk}/").content.decode()
    assert "Thiếu phụ lục" in page and "Bổ sung và gửi lại" in page


def test_the_request_export_lists_every_agency_with_neutralised_text(world, client):
    request = make_request(world, agencies=("btg", "stc"), columns=[{"label": "Ghi chú"}])
    submission = request.submissions.get(agency=world.agencies["btg"])
    services.submission_submit(
        access=officer(world),
        submission=submission,
        text='=HYPERLINK("http://x")',
        values=["@SUM(A1)"],
    )
    client.force_login(world.users["secretariat"])
    rows = cells(client.get(base(world) + f"yeu-cau/{request.pk}/excel/"))
    btg = next(r for r in rows if r[0] == "Ban Tuyên giáo Tỉnh ủy")
    assert btg[1] == "Đã gửi đúng hạn"
    assert btg[4] == '\'=HYPERLINK("http://x")' and btg[7] == "'@SUM(A1)"
    assert any(r[0] == "Sở Tài chính" and r[1] == "Chưa gửi, còn hạn" for r in rows)
    filtered = cells(client.get(base(world) + f"yeu-cau/{request.pk}/excel/?state=waiting"))
    assert [r[0] for r in filtered if r[0] in ("Sở Tài chính", "Ban Tuyên giáo Tỉnh ủy")] == [
        "Sở Tài chính"
    ]


def test_the_task_export_applies_the_filters_and_neutralises_cells(world, client):
    access = secretariat(world)
    for title, area in [("-Pano tuyên truyền", Area.PROPAGANDA), ("Bảo vệ", Area.SECURITY)]:
        planning_services.task_create(
            access=access,
            fields=planning_services.TaskFields(
                title=title, lead_agency=world.agencies["btg"], area=area, phase=Phase.BEFORE
            ),
        )
    client.force_login(world.users["secretariat"])
    rows = cells(client.get(base(world) + "nhiem-vu/excel/?area=propaganda"))
    titles = [r[1] for r in rows if isinstance(r[0], int)]
    assert titles == ["'-Pano tuyên truyền"]
    assert any(str(r[0]).startswith("Lọc theo: Lĩnh vực: Tuyên truyền") for r in rows)


def test_the_task_list_offers_the_export_with_its_query_string(world, client):
    client.force_login(world.users["secretariat"])
    page = client.get(f"/dai-hoi/{world.congress.pk}/nhiem-vu/?area=security").content.decode()
    assert f'href="/dai-hoi/{world.congress.pk}/bao-cao/nhiem-vu/excel/?area=security"' in page


def test_an_officer_exports_only_the_tasks_of_its_agency(world, client):
    TaskFactory(lead_agency=world.agencies["btg"], title="Của Ban Tuyên giáo")
    TaskFactory(lead_agency=world.agencies["ca"], title="Của Công an")
    client.force_login(world.users["officer"])
    titles = [
        r[1] for r in cells(client.get(base(world) + "nhiem-vu/excel/")) if isinstance(r[0], int)
    ]
    assert titles == ["Của Ban Tuyên giáo"]


def test_the_agency_and_scorecard_exports_have_a_row_per_agency(world, client):
    TaskFactory(lead_agency=world.agencies["btg"], deadline=today() - dt.timedelta(days=2))
    TaskFactory(lead_agency=world.agencies["ca"])
    client.force_login(world.users["leader"])
    agencies = cells(client.get(base(world) + "co-quan/excel/"))
    assert [r[0] for r in agencies[3:]] == ["Ban Tuyên giáo Tỉnh ủy", "Công an tỉnh"]
    cards = cells(client.get(base(world) + "danh-gia/excel/"))
    btg = next(r for r in cards if r[0] == "Ban Tuyên giáo Tỉnh ủy")
    assert btg[1] == 1 and btg[3] == 1  # one task, overdue


def test_the_explanation_block_on_the_task_page(world, client):
    task = planning_services.task_create(
        access=secretariat(world),
        fields=planning_services.TaskFields(
            title="Pano",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=today() - dt.timedelta(days=3),
        ),
    )
    task_url = f"/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/"
    block_url = base(world) + f"giai-trinh/nhiem-vu/{task.pk}/khoi/"
    client.force_login(world.users["leader"])
    assert f'hx-get="{block_url}"' in client.get(task_url).content.decode()
    assert "Yêu cầu giải trình" in client.get(block_url).content.decode()
    client.post(base(world) + f"giai-trinh/nhiem-vu/{task.pk}/", {"reason": "Vì sao chậm?"})
    explanation = task.explanations.get()
    client.force_login(world.users["officer"])
    block = client.get(block_url).content.decode()
    assert "Vì sao chậm?" in block and "Gửi giải trình" in block
    client.post(base(world) + f"giai-trinh/{explanation.pk}/tra-loi/", {"answer": "Thiếu vật tư"})
    explanation.refresh_from_db()
    assert explanation.answer == "Thiếu vật tư"
    client.force_login(world.users["officer2"])
    assert client.get(task_url).status_code == 404
    assert client.get(block_url).status_code == 404


def test_the_dashboard_draws_the_status_chart_and_loads_the_others(world, client):
    TaskFactory(lead_agency=world.agencies["btg"], deadline=today() - dt.timedelta(days=2))
    client.force_login(world.users["secretariat"])
    page = client.get(f"/dai-hoi/{world.congress.pk}/").content.decode()
    assert 'id="chart-status"' in page and 'data-status="open_overdue"' in page
    assert f'hx-get="{base(world)}bieu-do/"' in page
    fragment = client.get(base(world) + "bieu-do/", headers={"HX-Request": "true"})
    assert 'id="chart-agencies"' in fragment.content.decode()


def _bulk(world, n: int) -> None:
    agencies = list(world.agencies.values())
    for i in range(n):
        TaskFactory(
            lead_agency=agencies[i % len(agencies)], deadline=today() - dt.timedelta(days=i)
        )
    request = make_request(world, agencies=tuple(world.agencies))
    for submission in request.submissions.all()[: n % 5]:
        submission.status = "submitted"
        submission.submitted_on = today()
        submission.save()


PAGES = {
    "request list": ("secretariat", ""),
    "agency's requests": ("officer", ""),
    "request status": ("secretariat", "yeu-cau/{request}/"),
    "consolidated": ("secretariat", "tong-hop/"),
    "scorecards": ("secretariat", "danh-gia/"),
    "warnings": ("secretariat", "canh-bao/"),
    "explanations": ("secretariat", "giai-trinh/"),
    "charts": ("secretariat", "bieu-do/"),
    "task export": ("secretariat", "nhiem-vu/excel/"),
}


def _count(world, client, user, path) -> int:
    from daihoi.reporting.models import ReportRequest

    client.force_login(world.users[user])
    url = base(world) + path.format(request=ReportRequest.objects.order_by("pk")[0].pk)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx)


@pytest.mark.parametrize("page", PAGES)
def test_page_query_count_does_not_grow_with_rows(world, client, page):
    user, path = PAGES[page]
    _bulk(world, 3)
    _count(world, client, user, path)  # warm the caches shared by every page
    few = _count(world, client, user, path)
    _bulk(world, 30)
    many = _count(world, client, user, path)
    assert few == many <= 12


def test_the_submission_history_page_shows_each_step_with_the_return_comment(world, client):
    submission = make_request(world).submissions.get()
    services.submission_submit(access=officer(world), submission=submission, text="Báo cáo")
    services.submission_return(
        access=secretariat(world), submission=submission, comment="Bổ sung phụ lục"
    )
    client.force_login(world.users["secretariat"])
    response = client.get(f"{base(world)}nop/{submission.pk}/")
    page = response.content.decode()
    assert [e.action for e in response.context["history"]] == [
        "submission.returned",
        "submission.submitted",
        "report_request.created",
    ]
    assert "Trả lại: Bổ sung phụ lục" in page
    assert "Gửi báo cáo" in page and "Yêu cầu báo cáo" in page
