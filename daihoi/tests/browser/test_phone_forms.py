"""Phones: the browser's own date pickers, and a task list whose filters fold away."""

import pytest
from playwright.sync_api import expect

from daihoi.testing.factories import PASSWORD, TaskFactory, build_world

from .conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _tasks(world, n=3):
    for i in range(n):
        TaskFactory.create(lead_agency=world.agencies["btg"], title=f"Treo băng rôn tuyến {i + 1}")


def test_on_a_phone_the_task_filters_fold_and_the_first_screen_shows_tasks(phone_page, live_server):
    world = build_world()
    _tasks(world)
    login(phone_page, live_server, "secretariat", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/?area=propaganda")
    panel = phone_page.locator("details#task-filters")
    assert panel.get_attribute("open") is None
    assert "1 điều kiện đang lọc" in phone_page.locator("#filter-count").inner_text()
    first = phone_page.locator("#task-rows tbody tr").first
    box = first.bounding_box()
    assert box is not None and box["y"] < 740, "the first task is on the first screen"
    phone_page.click("details#task-filters > summary")
    assert phone_page.locator("select[name=area]").is_visible()
    phone_page.select_option("select[name=phase]", "before")
    expect(phone_page.locator("#filter-count")).to_contain_text("2 điều kiện")


def test_on_a_desktop_the_task_filters_stay_open(page, live_server):
    world = build_world()
    _tasks(world, 1)
    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/")
    assert page.locator("details#task-filters").get_attribute("open") is not None
    assert page.locator("select[name=area]").is_visible()
    assert "chưa lọc" in page.locator("#filter-count").inner_text()


def test_the_deadline_calendar_writes_the_day_as_dd_mm_yyyy_and_d_minus_n_still_types(
    phone_page, live_server
):
    world = build_world()
    login(phone_page, live_server, "secretariat", PASSWORD)
    phone_page.goto(f"{live_server.url}/dai-hoi/{world.congress.pk}/nhiem-vu/them/")
    start = phone_page.locator("input[name=start_date]")
    assert start.get_attribute("type") == "date"
    start.fill("2020-09-05")
    start.dispatch_event("change")
    # Whatever order the browser draws its picker in, the day is repeated as dd/mm/yyyy.
    assert phone_page.locator("input[name=start_date] + .date-echo").inner_text() == (
        "Ngày đã chọn: 05/09/2020"
    )
    deadline = phone_page.locator("input[name=deadline]")
    assert deadline.get_attribute("type") == "text"
    phone_page.locator("input.date-pick[data-date-for=id_deadline]").fill("2020-09-25")
    assert deadline.input_value() == "25/09/2020"
    deadline.fill("D-30")
    assert deadline.input_value() == "D-30"
    deadline.fill("01/10/2020")
    picker = phone_page.locator("input.date-pick[data-date-for=id_deadline]")
    assert picker.input_value() == "2020-10-01"
