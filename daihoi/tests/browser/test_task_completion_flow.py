import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def count(page, status: str) -> int:
    return int(page.locator(f"#status-counts [data-status={status}] .n").inner_text())


def test_officer_reports_completion_and_leader_accepts_it_on_the_dashboard(page, live_server):
    from daihoi.organizations.permissions import ADMIN, Access

    world = build_world()
    world.congress.opening_date = today() + dt.timedelta(days=40)
    world.congress.save()
    access = Access(world.admin, world.congress, ADMIN)
    task = services.task_create(
        access=access,
        fields=services.TaskFields(
            title="Xây dựng chuyên mục chào mừng Đại hội",
            lead_agency=world.agencies["btg"],
            coordinating_agencies=[world.agencies["svh"]],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=today() + dt.timedelta(days=5),
        ),
    )

    login(page, live_server, "leader", PASSWORD)
    assert page.locator("h1").inner_text() == "Việc hôm nay"  # entering a congress lands here
    page.click("nav >> text=Tổng quan")
    assert count(page, "open_on_time") == 1
    assert count(page, "done_on_time") == 0
    logout(page)

    login(page, live_server, "officer", PASSWORD)
    page.click("text=Nhiệm vụ của đơn vị")
    page.click(f"text={task.title}")
    page.click("text=Báo cáo tiến độ")
    page.fill("textarea[name=text]", "Chuyên mục đã lên sóng, đủ 12 số.")
    page.fill("input[name=percent]", "100")
    page.check("input[name=reports_completion]")
    page.click("button:has-text('Gửi báo cáo')")
    page.wait_for_load_state("networkidle")
    assert page.locator(".badge.awaiting").first.is_visible()
    logout(page)

    login(page, live_server, "leader", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/")
    page.click("button:has-text('Xác nhận hoàn thành')")
    page.wait_for_load_state("networkidle")
    assert "Đã xác nhận hoàn thành" in page.content()
    page.click("nav >> text=Tổng quan")
    assert count(page, "open_on_time") == 0
    assert count(page, "done_on_time") == 1
    task = Task.objects.get(pk=task.pk)
    assert task.accepted and task.reported_complete_on == today()


def test_dashboard_fits_a_phone_screen(phone_page, live_server):
    world = build_world()
    login(phone_page, live_server, "secretariat", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    assert phone_page.locator("#status-counts").is_visible()
