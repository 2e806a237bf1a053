"""Printed pages show the content only: no menus, buttons, filter forms or pagination; a heading
with the congress and the day printed."""

import datetime as dt

import pytest

from daihoi.core.dates import today
from daihoi.organizations.permissions import ADMIN, Access
from daihoi.planning import services
from daihoi.planning.models import Area, Phase
from daihoi.testing.factories import PASSWORD, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_printed_task_list_has_no_menu_or_filters_and_names_the_congress_and_day(
    page, live_server
):
    world = build_world()
    access = Access(world.admin, world.congress, ADMIN)
    task = services.task_create(
        access=access,
        fields=services.TaskFields(
            title="In và treo pano, áp phích chào mừng Đại hội",
            lead_agency=world.agencies["btg"],
            coordinating_agencies=[world.agencies["svh"]],
            area=Area.PROPAGANDA,
            phase=Phase.BEFORE,
            deadline=today() + dt.timedelta(days=5),
        ),
    )
    login(page, live_server, "secretariat", PASSWORD)
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}"
    page.goto(f"{base}/nhiem-vu/")
    assert page.locator("nav.nav").is_visible()
    assert page.locator("form.filters").is_visible()
    assert not page.locator(".print-head").is_visible()
    assert page.locator("[data-print]").is_visible()

    page.emulate_media(media="print")
    assert not page.locator("nav.nav").is_visible()
    assert not page.locator("form.filters").is_visible()
    assert not page.locator("header").is_visible()
    assert not page.locator("[data-print]").is_visible()
    heading = page.locator(".print-head")
    assert heading.is_visible()
    assert f"In ngày {today():%d/%m/%Y}" in heading.inner_text()
    assert world.congress.name in heading.inner_text()
    assert page.locator(f"text={task.title}").is_visible()
    assert page.pdf(format="A4").startswith(b"%PDF")

    for path in ["/", "/hom-nay/", f"/nhiem-vu/{task.pk}/", f"/ke-hoach/{world.plan.pk}/"]:
        page.goto(base + path)
        assert not page.locator("nav.nav").is_visible()
        assert not page.locator(".page-head .actions").is_visible()
        assert page.locator(".print-head").is_visible()
        assert page.locator("h1").first.is_visible()
