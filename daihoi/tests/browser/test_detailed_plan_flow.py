import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.planning import services
from daihoi.planning.models import Area, DetailedPlan, Phase, Plan
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _add_work(page, title: str, method: str, who: str, start: dt.date, end: dt.date) -> None:
    page.click("#add-item")
    page.fill("#id_title", title)
    page.fill("#id_method", method)
    page.fill("#id_responsible", who)
    page.fill("#id_start_date", start.isoformat())
    page.fill("#id_deadline", end.isoformat())
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")


def _open_from_today(page, live_server, congress: str, username: str, figure: str, title: str):
    login(page, live_server, username, PASSWORD)
    page.goto(f"{congress}/hom-nay/")
    page.click(f"text={figure}")
    page.click(f"text={title}")


def test_an_agency_writes_its_detailed_plan_which_is_returned_corrected_and_approved(
    page, live_server
):
    from daihoi.organizations.permissions import ADMIN, Access

    world = build_world()
    day = today()
    Plan.objects.filter(pk=world.plan.pk).update(detailed_plan_due=day + dt.timedelta(days=3))
    task = services.task_create(
        access=Access(world.admin, world.congress, ADMIN),
        fields=services.TaskFields(
            title="Tuyên truyền Đại hội trên báo, đài của tỉnh",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=day + dt.timedelta(days=30),
            plan=world.plan,
        ),
    )
    congress = f"{live_server.url}/dai-hoi/{world.congress.pk}"

    # The officer finds the plan to write on "Hôm nay", writes two works and sends it.
    _open_from_today(
        page, live_server, congress, "officer", "Kế hoạch chi tiết cần lập", task.title
    )
    _add_work(
        page,
        "Mở chuyên mục chào mừng Đại hội",
        "Phối hợp Báo tỉnh, đăng 2 kỳ mỗi tuần",
        "Phòng Tuyên truyền",
        day,
        day + dt.timedelta(days=20),
    )
    # A work due after its task is refused with the reason, and nothing is saved.
    _add_work(
        page,
        "Tọa đàm trên sóng truyền hình",
        "Đài tỉnh tổ chức, mời đại biểu",
        "",
        day + dt.timedelta(days=5),
        day + dt.timedelta(days=40),
    )
    assert "không được sau hạn của nhiệm vụ" in page.locator(".errorlist").inner_text()
    page.fill("#id_deadline", (day + dt.timedelta(days=25)).isoformat())
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert page.locator("#detailed-items tbody tr").count() == 2
    page.click("#submit-plan")
    page.wait_for_load_state("networkidle")
    assert page.locator("#detailed-status").inner_text() == "Chờ phê duyệt"
    logout(page)

    # The committee leader sees it waiting and returns it with a comment.
    _open_from_today(
        page, live_server, congress, "leader", "Kế hoạch chi tiết chờ phê duyệt", task.title
    )
    page.fill("#review textarea[name=comment]", "Ghi rõ người phụ trách buổi tọa đàm")
    page.click("#review button:has-text('Trả lại')")
    page.wait_for_load_state("networkidle")
    assert page.locator("#detailed-status").inner_text() == "Trả lại để hoàn thiện"
    logout(page)

    # The officer corrects the work and sends it again.
    _open_from_today(
        page, live_server, congress, "officer", "Kế hoạch chi tiết bị trả lại", task.title
    )
    assert "Ghi rõ người phụ trách buổi tọa đàm" in page.locator("#returned").inner_text()
    page.locator("#detailed-items tr", has_text="Tọa đàm").locator("text=Sửa").click()
    page.fill("#id_responsible", "Đ/c Phó Trưởng Ban, Phòng Báo chí")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    page.click("#submit-plan")
    page.wait_for_load_state("networkidle")
    assert page.locator("#detailed-status").inner_text() == "Chờ phê duyệt"
    logout(page)

    # The leader approves it; the plan's page counts the agency as having sent its plan.
    login(page, live_server, "leader", PASSWORD)
    page.goto(f"{congress}/nhiem-vu/{task.pk}/ke-hoach-chi-tiet/")
    page.click("#review button:has-text('Phê duyệt')")
    page.wait_for_load_state("networkidle")
    assert page.locator("#detailed-status").inner_text() == "Đã phê duyệt"
    assert "Phê duyệt kế hoạch chi tiết" in page.content()
    page.goto(f"{congress}/ke-hoach/{world.plan.pk}/")
    assert "BTGTU" in page.locator("#detailed-board").inner_text()
    detailed = DetailedPlan.objects.get(task=task)
    assert detailed.status == DetailedPlan.Status.APPROVED
    assert detailed.items.get(title="Tọa đàm trên sóng truyền hình").responsible == (
        "Đ/c Phó Trưởng Ban, Phòng Báo chí"
    )
