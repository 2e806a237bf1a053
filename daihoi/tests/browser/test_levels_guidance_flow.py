"""The province sends a guidance to its districts, a district officer reports on it, and the
province's roll-up shows it."""

import datetime as dt

import pytest

from daihoi.accounts.models import Role
from daihoi.core.dates import today
from daihoi.levels.models import GuidanceSend
from daihoi.levels.tests.helpers import build_tree
from daihoi.organizations.models import Agency, Congress, Participation
from daihoi.planning.models import Task
from daihoi.testing.factories import PASSWORD, UserFactory, build_world
from daihoi.testing.mail import run_worker

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_province_guidance_reaches_a_district_officer_and_shows_in_the_rollup(page, live_server):
    world = build_world()
    build_tree(world)
    Congress.objects.filter(pk=world.district.pk).update(
        opening_date=today() + dt.timedelta(days=30)
    )
    office = Agency.objects.get(congress=world.district)
    officer = UserFactory.create(username="vanphong-dakha", full_name="Y Thị Hoa")
    Participation.objects.create(
        user=officer, congress=world.district, role=Role.AGENCY_OFFICER, agency=office
    )
    base = f"{live_server.url}/dai-hoi/{world.congress.pk}/cac-cap"

    login(page, live_server, "secretariat", PASSWORD)
    page.click("nav >> text=Các cấp")
    page.click(".tabs >> text=Hướng dẫn")
    page.click("text=Soạn hướng dẫn gửi cấp dưới")
    page.fill("input[name=title]", "Hướng dẫn tuyên truyền Đại hội Đảng bộ các cấp")
    page.fill("input[name=symbol]", "12-HD/BTGTU")
    page.click("button:has-text('Lưu')")
    page.click("text=Thêm nhiệm vụ")
    page.fill("input[name=title]", "Treo băng rôn chào mừng Đại hội")
    page.select_option("select[name=area]", "propaganda")
    page.fill("input[name=deadline]", "D-10")
    page.click("button:has-text('Lưu')")
    page.select_option("select[name=level]", "district")
    page.click("button:has-text('Gửi')")
    page.wait_for_load_state("networkidle")
    assert "Đang gửi cho 1 Đại hội cấp dưới" in page.content()
    run_worker()  # the background job delivers the tasks
    assert GuidanceSend.objects.get().state == GuidanceSend.State.DONE
    page.reload()
    assert "1/1 Đại hội (100%)" in page.content()
    logout(page)

    login(page, live_server, "vanphong-dakha", PASSWORD)
    page.click("text=Nhiệm vụ của đơn vị")
    page.click("text=Treo băng rôn chào mừng Đại hội")
    assert "12-HD/BTGTU" in page.content()  # where it came from
    page.click("text=Báo cáo tiến độ")
    page.fill("textarea[name=text]", "Đã treo băng rôn tại trụ sở Huyện ủy.")
    page.fill("input[name=percent]", "60")
    page.click("button:has-text('Gửi báo cáo')")
    page.wait_for_load_state("networkidle")
    assert Task.objects.get(congress=world.district).progress == 60
    logout(page)

    login(page, live_server, "secretariat", PASSWORD)
    page.goto(f"{base}/tong-hop/")
    rollup = page.content()
    assert "Nhiệm vụ theo hướng dẫn chưa hoàn thành ở cấp dưới" in rollup
    assert "12-HD/BTGTU" in rollup and "1 nhiệm vụ" in rollup
    row = page.locator("tr", has_text=world.district.name)
    assert row.locator("td").nth(1).inner_text() == "1"  # open, on time
    page.click("text=12-HD/BTGTU")
    assert "60%" in page.locator("tr", has_text=world.district.name).inner_text()
