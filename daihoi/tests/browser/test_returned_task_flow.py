import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.planning import services
from daihoi.planning.models import Area, Phase, Task
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_leader_returns_a_task_and_the_officer_sees_it_returned_with_the_comment(
    page, live_server
):
    from daihoi.accounts.models import Role
    from daihoi.organizations.permissions import ADMIN, Access

    world = build_world()
    admin = Access(world.admin, world.congress, ADMIN)
    officer = Access(
        world.users["officer"], world.congress, Role.AGENCY_OFFICER, world.agencies["btg"].pk
    )
    task = services.task_create(
        access=admin,
        fields=services.TaskFields(
            title="Dựng pano tuyên truyền tại các cửa ngõ",
            lead_agency=world.agencies["btg"],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=today() + dt.timedelta(days=10),
        ),
    )
    services.task_report_progress(access=officer, task=task, text="Đã dựng 4/6", percent=60)
    services.task_report_progress(
        access=officer, task=task, text="Dựng xong", percent=100, reports_completion=True
    )

    login(page, live_server, "leader", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/")
    page.fill("textarea[name=comment]", "Thiếu ảnh chụp pano tại cửa ngõ phía Bắc")
    page.click("button:has-text('Trả lại')")
    page.wait_for_load_state("networkidle")
    logout(page)

    login(page, live_server, "officer", PASSWORD)
    page.click("text=Nhiệm vụ của đơn vị")
    row = page.locator("tr", has_text=task.title)
    assert row.locator(".badge.returned").inner_text() == "Bị trả lại"
    assert "Thiếu ảnh chụp pano tại cửa ngõ phía Bắc" in row.inner_text()
    assert "60%" in row.inner_text()  # no longer 100: back to the last percent before completion
    page.click("#inbox-returned")
    assert page.locator("tbody tr", has_text=task.title).count() == 1
    page.click(f"text={task.title}")
    assert page.locator(".badge.returned").first.is_visible()
    assert "Thiếu ảnh chụp pano tại cửa ngõ phía Bắc" in page.locator("#returned").inner_text()
    task = Task.objects.get(pk=task.pk)
    assert task.is_returned and task.progress == 60
