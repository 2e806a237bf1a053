"""The province asks its districts for a report, a district's secretariat answers it in its own
congress, and the province sees the answer in the consolidated table."""

import datetime as dt

import pytest

from daihoi.accounts.models import Role
from daihoi.core.dates import today
from daihoi.levels.tests.helpers import build_tree
from daihoi.organizations.models import Participation
from daihoi.reporting.models import ReportSubmission
from daihoi.testing.factories import PASSWORD, UserFactory, build_world

from .conftest import login, logout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_district_answers_the_provinces_report_request_and_it_shows_in_the_table(
    page, live_server
):
    world = build_world()
    build_tree(world)
    clerk = UserFactory.create(username="thuongtruc-dakha", full_name="A Văn Nam")
    Participation.objects.create(user=clerk, congress=world.district, role=Role.SECRETARIAT)

    login(page, live_server, "secretariat", PASSWORD)
    page.click("nav >> text=Báo cáo")
    page.click("text=+ Yêu cầu Đại hội cấp dưới báo cáo")
    page.fill("input[name=title]", "Báo cáo số liệu đảng viên trước Đại hội")
    page.fill("input[name=deadline]", (today() + dt.timedelta(days=10)).isoformat())  # date picker
    page.fill("textarea[name=columns]", "Số đảng viên | số\nGhi chú | không bắt buộc")
    page.select_option("select[name=level]", "district")
    page.click("button:has-text('Lưu')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi yêu cầu báo cáo tới các Đại hội cấp dưới" in page.content()
    assert world.district.name in page.content()
    logout(page)

    login(page, live_server, "thuongtruc-dakha", PASSWORD)
    page.click("nav >> text=Các cấp")
    page.click(".tabs >> text=Báo cáo các cấp")
    page.click("text=Báo cáo số liệu đảng viên trước Đại hội")
    page.fill("textarea[name=text]", "Đảng bộ huyện đã rà soát danh sách đảng viên.")
    page.fill("input[name=value_0]", "4.321")
    page.click("#report-answer button:has-text('Gửi báo cáo')")
    page.wait_for_load_state("networkidle")
    assert "Đã gửi báo cáo lên" in page.content()
    assert ReportSubmission.objects.get().values == ["4.321", ""]
    logout(page)

    login(page, live_server, "secretariat", PASSWORD)
    page.click("nav >> text=Báo cáo")
    page.click("text=Báo cáo số liệu đảng viên trước Đại hội")
    row = page.locator("#submission-rows tr", has_text=world.district.name)
    assert "4.321" in row.inner_text()
    assert "Đã gửi đúng hạn" in row.inner_text()
