import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.planning import services
from daihoi.planning.models import Area, Phase
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill_date(page, selector: str, day: dt.date) -> None:
    """Our dd/mm/yyyy text field, or the browser's own date picker."""
    field = page.locator(selector)
    if field.get_attribute("type") == "date":
        field.fill(day.isoformat())
    else:
        field.fill(day.strftime("%d/%m/%Y"))


def test_the_secretariat_moves_the_opening_day_and_the_agency_officer_hears_of_it(
    page, live_server
):
    from daihoi.organizations.permissions import ADMIN, Access

    world = build_world()
    opening = today() + dt.timedelta(days=60)
    world.congress.opening_date = opening
    world.congress.closing_date = None
    world.congress.save()
    task = services.task_create(
        access=Access(world.admin, world.congress, ADMIN),
        fields=services.TaskFields(
            title="Hoàn thành dự thảo Báo cáo chính trị",
            lead_agency=world.agencies["btg"],
            area=Area.DOCUMENTS,
            phase=Phase.BEFORE,
            deadline_offset_days=-30,
        ),
    )
    old_deadline = opening - dt.timedelta(days=30)
    new_opening = opening + dt.timedelta(days=10)
    new_deadline = new_opening - dt.timedelta(days=30)

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/lich/")
    fill_date(page, "input[name=opening_date]", new_opening)
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert "1 nhiệm vụ được dời hạn" in page.content()
    logout(page)

    login(page, live_server, "officer", PASSWORD)
    page.goto(f"{live_server.url}/thong-bao/")
    notice = page.locator(".notice", has_text="Dời hạn 1 nhiệm vụ")
    text = notice.inner_text()
    assert f"{old_deadline:%d/%m/%Y} → {new_deadline:%d/%m/%Y}" in text
    assert task.title in text

    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/{task.pk}/")
    history = page.locator("li", has_text="Hạn hoàn thành").first.inner_text()
    assert f"{old_deadline:%d/%m/%Y} → {new_deadline:%d/%m/%Y}" in history
    assert "Hạn dời theo ngày khai mạc" in page.content()
