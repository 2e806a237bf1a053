import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.planning import services
from daihoi.planning.models import Area, Phase
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_timeline_fits_a_phone_with_today_and_the_opening_day_marked(phone_page, live_server):
    from daihoi.organizations.permissions import ADMIN, Access

    world = build_world()
    world.congress.opening_date = today() + dt.timedelta(days=45)
    world.congress.closing_date = world.congress.opening_date + dt.timedelta(days=2)
    world.congress.save()
    access = Access(world.admin, world.congress, ADMIN)
    for i, phase in enumerate([Phase.BEFORE, Phase.BEFORE, Phase.DURING, Phase.AFTER]):
        services.task_create(
            access=access,
            fields=services.TaskFields(
                title=f"Nhiệm vụ {i}: chuẩn bị hội trường, trang trí khánh tiết, âm thanh",
                lead_agency=world.agencies["btg"],
                area=Area.CEREMONY,
                phase=phase,
                plan=world.plan,
                start_date=today() - dt.timedelta(days=10),
                deadline=today() + dt.timedelta(days=15 * i + 3),
            ),
        )

    login(phone_page, live_server, "officer", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/ke-hoach/{world.plan.pk}/")
    phone_page.click("text=Tiến trình")
    phone_page.wait_for_load_state("networkidle")
    assert phone_page.locator("h1").inner_text() == "Tiến trình thực hiện nhiệm vụ"
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
    legend = phone_page.locator("#timeline-legend")
    assert legend.locator(".tl-key.today").is_visible()
    assert legend.locator(".tl-key.opening").is_visible()
    assert f"Khai mạc {world.congress.opening_date:%d/%m/%Y}" in legend.inner_text()
    axis = phone_page.locator(".tl-axis svg")
    assert axis.locator(".tl-today").is_visible() and axis.locator(".tl-opening").is_visible()
    assert phone_page.locator("h2.tl-phase").all_inner_texts()[:3] == [
        "Trước Đại hội (2)",
        "Trong Đại hội (1)",
        "Sau Đại hội (1)",
    ]
    # Stacked: each row's axis sits under its task, as wide as the row.
    row = phone_page.locator(".tl-row:not(.tl-axis)").first
    label, track = row.locator(".tl-label").bounding_box(), row.locator("svg").bounding_box()
    assert track["y"] >= label["y"] + label["height"] - 1
    assert track["width"] > 300
